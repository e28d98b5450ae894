/**
 * The one spelling the glossary matcher compares: news writes the same term in full- or half-width Latin (ＳＴＡＲＴ,
 * START), with or without ・ and ＝ (ドナルド・トランプ), with any of half a dozen dashes for the long vowel, and 々 or
 * the repeated kanji. Terms and page text go through the same function, and the page text keeps a map back to the
 * original offsets so that a match can be highlighted where it is.
 *
 * Old and new kanji (斉藤/齋藤) are not folded: they are listed as variants, because folding them would merge names.
 */
import { isKanjiCode, isKatakanaLetterCode } from '../text/chars';
import { toHalfWidthAscii } from '../text/width';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`, where its source character starts and ends in the original text. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Characters that only separate parts of a name or a compound: dropped. */
const SEPARATORS = new Set(['・', '･', '＝', '=', '゠', '\u2027']);
/** Written for the long vowel after kana, and for a hyphen elsewhere. */
const DASHES = new Set(['ー', 'ｰ', '‐', '‑', '‒', '–', '—', '―', '−', '－', '-', '～', '〜', '~']);
const LONG_VOWEL = 'ー';

function isKana(code: number): boolean {
  return (code >= 0x3041 && code <= 0x3096) || isKatakanaLetterCode(code);
}

function isHalfWidthVoicing(code: number): boolean {
  return code === 0xff9e || code === 0xff9f || code === 0x3099 || code === 0x309a;
}

/** One source character (plus a following half-width voicing mark) in normalised form; `previous` is the output so far. */
function normalizeChar(ch: string, previous: string): string {
  const code = ch.codePointAt(0)!;
  // Fast paths: kana and kanji are already normal, and they are most of a Japanese page.
  if (ch.length <= 2 && (isKanjiCode(code) || (code >= 0x3041 && code <= 0x30fa && code !== 0x30fb))) {
    if (code === 0x30f6) return 'ケ'; // ヶ in 霞ヶ関 is written ケ as often
    if (code === 0x30f5) return 'カ'; // ヵ in 一ヵ月
    return ch;
  }
  if (DASHES.has(ch)) {
    const last = previous.charCodeAt(previous.length - 1);
    if (ch === LONG_VOWEL || isKana(last)) return LONG_VOWEL;
    return ch === '～' || ch === '〜' || ch === '~' ? '~' : '-';
  }
  if (ch === '々') {
    const last = previous.codePointAt(previous.length - 1) ?? 0;
    if (last >= 0xdc00 && last <= 0xdfff) return previous.slice(-2);
    return isKanjiCode(last) ? previous.slice(-1) : ch;
  }
  if (code >= 0x20 && code < 0x7f) return ch.toLowerCase();
  // Full-width ASCII: the common case of NFKC, done without it.
  if (code >= 0xff01 && code <= 0xff5e) return toHalfWidthAscii(ch).toLowerCase();
  if (code === 0x3000) return ' ';
  return ch.normalize('NFKC').toLowerCase();
}

/** Normalises `text[from, to)`; offsets in the result map to offsets in the whole `text`. */
export function normalize(text: string, from = 0, to = text.length): Normalized {
  const starts: number[] = [];
  const ends: number[] = [];
  const out = fold(text, from, to, (piece, start, end) => {
    for (let k = 0; k < piece.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  });
  return { text: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The normalised form of a term or variant, for keys and comparisons. */
export function normalizeKey(term: string): string {
  return fold(term, 0, term.length, null);
}

function fold(
  text: string,
  from: number,
  to: number,
  emit: ((piece: string, start: number, end: number) => void) | null,
): string {
  let out = '';
  for (let i = from; i < to;) {
    const code = text.codePointAt(i)!;
    let end = i + (code > 0xffff ? 2 : 1);
    if (end < to && isHalfWidthVoicing(text.charCodeAt(end))) end++;
    const ch = text.slice(i, end);
    if (!SEPARATORS.has(ch)) {
      // A half-width kana with its voicing mark (ｶﾞ) composes into one character (ガ).
      const voiced = end - i > (code > 0xffff ? 2 : 1);
      const piece = voiced ? ch.normalize('NFKC') : normalizeChar(ch, out);
      out += piece;
      emit?.(piece, i, end);
    }
    i = end;
  }
  return out;
}

/** The original span of the normalised span [start, end). */
export function originalSpan(n: Normalized, start: number, end: number): { start: number; end: number } {
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}
