/**
 * Index keys for the word dictionaries. Kana readings are stored in hiragana so that a word is found whether the page
 * writes it in hiragana or katakana; kanji spellings are stored exactly as written.
 */

const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f6; // ヶ
const KATAKANA_ITERATION = 0x30fd; // ヽ, ヾ follows
const HIRAGANA_SHIFT = 0x60;

/** Katakana → hiragana, leaving ー, ・ and the katakana-only letters (ヷ ヸ ヹ ヺ) untouched. */
export function katakanaToHiragana(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= KATAKANA_FIRST && c <= KATAKANA_LAST) || c === KATAKANA_ITERATION || c === KATAKANA_ITERATION + 1) {
      out += String.fromCharCode(c - HIRAGANA_SHIFT);
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** True when the text holds katakana that `katakanaToHiragana` would change. */
export function hasConvertibleKatakana(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= KATAKANA_FIRST && c <= KATAKANA_LAST) || c === KATAKANA_ITERATION || c === KATAKANA_ITERATION + 1) {
      return true;
    }
  }
  return false;
}

/** The key under which a kana reading is indexed. */
export const kanaKey = katakanaToHiragana;
