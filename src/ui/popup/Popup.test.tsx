// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { createEngine, type Engine } from '../../core/engine';
import { nodeAssets } from '../../node/assets';
import type { LookupEntry, LookupResult } from '../../core/types';
import { DEFAULT_SETTINGS } from '../../settings';
import { useLocale } from '../test-support/fake-browser';
import { Popup, type PopupControl, type PopupOptions } from './Popup';
import type { PopupVocab } from './VocabBar';

vi.mock('webextension-polyfill', () => import('../test-support/fake-browser'));

const options: PopupOptions = {
  showRomaji: false,
  showKanji: DEFAULT_SETTINGS.showKanji,
  theme: 'system',
  fontSize: DEFAULT_SETTINGS.fontSize,
};

// The same engine the background runs, so the popup is tested on what it really receives (romaji included).
let engine: Engine | null = null;
async function lookup(text: string, at: number): Promise<LookupResult> {
  if (!engine) {
    engine = createEngine(nodeAssets);
    await engine.ready();
  }
  const result = await engine.lookup(text, at);
  if (!result) throw new Error(`no entry for ${text} at ${at}`);
  return result;
}

/** ENAMDICT's line for a name, with its type codes spelled as the JMnedict tags Kiji labels. */
function nameEntry(headword: string, reading: string): LookupEntry {
  const text = new TextDecoder('euc-jp').decode(gunzipSync(readFileSync('data/enamdict/enamdict.gz')));
  const line = text.split('\n').find((l) => l.startsWith(`${headword} [${reading}] /`));
  if (!line) throw new Error(`ENAMDICT has no ${headword} [${reading}]`);
  const [, codes, gloss] = /\/\(([^)]*)\) ([^/]*)\//.exec(line)!;
  const names: Record<string, string> = { s: 'surname', p: 'place', g: 'given', f: 'fem', m: 'male', u: 'person' };
  return {
    source: 'names',
    headword,
    reading,
    senses: [{ pos: [], glosses: [gloss!], tags: codes!.split(',').map((c) => names[c] ?? c) }],
    matchLength: headword.length,
  };
}

function show(result: LookupResult, opts: Partial<PopupOptions> = {}, vocab?: PopupVocab) {
  const root = document.createElement('div');
  document.body.append(root);
  const control: PopupControl = {};
  render(<Popup view={{ kind: 'result', result, vocab }} options={{ ...options, ...opts }} control={control} />, root);
  const dialog = root.querySelector<HTMLElement>('[role=dialog][data-kiji-popup]')!;
  const entries = [...dialog.querySelectorAll<HTMLElement>('[data-entry]')];
  const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';
  return {
    dialog,
    control,
    entries,
    first: {
      source: entries[0]?.dataset.source,
      headword: text(entries[0]?.querySelector('.headword')),
      reading: text(entries[0]?.querySelector('.reading')),
      inflection: text(entries[0]?.querySelector('.inflection')),
      senses: [...(entries[0]?.querySelectorAll('.sense') ?? [])].map(text),
    },
  };
}

beforeEach(() => useLocale('en'));

describe('hover popup', () => {
  it('shows a conjugated verb as its dictionary form, reading, meaning and how it was conjugated', async () => {
    const { dialog, first } = show(await lookup('首脳会談が行われています。', 5));
    expect(dialog.getAttribute('aria-label')).toBe('Kiji dictionary');
    expect(first.source).toBe('words');
    expect(first.headword).toBe('行う');
    expect(first.reading).toBe('おこなう');
    expect(first.inflection).toBe('passive · progressive · polite');
    expect(first.senses[0]).toContain('to perform; to do; to conduct oneself; to carry out');
    expect(first.senses[0]).toContain('godan verb (-u)');
    expect(dialog.querySelector('[data-entry] .badge.common')?.textContent).toBe('common');
  });

  it('explains the conjugation and parts of speech in Japanese when the browser is in Japanese', async () => {
    useLocale('ja');
    const { dialog, first } = show(await lookup('首脳会談が行われています。', 5));
    expect(dialog.getAttribute('aria-label')).toBe('Kiji 辞書');
    expect(first.inflection).toBe('受身 · 進行 · 丁寧');
    expect(first.senses[0]).toContain('五段動詞（う）');
    expect(first.senses[0]).toContain('他動詞');
  });

  it('numbers the senses and labels usage tags, showing a part of speech only where it changes', async () => {
    const { entries } = show(await lookup('核の脅威', 0));
    // Three senses at first, the rest behind "+N more".
    expect(entries[0]!.querySelectorAll('.sense')).toHaveLength(3);
    const more = entries[0]!.querySelector<HTMLElement>('.more')!;
    expect(more.textContent).toMatch(/^\+\d+ more$/);
    void act(() => more.click());
    const senses = [...entries[0]!.querySelectorAll('.sense')];
    expect(senses.length).toBeGreaterThan(1);
    expect(senses.map((s) => s.querySelector('.sense-no')?.textContent)).toEqual(senses.map((_, i) => String(i + 1)));
    const chips = senses.flatMap((s) => [...s.querySelectorAll('.chip')].map((c) => c.textContent));
    expect(chips).toEqual(expect.arrayContaining(['noun', 'no-adjective', 'physics', 'biology']));
    // 核's first two senses are both nouns: the label appears once.
    expect(senses[1]!.querySelector('.pos')).toBeNull();
    for (let i = 1; i < senses.length; i++) {
      const pos = (s: Element) => [...s.querySelectorAll('.pos .chip')].map((c) => c.textContent).join();
      if (pos(senses[i]!)) expect(pos(senses[i]!)).not.toBe(pos(senses[i - 1]!));
    }
  });

  it('gives romaji only when the setting asks for it', async () => {
    const result = await lookup('首脳会談が行われています。', 5);
    expect(show(result).dialog.querySelector('.romaji')).toBeNull();
    expect(show(result, { showRomaji: true }).dialog.querySelector('.romaji')?.textContent).toBe('okonau');
  });

  it('sets shorter matches below the longest one in smaller type', async () => {
    const { entries } = show(await lookup('東京都の知事', 0));
    expect(entries[0]!.querySelector('.headword')?.textContent).toBe('東京都');
    expect(entries[0]!.classList.contains('shorter')).toBe(false);
    const tokyo = entries.find((e) => e.querySelector('.headword')?.textContent === '東京')!;
    expect(tokyo.classList.contains('shorter')).toBe(true);
  });

  it('shows a glossary term as a card with its category, English name, note, other names and related terms', async () => {
    // The engine puts the glossary card first, as the background sends it.
    const { entries } = show(await lookup('新戦略兵器削減条約', 0));
    const card = entries[0]!;
    expect(card.dataset.source).toBe('glossary');
    expect(card.querySelector('.badge.category')?.textContent).toBe('treaty');
    expect(card.querySelector('.english')?.textContent).toBe('New Strategic Arms Reduction Treaty; New START');
    expect(card.querySelector('.note')?.textContent).toContain('1,550');
    // The note is cut to two lines, other names and related terms wait behind "more".
    expect(card.querySelector('.note')?.classList.contains('clamped')).toBe(true);
    expect(card.querySelector('.aliases')).toBeNull();
    void act(() => card.querySelector<HTMLElement>('.more')!.click());
    expect(card.querySelector('.aliases')?.textContent).toBe('also 新START、新スタート');
    expect(card.querySelector('.related')?.textContent).toBe('related: 戦略兵器削減条約、核軍縮');
    expect(entries[1]!.dataset.source).toBe('words');
  });

  it('keeps the badges and note of a card folded into the dictionary word that ranks first (述べる)', async () => {
    const text = '首相は「協力したい」と述べた';
    const { entries } = show(await lookup(text, text.indexOf('述')));
    const word = entries[0]!;
    expect(word.dataset.source).toBe('words');
    expect(word.querySelector('.headword')?.textContent).toBe('述べる');
    expect(word.querySelector('.badge.category')?.textContent).toBe('phrase');
    expect(word.querySelector('.badge.glossary')).not.toBeNull();
    expect(word.querySelector('.note')?.textContent).toBeTruthy();
    expect(entries.filter((e) => e.querySelector('.headword')?.textContent === '述べる')).toHaveLength(1);
  });

  it('puts names under their own heading after the words', async () => {
    // The engine adds a name after the words when it is no longer than they are; here one is added by hand.
    const words = await lookup('会談', 0);
    const result = { ...words, entries: [...words.entries, nameEntry('田中', 'たなか')] };
    const { dialog, entries } = show(result);
    expect(entries[0]!.dataset.source).toBe('words');
    const titles = [...dialog.querySelectorAll('.section-title')].map((h) => h.textContent);
    expect(titles).toContain('Names');
    // On one line (name, reading, gloss) until clicked.
    const name = dialog.querySelector<HTMLElement>('[data-source=names]')!;
    expect(name.querySelector('.gloss')?.textContent).toBe('Tanaka');
    void act(() => name.click());
    const opened = dialog.querySelector<HTMLElement>('[data-source=names]')!;
    expect([...opened.querySelectorAll('.chip')].map((c) => c.textContent)).toContain('surname');
  });

  it('puts the names first when the engine ranks a name first: the highlighted 岩本 is a surname, not 岩 "rock"', async () => {
    const { dialog } = show(await lookup('元理事長の岩本絹子容疑者', 5));
    const order = [...dialog.querySelectorAll<HTMLElement>('[data-source]')].map((e) => e.dataset.source);
    expect(order[0]).toBe('names');
    expect(order.lastIndexOf('names')).toBeLessThan(order.indexOf('words'));
    expect(dialog.querySelector('[data-source=names]')?.textContent).toContain('Iwamoto');
  });

  it('shows the kanji of the word with meanings, readings, strokes, grade and newspaper rank, unless turned off', async () => {
    const result = await lookup('新START延長で合意', 6);
    const { dialog } = show(result);
    const rows = [...dialog.querySelectorAll<HTMLElement>('.kanji-row')];
    expect(rows.map((r) => r.dataset.kanji)).toEqual(['延', '長']);
    expect(rows[0]!.textContent).toContain('prolong');
    expect(rows[0]!.querySelector('.kanji-on')?.textContent).toBe('エン');
    // One line per kanji; strokes, grade and rank when opened.
    expect(rows[0]!.querySelector('.kanji-meta')).toBeNull();
    void act(() => rows[0]!.click());
    expect(rows[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(rows[0]!.querySelector('.kanji-meta')?.textContent).toBe('8 strokes · school grade 6 · newspaper rank 747');
    expect(show(result, { showKanji: false }).dialog.querySelector('.kanji-row')).toBeNull();
    useLocale('ja');
    const ja = show(result).dialog.querySelector<HTMLElement>('.kanji-row')!;
    void act(() => ja.click());
    expect(ja.querySelector('.kanji-meta')?.textContent).toBe('8画 · 小学6年 · 新聞での頻度 747位');
  });

  it('counts one stroke in the singular', async () => {
    const { dialog } = show(await lookup('一方で', 0));
    const row = dialog.querySelector<HTMLElement>('.kanji-row[data-kanji="一"]')!;
    void act(() => row.click());
    expect(row.querySelector('.kanji-meta')?.textContent).toMatch(/^1 stroke · /);
  });

  it('shows the first entry in full and every other entry on one line that opens on a click', async () => {
    const { dialog, entries } = show(await lookup('東京都の知事', 0));
    expect(entries[0]!.classList.contains('line')).toBe(false);
    const lines = entries.slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.classList.contains('line')).toBe(true);
      expect(line.querySelector('.headword')?.textContent).not.toBe('');
      expect(line.querySelector('.sense')).toBeNull();
    }
    const tokyo = lines.find((e) => e.querySelector('.headword')?.textContent === '東京')!;
    expect(tokyo.querySelector('.gloss')?.textContent).toMatch(/Tokyo/);
    void act(() => tokyo.click());
    const opened = [...dialog.querySelectorAll<HTMLElement>('[data-entry]')].find(
      (e) => e.querySelector('.headword')?.textContent === '東京',
    )!;
    expect(opened.classList.contains('line')).toBe(false);
    expect(opened.querySelectorAll('.sense').length).toBeGreaterThan(0);
  });

  it('reads a katakana word in katakana, and gives no reading that only repeats it', async () => {
    const { first } = show(await lookup('ロシアの大統領', 0));
    expect(first.headword).toBe('ロシア');
    expect(first.reading).toBe('');
    const { entries } = show(await lookup('ペスコフ報道官', 0));
    for (const e of entries) {
      const head = e.querySelector('.headword')?.textContent ?? '';
      if (/^[ァ-ヺー・]+$/.test(head)) expect(e.querySelector('.reading')?.textContent ?? '').not.toMatch(/[ぁ-ゖ]/);
    }
  });

  it('answers the keys the content script hands it: move, open, save, mark known, copy, list the keys', async () => {
    const saved: string[] = [];
    const marked: string[] = [];
    const vocab: PopupVocab = {
      states: {},
      busy: [],
      lists: [],
      lastListId: 'default',
      notice: null,
      firstId: null,
      save: (entry) => saved.push(entry.headword),
      mark: (entry, status) => marked.push(`${entry.headword}:${status}`),
    };
    const { dialog, control } = show(await lookup('東京都の知事', 0), {}, vocab);
    const run = (cmd: Parameters<NonNullable<PopupControl['command']>>[0]) => {
      let done = false;
      void act(() => {
        done = control.command!(cmd);
      });
      return done;
    };
    expect(run('save')).toBe(true);
    expect(saved).toEqual(['東京都']);
    run('next');
    const sel = () => dialog.querySelector('[data-sel]');
    const second = () => dialog.querySelectorAll('[data-entry]')[1]!;
    expect(sel()).toBe(second());
    expect(second().classList.contains('line')).toBe(true);
    run('expand');
    expect(sel()?.querySelector('.sense')).not.toBeNull();
    expect(second().classList.contains('line')).toBe(false);
    run('known');
    expect(marked).toEqual([`${second().querySelector('.headword')?.textContent}:known`]);
    run('prev');
    expect(sel()?.querySelector('[data-entry]')).toBe(dialog.querySelector('[data-entry]'));
    document.execCommand = () => true;
    expect(run('copy')).toBe(true);
    expect(dialog.textContent).toContain('東京都（とうきょうと）');
    expect(dialog.querySelector('.keys-help')).toBeNull();
    run('help');
    expect(dialog.querySelector('.keys-help')?.textContent).toContain('Esc');
    expect(run('escape')).toBe(true);
    expect(dialog.querySelector('.keys-help')).toBeNull();
    expect(run('escape')).toBe(false);
  });

  it('offers nothing to focus, so the page keeps the keyboard', async () => {
    const { dialog } = show(await lookup('首脳会談が行われています。', 5));
    expect(dialog.querySelector('a, button, input, [tabindex]')).toBeNull();
    expect(dialog.hasAttribute('tabindex')).toBe(false);
  });

  it('follows the theme setting and the font size', async () => {
    const { dialog } = show(await lookup('会談', 0), { theme: 'dark', fontSize: 20 });
    expect(dialog.dataset.theme).toBe('dark');
    expect(dialog.style.fontSize).toBe('20px');
  });
});
