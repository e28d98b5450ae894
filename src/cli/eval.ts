/**
 * `npx kiji eval`: the project's own measure of "the right answer first". Each case of a corpus of hovers over real
 * article text (tests/fixtures/eval/hovers.jsonl) says what a translator would want the popup to show first; a case is
 * right when the engine's first entry has that headword and reading (and source, unless "any").
 */
import { readFileSync } from 'node:fs';
import type { LookupResult } from '../core/types';

export const EVAL_CATEGORIES = [
  'set-phrase',
  'organization',
  'abbreviation',
  'person',
  'place',
  'compound',
  'loanword',
  'adverbial',
  'verb-conjugated',
  'number',
  'common-word',
  'other',
] as const;
export type EvalCategory = (typeof EVAL_CATEGORIES)[number];

export interface Expect {
  /** The dictionary form a learner should see first; any of several when several are right. */
  headword: string | string[];
  /** Its reading in context, in hiragana (katakana for katakana words and Latin parts); any of several. */
  reading: string | string[];
  source: 'glossary' | 'words' | 'names' | 'any';
}

export interface EvalCase {
  /** A sentence, verbatim from `source`. */
  text: string;
  /** The pointer: a UTF-16 offset into `text`. */
  at: number;
  expect: Expect;
  category: EvalCategory;
  /** The file the sentence comes from, relative to the repository. */
  source: string;
}

/** What the engine showed first. */
export interface Got {
  headword: string;
  reading: string;
  source: string;
  match: string;
}

export const DEFAULT_EVAL_FILE = 'tests/fixtures/eval/hovers.jsonl';

/** Katakana to hiragana (ヴ, ヵ and ヶ included); middle dots and spaces go, so ボコ・ハラム reads ぼこはらむ. */
export function foldReading(reading: string): string {
  return reading
    .replace(/[\u30a1-\u30f6]/g, (k) => String.fromCharCode(k.charCodeAt(0) - 0x60))
    .replace(/[・･\s]/g, '');
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

/** True when the first entry of `result` is what `expect` asks for: headword exact, reading after folding, source. */
export function scoreCase(result: LookupResult | null, expect: Expect): boolean {
  const first = result?.entries[0];
  if (!first) return false;
  if (!list(expect.headword).includes(first.headword)) return false;
  const reading = foldReading(first.reading);
  if (!list(expect.reading).some((r) => foldReading(r) === reading)) return false;
  return expect.source === 'any' || expect.source === first.source;
}

export function gotOf(result: LookupResult | null): Got | null {
  const first = result?.entries[0];
  if (!result || !first) return null;
  return { headword: first.headword, reading: first.reading, source: first.source, match: result.match };
}

/** Reads a corpus: JSON lines (or a JSON array), each an EvalCase. */
export function loadCases(file: string): EvalCase[] {
  const raw = readFileSync(file, 'utf8');
  const cases: EvalCase[] = raw.trimStart().startsWith('[')
    ? JSON.parse(raw)
    : raw
        .split('\n')
        .filter((l) => l.trim())
        .map((l, i) => {
          try {
            return JSON.parse(l);
          } catch {
            throw new Error(`${file}:${i + 1}: not JSON`);
          }
        });
  cases.forEach((c, i) => {
    if (typeof c.text !== 'string' || !Number.isInteger(c.at) || c.at < 0 || c.at >= c.text.length)
      throw new Error(`${file}: case ${i + 1} has no text or its "at" is outside it`);
    if (!EVAL_CATEGORIES.includes(c.category)) throw new Error(`${file}: case ${i + 1} has category ${c.category}`);
  });
  return cases;
}

export interface Tally {
  right: number;
  total: number;
  percent: number;
}

export interface EvalReport {
  overall: Tally;
  categories: Partial<Record<EvalCategory, Tally>>;
  misses: { case: EvalCase; got: Got | null }[];
}

const tally = (right: number, total: number): Tally => ({
  right,
  total,
  percent: total ? Math.round((1000 * right) / total) / 10 : 0,
});

/** Runs every case through `lookup` (the engine's, as `kiji lookup` calls it) and scores it. */
export async function runEval(
  cases: EvalCase[],
  lookup: (text: string, at: number) => Promise<LookupResult | null>,
): Promise<EvalReport> {
  const counts = new Map<EvalCategory, { right: number; total: number }>();
  const misses: EvalReport['misses'] = [];
  let right = 0;
  for (const c of cases) {
    const result = await lookup(c.text, c.at);
    const ok = scoreCase(result, c.expect);
    const n = counts.get(c.category) ?? { right: 0, total: 0 };
    n.total++;
    if (ok) {
      n.right++;
      right++;
    } else misses.push({ case: c, got: gotOf(result) });
    counts.set(c.category, n);
  }
  const categories: EvalReport['categories'] = {};
  for (const category of EVAL_CATEGORIES) {
    const n = counts.get(category);
    if (n) categories[category] = tally(n.right, n.total);
  }
  return { overall: tally(right, cases.length), categories, misses };
}

/** The sentence around the pointer, the pointed character in 【】. */
export function around(text: string, at: number, width = 12): string {
  const from = Math.max(0, at - width);
  const to = Math.min(text.length, at + width + 1);
  return `${from > 0 ? '…' : ''}${text.slice(from, at)}【${text[at]}】${text.slice(at + 1, to)}${to < text.length ? '…' : ''}`;
}

const show = (v: string | string[]) => list(v).join('|');

export function formatReport(report: EvalReport, misses: boolean): string {
  const line = (name: string, t: Tally) =>
    `${name.padEnd(16)}${`${t.right}/${t.total}`.padStart(9)}${`${t.percent.toFixed(1)}%`.padStart(8)}`;
  const lines = [line('overall', report.overall), ''];
  for (const [category, t] of Object.entries(report.categories)) lines.push(line(category, t));
  if (misses) {
    lines.push('', `misses (${report.misses.length}):`);
    for (const { case: c, got } of report.misses) {
      const expected = `${show(c.expect.headword)} 【${show(c.expect.reading)}】${c.expect.source === 'any' ? '' : ` [${c.expect.source}]`}`;
      const actual = got ? `${got.headword} 【${got.reading}】 [${got.source}] on 「${got.match}」` : '(nothing)';
      lines.push(
        `${c.category.padEnd(16)}${around(c.text, c.at)}`,
        `    expected ${expected}`,
        `    got      ${actual}`,
      );
    }
  }
  return lines.join('\n');
}
