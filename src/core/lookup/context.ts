/**
 * The context stage: what kuromoji's tokens say about the text around the pointer. Pure reads of the tokens: which
 * token holds the pointer, the reading kuromoji hears for a span, where a katakana word starts, whether a span is a
 * proper noun. The candidates and the ranking ask here; nothing here looks in a dictionary. Whether a spelled span
 * respects kuromoji's words, which reading mode asks too, is in text/word-boundaries.ts.
 */
import { isKatakana } from '../text/chars';
import { toHiragana } from '../text/kana';
import { tokenContext, type TokenContext } from '../text/word-boundaries';
import type { Token } from '../types';

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
