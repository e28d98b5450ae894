/**
 * Where kuromoji's words start and end, and whether a span found by its spelling (a glossary term, a dictionary word)
 * is one the text says or a chance run of letters across its words. The hover's glossary cards and reading mode's
 * glossary spans (annotate.ts) both ask here, so that reading mode never tints a term the popup would not show.
 */
import { isKanjiCode, isKatakana, isKatakanaLetter } from './chars';
import type { Token } from '../types';

/** A place in the text as kuromoji's tokens see it. */
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
 * chance pairing of two words' halves, not a word the reader sees there.
 */
export function straddlesWords(text: string, tokens: readonly Token[], start: number, end: number): boolean {
  const first = tokenContext(text, tokens, start);
  const last = tokenContext(text, tokens, end);
  return !!first && !!last && first.offset > 0 && last.offset > 0 && first.index !== last.index;
}

/**
 * Whether text[start, end) begins or ends inside a katakana word of kuromoji's, in the middle of its letters: ドバイ
 * of アドバイザー is a chance spelling, since kuromoji keeps a katakana word whole (a ・ parts the words of a name).
 */
function cutsKatakanaWord(text: string, tokens: readonly Token[], start: number, end: number): boolean {
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

/**
 * Whether a term from a prefix of kuromoji's cuts the noun after it (元職 of 元|職員). Only from a prefix: kuromoji
 * cuts a run of kanji nouns where it pleases (東京|都内, 群馬|県知事, 戦略|核弾頭), but is sure of a prefix.
 */
function cutsNounAfterPrefix(text: string, tokens: readonly Token[], start: number, end: number): boolean {
  const context = tokenContext(text, tokens, start);
  return context?.token.pos === '接頭詞' && endsInsideLaterKanjiNoun(context, end - start);
}

/**
 * Whether a glossary term found at text[start, end) is a chance spelling across kuromoji's words, not what the text
 * says: made of the halves of two words (国政 of 英国|政府, 全国|政党), cutting the noun after a prefix (元職 of
 * 元|職員), or spelled inside a katakana word (ドバイ of アドバイザー). A term over several whole words (新START,
 * 領空開放条約, 懸念を表明した) is not. False without tokens.
 */
export function isChanceTerm(text: string, tokens: readonly Token[] | undefined, start: number, end: number): boolean {
  if (!tokens) return false;
  return (
    straddlesWords(text, tokens, start, end) ||
    cutsNounAfterPrefix(text, tokens, start, end) ||
    cutsKatakanaWord(text, tokens, start, end)
  );
}
