/** Which characters start a lookup. Kept apart from the DOM code so it can be tested on real text. */
import { hasJapanese, isFullWidthAlnumCode, isJapaneseLetterCode } from '../core/text/chars';

const LATIN_ALNUM = /[0-9A-Za-z]/;

/** Kana (half-width too), kanji of every plane, 々〆ヶ and ー. */
export function isJapaneseChar(ch: string): boolean {
  return isJapaneseLetterCode(ch.codePointAt(0) ?? 0);
}

/**
 * Whether hovering this character should look something up. Latin letters and digits count only inside Japanese
 * text, where they start glossary terms such as 新START or G7; on an English page they must not open the popup.
 */
export function startsLookup(ch: string, nodeText: string): boolean {
  if (isJapaneseChar(ch) || isFullWidthAlnumCode(ch.codePointAt(0) ?? 0)) return true;
  return LATIN_ALNUM.test(ch) && hasJapanese(nodeText);
}

/** The whole character at `offset` (a surrogate pair counts as one), or '' past the end. */
export function charAt(text: string, offset: number): string {
  const code = text.charCodeAt(offset);
  if (Number.isNaN(code)) return '';
  if (code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length) return text.slice(offset, offset + 2);
  return text[offset] ?? '';
}
