/**
 * The hover as the popup shows it: the glossary card of the term under the pointer, then what the general dictionary
 * says about the term's words, then the names dictionary in its own section when it knows a longer name than the
 * dictionary does (ナワリヌイ, 長谷川) — never a split of a name the glossary holds (プーチン is not プー + チン). A number
 * under the pointer is read with its counter (numbers.ts).
 */
import type { WordIndex } from './dict/word-index';
import { kanaKey } from './dict/kana-key';
import { readingsOf } from './dict/readings';
import type { GlossaryHit, GlossaryIndex } from './glossary/match';
import { lookupAt, splitsKatakanaToken, wordStart, type LookupDeps } from './lookup';
import { lookupNumber } from './numbers';
import { isWordChar, toRomaji } from './text/kana';
import type { LookupEntry, LookupResult, Token } from './types';

export interface CombinedDeps extends LookupDeps {
  glossary?: GlossaryIndex;
  /** The names dictionary (ENAMDICT), in the words format. */
  names?: WordIndex;
}

/** Glossary cards shown for one hover: the best term and terms crossing it (日米|首脳会談 read two ways). */
const MAX_CARDS = 3;
/** Dictionary words shown for the term's first word, before the words at the pointer. */
const MAX_START_WORDS = 3;
const MAX_NAMES = 5;
/** Longest name tried from the pointer. */
const MAX_NAME_LENGTH = 16;
const NAME_SEPARATORS = new Set(['・', '･', '＝', '=']);

export function lookupCombined(text: string, at: number, deps: CombinedDeps): LookupResult | null {
  const result = lookupTerms(text, at, deps);
  // A number with its counter (26日, 3万5000人), even with the pointer on the counter (日 there is not "Sunday",
  // nor 月 of 3月撮影 a "moon"), unless a term or a name at least as long is written there (G7, ３Ｍ).
  const number = lookupNumber(text, at);
  if (!number) return result;
  const end = number.start + number.entry.matchLength;
  if (result && result.entries[0]?.source !== 'words' && result.end - result.start >= end - number.start) return result;
  return { start: number.start, end, match: text.slice(number.start, end), entries: [number.entry] };
}

function lookupTerms(text: string, at: number, deps: CombinedDeps): LookupResult | null {
  if (!(at >= 0 && at < text.length)) return null;
  const hits = deps.glossary?.match(text, at) ?? [];
  let best = hits[0] as GlossaryHit | undefined;

  // A compound composed from dictionary words is a guess: not wanted when it is the glossary term itself (the card
  // says more) nor when it runs past the term (トランプ政権 is not "playing cards + administration").
  const guessAgainstTerm = (e: LookupEntry, from: number) =>
    !!best && !!e.parts && (deps.glossary?.find(e.headword) === best.entry || from + e.matchLength > best.end);
  const atResult = lookupAt(text, at, deps);
  // Inside a katakana word the words start where the word does (ミサイル for the pointer on サ).
  const wordAt = atResult?.start ?? wordStart(text, at, deps.tokens);
  const atWords = (atResult?.entries ?? []).filter((e) => !guessAgainstTerm(e, wordAt));
  let fromStart: LookupEntry[] = [];
  if (best && best.start < at) {
    fromStart = (lookupAt(text, best.start, deps)?.entries ?? []).filter((e) => !guessAgainstTerm(e, best!.start));
  } else if (best) fromStart = atWords;

  // The term may be only the start of a longer dictionary word: ローマ字 is not Rome, ベトナム語 not Vietnam.
  const termLength = best ? best.end - best.start : 0;
  const longerWord = fromStart.find((e) => !e.parts && e.matchLength > termLength);
  const cards = chooseCards(hits).map(glossaryCard);
  if (longerWord) best = undefined;

  const words: LookupEntry[] = [];
  if (fromStart !== atWords) {
    const top = fromStart[0]?.matchLength ?? 0;
    words.push(...fromStart.filter((e) => e.matchLength === top).slice(0, MAX_START_WORDS));
  }
  words.push(...atWords);
  const dictionary = dedupe(words);

  const wordLength = Math.max(
    atWords[0]?.matchLength ?? 0,
    longerWord ? longerWord.matchLength - (wordAt - hits[0].start) : 0,
  );
  let names = deps.names ? lookupNames(text, wordAt, deps.names, deps.tokens) : [];
  // kuromoji's reading of a person's name goes first when the names kept lack it (米田 is よねだ; ENAMDICT's first
  // three readings of it, kept by the trimming, are こめだ, まいた, よねた).
  const heard = heardName(wordAt, deps.tokens);
  if (heard && !names.some((n) => n.matchLength === heard.matchLength && n.reading === heard.reading)) {
    if (names.length === 0 || names[0].matchLength === heard.matchLength) names = [heard, ...names];
  }
  const nameLength = names[0]?.matchLength ?? 0;
  const coveredByTerm = best && best.start <= wordAt && wordAt + nameLength <= best.end;
  if (nameLength < wordLength || coveredByTerm) names = [];
  else names = withoutWordGlosses(names, atWords);

  // A name longer than any word, which kuromoji also takes for a proper noun (岩本 over 岩 "rock"), is what the
  // highlight covers: it comes first. Without tokens a longer name may be a chance spelling, so it stays after.
  // As long as the word, it comes first when kuromoji hears a person's name (赤木 the surname, not 赤木 the tree).
  const nameFirst =
    names.length > 0 &&
    (nameLength > wordLength
      ? isProperNoun(deps.tokens, wordAt, wordAt + nameLength)
      : nameLength === wordLength && heard?.matchLength === nameLength);
  const entries = longerWord
    ? [...dictionary, ...cards, ...names]
    : nameFirst
      ? [...cards, ...names, ...dictionary]
      : [...cards, ...dictionary, ...names];
  if (entries.length === 0) return null;
  // The glossary term's span when it stands; else the longest word or name, from where it starts.
  let start = longerWord ? hits[0].start : wordAt;
  // A longer name the words come before (日内, a surname, after 数日) is not what the highlight shows.
  let end = wordAt + (nameFirst || wordLength === 0 ? Math.max(wordLength, names[0]?.matchLength ?? 0) : wordLength);
  if (best) ({ start, end } = best);
  return { start, end, match: text.slice(start, end), entries };
}

/** The best hit, and hits that are not just part of it (戦略兵器削減条約 inside 新戦略兵器削減条約 is not shown). */
function chooseCards(hits: GlossaryHit[]): GlossaryHit[] {
  if (hits.length === 0) return [];
  const [best, ...rest] = hits;
  const crossing = rest.filter((h) => h.start < best.start || h.end > best.end);
  return [best, ...crossing].slice(0, MAX_CARDS);
}

export function glossaryCard(hit: GlossaryHit): LookupEntry {
  const e = hit.entry;
  const card: LookupEntry = {
    source: 'glossary',
    headword: e.term,
    reading: e.reading,
    senses: [{ pos: [], glosses: [...e.en] }],
    inflection: null,
    matchLength: hit.end - hit.start,
    category: e.category,
  };
  if (e.note) card.note = e.note;
  if (e.variants?.length) card.aliases = e.variants.map((v) => v.text);
  if (e.related?.length) card.related = [...e.related];
  return card;
}

function dedupe(entries: LookupEntry[]): LookupEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.headword}\u0000${e.reading}\u0000${e.senses[0]?.glosses[0] ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
}

function isNameChar(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  // Full-width Latin and digits: ＡＢＣ, ３Ｍ are written that way in ENAMDICT.
  return isWordChar(ch) || (c >= 0xff10 && c <= 0xff5a);
}

/**
 * The longest name written at the pointer, matched by its spelling only: a kanji name's reading is no way to find it
 * (さき in running hiragana is not the name 佐紀). Readings kuromoji agrees with come first (長谷川 はせがわ).
 */
export function lookupNames(text: string, at: number, names: WordIndex, tokens?: readonly Token[]): LookupEntry[] {
  // ENAMDICT writes full names without the ・ news puts between their parts (エイブラハム・リンカーン).
  const chars: { ch: string; end: number }[] = [];
  for (let i = at; i < text.length && chars.length < MAX_NAME_LENGTH;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const separator = chars.length > 0 && NAME_SEPARATORS.has(ch);
    if (!separator && !isNameChar(ch)) break;
    i += ch.length;
    if (!separator) chars.push({ ch, end: i });
  }
  for (let count = chars.length; count >= 1; count--) {
    const written = chars
      .slice(0, count)
      .map((c) => c.ch)
      .join('');
    const end = chars[count - 1].end;
    const found = names
      .lookup(written)
      .filter((e) => e.kanji.some((f) => f.text === written) || (e.kanji.length === 0 && e.kana[0]?.text === written));
    if (found.length === 0) continue;
    // A katakana name ending inside a longer katakana word is a false friend (ミン of ミンスク). kuromoji knows
    // where katakana words part (トムソン|ロイター); without its tokens, a following katakana letter must do.
    const split = splitsKatakanaToken(text, end, tokens) ?? (end < text.length && isKatakana(text[end]));
    if (isKatakana(written) && split) continue;
    const heard = tokens ? tokenReading(tokens, at, end) : null;
    const ranked = found.map((e, order) => ({ e, order, reading: kanaKey(readingsOf(e, written)[0].text) }));
    ranked.sort((a, b) => Number(b.reading === heard) - Number(a.reading === heard) || a.order - b.order);
    return ranked.slice(0, MAX_NAMES).map(({ e, reading }) => ({
      source: 'names',
      headword: e.kanji[0]?.text ?? e.kana[0].text,
      reading,
      senses: e.senses,
      inflection: null,
      matchLength: end - at,
    }));
  }
  return [];
}

function isKatakana(text: string): boolean {
  return /^[\u30a1-\u30fa\u30fc]+$/.test(text);
}

/**
 * A person's name kuromoji knows and the trimmed ENAMDICT does not (given names alone are left out of it: 雅子 of
 * 赤木雅子さん), with kuromoji's reading.
 */
function heardName(at: number, tokens: readonly Token[] | undefined): LookupEntry | null {
  const token = tokens?.find((t) => t.start === at);
  if (!token || token.posDetail2 !== '人名' || !/^[\u3400-\u9fff々]{2,}$/.test(token.surface)) return null;
  const reading = kanaKey(token.reading);
  if (reading === token.surface) return null;
  const romaji = toRomaji(reading);
  return {
    source: 'names',
    headword: token.surface,
    reading,
    senses: [
      {
        pos: [],
        glosses: [romaji.charAt(0).toUpperCase() + romaji.slice(1)],
        // Names are read many ways (山本一太 is いちた, kuromoji says かずた): the chip says this one is a guess.
        tags: [token.posDetail3 === '姓' ? 'surname' : token.posDetail3 === '名' ? 'given' : 'person', 'guessed'],
      },
    ],
    inflection: null,
    matchLength: token.surface.length,
  };
}

/** Whether text[start, end) is whole tokens of kuromoji's, one of them a proper noun (名詞・固有名詞). */
function isProperNoun(tokens: readonly Token[] | undefined, start: number, end: number): boolean {
  if (!tokens) return false;
  const span = tokens.filter((t) => t.start < end && t.start + t.surface.length > start);
  const first = span[0];
  const last = span[span.length - 1];
  return (
    !!first &&
    first.start === start &&
    last.start + last.surface.length === end &&
    span.some((t) => t.posDetail === '固有名詞')
  );
}

/** kuromoji's reading of text[start, end) in hiragana, when the span falls on token boundaries. */
function tokenReading(tokens: readonly Token[], start: number, end: number): string | null {
  let reading = '';
  let i = tokens.findIndex((t) => t.start === start);
  if (i < 0) return null;
  for (; i < tokens.length && tokens[i].start < end; i++) reading += tokens[i].reading;
  const last = tokens[i - 1];
  return last.start + last.surface.length === end ? kanaKey(reading) : null;
}

/** Names that only repeat what the dictionary said (ホワイトハウス: The White House) add nothing. */
function withoutWordGlosses(names: LookupEntry[], words: LookupEntry[]): LookupEntry[] {
  const plain = (g: string) =>
    g
      .toLowerCase()
      .replace(/^the /, '')
      .replace(/\s*\(.*\)$/, '');
  const known = new Set(words.flatMap((w) => w.senses.flatMap((s) => s.glosses.map(plain))));
  return names.filter((n) => !n.senses.every((s) => s.glosses.every((g) => known.has(plain(g)))));
}
