/**
 * Width: news writes Latin letters and digits in full width (ＳＴＡＲＴ, ２６日) as often as in half width. One
 * character maps to one, so offsets hold.
 */

/** Full-width ASCII → ASCII; other characters as they are. */
export function toHalfWidthAscii(ch: string): string {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
}
