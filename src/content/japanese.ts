/** Which characters start a lookup. Kept apart from the DOM code so it can be tested on real text. */

// Kana, kanji (incl. extension A and the compatibility block), the iteration marks 々〆ヶ and the long vowel mark.
const JAPANESE =
  /[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ヵヶ]/;
// Astral kanji (CJK extension B and later) arrive as surrogate pairs.
const JAPANESE_ASTRAL = /[\u{20000}-\u{3134f}]/u;
const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
const LATIN_ALNUM = /[0-9A-Za-z]/;

export function isJapaneseChar(ch: string): boolean {
  return JAPANESE.test(ch) || (ch.length === 2 && JAPANESE_ASTRAL.test(ch));
}

export function hasJapanese(text: string): boolean {
  return JAPANESE.test(text) || JAPANESE_ASTRAL.test(text);
}

/**
 * Whether hovering this character should look something up. Latin letters and digits count only inside Japanese
 * text, where they start glossary terms such as 新START or G7; on an English page they must not open the popup.
 */
export function startsLookup(ch: string, nodeText: string): boolean {
  if (isJapaneseChar(ch) || FULLWIDTH_ALNUM.test(ch)) return true;
  return LATIN_ALNUM.test(ch) && hasJapanese(nodeText);
}

/** The whole character at `offset` (a surrogate pair counts as one), or '' past the end. */
export function charAt(text: string, offset: number): string {
  const code = text.charCodeAt(offset);
  if (Number.isNaN(code)) return '';
  if (code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length) return text.slice(offset, offset + 2);
  return text[offset];
}
