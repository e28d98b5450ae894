/** Romaji and script tests through wanakana: the engine, the CLI and the toolbar popup use them, never the content script. */
import * as wanakana from 'wanakana';

/** Romaji typed by a learner as hiragana (enchou → えんちょう); null when the text is not all romaji. */
export function romajiToHiragana(text: string): string | null {
  if (!/^[A-Za-z' -]+$/.test(text) || !wanakana.isRomaji(text)) return null;
  const kana = wanakana.toHiragana(text.toLowerCase().replace(/[ -]/g, ''));
  return /[a-z]/i.test(kana) ? null : kana;
}

/** True when every character is Japanese (kana, kanji, Japanese punctuation, full-width forms). */
export function isJapanese(text: string): boolean {
  return text.length > 0 && wanakana.isJapanese(text);
}

/** True when every character is hiragana or katakana (ー included). */
export function isKana(text: string): boolean {
  return text.length > 0 && wanakana.isKana(text);
}
