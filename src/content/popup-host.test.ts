// @vitest-environment happy-dom
import { loadNodeWords } from '../node/words';
import { lookupWords } from '../core/lookup/word-lookup';
import { HOST_ID, PopupHost } from './popup-host';

vi.mock('webextension-polyfill', () => import('../ui/test-support/fake-browser'));

const options = { showRomaji: false, showKanji: true, theme: 'system' as const, fontSize: 15 };
const anchor = { left: 120, top: 80, right: 160, bottom: 104 };

async function view() {
  const result = lookupWords('電話会談した。', 0, { words: await loadNodeWords() })!;
  return { kind: 'result' as const, result };
}

describe('PopupHost', () => {
  it('lives in its own element under <html>, in an open shadow root, leaving the body alone', async () => {
    document.body.replaceChildren(document.createTextNode('電話会談した。'));
    const bodyBefore = [...document.body.childNodes];
    const host = new PopupHost(window);
    host.show(await view(), options, anchor, false);

    const el = document.getElementById(HOST_ID)!;
    expect(el.parentNode).toBe(document.documentElement);
    expect(el.tagName.toLowerCase()).toBe('kiji-popup');
    expect(el.shadowRoot).not.toBeNull();
    expect([...document.body.childNodes]).toEqual(bodyBefore);
    const styled = el.shadowRoot!.adoptedStyleSheets.length > 0 || !!el.shadowRoot!.querySelector('style');
    expect(styled).toBe(true);

    const dialog = el.shadowRoot!.querySelector<HTMLElement>('[role=dialog][data-kiji-popup]')!;
    expect(dialog.querySelector('.headword')?.textContent).toBe('電話');
    expect(dialog.style.top).toBe(`${anchor.bottom + 6}px`);
    expect(host.visible).toBe(true);
    host.destroy();
  });

  it('prepared ahead of the first hover, shows as usual and keeps nothing of the probe after a frame', async () => {
    const host = new PopupHost(window);
    host.prepare();
    expect(host.visible).toBe(false);
    const root = document.getElementById(HOST_ID)!.shadowRoot!;
    host.show(await view(), options, anchor, false);
    expect(root.querySelectorAll('[role=dialog]')).toHaveLength(1);
    expect(root.querySelector('[role=dialog] .headword')?.textContent).toBe('電話');
    host.hide();
    await new Promise((done) => setTimeout(done, 100));
    expect(root.querySelector('.kiji-popup')).toBeNull();
    host.destroy();
  });

  it('swaps content in place, hides without leaving a dialog behind, and removes itself on destroy', async () => {
    const host = new PopupHost(window);
    host.show(await view(), options, anchor, false);
    host.show({ kind: 'error', error: 'engine not ready' }, options, anchor, false);
    const root = document.getElementById(HOST_ID)!.shadowRoot!;
    expect(root.querySelectorAll('[role=dialog]')).toHaveLength(1);
    expect(root.querySelector('.error')?.textContent).toBe('Kiji could not look this up: engine not ready');
    host.hide();
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(host.visible).toBe(false);
    host.destroy();
    expect(document.getElementById(HOST_ID)).toBeNull();
  });

  it('replaces a host left behind by an earlier copy of the script', async () => {
    const stale = document.createElement('kiji-popup');
    stale.id = HOST_ID;
    document.documentElement.append(stale);
    const host = new PopupHost(window);
    host.show(await view(), options, anchor, false);
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
    expect(document.getElementById(HOST_ID)).not.toBe(stale);
    host.destroy();
  });
});
