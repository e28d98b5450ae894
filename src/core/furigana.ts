/**
 * Furigana from kuromoji tokens: each kanji run of a word gets its share of the word's reading, so okurigana and
 * other kana stay outside the ruby (交(か)わされ, 取(と)り組(く)み); a word with no kana to anchor on is read whole
 * (延長(えんちょう), 大人(おとな)). Numbers keep their digits bare, with the counter read as it goes with the number
 * (2日 ふつか, 1人 ひとり, 3分 ぷん, 二十歳 はたち). Glossary terms take the glossary's reading, split along the
 * tokens where they agree with it (新(しん)戦略(せんりゃく)…), read whole where they do not (菅義偉 すがよしひで).
 */
import { isKanaCode, isKanjiCode, isKanjiLikeMark } from './text/chars';
import { toHiragana } from './text/kana';
import { countedReading } from './numbers';
import type { AnnotatedWord, FuriganaLevel, RubyPart } from './reading-types';
import type { Token } from './types';

/** A piece of a word's spelling and, for kanji, its reading in hiragana. */
interface RubySegment {
  text: string;
  reading?: string;
}

type RunKind = 'kanji' | 'kana' | 'other';

function kindOf(code: number): RunKind {
  // 々 〆 〇, and the small ヶ ヵ of 3ヶ月 (read か, こ, が): they need a reading as kanji do.
  if (isKanjiCode(code) || isKanjiLikeMark(code)) return 'kanji';
  return isKanaCode(code) ? 'kana' : 'other';
}

interface Run {
  kind: RunKind;
  text: string;
}

function runsOf(surface: string): Run[] {
  const runs: Run[] = [];
  for (const ch of surface) {
    const kind = kindOf(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else runs.push({ kind, text: ch });
  }
  return runs;
}

export function hasKanjiRun(text: string): boolean {
  for (const ch of text) if (kindOf(ch.codePointAt(0)!) === 'kanji') return true;
  return false;
}

/** Whether a reading is made of kana only (kuromoji's reading of an unknown word is its surface). */
function isKanaReading(reading: string): boolean {
  if (reading.length === 0) return false;
  for (const ch of reading) if (kindOf(ch.codePointAt(0)!) !== 'kana') return false;
  return true;
}

/**
 * Splits `surface` along its reading so that each kanji run carries its own part. The kana of the spelling anchor
 * the split; null when they cannot (the reading belongs to another spelling, or the word holds Latin or digits).
 */
export function alignReading(surface: string, reading: string): RubySegment[] | null {
  const runs = runsOf(surface);
  if (!runs.some((r) => r.kind === 'kanji')) return [{ text: surface }];
  if (runs.some((r) => r.kind === 'other') || !isKanaReading(reading)) return null;
  const hira = toHiragana(reading);
  const kana = runs.map((r) => (r.kind === 'kana' ? toHiragana(r.text) : ''));
  // The least reading the runs after r need: their kana, and one character per kanji run.
  const tail = new Array<number>(runs.length + 1).fill(0);
  for (let r = runs.length - 1; r >= 0; r--) tail[r] = tail[r + 1]! + (runs[r]!.kind === 'kana' ? kana[r]!.length : 1);
  const parts = new Array<string>(runs.length);

  const fit = (r: number, pos: number): boolean => {
    if (r === runs.length) return pos === hira.length;
    if (runs[r]!.kind === 'kana') {
      if (!hira.startsWith(kana[r]!, pos)) return false;
      parts[r] = kana[r]!;
      return fit(r + 1, pos + kana[r]!.length);
    }
    // Shortest first: the next kana anchor is then matched at its first place (取り組み → と|り|く|み).
    for (let length = 1; pos + length + tail[r + 1]! <= hira.length; length++) {
      parts[r] = hira.slice(pos, pos + length);
      if (fit(r + 1, pos + length)) return true;
    }
    return false;
  };
  if (!fit(0, 0)) return null;
  return runs.map((run, r) => (run.kind === 'kanji' ? { text: run.text, reading: parts[r] } : { text: run.text }));
}

/** Ruby parts of `segments` written from `start` in the text. */
function partsOf(segments: RubySegment[], start: number): RubyPart[] {
  const parts: RubyPart[] = [];
  let at = start;
  for (const s of segments) {
    if (s.reading) parts.push({ start: at, end: at + s.text.length, reading: s.reading });
    at += s.text.length;
  }
  return parts;
}

/** kuromoji readings news text gets wrong: 米 after a name (バイデン米大統領) is read まい, a rice counter. */
const MISREADINGS: Record<string, Record<string, string>> = {
  米: { マイ: 'べい' },
};

/** The token's reading in hiragana, or null when kuromoji has none worth showing. */
export function tokenReading(token: Token): string | null {
  const fixed = MISREADINGS[token.surface]?.[token.reading];
  if (fixed) return fixed;
  return isKanaReading(token.reading) ? toHiragana(token.reading) : null;
}

/** Ruby for one token read as `reading`; whole-run ruby when its kana do not anchor the reading. */
function rubyForSpan(surface: string, start: number, reading: string): RubyPart[] {
  const segments = alignReading(surface, reading);
  if (segments) return partsOf(segments, start);
  // Kana in the spelling that the reading does not hold (a rare spelling): one ruby over the whole span.
  return hasKanjiRun(surface) ? [{ start, end: start + surface.length, reading }] : [];
}

// ---- numbers and counters -------------------------------------------------------------------------------------

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The value of a number written in digits (half- or full-width) or in kanji up to 九十九; null otherwise. */
function numberValue(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/,/g, '');
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const m = /^([一二三四五六七八九]?)(十?)([〇一二三四五六七八九]?)$/.exec(text);
  if (!m || text.length === 0 || (!m[2] && m[1] && m[3])) return null;
  if (!m[2]) return KANJI_DIGITS[m[1] || m[3]!] ?? null;
  return (m[1] ? KANJI_DIGITS[m[1]] : 1)! * 10 + (m[3] ? KANJI_DIGITS[m[3]] : 0)!;
}

const isNumberToken = (t: Token) => t.pos === '名詞' && t.posDetail === '数' && numberValue(t.surface) !== null;

interface CounterRuby {
  /** Tokens the word covers, from the first digit. */
  count: number;
  ruby: RubyPart[];
}

/**
 * A number and its counter, from tokens[i] (the first number token); null when no counter needs a reading of its
 * own. The digits stay bare unless the number and counter are read as one word (2日 ふつか, 1人 ひとり).
 */
function counterAt(tokens: readonly Token[], i: number): CounterRuby | null {
  let j = i;
  let written = '';
  while (j < tokens.length && isNumberToken(tokens[j]!) && tokens[j]!.start === tokens[i]!.start + written.length) {
    written += tokens[j]!.surface;
    j++;
  }
  const counter = tokens[j];
  if (j === i || !counter || counter.start !== tokens[i]!.start + written.length) return null;
  const n = numberValue(written);
  if (n === null) return null;
  const start = tokens[i]!.start;
  const whole = (reading: string): CounterRuby => ({
    count: j - i + 1,
    ruby: [{ start, end: counter.start + counter.surface.length, reading }],
  });
  const onCounter = (reading: string): CounterRuby => ({
    count: j - i + 1,
    ruby: [{ start: counter.start, end: counter.start + counter.surface.length, reading }],
  });
  // 1日 alone is a day's length (いちにち); after a month it is the first (ついたち). 3分の1 is a fraction (ぶん).
  if (counter.surface === '日' && n === 1 && tokens[i - 1]?.surface !== '月') return whole('いちにち');
  if (counter.surface === '分' && tokens[j + 1]?.surface === 'の') return onCounter('ぶん');
  const read = countedReading(n, counter.surface);
  if (!read) return null;
  return 'whole' in read ? whole(read.whole) : onCounter(read.counter);
}

// ---- glossary terms -----------------------------------------------------------------------------------------------

/** A glossary term over text[start, end); `reading` null when the text writes a variant the reading does not fit. */
export interface TermReading {
  start: number;
  end: number;
  reading: string | null;
  base: string;
  common: boolean;
  /** Index into the annotation's terms. */
  index: number;
}

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);

/** Balanced parentheticals inside text[start, end): a reading or an abbreviation written into the term. */
function parentheticals(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = start; i < end; i++) {
    if (!OPEN.has(text[i]!)) continue;
    for (let j = i + 1; j < end; j++) {
      if (CLOSE.has(text[j]!)) {
        out.push([i, j + 1]);
        i = j;
        break;
      }
    }
  }
  return out;
}

interface Piece {
  start: number;
  end: number;
  /** The token's reading when the piece is the whole token. */
  reading: string | null;
}

interface TermRuby {
  parts: RubyPart[];
  /** The tokens' own readings are the term's: it reads as its words do. */
  asTokens: boolean;
}

/** Ruby for a term, following `reading` where the tokens agree with it, and read whole in between. */
function termRuby(text: string, term: TermReading, tokens: readonly Token[], first: number): TermRuby {
  const parens = parentheticals(text, term.start, term.end);
  const inParen = (at: number) => parens.some(([s, e]) => at >= s && at < e);
  const pieces: Piece[] = [];
  const own: RubyPart[] = [];
  for (let k = first; k < tokens.length && tokens[k]!.start < term.end; k++) {
    const t = tokens[k]!;
    const tEnd = t.start + t.surface.length;
    if (tEnd <= term.start) continue;
    const start = Math.max(t.start, term.start);
    const end = Math.min(tEnd, term.end);
    const whole = start === t.start && end === tEnd;
    const reading = whole ? tokenReading(t) : null;
    if (inParen(start)) {
      // 新戦略兵器削減条約(新START): what is in brackets is not in the term's reading; it keeps its own.
      if (reading) own.push(...rubyForSpan(t.surface, t.start, reading));
      continue;
    }
    if (OPEN.has(text[start]!) || CLOSE.has(text[start]!)) continue;
    pieces.push({ start, end, reading });
  }
  if (term.reading === null) {
    for (const p of pieces) if (p.reading) own.push(...rubyForSpan(text.slice(p.start, p.end), p.start, p.reading));
    return { parts: own.sort((a, b) => a.start - b.start), asTokens: true };
  }

  const target = term.reading;
  const parts: RubyPart[] = [...own];
  const readingOf = (p: Piece) => p.reading ?? (hasKanjiRun(text.slice(p.start, p.end)) ? null : '');
  let i = 0;
  let pos = 0;
  for (; i < pieces.length; i++) {
    const r = readingOf(pieces[i]!);
    const kana = r === '' ? toHiragana(text.slice(pieces[i]!.start, pieces[i]!.end)) : r;
    if (kana === null || !target.startsWith(kana, pos)) break;
    if (r) parts.push(...rubyForSpan(text.slice(pieces[i]!.start, pieces[i]!.end), pieces[i]!.start, r));
    pos += kana.length;
  }
  let j = pieces.length - 1;
  let end = target.length;
  for (; j >= i; j--) {
    const r = readingOf(pieces[j]!);
    const kana = r === '' ? toHiragana(text.slice(pieces[j]!.start, pieces[j]!.end)) : r;
    if (kana === null || !target.endsWith(kana, end) || end - kana.length < pos) break;
    if (r) parts.push(...rubyForSpan(text.slice(pieces[j]!.start, pieces[j]!.end), pieces[j]!.start, r));
    end -= kana.length;
  }
  if (i <= j) {
    const middle = pieces.slice(i, j + 1);
    const contiguous = middle.every((p, k) => k === 0 || p.start === middle[k - 1]!.end);
    const from = middle[0]!.start;
    const to = middle[middle.length - 1]!.end;
    if (contiguous && pos < end) parts.push(...rubyForSpan(text.slice(from, to), from, target.slice(pos, end)));
    else
      for (const p of middle) if (p.reading) parts.push(...rubyForSpan(text.slice(p.start, p.end), p.start, p.reading));
  }
  return { parts: parts.sort((a, b) => a.start - b.start), asTokens: i > j && pos === end };
}

// ---- words ----------------------------------------------------------------------------------------------------

interface FuriganaOptions {
  /** Glossary terms of the text, in order, not overlapping. */
  terms?: readonly TermReading[];
  /** A reading for a token kuromoji cannot read (an unknown word), from the dictionary; hiragana. */
  fallbackReading?: (token: Token) => string | null;
  /** Whether the dictionary marks the token's word common. */
  isCommon?: (token: Token) => boolean;
}

/** Every word of the text that holds kanji, with the ruby each kanji run gets. */
export function furiganaWords(text: string, tokens: readonly Token[], options: FuriganaOptions = {}): AnnotatedWord[] {
  const terms = options.terms ?? [];
  const words: AnnotatedWord[] = [];
  let t = 0;
  for (let k = 0; k < tokens.length;) {
    const token = tokens[k]!;
    const end = token.start + token.surface.length;
    while (t < terms.length && terms[t]!.end <= token.start) t++;
    const term = terms[t];
    if (term && term.start < end) {
      const { parts: ruby, asTokens } = termRuby(text, term, tokens, k);
      const from = k;
      while (k < tokens.length && tokens[k]!.start < term.end) k++;
      // A term the dictionary lacks (外交文書, と述べた) is as common as its words, when it reads as they do.
      const common =
        term.common ||
        (asTokens &&
          !!options.isCommon &&
          tokens
            .slice(from, k)
            .every((w) => !hasKanjiRun(w.surface) || (w.start >= term.start && options.isCommon!(w))));
      if (ruby.length > 0) {
        words.push({ start: term.start, end: term.end, base: term.base, ruby, common, term: term.index });
      }
      t++;
      continue;
    }
    if (isNumberToken(token)) {
      const counted = counterAt(tokens, k);
      if (counted) {
        const last = tokens[k + counted.count - 1]!;
        words.push({
          start: token.start,
          end: last.start + last.surface.length,
          base: last.baseForm,
          ruby: counted.ruby,
          common: true,
        });
        k += counted.count;
        continue;
      }
    }
    k++;
    if (!hasKanjiRun(token.surface)) continue;
    const reading = tokenReading(token) ?? options.fallbackReading?.(token) ?? null;
    if (!reading) continue;
    const ruby = rubyForSpan(token.surface, token.start, reading);
    if (ruby.length === 0) continue;
    words.push({
      start: token.start,
      end,
      base: token.baseForm,
      ruby,
      common: options.isCommon?.(token) ?? false,
    });
  }
  return words;
}

/** Whether a word gets furigana at `level`; `known` holds dictionary forms the reader marked known. */
export function showsRuby(word: AnnotatedWord, level: FuriganaLevel, known: ReadonlySet<string>): boolean {
  switch (level) {
    case 'all':
      return true;
    case 'unknown':
      return !known.has(word.base);
    case 'uncommon':
      // A word the reader marked known needs no help, however rare.
      return !word.common && !known.has(word.base);
    default:
      return false;
  }
}
