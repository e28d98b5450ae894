/**
 * The article body as runs of text: a run is the text of one block (a paragraph, a <br>-separated line), read
 * across inline elements so that a word split by a link or a <b> is still one word to kuromoji. Each run keeps where
 * its characters live in the page, so answers about the run can be put back on the right text nodes.
 */
import { hasJapanese } from '../../core/text/chars';

/** Where a run's characters text[start, end) live: one text node, whole. */
export interface RunPiece {
  node: Text;
  start: number;
  end: number;
  /** False inside the page's own ruby: read for context, never given ruby of ours. */
  editable: boolean;
}

export interface TextRun {
  text: string;
  pieces: RunPiece[];
}

/** Elements text flows through (same line, same paragraph). Everything else starts a new run. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'MARK',
  'Q',
  'RB',
  'RUBY',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'DEL',
  'LABEL',
]);

/** Not prose, or not ours to touch: skipped whole. */
const SKIPPED = new Set([
  'RT',
  'RP',
  'RTC',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'INPUT',
  'IFRAME',
  'OBJECT',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'NAV',
  'ASIDE',
  'FORM',
]);

/** Runs longer than this are cut at a sentence end for the engine (one message holds at most 4,000 characters). */
export const MAX_RUN = 2000;
/** Text beyond this is no article a reader reads with furigana (a 1 MB log, a whole book): it is left alone. */
export const MAX_ARTICLE_CHARS = 60_000;

function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  const editable = el.getAttribute('contenteditable');
  // What the reader types is theirs: no ruby in it.
  return SKIPPED.has(tag) || el.hasAttribute('data-kiji-ruby') || (editable !== null && editable !== 'false');
}

/** Text runs of `roots` (the article's body elements), in document order, each with Japanese in it. */
export function collectRuns(roots: readonly Element[]): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun = { text: '', pieces: [] };
  // Past MAX_ARTICLE_CHARS nothing more is kept (see the end), so the walk stops there: on a page of a megabyte,
  // walking it all was one task of 40 ms.
  let collected = 0;
  const flush = () => {
    if (current.pieces.length > 0 && hasJapanese(current.text)) {
      const parts = splitLong(current);
      runs.push(...parts);
      for (const part of parts) collected += part.text.length;
    }
    current = { text: '', pieces: [] };
  };
  const visit = (node: Node, inPageRuby: boolean) => {
    if (collected > MAX_ARTICLE_CHARS) return;
    if (node.nodeType === 3) {
      const text = node as Text;
      if (text.data.length === 0) return;
      const start = current.text.length;
      current.text += text.data;
      current.pieces.push({ node: text, start, end: current.text.length, editable: !inPageRuby });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isSkipped(el)) return;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = !INLINE.has(tag);
    if (block) flush();
    const ruby = inPageRuby || tag === 'RUBY';
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, ruby);
    if (block) flush();
  };
  for (const root of roots) {
    if (collected > MAX_ARTICLE_CHARS) break;
    flush();
    visit(root, false);
  }
  flush();
  let total = 0;
  const kept = runs.findIndex((run) => (total += run.text.length) > MAX_ARTICLE_CHARS);
  return kept < 0 ? runs : runs.slice(0, kept);
}

/** Cuts a long run (Yahoo! puts a whole article in one <p>) after a sentence end or a line break. */
function splitLong(run: TextRun): TextRun[] {
  if (run.text.length <= MAX_RUN) return [run];
  const out: TextRun[] = [];
  let from = 0;
  while (from < run.text.length) {
    let to = Math.min(run.text.length, from + MAX_RUN);
    if (to < run.text.length) {
      const window = run.text.slice(from, to);
      const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('\n'));
      if (cut > MAX_RUN / 4) to = from + cut + 1;
    }
    out.push(sliceRun(run, from, to));
    from = to;
  }
  return out;
}

/**
 * The part of a run over text[from, to). A text node cut by the boundary belongs to both parts, its piece reaching
 * outside the part's text (start < 0 or end > length): offsets into the node stay `at - piece.start`.
 */
function sliceRun(run: TextRun, from: number, to: number): TextRun {
  const pieces: RunPiece[] = [];
  for (const p of run.pieces) {
    if (p.end <= from || p.start >= to) continue;
    pieces.push({ ...p, start: p.start - from, end: p.end - from });
  }
  return { text: run.text.slice(from, to), pieces };
}

/** The piece holding text[start, end) whole, or null when the span crosses pieces. */
export function pieceFor(run: TextRun, start: number, end: number): RunPiece | null {
  // Pieces are in order; a paragraph has few, so a scan is as quick as a search.
  for (const p of run.pieces) {
    if (start >= p.start && end <= p.end) return p;
    if (p.start >= end) break;
  }
  return null;
}
