/**
 * Character classes of Japanese text, by code point. Every module that asks "is this kanji, kana, a word
 * character?" asks here, so that a range fixed once is fixed everywhere.
 */

const HIRAGANA_FIRST = 0x3041; // ぁ
const HIRAGANA_LAST = 0x3096; // ゖ
const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30fa; // ヺ
const MIDDLE_DOT = 0x30fb; // ・
const LONG_VOWEL = 0x30fc; // ー

export function isKanjiCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x20000 && c <= 0x2ffff) // extensions B+
  );
}

/** 々 〆 〇 and the small ヶ ヵ of 3ヶ月: written among kanji and read as kanji are (か, こ, が). */
export function isKanjiLikeMark(c: number): boolean {
  return c === 0x3005 || c === 0x3006 || c === 0x3007 || c === 0x30f5 || c === 0x30f6;
}

export function isHiraganaCode(c: number): boolean {
  return (c >= HIRAGANA_FIRST && c <= HIRAGANA_LAST) || (c >= 0x309d && c <= 0x309f); // ゝ ゞ ゟ
}

/** A katakana letter or ー: what continues a katakana word (・ separates words, so it does not). */
export function isKatakanaLetterCode(c: number): boolean {
  return (c >= KATAKANA_FIRST && c <= KATAKANA_LAST) || c === LONG_VOWEL;
}

/** Kana a reading is made of: hiragana, katakana, ー, the iteration marks and small katakana (ㇰ). */
export function isKanaCode(c: number): boolean {
  return (
    isHiraganaCode(c) ||
    (c >= KATAKANA_FIRST && c <= KATAKANA_LAST) ||
    (c >= LONG_VOWEL && c <= 0x30ff) ||
    (c >= 0x31f0 && c <= 0x31ff)
  );
}

const code = (ch: string) => ch.codePointAt(0) ?? 0;

export function isKanji(ch: string): boolean {
  return isKanjiCode(code(ch));
}

export function isKatakanaLetter(ch: string): boolean {
  return isKatakanaLetterCode(code(ch));
}

/** A katakana word: letters, ー, the iteration marks ヽヾ, and ・ between parts (ロイター・ジャパン). */
export function isKatakana(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= KATAKANA_FIRST && c <= 0x30ff)) return false;
  }
  return true;
}

/** Only kanji (and 々): 財務局, 北関東. */
export function isKanjiWord(text: string): boolean {
  if (text.length === 0) return false;
  for (const ch of text) if (!isKanji(ch) && ch !== '々') return false;
  return true;
}

export function hasHiragana(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHiraganaCode(text.charCodeAt(i))) return true;
  return false;
}

export function hasKanji(text: string): boolean {
  for (const ch of text) if (isKanji(ch)) return true;
  return false;
}

/** Half-width katakana (ｶﾀｶﾅ), as old systems and some tickers still write it. */
function isHalfWidthKatakanaCode(c: number): boolean {
  return c >= 0xff66 && c <= 0xff9f;
}

/** Kanji, 々 and the like, or kana (half-width too): a character of Japanese writing, not punctuation or Latin. */
export function isJapaneseLetterCode(c: number): boolean {
  return isKanjiCode(c) || isKanjiLikeMark(c) || isKanaCode(c) || c === MIDDLE_DOT || isHalfWidthKatakanaCode(c);
}

export function hasJapanese(text: string): boolean {
  for (const ch of text) if (isJapaneseLetterCode(code(ch))) return true;
  return false;
}

/**
 * True for a character a dictionary word can be made of: kana, kanji, ー, 々, 〆, 〇, ヶ. Japanese punctuation and
 * full-width Latin are Japanese text but never start or continue a word lookup.
 */
export function isWordChar(ch: string): boolean {
  const c = code(ch);
  return (
    isHiraganaCode(c) ||
    (c >= KATAKANA_FIRST && c <= KATAKANA_LAST) ||
    (c >= LONG_VOWEL && c <= 0x30ff) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    c === 0x3005 ||
    c === 0x3006 ||
    c === 0x3007 ||
    isKanjiCode(c)
  );
}

/** Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ): ENAMDICT and news write ３Ｍ, ＮＡＴＯ so. */
export function isFullWidthAlnumCode(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/** A high surrogate: the next code unit belongs to the same character. */
export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
