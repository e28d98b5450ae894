// @vitest-environment happy-dom
import { computedLayout, gatherSentence, nextSentence } from './gather';
import { sourceRange } from './sentence';
import { findText, showFixturePage } from './test-support/fixture-page';

function sentenceAt(root: Element, needle: string, extra = 0) {
  const { node, offset } = findText(root, needle);
  const s = gatherSentence(node, offset + extra, computedLayout(window));
  if (!s) throw new Error(`no sentence at ${needle}`);
  return s;
}

/** What the page text of text[start, end) is, through the map back to the DOM. */
function pageTextOf(s: ReturnType<typeof sentenceAt>, start: number, end: number): string {
  const span = sourceRange(s.segments, start, end)!;
  const range = document.createRange();
  range.setStart(span.start.node, span.start.offset);
  range.setEnd(span.end.node, span.end.offset);
  return range.toString();
}

describe('gatherSentence on real news pages', () => {
  it('reads NHK News Web Easy through its ruby and word spans, leaving the readings out', () => {
    showFixturePage('nhk-easy-1.html');
    const body = document.querySelector('#js-article-body')!;
    const before = body.textContent;
    const s = sentenceAt(body, '法律');
    expect(s.text).toBe(
      '4月から法律が変わって、障害がある人が困っているときは、役所だけではなくて、会社もできるだけ手伝いをしなければなりません',
    );
    expect(s.text.slice(s.at, s.at + 2)).toBe('法律');
    const at = s.text.indexOf('障害');
    // The page range runs from 障 to る; the reading printed above 障害 lies inside it, as on screen.
    expect(pageTextOf(s, at, at + 5)).toBe('障害しょうがいがある');
    expect(body.textContent).toBe(before);
  });

  it('stops at the edge of a block: an NHK heading is not run into the paragraph after it', () => {
    showFixturePage('nhk-1.html');
    const body = document.querySelector('div.content--detail-body')!;
    expect(sentenceAt(body, '事故の経緯').text).toBe('《事故の経緯》');
    expect(sentenceAt(body, '先月26日の午前').text).toBe(
      '先月26日の午前8時半ごろ、種子島宇宙センターで行われた固体燃料式の小型ロケット「イプシロンS」の2段目の燃焼試験で、燃焼中に異常が発生しました',
    );
  });

  it("ends a sentence at Yahoo's pre-wrap paragraph breaks, not at the link before them", () => {
    showFixturePage('yahoo-1.html');
    const body = document.querySelector('article#uamods div.article_body')!;
    const s = sentenceAt(body, '会見では');
    expect(s.text.startsWith('会見では、「なぜ（前年から）結果が下がったのか')).toBe(true);
    expect(s.text.endsWith('と懸念を表明')).toBe(true);
  });

  it('stops at <br> inside a paragraph', () => {
    // The seed article's headline and dateline, as a site lays them out in one paragraph.
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.append(
      'バイデン=プーチン、初の電話会談 新START延長で合意',
      document.createElement('br'),
      '2021年1月27日(水)11時16分',
    );
    document.body.append(p);
    expect(sentenceAt(p, '電話会談').text).toBe('バイデン=プーチン、初の電話会談 新START延長で合意');
    expect(sentenceAt(p, '月27日').text).toBe('2021年1月27日(水)11時16分');
  });
});

describe('nextSentence: where the reader goes after a sentence', () => {
  function page(html: string) {
    // Test markup of our own, parsed as a page would be.
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
    return computedLayout(window);
  }

  it('is the next sentence of the paragraph, then the first of the next paragraph, past what is not shown', () => {
    const layout = page(
      '<p id="a">米ロ首脳が電話会談した。新STARTの延長で合意した。</p>' +
        '<p style="display:none">隠れた広告の文です。</p>' +
        '<p>ロシア大統領府が発表した。</p>',
    );
    const first = sentenceAt(document.getElementById('a')!, '電話');
    const second = nextSentence(first, layout);
    expect(second?.text).toBe('新STARTの延長で合意した');
    expect(second?.text[second.at]).toBe('新');
    const third = nextSentence(second!, layout);
    expect(third?.text).toBe('ロシア大統領府が発表した');
    expect(third && nextSentence(third, layout)).toBeNull();
  });

  it('skips ruby readings: the next sentence starts on a base character', () => {
    const layout = page('<p id="a">合意した。<ruby>延長<rt>えんちょう</rt></ruby>する。</p>');
    const next = nextSentence(sentenceAt(document.getElementById('a')!, '合意'), layout);
    expect(next?.text).toBe('延長する');
    expect(next?.at).toBe(0);
  });
});
