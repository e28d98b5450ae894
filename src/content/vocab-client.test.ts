// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.newsweekjapan.jp/stories/world/2021/01/post-95461.php#top"}
/**
 * Saving from the hover popup, from the keypress to the stored record: the real hover loop and popup, lookups in
 * the real EDICT and glossary, and the real store (on fake-indexeddb) answering the messages the content script sends.
 */
import { IDBFactory } from 'fake-indexeddb';
import { loadNodeWords } from '../node/words';
import { loadNodeGlossary } from '../node/glossary';
import { lookup } from '../core/lookup/answer';
import { seedSentences } from '../../tests/support/real-saves';
import { sentenceParts, wordId } from '../core/vocab/word';
import { answerVocabRequest, setVocabStore } from '../background/vocab/requests';
import { VocabStore } from '../background/vocab/store';
import { parseEnvelope } from '../messages';
import { DEFAULT_SETTINGS } from '../settings';
import { charAtPoint } from './caret';
import { HoverController } from './hover';
import { LookupClient } from './lookup-client';
import { HOST_ID, PopupHost } from './popup-host';
import { PopupVocabController, saveInputFor } from './vocab-client';

vi.mock('webextension-polyfill', () => import('../ui/test-support/fake-browser'));
vi.mock('./caret', () => ({ charAtPoint: vi.fn() }));

const SENTENCE = seedSentences().find((s) => s.includes('核軍縮条約') && s.includes('延長'))!;
const xOf = (needle: string) => SENTENCE.indexOf(needle) * 10 + 5;

let store: VocabStore;
let controller: HoverController;
let vocabSent: string[];

async function setUp() {
  const words = await loadNodeWords();
  const glossary = loadNodeGlossary();
  store = new VocabStore({ idb: new IDBFactory(), estimate: async () => ({ usage: 0, quota: 1 }) });
  setVocabStore(store);
  vocabSent = [];
  const p = document.createElement('p');
  const text = document.createTextNode(SENTENCE);
  p.append(text);
  const title = document.createElement('h1');
  title.setAttribute('data-kiji-title', '');
  title.textContent = 'バイデン=プーチン、初の電話会談 新START延長で合意';
  const input = document.createElement('input');
  document.body.replaceChildren(title, p, input);
  document.title = 'ニューズウィーク日本版 | 最新記事';
  vi.mocked(charAtPoint).mockImplementation((_doc, x, y) => {
    const offset = Math.floor(x / 10);
    return y === 10 && offset < SENTENCE.length ? { node: text, offset } : null;
  });
  const lookups = new LookupClient(async (t, at) => ({ ok: true, value: lookup(t, at, { words, glossary }) }));
  controller = new HoverController(window, DEFAULT_SETTINGS, lookups, new PopupHost(window));
  // Messages cross a JSON boundary and the router's validation, as between real contexts.
  const send = async (m: unknown) => {
    const msg = parseEnvelope(JSON.parse(JSON.stringify(m)));
    if (!msg) throw new Error('rejected by the router');
    vocabSent.push(msg.type);
    return answerVocabRequest(msg);
  };
  controller.attachVocab(new PopupVocabController(send, document));
  controller.start();
}

const settle = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms));

function dialog(): HTMLElement | null {
  return document.getElementById(HOST_ID)?.shadowRoot?.querySelector('[role=dialog][data-kiji-popup]') ?? null;
}

async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = probe();
    if (v) return v;
    await settle(20);
  }
  throw new Error(`timed out waiting for ${what}; popup: ${dialog()?.textContent}`);
}

function hover(needle: string) {
  document.body.dispatchEvent(new MouseEvent('mousemove', { clientX: xOf(needle), clientY: 10, bubbles: true }));
}

/** Saves 延長 with s, closes the popup and hovers 合意, an unsaved word: 延長 is then met again. */
async function saveThenMoveOn() {
  hover('延長');
  await until(() => dialog()?.querySelector('.vocab[data-vocab=unsaved]'), 'save row');
  press('s');
  await until(() => dialog()?.querySelector('.vocab-saved'), 'saved');
  press('Escape');
  hover('合意');
  await until(() => dialog()?.querySelector('.vocab[data-vocab=unsaved]'), '合意 unsaved');
}

function press(key: string, target: EventTarget = document.body) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

beforeAll(() => {
  Range.prototype.getClientRects = function () {
    return [new DOMRect(0, 0, 40, 20)] as unknown as DOMRectList;
  };
});

afterEach(() => {
  controller.stop();
  store.close();
});

describe('saving from the hover popup', () => {
  it('s saves the first entry with its sentence, the article title and the page, and the popup says where', async () => {
    await setUp();
    hover('延長');
    const bar = await until(
      () => dialog()?.querySelector<HTMLElement>('[data-entry] .vocab[data-vocab=unsaved]'),
      'save row',
    );
    expect(bar.textContent).toContain('Save');
    press('s');
    const saved = await until(() => dialog()?.querySelector('[data-entry] .vocab-saved'), 'saved indicator');
    expect(saved.textContent).toBe('★ Saved in My words');
    const { words } = await store.dump();
    expect(words).toHaveLength(1);
    const [word] = words;
    expect([word!.headword, word!.reading]).toEqual(['延長', 'えんちょう']);
    expect(word!.senses[0]!.glosses.join(' ')).toMatch(/extension/);
    expect(sentenceParts(word!.sentences[0]!)).toEqual([
      SENTENCE.slice(0, SENTENCE.indexOf('延長')),
      '延長',
      // The sentence as the content script cuts it: up to its 。, without it.
      SENTENCE.slice(SENTENCE.indexOf('延長') + 2).replace(/。$/, ''),
    ]);
    expect(word!.sentences[0]).toMatchObject({
      title: 'バイデン=プーチン、初の電話会談 新START延長で合意',
      url: 'https://www.newsweekjapan.jp/stories/world/2021/01/post-95461.php',
      site: 'newsweekjapan.jp',
    });
  });

  it('s saves the glossary card when it comes first', async () => {
    await setUp();
    hover('核軍縮条約');
    await until(() => dialog()?.querySelector('[data-source=glossary] .vocab[data-vocab=unsaved]'), 'card save row');
    press('s');
    await until(() => dialog()?.querySelector('[data-source=glossary] .vocab-saved'), 'card saved');
    const { words } = await store.dump();
    expect(words.map((w) => [w.headword, w.source])).toEqual([['核軍縮条約', 'glossary']]);
  });

  it('shows a word saved before as saved, in its list, the next time it is hovered', async () => {
    await setUp();
    await store.editList({ op: 'create', id: 'l-gunshuku', name: '軍縮' });
    await saveThenMoveOn();
    hover('延長');
    const saved = await until(() => dialog()?.querySelector('[data-entry] .vocab-saved'), 'saved again');
    expect(saved.textContent).toBe('★ Saved in 軍縮');
  });

  it('draws a word met again as saved at once, without waiting for the store', async () => {
    await setUp();
    await saveThenMoveOn();
    const asked = vocabSent.length;
    hover('延長');
    await until(() => dialog()?.querySelector('[data-entry]'), '延長 again');
    // Drawn from what this page already heard; the store is asked afterwards, and agrees.
    expect(dialog()?.querySelector('[data-entry] .vocab-saved')).not.toBeNull();
    await until(() => vocabSent.length > asked, 'the status question');
    expect(dialog()?.querySelector('[data-entry] .vocab-saved')).not.toBeNull();
  });

  it('marks a word known and unmarks it, leaving nothing behind', async () => {
    await setUp();
    hover('合意');
    const known = await until(
      () => dialog()?.querySelector<HTMLElement>('[data-entry] .vocab[data-vocab=unsaved] .vocab-known'),
      'known control',
    );
    known.click();
    await until(() => dialog()?.querySelector('[data-entry] .vocab[data-vocab=known]'), 'known state');
    expect(await store.knownWords()).toEqual(['合意']);
    expect((await store.dump()).words[0]!.lists).toEqual([]);
    dialog()!.querySelector<HTMLElement>('[data-entry] .vocab-known')!.click();
    await until(() => dialog()?.querySelector('[data-entry] .vocab[data-vocab=unsaved]'), 'unmarked');
    expect((await store.dump()).words).toEqual([]);
  });

  it('leaves s to the page while the reader types in a field, and when no popup is open', async () => {
    await setUp();
    press('s');
    hover('延長');
    await until(() => dialog()?.querySelector('.vocab[data-vocab=unsaved]'), 'save row');
    press('s', document.querySelector('input')!);
    await settle();
    expect(vocabSent).not.toContain('vocabSave');
    expect((await store.dump()).words).toEqual([]);
  });

  it('says so when storage is full, and the word stays unsaved', async () => {
    await setUp();
    hover('延長');
    await until(() => dialog()?.querySelector('.vocab[data-vocab=unsaved]'), 'save row');
    const save = store.save.bind(store);
    store.save = async () => {
      throw Object.assign(new Error('quota'), { name: 'VocabError' });
    };
    try {
      press('s');
      const notice = await until(() => dialog()?.querySelector('.vocab-notice.error'), 'error notice');
      expect(notice.textContent).toMatch(/Storage is full: the word was NOT saved/);
    } finally {
      store.save = save;
    }
    expect(dialog()!.querySelector('[data-entry] .vocab')!.getAttribute('data-vocab')).toBe('unsaved');
  });

  it('keeps the popup free of anything focusable', async () => {
    await setUp();
    hover('延長');
    await until(() => dialog()?.querySelector('.vocab[data-vocab=unsaved]'), 'save row');
    expect(dialog()!.querySelector('a, button, input, select, textarea, [tabindex]')).toBeNull();
  });
});

describe('what a save records', () => {
  it('marks the span of the entry saved, which may be shorter than the longest match', async () => {
    const words = await loadNodeWords();
    const at = SENTENCE.indexOf('核軍縮条約');
    const result = lookup(SENTENCE, at, { words, glossary: loadNodeGlossary() })!;
    const shorter = result.entries.find((e) => e.source === 'words' && e.matchLength < result.end - result.start)!;
    const save = saveInputFor(shorter, result, SENTENCE, document);
    expect(SENTENCE.slice(save.context.sentence.start, save.context.sentence.end)).toBe(shorter.headword);
    expect(wordId(save.entry.headword, save.entry.reading)).toBe(`${shorter.headword}\t${shorter.reading}`);
  });
});
