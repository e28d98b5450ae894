/**
 * Kana helpers for lookup and display. Conversions that feed dictionary keys keep ー and ・ as written (the index
 * stores ぷーちん, not wanakana's ぷうちん), so they share `katakanaToHiragana` with the index builder.
 */
import * as wanakana from 'wanakana';
import { katakanaToHiragana } from '../dict/kana-key';

const HIRAGANA_FIRST = 0x3041; // ぁ
const HIRAGANA_LAST = 0x3096; // ゖ
const HIRAGANA_ITERATION = 0x309d; // ゝ, ゞ follows
const KATAKANA_SHIFT = 0x60;

/** Katakana → hiragana, one character for one, so offsets into the text stay valid. */
export function toHiragana(text: string): string {
  return katakanaToHiragana(text);
}

/** Hiragana → katakana, one character for one. */
export function toKatakana(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isHira =
      (c >= HIRAGANA_FIRST && c <= HIRAGANA_LAST) || c === HIRAGANA_ITERATION || c === HIRAGANA_ITERATION + 1;
    out += isHira ? String.fromCharCode(c + KATAKANA_SHIFT) : text[i];
  }
  return out;
}

/** Romaji typed by a learner as hiragana (enchou → えんちょう); null when the text is not all romaji. */
export function romajiToHiragana(text: string): string | null {
  if (!/^[A-Za-z' -]+$/.test(text) || !wanakana.isRomaji(text)) return null;
  const kana = wanakana.toHiragana(text.toLowerCase().replace(/[ -]/g, ''));
  return /[a-z]/i.test(kana) ? null : kana;
}

/** Hepburn romaji as the UI shows it. */
export function toRomaji(text: string): string {
  return wanakana.toRomaji(text);
}

/** True when every character is Japanese (kana, kanji, Japanese punctuation, full-width forms). */
export function isJapanese(text: string): boolean {
  return text.length > 0 && wanakana.isJapanese(text);
}

/** True when every character is hiragana or katakana (ー included). */
export function isKana(text: string): boolean {
  return text.length > 0 && wanakana.isKana(text);
}

/** True when the text holds at least one kanji. */
export function hasKanji(text: string): boolean {
  for (const ch of text) if (isKanjiChar(ch)) return true;
  return false;
}

function isKanjiChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x20000 && c <= 0x2ffff) // extensions B+
  );
}

/**
 * True for a character a dictionary word can be made of: kana, kanji, ー, 々, 〆, ヶ. Japanese punctuation and
 * full-width Latin are Japanese text but never start or continue a word lookup.
 */
export function isWordChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x3041 && c <= 0x3096) return true; // hiragana
  if (c >= 0x309d && c <= 0x309f) return true; // ゝ ゞ ゟ
  if (c >= 0x30a1 && c <= 0x30fa) return true; // katakana
  if (c >= 0x30fc && c <= 0x30ff) return true; // ー ヽ ヾ ヿ
  if (c >= 0x31f0 && c <= 0x31ff) return true; // small katakana extension
  if (c === 0x3005 || c === 0x3006 || c === 0x3007) return true; // 々 〆 〇
  return isKanjiChar(ch);
}
