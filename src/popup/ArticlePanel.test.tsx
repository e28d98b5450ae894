// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { annotateText } from '../core/annotate';
import { loadNodeWords } from '../node/words';
import { loadNodeGlossary } from '../node/glossary';
import type { ArticleInfo } from '../core/reading-types';
import { nodeKuromojiLoader } from '../node/kuromoji';
import { createTokenizer } from '../core/tokenizer/tokenizer';
import { ReadingMode } from '../content/reading-mode/reading-mode';
import { useLocale } from '../ui/test-support/fake-browser';
import { parseEnvelope } from '../messages';
import { DEFAULT_SETTINGS } from '../settings';
import { ArticlePanel, tabFromQuery } from './ArticlePanel';

const sent: { tabId: number; message: { type: string; payload: unknown } }[] = [];
/** Messages to the background (vocabulary saves). */
const toBackground: unknown[] = [];
let answer: (message: { type: string; payload: unknown }) => unknown = () => undefined;
/** The store's lists, as the background answers them. */
const summary = {
  total: 0,
  known: 0,
  learning: 0,
  lists: [
    { id: 'default', name: '', count: 0 },
    { id: 'l-diplomacy', name: 'Diplomacy', count: 3 },
  ],
  lastListId: 'l-diplomacy',
  recent: [],
};

vi.mock('webextension-polyfill', async () => {
  const fake = await import('../ui/test-support/fake-browser');
  return {
    default: {
      ...fake.default,
      tabs: {
        sendMessage: async (tabId: number, message: { type: string; payload: unknown }) => {
          sent.push({ tabId, message });
          return answer(message);
        },
      },
      runtime: {
        sendMessage: async (message: unknown) => {
          if ((message as { type?: string }).type === 'vocabSummary') return { ok: true, value: summary };
          toBackground.push(message);
          return { ok: true, value: {} };
        },
      },
    },
  };
});

/** What the seed page's content script tells the panel: the real detector and annotation, in this document. */
let info: ArticleInfo;

beforeAll(async () => {
  const tokenizer = await createTokenizer(nodeKuromojiLoader());
  const words = await loadNodeWords();
  const html = readFileSync('tests/fixtures/news/newsweek-seed.html', 'utf8').replace(/<link\b[^>]*>/gi, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  const mode = new ReadingMode(window as unknown as Window & typeof globalThis, {
    annotate: async (texts) =>
      texts.map((text) => annotateText(text, tokenizer.tokenize(text), { words, glossary: loadNodeGlossary() })),
    knownWords: async () => new Set(),
  });
  await mode.start();
  info = {
    ...(await mode.summary()),
    site: 'www.newsweekjapan.jp',
    url: 'https://www.newsweekjapan.jp/stories/world/2021/01/post-95385.php',
    readingMode: { on: false, furigana: 'unknown' },
  };
  mode.stop();
  document.body.replaceChildren();
}, 120_000);

const flush = () => new Promise((r) => setTimeout(r, 0));

async function showPanel(reply: unknown): Promise<HTMLElement> {
  answer = (message) => (message.type === 'articleInfo' ? reply : { ok: true, value: message.payload });
  sent.length = 0;
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<ArticlePanel tabId={7} />, root);
  // The panel asks, then renders the answer: wait until it has asked and its text holds still (a loaded machine
  // may need more than the two ticks an idle one does).
  let before: string | null = null;
  // The sheet's save also asks the background for the lists.
  const settled = () => !root.querySelector('.save-sheet') || !!root.querySelector('.save-sheet select');
  for (let i = 0; i < 100 && (sent.length === 0 || root.textContent !== before || !settled()); i++) {
    before = root.textContent;
    await flush();
  }
  return root;
}

describe('ArticlePanel', () => {
  beforeEach(() => useLocale('en'));

  it('lists the seed article’s glossary terms with reading and English, in order of appearance', async () => {
    const root = await showPanel({ ok: true, value: info });
    expect(sent[0]).toEqual({ tabId: 7, message: expect.objectContaining({ type: 'articleInfo' }) });
    const text = root.textContent ?? '';
    expect(text).toContain('バイデン=プーチン、初の電話会談 新START延長で合意');
    for (const term of ['新START', '領空開放条約', 'りょうくうかいほうじょうやく', 'Open Skies', '核軍縮条約']) {
      expect(text).toContain(term);
    }
    expect(text.indexOf('新START')).toBeLessThan(text.indexOf('領空開放条約'));
    expect(text).toMatch(/\d+ characters · \d+ words/);
  });

  it('lists a term once under the name the page writes, counting all its names', async () => {
    const root = await showPanel({ ok: true, value: info });
    const rows = [...root.querySelectorAll('li')].filter((li) => /新START|新戦略兵器削減条約/.test(li.textContent!));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.querySelector('.word')?.textContent).toBe('新START');
    expect(rows[0]!.querySelector('.reading')?.textContent).toBe('しんスタート');
    expect(rows[0]!.querySelector('.form')).toBeNull();
    // Nor is a name with its alias in brackets a second term: 領空開放(オープンスカイ)条約 is 領空開放条約.
    const openSkies = [...root.querySelectorAll('li')].find((li) => li.textContent!.includes('領空開放'))!;
    expect(openSkies.querySelector('.word')?.textContent).toBe('領空開放条約');
    expect(openSkies.querySelector('.form')).toBeNull();
    // A conjugated form still shows beside its dictionary form.
    const said = [...root.querySelectorAll('li')].find((li) => li.querySelector('.word')?.textContent === '述べる')!;
    expect(said.querySelector('.form')?.textContent).toBe('と述べた');
    expect(rows[0]!.querySelector('.count')?.textContent).toMatch(/^×[4-9]$/);
    rows[0]!.querySelector('button')!.click();
    await flush();
    // The page is searched for the entry, which it writes under either name.
    expect(sent.at(-1)!.message).toMatchObject({
      type: 'articleFlash',
      payload: { kind: 'term', text: '新戦略兵器削減条約' },
    });
  });

  it('asks the page to show a term when it is clicked', async () => {
    const root = await showPanel({ ok: true, value: info });
    const button = [...root.querySelectorAll('button')].find((b) => b.getAttribute('title')?.includes('領空開放条約'));
    button!.click();
    await flush();
    expect(sent.at(-1)!.message).toMatchObject({
      type: 'articleFlash',
      payload: { kind: 'term', text: '領空開放条約' },
    });
  });

  it('switches reading mode and the furigana level through the page', async () => {
    const root = await showPanel({ ok: true, value: info });
    const checkbox = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    checkbox.click();
    await flush();
    expect(sent.at(-1)!.message).toMatchObject({ type: 'readingMode', payload: { on: true, furigana: 'unknown' } });
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Every kanji word',
      'Words not marked known',
      'Uncommon words only',
      'None',
    ]);
    select.value = 'uncommon';
    select.dispatchEvent(new Event('change'));
    await flush();
    expect(sent.at(-1)!.message).toMatchObject({ type: 'readingMode', payload: { on: true, furigana: 'uncommon' } });
  });

  it('saves every term and uncommon word with the sentence it first appears in', async () => {
    const root = await showPanel({ ok: true, value: info });
    const total = info.terms.length + info.uncommon.length;
    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === `Save ${total} words`)!;
    expect(save.disabled).toBe(false);
    toBackground.length = 0;
    save.click();
    for (let i = 0; i < 50 && !root.textContent?.includes('saved to'); i++) await flush();
    expect(toBackground.length).toBe(info.terms.length + info.uncommon.length);
    // Every message is one the background accepts.
    const saves = toBackground.map((m) => parseEnvelope(m));
    expect(saves.every((m) => m?.type === 'vocabSave')).toBe(true);
    const openSkies = saves.find((m) => JSON.stringify(m).includes('"headword":"領空開放条約"'))!;
    const { entry, context } = (
      openSkies.payload as {
        save: {
          entry: { source: string; reading: string };
          context: { sentence: { text: string; start: number; end: number }; url: string };
        };
      }
    ).save;
    expect(entry).toMatchObject({ source: 'glossary', reading: 'りょうくうかいほうじょうやく' });
    expect(context.sentence.text.slice(context.sentence.start, context.sentence.end)).toBe(
      '領空開放(オープンスカイ)条約',
    );
    expect(context.sentence.text.endsWith('。')).toBe(true);
    expect(context.url).toBe(info.url);
    // To the list the popup saved to last, which the select starts on.
    expect(saves.every((m) => (m!.payload as { save: { list?: string } }).save.list === 'l-diplomacy')).toBe(true);
    expect(root.textContent).toContain(`${total} words saved to “Diplomacy”.`);
  });

  it('saves only the rows left ticked, to the list chosen', async () => {
    const root = await showPanel({ ok: true, value: info });
    const boxes = [...root.querySelectorAll<HTMLInputElement>('li input.pick')];
    expect(boxes).toHaveLength(info.terms.length + info.uncommon.length);
    expect(boxes.every((b) => b.checked)).toBe(true);
    const openSkies = boxes.find((b) => b.getAttribute('aria-label') === 'Include 領空開放条約 when saving the sheet')!;
    openSkies.click();
    boxes.at(-1)!.click();
    await flush();
    const left = info.terms.length + info.uncommon.length - 2;
    const select = root.querySelector<HTMLSelectElement>('select[aria-label="List to save to"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['My words', 'Diplomacy']);
    expect(select.value).toBe('l-diplomacy');
    select.value = 'default';
    select.dispatchEvent(new Event('change'));
    await flush();
    toBackground.length = 0;
    [...root.querySelectorAll('button')].find((b) => b.textContent === `Save ${left} words`)!.click();
    for (let i = 0; i < 50 && !root.querySelector('.message'); i++) await flush();
    const saves = toBackground.map(
      (m) => parseEnvelope(m)!.payload as { save: { list?: string; entry: { headword: string } } },
    );
    expect(saves).toHaveLength(left);
    expect(saves.some((m) => m.save.entry.headword === '領空開放条約')).toBe(false);
    expect(saves.every((m) => m.save.list === 'default')).toBe(true);
    expect(root.querySelector('.message')?.textContent).toBe(`${left} words saved to “My words”.`);
  });

  it('counts one thing in the singular and more in the plural, in English and Japanese', async () => {
    const one = { ...info, chars: 1, words: 1, terms: info.terms.slice(0, 1), uncommon: [] };
    let root = await showPanel({ ok: true, value: one });
    expect(root.querySelector('.counts')?.textContent).toBe('1 character · 1 word');
    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save 1 word')!;
    save.click();
    for (let i = 0; i < 50 && !root.querySelector('.message'); i++) await flush();
    expect(root.querySelector('.message')?.textContent).toBe('1 word saved to “Diplomacy”.');
    root = await showPanel({ ok: true, value: { ...info, chars: 1234, words: 2 } });
    expect(root.querySelector('.counts')?.textContent).toBe('1,234 characters · 2 words');
    useLocale('ja');
    root = await showPanel({ ok: true, value: { ...info, chars: 1234, words: 1 } });
    expect(root.querySelector('.counts')?.textContent).toBe('1,234文字・1語');
  });

  it('says so when Kiji does not run in the tab, or the page has no article', async () => {
    expect((await showPanel(undefined)).textContent).toContain('Kiji is not running on this page.');
    const none = { ...info, found: false, terms: [], uncommon: [] };
    expect((await showPanel({ ok: true, value: none })).textContent).toContain('No article found on this page.');
  });

  it('speaks Japanese in a Japanese browser', async () => {
    useLocale('ja');
    const root = await showPanel({ ok: true, value: info });
    expect(root.textContent).toContain('この記事');
    expect(root.textContent).toContain('用語集の用語');
  });

  it('turns the tint of glossary terms off and on', async () => {
    answer = (message) => (message.type === 'articleInfo' ? { ok: true, value: info } : undefined);
    const saved: unknown[] = [];
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    const settings = { ...DEFAULT_SETTINGS };
    render(<ArticlePanel tabId={7} settings={settings} saveSettings={(p) => saved.push(p)} />, root);
    await flush();
    await flush();
    const box = [...root.querySelectorAll('label')].find((l) => l.textContent === 'Tint glossary terms')!;
    const input = box.querySelector('input')!;
    expect(input.checked).toBe(true);
    input.click();
    expect(saved).toEqual([{ glossaryMarks: false }]);
  });

  it('reads the tab from popup.html?tab=N', () => {
    expect(tabFromQuery('?tab=42')).toBe(42);
    expect(tabFromQuery('?tab=x')).toBeUndefined();
    expect(tabFromQuery('')).toBeUndefined();
  });
});
