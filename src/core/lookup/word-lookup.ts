/**
 * The dictionary words at the pointer: the longest word that starts there, then the shorter ones.
 *
 * candidates (candidates/words.ts, candidates/compound.ts) → context (context.ts, kuromoji's tokens around the
 * pointer) → ranking (rank.ts, pure) → entries (entries.ts). Dictionary longest-match with deinflection answers on
 * its own (the engine may still be loading kuromoji); when the tokens are at hand they rank homographs (交わさ →
 * 交わす, は the particle rather than 歯) and let a noun compound the dictionary lacks (電話会談) be shown.
 */
import type { WordIndex } from '../dict/word-index';
import { isHiraganaCode, isKatakanaLetter, isLowSurrogate, isWordChar } from '../text/chars';
import type { LookupResult, Token, WordLookupEntry } from '../types';
import { composeCompound } from './candidates/compound';
import { isLatinAt, latinWords } from './candidates/latin-and-katakana';
import { wordMatches } from './candidates/words';
import { straddlesWords, tokenContext, type TokenContext } from '../text/word-boundaries';
import { wordStart } from './context';
import { wordEntry } from './entries';
import { rankMatches } from './rank';

export interface WordDeps {
  words: WordIndex;
  /** Tokens of the whole `text`, when kuromoji is ready. */
  tokens?: readonly Token[];
}

interface WordsAt extends LookupResult {
  entries: WordLookupEntry[];
}

/** Longest text tried from the pointer; EDICT headwords are shorter. */
const MAX_MATCH = 20;
/** Entries returned; the popup shows the first few, the rest is for "more". */
const MAX_ENTRIES = 16;

export function lookupWords(text: string, at: number, deps: WordDeps): WordsAt | null {
  if (at < 0 || at >= text.length) return null;
  // The pointer on the second half of a surrogate pair: nothing starts there.
  if (isLowSurrogate(text.charCodeAt(at))) return null;
  if (wordWindow(text, at).length === 0) return isLatinAt(text, at) ? abbreviationAt(text, at, deps.words) : null;
  const start = wordStart(text, at, deps.tokens);
  const window = wordWindow(text, start);
  const context = deps.tokens ? tokenContext(text, deps.tokens, start) : null;
  // Kana inside a word of kuromoji's is no word of its own: べ of 述べた is 述べる, ど of など is など, not 度. On
  // the verb a compound particle opens (か of にかけて, つ of について) that verb comes first, the particle second.
  const opensVerb = context?.offset === 1 && context.token.pos === '助詞' && context.token.posDetail2 === '連語';
  if (context && context.offset > 0 && !opensVerb) {
    const from = heldFrom(text, start, context);
    const holding = from === null ? null : wordHolding(text, at, from, deps);
    if (holding) return holding;
  }
  const conjunction = context?.offset === 0 && context.token.pos === '接続詞' ? context.token.surface.length : 0;
  const entries = rankMatches(wordMatches(window, deps.words, context), context)
    .slice(0, MAX_ENTRIES)
    .map(wordEntry)
    .map((e) => (e.matchLength === conjunction ? conjunctionSensesFirst(e) : e));
  const compound = context ? composeCompound(context, deps.words) : null;
  if (compound && compound.entry.matchLength > (entries[0]?.matchLength ?? 0)) {
    entries.splice(compound.first || entries.length === 0 ? 0 : 1, 0, compound.entry);
  }
  if (context) {
    adverbWithTo(text, start, entries, context);
    adverbSensesFirst(start, entries, context);
  }
  const first = entries[0];
  // A word from inside one of kuromoji's words that ends inside the next (示す of 開示|する) is a chance reading of
  // two words' halves: the word that holds the pointer is what the reader sees.
  if (
    first &&
    context &&
    context.offset > 0 &&
    straddlesWords(text, context.tokens, start, start + first.matchLength)
  ) {
    const holding = wordHolding(text, at, context.token.start, deps);
    if (holding) return holding;
  }
  // Nothing starts at a kanji inside a word (務 of 商務省): the word that holds it is the answer.
  if (!first) return context && context.offset > 0 ? wordHolding(text, at, context.token.start, deps) : null;
  const end = start + first.matchLength;
  return { start, end, match: text.slice(start, end), entries: withFewSingleCharacters(entries).slice(0, MAX_ENTRIES) };
}

/** Readings kept of a single character that only begins the longer words above it. */
const MAX_SINGLE_READINGS = 2;

/**
 * Under a longer word (大使館, 日本), the first character alone is one row per reading in EDICT (大: おお, だい,
 * おおい, おおき, たい), which would push the popup past half the screen. Its likeliest readings stay; the kanji
 * section still gives the character's meaning and all its readings.
 */
function withFewSingleCharacters(entries: WordLookupEntry[]): WordLookupEntry[] {
  if ((entries[0]?.matchLength ?? 0) < 2) return entries;
  let singles = 0;
  return entries.filter((e) => e.matchLength !== 1 || ++singles <= MAX_SINGLE_READINGS);
}

/**
 * Where the word holding kana inside a kuromoji token starts: the token's start for hiragana (述べ|た), the start of
 * the katakana run for katakana (タ of 種子島宇宙センター is センター, not ター "Tarr"); null for a kanji.
 */
function heldFrom(text: string, start: number, context: TokenContext): number | null {
  if (isHiraganaCode(text.charCodeAt(start))) return context.token.start;
  if (!isKatakanaLetter(text[start] ?? '')) return null;
  let from = start;
  while (from > context.token.start && isKatakanaLetter(text[from - 1] ?? '')) from--;
  return from < start ? from : null;
}

/**
 * Where kuromoji reads a conjunction (ただ、 なお、 一方、 at the head of a sentence), the entry's conjunction senses
 * come first: ただ is "but; however" there, not "ordinary", and 一方 "on the other hand", not "one of two".
 */
function conjunctionSensesFirst(entry: WordLookupEntry): WordLookupEntry {
  const isConj = (s: Sense) => s.pos.includes('conj');
  if (!entry.senses.some(isConj) || isConj(entry.senses[0]!)) return entry;
  return { ...entry, senses: sensesFirst(entry.senses, isConj) };
}

/**
 * EDICT lists an adverb that takes と without it (一段, 着々, 次々: adv-to). Where kuromoji reads the と as part of the
 * adverb (一段と) or as the particle that makes one (着々|と), the adverb as written goes first, its adverb senses
 * first: 一段と "even more", not 一段 "step; rung". Changes `entries` in place.
 */
function adverbWithTo(text: string, start: number, entries: WordLookupEntry[], context: TokenContext): void {
  const length = entries[0]?.matchLength ?? 0;
  const end = start + length;
  if (length === 0 || text[end] !== 'と') return;
  const i = entries.findIndex(
    (e) => e.matchLength === length && !e.inflection && !e.parts && e.senses.some((s) => s.pos.includes('adv-to')),
  );
  if (i < 0) return;
  const after = context.tokens.find((t) => t.start <= end && end < t.start + t.surface.length);
  const joined = after?.start === start && after.surface.length === length + 1 && after.pos === '副詞';
  const makesAdverb = after?.start === end && after.surface === 'と' && after.posDetail === '副詞化';
  if (!joined && !makesAdverb) return;
  const word = entries[i]!;
  const isAdverb = (s: Sense) => s.pos.some((p) => p.startsWith('adv'));
  const adverb: WordLookupEntry = {
    ...word,
    headword: `${word.headword}と`,
    reading: `${word.reading}と`,
    senses: sensesFirst(word.senses, isAdverb),
    matchLength: length + 1,
  };
  delete adverb.otherForms;
  entries.splice(i, 1);
  entries.unshift(adverb);
}

/**
 * A noun that is also an adverb (軒並み, 当面, 大半), written where kuromoji reads an adverb: straight before a verb,
 * an adjective or a verbal noun (軒並み下落した), or before は, も or a comma (当面は据え置く). There its adverb
 * senses come first: 軒並み "across the board", not "row of houses"; before の (当面の課題) the senses stay as listed.
 * Changes `entries` in place.
 */
function adverbSensesFirst(start: number, entries: WordLookupEntry[], context: TokenContext): void {
  const word = entries[0];
  if (!word || word.inflection || word.parts) return;
  const isAdverb = (s: Sense) => s.pos.some((p) => p === 'adv' || p === 'n-adv');
  if (isAdverb(word.senses[0]!) || !word.senses.some(isAdverb)) return;
  const i = context.tokens.findIndex((t) => t.start === start && t.surface.length === word.matchLength);
  const token = context.tokens[i];
  const next = context.tokens[i + 1];
  if (!token || !next || !(token.pos === '副詞' || token.posDetail === '副詞可能')) return;
  const adverbial =
    next.pos === '動詞' ||
    next.pos === '形容詞' ||
    next.pos === '副詞' ||
    next.posDetail === 'サ変接続' ||
    (next.pos === '助詞' && (next.surface === 'は' || next.surface === 'も')) ||
    next.surface === '、';
  if (!adverbial) return;
  entries[0] = { ...word, senses: sensesFirst(word.senses, isAdverb) };
}

type Sense = WordLookupEntry['senses'][number];

/** The senses the text uses the word in first, the others after, each in EDICT's order. */
function sensesFirst(senses: readonly Sense[], used: (s: Sense) => boolean): Sense[] {
  return [...senses.filter(used), ...senses.filter((s) => !used(s))];
}

function wordHolding(text: string, at: number, from: number, deps: WordDeps): WordsAt | null {
  const holding = lookupWords(text, from, deps);
  return holding && holding.end > at ? holding : null;
}

/** A Latin abbreviation the dictionary writes in full width (PC: ＰＣ), shown as the page writes it. */
function abbreviationAt(text: string, at: number, words: WordIndex): WordsAt | null {
  const { start, entries } = latinWords(text, at, words);
  const first = entries[0];
  if (!first || start + first.matchLength <= at) return null;
  const end = start + first.matchLength;
  return { start, end, match: text.slice(start, end), entries };
}

/** The run of word characters from `at`, at most MAX_MATCH code units, never cutting a surrogate pair. */
function wordWindow(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < MAX_MATCH) {
    const ch = String.fromCodePoint(text.codePointAt(end)!);
    if (!isWordChar(ch) || end - at + ch.length > MAX_MATCH) break;
    end += ch.length;
  }
  return text.slice(at, end);
}
