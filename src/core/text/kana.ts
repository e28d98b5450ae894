/**
 * Kana conversions. The one for dictionary keys and readings, `toHiragana`, maps one character to one (offsets into
 * the text stay valid) and keeps ー and ・ as written: the index stores ぷーちん, not wanakana's ぷうちん. No wanakana
 * here: the content script uses these, and romaji (romaji.ts) would cost it 8 KB.
 */

const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f6; // ヶ
const KATAKANA_ITERATION = 0x30fd; // ヽ, ヾ follows
const HIRAGANA_FIRST = 0x3041; // ぁ
const HIRAGANA_LAST = 0x3096; // ゖ
const HIRAGANA_ITERATION = 0x309d; // ゝ, ゞ follows
const SHIFT = 0x60;

function isConvertibleKatakana(c: number): boolean {
  return (c >= KATAKANA_FIRST && c <= KATAKANA_LAST) || c === KATAKANA_ITERATION || c === KATAKANA_ITERATION + 1;
}

/** Katakana → hiragana, leaving ー, ・ and the katakana-only letters (ヷ ヸ ヹ ヺ) untouched. */
export function toHiragana(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isConvertibleKatakana(c)) {
      out += String.fromCharCode(c - SHIFT);
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** True when the text holds katakana that `toHiragana` would change. */
export function hasConvertibleKatakana(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isConvertibleKatakana(text.charCodeAt(i))) return true;
  return false;
}

/** Hiragana → katakana, one character for one. */
export function toKatakana(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isHira =
      (c >= HIRAGANA_FIRST && c <= HIRAGANA_LAST) || c === HIRAGANA_ITERATION || c === HIRAGANA_ITERATION + 1;
    out += isHira ? String.fromCharCode(c + SHIFT) : text[i];
  }
  return out;
}
