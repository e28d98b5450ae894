/**
 * Bad input, generated: core functions over random strings (lone surrogates, combining marks, variation selectors,
 * right-to-left text, half-width kana, long runs without punctuation) never throw, never hang, and give well-formed
 * results.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { lookup } from './lookup/answer';
import { loadNodeNames, loadNodeWords } from '../node/words';
import { loadNodeGlossary } from '../node/glossary';
import { nodeKuromojiLoader } from '../node/kuromoji';
import { createTokenizer } from './tokenizer/tokenizer';
import { furiganaWords } from './furigana';
import { detectArticle } from './article/detect';
import { parseImport } from './vocab/import';

const [words, names, tokenizer] = await Promise.all([
  loadNodeWords(),
  loadNodeNames(),
  createTokenizer(nodeKuromojiLoader()),
]);
const glossary = loadNodeGlossary();

/** Characters that break naive code: the hard cases first, then ordinary Japanese and Latin. */
const PIECES = [
  '\ud800',
  '\udc00',
  '\ud83d',
  '\ude00',
  '😀',
  '𠮷',
  '👍🏽',
  '\u0301',
  '\u3099',
  '\u309a',
  '\ufe0f',
  '\ufe00',
  '\u{e0100}',
  '\u200d',
  '\u200b',
  'مرحبا',
  'שלום',
  '\u202e',
  '\u202c',
  'ｱ',
  'ﾞ',
  'ﾟ',
  'ｶﾞ',
  'ｰ',
  '\u3000',
  ' ',
  '\n',
  '\t',
  '\u0000',
  '、',
  '。',
  '「',
  '」',
  '（',
  '）',
  'ー',
  '々',
  'ヶ',
  '〜',
  '延長',
  '新START',
  '大統領',
  '交わされ',
  '26日',
  '３万5000人',
  '12億ドル',
  'ＮＨＫ',
  'は',
  'が',
  'を',
  'した',
  'です',
  'a',
  'Z',
  '1',
  '１',
  '%',
  '<',
  '&',
];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 }));
const nasty = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const longRun = fc
  .constantFrom('あ', 'ア', 'ｱ', '漢', 'a', '1', '😀', '\u0301', 'の')
  .map((ch) => ch.repeat(Math.ceil(100_000 / ch.length)));

function wellFormedLookup(text: string, at: number): void {
  const result = lookup(text, at, { words, names, glossary, tokens: tokenizer.tokenize(text) });
  if (!result) return;
  expect(result.start).toBeGreaterThanOrEqual(0);
  expect(result.end).toBeLessThanOrEqual(text.length);
  expect(result.start).toBeLessThanOrEqual(result.end);
  expect(Array.isArray(result.entries)).toBe(true);
  for (const e of result.entries) expect(typeof e.headword).toBe('string');
}

describe('core functions over bad input', () => {
  it('tokens: never throw, cover the text in order, in bounds', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const tokens = tokenizer.tokenize(text);
        let end = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(t.start + t.surface.length).toBeLessThanOrEqual(text.length);
          end = t.start + t.surface.length;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lookup at every position: never throws, well-formed', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        for (let at = 0; at <= text.length; at++) wellFormedLookup(text, at);
      }),
      { numRuns: 150 },
    );
  });

  it('furigana: never throws, words inside the text', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        for (const w of furiganaWords(text, tokenizer.tokenize(text)))
          expect(JSON.stringify(w).length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('article detection: never throws on random markup', () => {
    const tag = fc.constantFrom('p', 'div', 'article', 'main', 'h1', 'span', 'ruby', 'rt', 'script', 'nav');
    const html = fc
      .array(fc.tuple(tag, nasty), { maxLength: 20 })
      .map((parts) => parts.map(([t, text]) => `<${t}>${text.replace(/[<&]/g, ' ')}</${t}>`).join(''));
    fc.assert(
      fc.property(html, (body) => {
        const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
        detectArticle(document as never);
      }),
      { numRuns: 200 },
    );
  });

  it('vocabulary import of CSV, TSV and JSON: never throws, ok or line-numbered errors', () => {
    const options = { now: 0, targetList: 'default', lists: [], listName: () => 'Default' };
    const file = fc.oneof(
      nasty,
      fc
        .array(fc.array(nasty, { maxLength: 6 }), { maxLength: 8 })
        .map((rows) => rows.map((r) => r.join('\t')).join('\n')),
      fc
        .array(fc.array(nasty, { maxLength: 6 }), { maxLength: 8 })
        .map((rows) => rows.map((r) => r.join(',')).join('\r\n')),
      fc.json().map((j) => `{"kiji":1,"x":${j}}`),
      nasty.map((s) => `{${s}`),
    );
    fc.assert(
      fc.property(file, (text) => {
        const result = parseImport(text, options);
        if (!result.ok) for (const e of result.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('100,000 characters without punctuation: tokens and a lookup in bounded time', () => {
    fc.assert(
      fc.property(longRun, (text) => {
        const t0 = performance.now();
        wellFormedLookup(text, 0);
        wellFormedLookup(text, text.length >> 1);
        wellFormedLookup(text, text.length - 1);
        expect(performance.now() - t0).toBeLessThan(20_000);
      }),
      { numRuns: 9 },
    );
  }, 300_000);
});
