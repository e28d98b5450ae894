/**
 * How a reading is shown next to its headword. The dictionaries keep kana readings in hiragana (their index keys),
 * so ロシア arrives read ろしあ; a reader expects a katakana word to be read in katakana. Applied wherever a reading
 * is shown or exported (popup, toolbar panels, vocabulary page, exports), never to the stored data.
 */

/** All katakana (with ー and ・, and the small and voiced letters): a loanword or a foreign name. */
const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc\u30fd\u30fe\u31f0-\u31ff\u30fb\uff66-\uff9f]+$/;

export function isKatakanaWord(text: string): boolean {
  return KATAKANA_WORD.test(text);
}

/** Hiragana → katakana, one character for one (ー and ・ are shared by both scripts). */
export function hiraganaToKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/**
 * The reading to show beside `headword`: in katakana when the headword is all katakana, and '' when it would only
 * repeat the headword (ロシア / ろしあ, スタート / すたーと, と / と). Any other reading is returned as it is.
 */
export function displayReading(headword: string, reading: string): string {
  // A kana headword read as written (と / と, スタート / すたーと) needs no reading.
  if (toHiragana(headword) === toHiragana(reading)) return '';
  return scriptedReading(headword, reading);
}

const toHiragana = (text: string) =>
  text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** The reading in the headword's script: katakana for a katakana word (exports keep it even when it repeats). */
export function scriptedReading(headword: string, reading: string): string {
  return reading && isKatakanaWord(headword) ? hiraganaToKatakana(reading) : reading;
}
