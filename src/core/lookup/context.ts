/**
 * The context stage: what kuromoji's tokens say about the text around the pointer. Pure reads of the tokens: which
 * token holds the pointer, the reading kuromoji hears for a span, where a katakana word starts, whether a span is a
 * proper noun. The candidates and the ranking ask here; nothing here looks in a dictionary.
 */
import { isKanjiCode, isKatakana, isKatakanaLetter } from '../text/chars';
import { toHiragana } from '../text/kana';
import type { Token } from '../types';

export interface TokenContext {
  tokens: readonly Token[];
  /** Token holding the pointer. */
  index: number;
  /** Pointer offset inside that token. */
  offset: number;
  /** The token holding the pointer. */
  token: Token;
}

/** The token under the pointer; null when the tokens are not those of this text (a stale tokenization). */
export function tokenContext(text: string, tokens: readonly Token[], at: number): TokenContext | null {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (at < t.start) hi = mid - 1;
    else if (at >= t.start + t.surface.length) lo = mid + 1;
    else return text.startsWith(t.surface, t.start) ? { tokens, index: mid, offset: at - t.start, token: t } : null;
  }
  return null;
}

/** kuromoji's reading in hiragana; for katakana, the surface itself (kuromoji cuts long readings: ホワイ). */
export function tokenReading(token: Token): string {
  return toHiragana(isKatakana(token.surface) ? token.surface : token.reading);
}

/** kuromoji's reading (hiragana) of `length` characters from the pointer, when they end on a token boundary. */
export function readingOfSpan(context: TokenContext, length: number): string | null {
  const { tokens, index } = context;
  const end = context.token.start + length;
  let reading = '';
  for (let i = index; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start + t.surface.length > end) return null;
    reading += tokenReading(t);
    if (t.start + t.surface.length === end) return reading;
  }
  return null;
}

/**
 * kuromoji's reading of text[start, end) in hiragana as it reads the tokens (a name's reading, not its surface),
 * when the span falls on token boundaries.
 */
export function heardReading(tokens: readonly Token[], start: number, end: number): string | null {
  let reading = '';
  let i = tokens.findIndex((t) => t.start === start);
  if (i < 0) return null;
  for (; i < tokens.length && tokens[i]!.start < end; i++) reading += tokens[i]!.reading;
  const last = tokens[i - 1]!;
  return last.start + last.surface.length === end ? toHiragana(reading) : null;
}

/**
 * Where the words under the pointer start: inside a katakana word (サ of ミサイル) its tail is not a word (イル is
 * not いる), so the whole word is shown.
 */
export function wordStart(text: string, at: number, tokens: readonly Token[] | undefined): number {
  const context = tokens ? tokenContext(text, tokens, at) : null;
  if (!context || context.offset === 0) return at;
  const surface = context.token.surface;
  if (!isKatakana(surface)) return at;
  // kuromoji keeps ロイター・ジャパン as one token: ジャパン is still a word of its own.
  const dot = surface.lastIndexOf('・', context.offset - 1);
  return at - context.offset + (dot < 0 ? 0 : Math.min(dot + 1, context.offset));
}

/** Whether text[0, end) stops inside a katakana token of kuromoji's (ミン of ミンスク); null without tokens. */
export function splitsKatakanaToken(text: string, end: number, tokens: readonly Token[] | undefined): boolean | null {
  if (!tokens || end <= 0 || end >= text.length) return tokens ? false : null;
  const context = tokenContext(text, tokens, end);
  return !!context && context.offset > 0 && isKatakana(context.token.surface);
}

/**
 * kuromoji splits katakana runs into the loanwords it knows (オープン|スカイ) and keeps a name whole (プーチン), so a
 * match ending inside a katakana token is a false friend: プー (toot) in プーチン.
 */
export function endsInsideKatakanaToken(context: TokenContext, length: number): boolean {
  const { tokens, index, offset } = context;
  const end = context.token.start + offset + length;
  for (let i = index; i < tokens.length && tokens[i]!.start < end; i++) {
    const t = tokens[i]!;
    const tokenEnd = t.start + t.surface.length;
    if (end < tokenEnd) return isKatakana(t.surface);
  }
  return false;
}

/**
 * Whether a match from the start of the pointer's token runs past it and stops inside a later kanji noun of
 * kuromoji's: 定例会 of 定例|会見 cuts 会見 in two, so the text does not say 定例会 "regular meeting".
 */
export function endsInsideLaterKanjiNoun(context: TokenContext, length: number): boolean {
  const { tokens, index, offset } = context;
  // A lone kanji token is where kuromoji is least sure (海|軍拡 of 中国の海軍拡張): the dictionary's word stands.
  // Not a prefix: 元 of 元|職員 is sure, and 元職 "former holder of the office" cuts 職員.
  const { surface, pos } = context.token;
  if (offset !== 0 || (surface.length === 1 && isKanjiCode(surface.charCodeAt(0)) && pos !== '接頭詞')) return false;
  const end = context.token.start + length;
  for (let i = index + 1; i < tokens.length && tokens[i]!.start < end; i++) {
    const t = tokens[i]!;
    if (end < t.start + t.surface.length) return t.pos === '名詞' && t.surface.length >= 2 && isKanjiRun(t.surface);
  }
  return false;
}

function isKanjiRun(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isKanjiCode(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether text[start, end) starts inside one of kuromoji's words and ends inside a later one (国政 of 英国|政府): a
 * chance pairing of two words' halves, not a word the reader sees there. False without tokens.
 */
export function straddlesWords(
  text: string,
  tokens: readonly Token[] | undefined,
  start: number,
  end: number,
): boolean {
  if (!tokens) return false;
  const first = tokenContext(text, tokens, start);
  const last = tokenContext(text, tokens, end);
  return !!first && !!last && first.offset > 0 && last.offset > 0 && first.index !== last.index;
}

/**
 * Whether text[start, end) begins or ends inside a katakana word of kuromoji's, in the middle of its letters: ドバイ
 * of アドバイザー is a chance spelling, since kuromoji keeps a katakana word whole (a ・ parts the words of a name).
 */
export function cutsKatakanaWord(
  text: string,
  tokens: readonly Token[] | undefined,
  start: number,
  end: number,
): boolean {
  if (!tokens) return false;
  const cuts = (i: number) => {
    const context = tokenContext(text, tokens, i);
    return (
      !!context &&
      context.offset > 0 &&
      isKatakana(context.token.surface) &&
      isKatakanaLetter(text[i - 1] ?? '') &&
      isKatakanaLetter(text[i] ?? '')
    );
  };
  return cuts(start) || cuts(end);
}

/** Whether text[start, end) is whole tokens of kuromoji's, one of them a proper noun (名詞・固有名詞). */
export function isProperNoun(tokens: readonly Token[] | undefined, start: number, end: number): boolean {
  if (!tokens) return false;
  const span = tokens.filter((t) => t.start < end && t.start + t.surface.length > start);
  const first = span[0];
  const last = span[span.length - 1];
  return (
    !!first &&
    !!last &&
    first.start === start &&
    last.start + last.surface.length === end &&
    span.some((t) => t.posDetail === '固有名詞')
  );
}

/**
 * Whether a match from the pointer's token runs on into a particle or an auxiliary of kuromoji's (うち|に of 数日の
 * うちに): kana that the text splits so is grammar, not a kanji word read the same way (打ち荷 "jettisoned cargo").
 */
export function runsIntoGrammar(context: TokenContext, length: number): boolean {
  const { tokens, index, offset } = context;
  if (offset !== 0) return false;
  const end = context.token.start + length;
  for (let i = index + 1; i < tokens.length && tokens[i]!.start < end; i++) {
    const pos = tokens[i]!.pos;
    if (pos === '助詞' || pos === '助動詞') return true;
  }
  return false;
}
