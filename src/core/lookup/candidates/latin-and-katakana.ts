/**
 * What the word candidates cannot start on: a Latin abbreviation in Japanese text (PC, SSD, OS — EDICT writes them
 * in full width: ＰＣ), and a katakana word no data has, answered with its romanization, a guess of the English
 * from the katakana words it is made of, and a plain "not in the dictionary" mark. Never an empty popup over
 * Japanese text.
 */
import type { WordIndex } from '../../dict/word-index';
import { isKatakanaLetter } from '../../text/chars';
import { toHiragana } from '../../text/kana';
import { hepburn } from '../../text/hepburn';
import type { WordLookupEntry } from '../../types';
import { rankMatches } from '../rank';
import { wordEntry } from '../entries';
import { matchedForm, type WordMatch } from './words';

const LATIN = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
/** Longest abbreviation tried. */
const MAX_LATIN = 12;

const toFullWidth = (text: string) =>
  text.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export function isLatinAt(text: string, at: number): boolean {
  return LATIN.test(text[at] ?? '');
}

/** The dictionary's entries for the Latin run holding `at`, written as on the page: PC ぴーしー "personal computer". */
export function latinWords(text: string, at: number, words: WordIndex): { start: number; entries: WordLookupEntry[] } {
  let start = at;
  while (start > 0 && at - start < MAX_LATIN && LATIN.test(text[start - 1] ?? '')) start--;
  let end = at;
  while (end < text.length && end - start < MAX_LATIN && LATIN.test(text[end] ?? '')) end++;
  // The whole run or nothing: SS is no answer for SSD.
  const length = end - start;
  const key = toFullWidth(text.slice(start, end));
  const matches: WordMatch[] = [];
  if (length >= 2) {
    for (const entry of words.lookup(key)) {
      const matched = matchedForm(entry, key);
      if (!matched) continue;
      const candidate = { word: key, reasons: [], pos: null, types: [] };
      matches.push({ entry, candidate, length, conjugated: false, ...matched, order: matches.length });
    }
  }
  const entries = rankMatches(matches, null).map((r) => ({
    ...wordEntry(r),
    headword: text.slice(start, start + r.match.length),
  }));
  return { start, entries };
}

/** Longer katakana runs are no word (a table of sounds, a line of ー): no guess is made for them. */
const MAX_KATAKANA = 30;

/** The katakana run holding `at` (letters and ー), from its start; null when it is longer than any word. */
function katakanaRun(text: string, at: number): { start: number; run: string } | null {
  if (!isKatakanaLetter(text[at] ?? '')) return null;
  let start = at;
  while (start > 0 && at - start <= MAX_KATAKANA && isKatakanaLetter(text[start - 1] ?? '')) start--;
  let end = at;
  while (end < text.length && end - start <= MAX_KATAKANA && isKatakanaLetter(text[end] ?? '')) end++;
  return end - start > MAX_KATAKANA ? null : { start, run: text.slice(start, end) };
}

/**
 * The run cut into the longest katakana words the dictionary knows, with their first glosses, and what lies between
 * them romanized (ニパウイルス: nipa + virus); null when no part is known, or when a single kana is left between
 * known words: the cut is then chance, not the word's parts (リスキリング is not リス "squirrel" + キリン "giraffe"
 * + グ, nor ヤングケアラー young + ケ + アラー "Allah"), and the romanization is the better guess.
 */
function knownParts(run: string, words: WordIndex): string[] | null {
  const cut = cutIntoWords(run, words);
  if (!cut || cut.pieces.some((piece, i) => !cut.known[i] && letters(piece) < 2)) return null;
  return cut.glosses.map(withoutAsides);
}

/** Kana letters of a piece, not counting the long-vowel mark. */
const letters = (piece: string) => piece.replace(/ー/g, '').length;

/**
 * The run cut as knownParts cuts it: the English of each piece (romaji where unknown), the pieces as written, and
 * which pieces are known words; null when no piece is known or the run is one piece.
 */
function cutIntoWords(run: string, words: WordIndex): { glosses: string[]; pieces: string[]; known: boolean[] } | null {
  // Loanwords written in katakana, not hiragana words read through them (イル is not いる).
  const gloss = (piece: string) =>
    words.lookup(piece).find((e) => e.kana.some((f) => f.text === piece))?.senses[0]?.glosses[0];
  // Fewest pieces, an unknown letter costing two: ニパ + ウイルス, not ニ + パウ + イルス.
  const cost = [0];
  const from: { start: number; gloss?: string }[] = [{ start: 0 }];
  for (let i = 1; i <= run.length; i++) {
    cost[i] = cost[i - 1]! + 2;
    from[i] = { start: i - 1 };
    for (let j = Math.max(0, i - 16); j <= i - 2; j++) {
      const known = cost[j]! + 1 < cost[i]! ? gloss(run.slice(j, i)) : undefined;
      if (known) {
        cost[i] = cost[j]! + 1;
        from[i] = { start: j, gloss: known };
      }
    }
  }
  const parts: string[] = [];
  const pieces: string[] = [];
  const known: boolean[] = [];
  let unknown = '';
  const flushUnknown = () => {
    if (!unknown) return;
    parts.unshift(hepburn(unknown));
    pieces.unshift(unknown);
    known.unshift(false);
    unknown = '';
  };
  for (let i = run.length; i > 0; i = from[i]!.start) {
    const step = from[i]!;
    if (step.gloss === undefined) {
      unknown = run.slice(step.start, i) + unknown;
      continue;
    }
    flushUnknown();
    parts.unshift(step.gloss);
    pieces.unshift(run.slice(step.start, i));
    known.unshift(true);
  }
  flushUnknown();
  return known.includes(true) && parts.length >= 2 ? { glosses: parts, pieces, known } : null;
}

/** A gloss without its parenthesised asides: "energy (ger: Energie)" is "energy" inside a compound. */
const withoutAsides = (gloss: string) => gloss.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || gloss;

/** The shortest katakana run composed from known loanwords; shorter ones are chance pairs (ハム + ス). */
const MIN_COMPOUND_RUN = 5;

/**
 * A katakana run that is a compound of loanwords no dictionary lists whole (ファクトチェック: fact + check): news writes
 * it as one word, so the whole run comes first with the pointer on its first word, second on a later one. Only
 * when every piece is a known loanword and the answer covers part of the run.
 */
export function katakanaCompound(
  text: string,
  at: number,
  answered: { start: number; end: number },
  words: WordIndex,
): { start: number; entry: WordLookupEntry; first: boolean } | null {
  const found = katakanaRun(text, at);
  if (!found || found.run.length < MIN_COMPOUND_RUN) return null;
  const end = found.start + found.run.length;
  if (answered.start < found.start || answered.end > end || answered.end - answered.start >= found.run.length) {
    return null;
  }
  // The run must stand alone: a katakana word glued to kanji (トリガー条項) is another kind of compound.
  const cut = cutIntoWords(found.run, words);
  if (!cut || cut.known.includes(false)) return null;
  return {
    start: found.start,
    // On a later piece the reader may mean that word (スタッフ of ファンドスタッフ): it comes first there.
    first: at < found.start + cut.pieces[0]!.length,
    entry: {
      source: 'words',
      headword: found.run,
      reading: toHiragana(found.run),
      senses: [{ pos: [], glosses: [cut.glosses.map(withoutAsides).join(' + ')], tags: ['unlisted'] }],
      inflection: null,
      common: false,
      matchLength: found.run.length,
      parts: cut.pieces,
    },
  };
}

/** A katakana word no dictionary has: its romanization, and the English of its parts where they are known. */
export function unknownKatakana(
  text: string,
  at: number,
  words: WordIndex,
): { start: number; entry: WordLookupEntry } | null {
  const found = katakanaRun(text, at);
  if (!found || found.run.length < 2) return null;
  const reading = toHiragana(found.run);
  const parts = knownParts(found.run, words);
  return {
    start: found.start,
    entry: {
      source: 'words',
      headword: found.run,
      reading,
      senses: [{ pos: [], glosses: [parts ? parts.join(' + ') : hepburn(reading)], tags: ['unlisted'] }],
      inflection: null,
      common: false,
      matchLength: found.run.length,
    },
  };
}
