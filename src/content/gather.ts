/**
 * Collects the text around the pointer from the page: across inline elements (ruby bases, spans, links) but not
 * across block boundaries or <br>, leaving out ruby readings and text the reader cannot see.
 */
import { charAt, startsLookup } from './japanese';
import { buildSentence, endsSentence, MAX_EACH_SIDE, sourcePoint, type RawPiece, type Sentence } from './sentence';

export interface LayoutProbe {
  /** Text flows through this element into its neighbours (display inline, contents, ruby …). */
  isInline(el: Element): boolean;
  /** Nothing of it is rendered (display: none). */
  isHidden(el: Element): boolean;
  whiteSpace(el: Element): { collapseSpaces: boolean; keepNewlines: boolean };
}

const SKIPPED_TAGS = new Set(['RT', 'RP', 'RTC', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT']);
/** '' counts as inline: it is CSS's initial display, and what style engines without a UA sheet report. */
const INLINE_DISPLAYS = /^(inline|contents|ruby|$)/;

/** The real page: asks computed styles. */
export function computedLayout(win: Window): LayoutProbe {
  const styles = new WeakMap<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let s = styles.get(el);
    if (!s) {
      s = win.getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  return {
    isInline: (el) => INLINE_DISPLAYS.test(style(el).display),
    isHidden: (el) => style(el).display === 'none',
    whiteSpace: (el) => {
      const ws = style(el).whiteSpace;
      return {
        collapseSpaces: ws === '' || ws === 'normal' || ws === 'nowrap' || ws === 'pre-line',
        keepNewlines: ws.startsWith('pre') || ws === 'break-spaces',
      };
    },
  };
}

/** Whether a text node is ruby reading or otherwise not part of the running text. */
export function isInSkippedElement(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  }
  return false;
}

function blockOf(node: Node, layout: LayoutProbe): Element | null {
  let el = node.parentElement;
  while (el && el.parentElement && layout.isInline(el)) el = el.parentElement;
  return el;
}

/**
 * Text nodes next to `from` in document order (`dir` 1 forward, -1 backward) inside `root`, until a block boundary
 * or <br>. Skipped and hidden subtrees are stepped over without ending the run.
 */
function* textNodesBeside(from: Node, root: Element, dir: 1 | -1, layout: LayoutProbe): Generator<Text> {
  let node: Node = from;
  for (;;) {
    let next: Node | null = dir > 0 ? node.nextSibling : node.previousSibling;
    while (!next) {
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) return;
      node = parent;
      next = dir > 0 ? node.nextSibling : node.previousSibling;
    }
    node = next;
    // Descend to the first (or last) text node, or decide the element ends the run.
    for (;;) {
      if (node.nodeType === 3) {
        yield node as Text;
        break;
      }
      if (node.nodeType !== 1) break;
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag) || layout.isHidden(el)) break;
      if (tag === 'BR' || !layout.isInline(el)) return;
      const child = dir > 0 ? el.firstChild : el.lastChild;
      if (!child) break;
      node = child;
    }
  }
}

function pieceOf(node: Text, start: number, end: number, layout: LayoutProbe): RawPiece<Text> {
  const ws = node.parentElement ? layout.whiteSpace(node.parentElement) : { collapseSpaces: true, keepNewlines: false };
  return { node, start, text: node.data.slice(start, end), ...ws };
}

/**
 * The sentence around character `offset` of `node`, with the map back to the page. Walks at most about
 * `maxEach` characters each way (a little more, since whitespace folding may shorten what was read).
 */
export function gatherSentence(
  node: Text,
  offset: number,
  layout: LayoutProbe,
  maxEach = MAX_EACH_SIDE,
): Sentence<Text> | null {
  const budget = maxEach * 2;
  const root = blockOf(node, layout);
  const from = Math.max(0, offset - budget);
  const caretPiece = pieceOf(node, from, Math.min(node.data.length, offset + budget), layout);
  const before: RawPiece<Text>[] = [];
  const after: RawPiece<Text>[] = [];

  if (root) {
    let read = offset - from;
    if (from === 0 && !endsSentence(caretPiece.text.slice(0, offset - from), caretPiece.keepNewlines)) {
      for (const t of textNodesBeside(node, root, -1, layout)) {
        const piece = pieceOf(t, Math.max(0, t.data.length - (budget - read)), t.data.length, layout);
        before.unshift(piece);
        read += piece.text.length;
        if (read >= budget || endsSentence(piece.text, piece.keepNewlines)) break;
      }
    }
    read = caretPiece.text.length - (offset - from);
    if (
      from + caretPiece.text.length === node.data.length &&
      !endsSentence(caretPiece.text.slice(offset - from + 1), caretPiece.keepNewlines)
    ) {
      for (const t of textNodesBeside(node, root, 1, layout)) {
        const piece = pieceOf(t, 0, Math.min(t.data.length, budget - read), layout);
        after.push(piece);
        read += piece.text.length;
        if (read >= budget || endsSentence(piece.text, piece.keepNewlines)) break;
      }
    }
  }
  return buildSentence([...before, caretPiece, ...after], { piece: before.length, offset: offset - from }, maxEach);
}

/** How far past a sentence the next one is looked for: a caption or an ad between two paragraphs, not a page. */
const NEXT_SENTENCE_REACH = 600;

/**
 * The sentence after `sentence` on the page, read from its first character a hover would look up: where a reader
 * goes next. Null when nothing Japanese follows within NEXT_SENTENCE_REACH characters of visible text.
 */
export function nextSentence(sentence: Sentence<Text>, layout: LayoutProbe): Sentence<Text> | null {
  const end = sourcePoint(sentence.segments, sentence.text.length, 'end');
  if (!end) return null;
  const doc = end.node.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  walker.currentNode = end.node;
  let node: Text | null = end.node;
  let from = end.offset;
  for (let read = 0; node && read < NEXT_SENTENCE_REACH; node = walker.nextNode() as Text | null, from = 0) {
    const parent = node.parentElement;
    if (isInSkippedElement(node) || (parent && layout.isHidden(parent))) continue;
    const data = node.data;
    for (let i = from; i < data.length && read < NEXT_SENTENCE_REACH; i++, read++) {
      if (startsLookup(charAt(data, i), data)) return gatherSentence(node, i, layout);
    }
  }
  return null;
}
