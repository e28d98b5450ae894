/**
 * Turns runs of page text into the sentence sent to the background, and maps offsets of that sentence back to the
 * places in the page they came from. Generic over the node type so it runs without a DOM.
 */
import { isSentenceEnd, SENTENCE_OR_LINE_END } from '../core/text/sentence';

/** A run of raw text from one node: `text` is `node`'s data from `start` on. */
export interface RawPiece<N> {
  node: N;
  start: number;
  text: string;
  /** white-space: normal/nowrap/pre-line fold runs of spaces (CSS white-space collapsing). */
  collapseSpaces: boolean;
  /** white-space: pre/pre-wrap/pre-line/break-spaces keep line feeds, which then end a sentence. */
  keepNewlines: boolean;
}

/** text[start, start + length) was copied unchanged from node's data[nodeStart, nodeStart + length). */
interface Segment<N> {
  node: N;
  nodeStart: number;
  start: number;
  length: number;
}

export interface Sentence<N> {
  text: string;
  /** Offset in `text` of the character under the pointer. */
  at: number;
  segments: Segment<N>[];
}

export const MAX_EACH_SIDE = 200;

const DELIMITER = SENTENCE_OR_LINE_END;
const COLLAPSIBLE = /[ \t\n\r\f]/;

/** Kana, kanji and full-width forms: a line break between two of them renders as nothing (CSS Text segment breaks). */
function isWide(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xd800 && c <= 0xdbff)
  );
}

/** Whether the raw text holds something that ends a sentence, as rendered. */
export function endsSentence(text: string, keepNewlines: boolean): boolean {
  return [...text].some(isSentenceEnd) || (keepNewlines && text.includes('\n'));
}

interface SourceChar<N> {
  ch: string;
  node: N;
  offset: number;
}

/**
 * Applies CSS whitespace collapsing to the pieces (so the text matches what the reader sees), cuts the sentence
 * around the caret at sentence ends (。！？!?) and rendered line feeds, at most `maxEach` characters on each side.
 * `caret` points into `pieces[caret.piece].text`. Returns null when the caret character was collapsed away.
 */
export function buildSentence<N>(
  pieces: RawPiece<N>[],
  caret: { piece: number; offset: number },
  maxEach = MAX_EACH_SIDE,
): Sentence<N> | null {
  const out: SourceChar<N>[] = [];
  let at = -1;
  let pendingSpace: SourceChar<N> | null = null;
  let pendingHasNewline = false;
  let pendingAtCaret = false;

  const flushSpace = (next: string | undefined) => {
    if (!pendingSpace) return;
    const prev = out.length ? out[out.length - 1]!.ch : undefined;
    const dropped = pendingHasNewline && isWide(prev) && isWide(next);
    if (!dropped) {
      if (pendingAtCaret) at = out.length;
      out.push({ ...pendingSpace, ch: ' ' });
    }
    pendingSpace = null;
    pendingHasNewline = false;
    pendingAtCaret = false;
  };

  pieces.forEach((piece, p) => {
    for (let i = 0; i < piece.text.length; i++) {
      const ch = piece.text[i]!;
      const isCaret = p === caret.piece && i === caret.offset;
      const collapsible = piece.collapseSpaces
        ? COLLAPSIBLE.test(ch) && !(ch === '\n' && piece.keepNewlines)
        : !piece.keepNewlines && ch === '\n';
      if (collapsible) {
        if (!pendingSpace) pendingSpace = { ch: ' ', node: piece.node, offset: piece.start + i };
        if (ch === '\n' || ch === '\r') pendingHasNewline = true;
        if (isCaret) pendingAtCaret = true;
        continue;
      }
      flushSpace(ch);
      if (isCaret) at = out.length;
      out.push({ ch, node: piece.node, offset: piece.start + i });
    }
  });
  flushSpace(undefined);
  if (at < 0) return null;

  let start = Math.max(0, at - maxEach);
  for (let i = at - 1; i >= start; i--) {
    if (DELIMITER.test(out[i]!.ch)) {
      start = i + 1;
      break;
    }
  }
  let end = Math.min(out.length, at + 1 + maxEach);
  for (let i = at + 1; i < end; i++) {
    if (DELIMITER.test(out[i]!.ch)) {
      end = i;
      break;
    }
  }
  while (start < at && out[start]!.ch === ' ') start++;
  while (end > at + 1 && out[end - 1]!.ch === ' ') end--;

  const kept = out.slice(start, end);
  // A folded space keeps the offset of the first char of its run, so the char after a longer run starts a new segment.
  const segments: Segment<N>[] = [];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    const last = segments[segments.length - 1];
    if (last && last.node === c.node && last.nodeStart + last.length === c.offset && last.start + last.length === i) {
      last.length++;
    } else {
      segments.push({ node: c.node, nodeStart: c.offset, start: i, length: 1 });
    }
  }
  return { text: kept.map((c) => c.ch).join(''), at: at - start, segments };
}

/** The source position of the start of text offset `index` (or of the end of `index - 1` when `edge` is 'end'). */
export function sourcePoint<N>(
  segments: Segment<N>[],
  index: number,
  edge: 'start' | 'end',
): { node: N; offset: number } | null {
  const probe = edge === 'start' ? index : index - 1;
  for (const s of segments) {
    if (probe >= s.start && probe < s.start + s.length) {
      const offset = s.nodeStart + (probe - s.start);
      return { node: s.node, offset: edge === 'start' ? offset : offset + 1 };
    }
  }
  return null;
}

/** Source boundaries of text[start, end), for a DOM Range. */
export function sourceRange<N>(
  segments: Segment<N>[],
  start: number,
  end: number,
): { start: { node: N; offset: number }; end: { node: N; offset: number } } | null {
  if (end <= start) return null;
  const a = sourcePoint(segments, start, 'start');
  const b = sourcePoint(segments, end, 'end');
  return a && b ? { start: a, end: b } : null;
}
