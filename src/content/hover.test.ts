// @vitest-environment happy-dom
/**
 * The hover loop against the real dictionary, with the layout-dependent parts (which character is under the
 * pointer, where a range is drawn) stood in for: a test DOM has no layout. Real browsers run the e2e tests.
 */
import { loadNodeWords } from '../node/words';
import { lookupWords } from '../core/lookup/word-lookup';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { charAtPoint } from './caret';
import { HEADING_HOLD_MS, HIDE_GRACE_MS, HoverController, REFINE_DELAY_MS } from './hover';
import { LookupClient } from './lookup-client';
import { HOST_ID, PopupHost } from './popup-host';

vi.mock('webextension-polyfill', () => import('../ui/test-support/fake-browser'));
vi.mock('./caret', () => ({ charAtPoint: vi.fn() }));

const SENTENCE = 'バイデン米大統領は26日、就任後初めてロシアのプーチン大統領と電話会談した。';
/** Pointer x = 10 × character index; y = 10 is on the line, anything else is off the text. */
const xOf = (needle: string) => SENTENCE.indexOf(needle) * 10 + 5;

interface Pending {
  text: string;
  at: number;
  /** Answers with the dictionary's result. */
  release: () => void;
  /** Answers with `value` instead. */
  answer: (value: unknown) => void;
}

let pending: Pending[];
let sent: number;
let controller: HoverController;
let popup: PopupHost;
let text: Text;

async function setUp(settings: Partial<Settings> = {}) {
  const words = await loadNodeWords();
  pending = [];
  sent = 0;
  // Each reply waits until the test releases it, so the order of answers is the test's to choose.
  const send = (t: string, at: number) =>
    new Promise<unknown>((resolve) => {
      sent++;
      const answer = (value: unknown) => resolve({ ok: true, value });
      pending.push({ text: t, at, answer, release: () => answer(lookupWords(t, at, { words })) });
    });
  const p = document.createElement('p');
  text = document.createTextNode(SENTENCE);
  p.append(text);
  document.body.replaceChildren(p);
  vi.mocked(charAtPoint).mockImplementation((_doc, x, y) => {
    const offset = Math.floor(x / 10);
    return y === 10 && offset < SENTENCE.length ? { node: text, offset } : null;
  });
  popup = new PopupHost(window);
  const all = { ...DEFAULT_SETTINGS, ...settings };
  controller = new HoverController(window, all, new LookupClient(send), popup);
  controller.start();
}

function move(x: number, y = 10, init: MouseEventInit = {}, target: EventTarget = document.body) {
  target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, composed: true, ...init }));
}

/** Lets the throttled pointer handling run and any released reply arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

function shownHeadword(): string | null {
  const dialog = document.getElementById(HOST_ID)?.shadowRoot?.querySelector('[role=dialog][data-kiji-popup]');
  return dialog?.querySelector('[data-entry] .headword')?.textContent ?? null;
}

beforeAll(() => {
  // Every range is drawn somewhere on the line.
  Range.prototype.getClientRects = function () {
    return [new DOMRect(0, 0, 40, 20)] as unknown as DOMRectList;
  };
});

afterEach(() => controller.stop());

describe('hovering Japanese text', () => {
  it('sends one lookup for the sentence under the pointer and shows the longest word', async () => {
    await setUp();
    const before = document.body.textContent;
    move(xOf('電話'));
    await settle();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.text).toBe(SENTENCE.slice(0, -1));
    expect(pending[0]!.text.slice(pending[0]!.at)).toMatch(/^電話会談/);
    pending[0]!.release();
    await settle();
    expect(shownHeadword()).toBe('電話');
    expect(document.body.textContent).toBe(before);
  });

  it('looks up the first move at once, and a burst of moves only at its last position', async () => {
    await setUp();
    // The burst comes 1 ms apart, whatever else the machine is doing while the test runs.
    let clock = 1000;
    const now = vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
    move(xOf('電話'));
    // No waiting for a frame or a timer: the lookup is on its way before the event returns.
    expect(pending).toHaveLength(1);
    clock += 1;
    move(xOf('ロシア'));
    clock += 1;
    move(xOf('プーチン'));
    expect(pending).toHaveLength(1);
    now.mockRestore();
    await settle();
    expect(pending).toHaveLength(2);
    expect(pending[1]!.text.slice(pending[1]!.at)).toMatch(/^プーチン/);
  });

  it('follows pointerrawupdate where the browser sends it, and from then on ignores mousemove (a frame late)', async () => {
    await setUp();
    const raw = (x: number) =>
      document.body.dispatchEvent(
        Object.assign(new MouseEvent('pointerrawupdate', { clientX: x, clientY: 10, bubbles: true }), {
          pointerType: 'mouse',
        }),
      );
    raw(xOf('電話'));
    expect(pending).toHaveLength(1);
    expect(pending[0]!.text.slice(pending[0]!.at)).toMatch(/^電話/);
    await settle();
    // The same move arriving again as mousemove, at the next frame: already handled.
    move(xOf('ロシア'));
    await settle();
    expect(pending).toHaveLength(1);
    raw(xOf('ロシア'));
    await settle();
    expect(pending).toHaveLength(2);
  });

  it('asks again while the engine is still loading, even when its first answer is empty', async () => {
    await setUp();
    move(xOf('電話'));
    // The loading engine knows nothing here yet (as for 報奨金 before the glossary is in).
    pending[0]!.answer({ start: pending[0]!.at, end: pending[0]!.at, match: '', entries: [], partial: true });
    await settle();
    expect(shownHeadword()).toBeNull();
    expect(pending).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, REFINE_DELAY_MS));
    expect(pending).toHaveLength(2);
    pending[1]!.release();
    await settle();
    expect(shownHeadword()).toBe('電話');
  });

  it('does no work while the pointer stays on the same character', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    move(xOf('電話') + 3);
    await settle();
    expect(sent).toBe(1);
  });

  it('keeps the last popup while the next answer is on its way, then swaps it', async () => {
    await setUp();
    move(xOf('大統領'));
    await settle();
    pending[0]!.release();
    await settle();
    expect(shownHeadword()).toBe('大統領');
    move(xOf('電話'));
    await settle();
    expect(shownHeadword()).toBe('大統領');
    pending[1]!.release();
    await settle();
    expect(shownHeadword()).toBe('電話');
  });

  it('shows only the latest hover when answers arrive out of order', async () => {
    await setUp();
    move(xOf('就任'));
    await settle();
    move(xOf('ロシア'));
    await settle();
    pending[1]!.release();
    await settle();
    pending[0]!.release();
    await settle();
    expect(shownHeadword()).toBe('ロシア');
  });

  it('shows the word when the page re-rendered its text while the answer was on the way, the pointer still', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    // A framework renders the paragraph again: the same text, in a new node, under the same pointer.
    const fresh = document.createTextNode(SENTENCE);
    text.replaceWith(fresh);
    text = fresh;
    pending[0]!.release();
    await settle();
    expect(shownHeadword()).toBe('電話');
    // Looked again at the new node, answered from the cache: no second request.
    expect(sent).toBe(1);
  });

  it('answers a second visit to a word from the cache', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    pending[0]!.release();
    await settle();
    move(xOf('会談'));
    await settle();
    pending[1]!.release();
    await settle();
    move(xOf('電話'));
    await settle();
    expect(sent).toBe(2);
    expect(shownHeadword()).toBe('電話');
  });

  it('hides after a short grace once the pointer leaves the text, but not when it comes back in time', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    pending[0]!.release();
    await settle();
    move(xOf('電話'), 50);
    await settle();
    move(xOf('電話'));
    await new Promise((r) => setTimeout(r, HIDE_GRACE_MS + 50));
    expect(shownHeadword()).toBe('電話');
    move(xOf('電話'), 50);
    await new Promise((r) => setTimeout(r, HIDE_GRACE_MS + 50));
    expect(shownHeadword()).toBeNull();
  });

  it('stays open while the pointer is over the popup', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    pending[0]!.release();
    await settle();
    move(500, 300, {}, document.getElementById(HOST_ID)!);
    await new Promise((r) => setTimeout(r, HIDE_GRACE_MS + 50));
    expect(shownHeadword()).toBe('電話');
  });

  it('lets the pointer cross the next line on its way down to the popup, and looks up where it stops', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    pending[0]!.release();
    await settle();
    expect(shownHeadword()).toBe('電話');
    // The popup sits below the next line (y 60–200), the word's line is y 0–20; the next line's text is at y 40.
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 60, 600, 140));
    vi.mocked(charAtPoint).mockImplementation((_doc, x, y) =>
      y === 10 || y === 40 ? { node: text, offset: Math.floor(x / 10) } : null,
    );
    try {
      move(xOf('会談'), 40);
      await new Promise((r) => setTimeout(r, HEADING_HOLD_MS - 80));
      expect(sent).toBe(1);
      expect(shownHeadword()).toBe('電話');
      // Stopped there: the word under the pointer is looked up.
      await new Promise((r) => setTimeout(r, 160));
      expect(sent).toBe(2);
    } finally {
      rect.mockRestore();
    }
  });

  it('closes on Escape and stays closed until the pointer reaches another character', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    pending[0]!.release();
    await settle();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(shownHeadword()).toBeNull();
    move(xOf('電話') + 2);
    await settle();
    expect(shownHeadword()).toBeNull();
    move(xOf('会談'));
    await settle();
    expect(sent).toBe(2);
  });

  it('closes when the page scrolls or the window loses focus', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    pending[0]!.release();
    await settle();
    window.dispatchEvent(new Event('scroll'));
    expect(shownHeadword()).toBeNull();
    move(xOf('会談'));
    await settle();
    pending[1]!.release();
    await settle();
    expect(shownHeadword()).toBe('会談');
    window.dispatchEvent(new Event('blur'));
    expect(shownHeadword()).toBeNull();
  });

  it('with a hover key set, looks up only while that key is held', async () => {
    await setUp({ hoverKey: 'Shift' });
    move(xOf('電話'));
    await settle();
    expect(sent).toBe(0);
    move(xOf('電話'), 10, { shiftKey: true });
    await settle();
    expect(sent).toBe(1);
  });

  it('shows a theme chosen in the options on the popup already open', async () => {
    await setUp();
    move(xOf('電話'));
    await settle();
    pending[0]!.release();
    await settle();
    const dialog = () => document.getElementById(HOST_ID)?.shadowRoot?.querySelector('[data-kiji-popup]');
    expect(dialog()?.getAttribute('data-theme')).toBe('system');
    controller.updateSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(dialog()?.getAttribute('data-theme')).toBe('dark');
    expect(shownHeadword()).toBe('電話');
  });

  it('does nothing while switched off', async () => {
    await setUp({ enabled: false });
    move(xOf('電話'));
    await settle();
    expect(sent).toBe(0);
  });
});
