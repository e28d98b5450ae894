/**
 * Look-alike characters that news and dictionaries write differently: full-width ASCII (ＳＴＡＲＴ), the wave dash
 * 〜 (U+301C) that EDICT writes as the full-width tilde ～ (U+FF5E). One character maps to one, so offsets hold.
 */

const WAVE_DASH = '\u301c';
const FULLWIDTH_TILDE = '\uff5e';

/** Full-width ASCII → ASCII; other characters as they are. */
export function toHalfWidthAscii(ch: string): string {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
}

/** The wave dash as EDICT writes it: 〜 → ～. */
export function foldWaveDash(text: string): string {
  return text.includes(WAVE_DASH) ? text.replaceAll(WAVE_DASH, FULLWIDTH_TILDE) : text;
}
