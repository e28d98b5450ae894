// @vitest-environment happy-dom
import { RubyLayer, type NodeRuby } from './ruby-dom';

/** A paragraph of one text node with a reading on each of its 100 words (a long article's paragraph). */
function paragraph(): { p: HTMLParagraphElement; node: Text; ruby: NodeRuby[] } {
  const words = Array.from({ length: 100 }, () => '合意');
  const p = document.createElement('p');
  p.textContent = words.join('、');
  document.body.replaceChildren(p);
  const ruby = words.map((_, i) => ({ start: i * 3, end: i * 3 + 2, reading: 'ごうい' }));
  return { p, node: p.firstChild as Text, ruby };
}

describe('furigana on a long text node, in steps', () => {
  it('changes the page only at the last step, and then shows every reading', () => {
    const { p, node, ruby } = paragraph();
    const text = p.textContent;
    const layer = new RubyLayer(window);
    const steps = layer.placeInSteps(node, ruby, 32);
    let yielded = 0;
    while (!steps.next().done) {
      yielded++;
      // Half-built furigana is never on the page.
      expect(p.querySelectorAll('ruby')).toHaveLength(0);
    }
    expect(yielded).toBe(3);
    expect(p.querySelectorAll('ruby')).toHaveLength(100);
    layer.restore();
    expect(p.textContent).toBe(text);
    expect(p.childNodes).toHaveLength(1);
  });

  it('places nothing when the page rewrote the text between steps', () => {
    const { p, node, ruby } = paragraph();
    const layer = new RubyLayer(window);
    const steps = layer.placeInSteps(node, ruby, 32);
    steps.next();
    node.data = '記事が差し替えられた';
    while (!steps.next().done);
    expect(p.querySelectorAll('ruby')).toHaveLength(0);
    expect(p.textContent).toBe('記事が差し替えられた');
    expect(layer.size).toBe(0);
  });
});
