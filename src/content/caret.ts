/** Which character of the page is under the pointer. */
import { isInSkippedElement } from './gather';
import { charAt } from './japanese';

export interface CharHit {
  node: Text;
  /** Offset of the first code unit of the character under the pointer. */
  offset: number;
}

interface BoxLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Half a pixel of slack: rects are fractional and the pointer sits on whole pixels. */
function boxContains(box: BoxLike, x: number, y: number, slack = 0.5): boolean {
  return x >= box.left - slack && x <= box.right + slack && y >= box.top - slack && y <= box.bottom + slack;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** Shadow trees inside shadow trees: far deeper than any page nests them, and a bound on the walk. */
const MAX_SHADOW_DEPTH = 8;

function caretFromPoint(
  doc: CaretDocument,
  x: number,
  y: number,
  shadowRoots?: ShadowRoot[],
): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = shadowRoots ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * The open shadow roots under the point, outermost first. The caret APIs stop at a shadow host unless they are
 * given its root (web components: a news site's article card, an embedded post); closed roots stay closed.
 */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let scope: Document | ShadowRoot = doc;
  for (let depth = 0; depth < MAX_SHADOW_DEPTH; depth++) {
    const root: ShadowRoot | null | undefined = scope.elementFromPoint(x, y)?.shadowRoot;
    if (!root || roots.includes(root)) break;
    roots.push(root);
    scope = root;
  }
  return roots;
}

function charBoxContains(doc: Document, node: Text, offset: number, x: number, y: number): boolean {
  const ch = charAt(node.data, offset);
  if (!ch) return false;
  const range = doc.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + ch.length);
  for (const box of range.getClientRects()) {
    if (boxContains(box, x, y)) return true;
  }
  return false;
}

/** Text the reader may hover but that belongs to a form field (Kiji never looks there). */
function inFormField(node: Node): boolean {
  return !!node.parentElement?.closest('input, textarea, select, option');
}

/**
 * The character really under (x, y), or null. The caret APIs answer with the nearest caret position even when
 * the pointer is past the end of a line or in the margin, so the character's own box has to contain the point.
 */
export function charAtPoint(doc: Document, x: number, y: number): CharHit | null {
  let caret = caretFromPoint(doc as CaretDocument, x, y);
  // Not on text: perhaps on a shadow host, whose text the caret APIs find only when shown its root.
  if (caret && caret.node.nodeType !== 3) {
    const roots = shadowRootsAt(doc, x, y);
    if (roots.length > 0) caret = caretFromPoint(doc as CaretDocument, x, y, roots);
  }
  if (!caret || caret.node.nodeType !== 3) return null;
  const node = caret.node as Text;
  if (isInSkippedElement(node) || inFormField(node)) return null;
  // The caret sits between two characters: the pointer is over the one before it or the one after it.
  for (let offset of [caret.offset - 1, caret.offset]) {
    if (offset < 0 || offset >= node.data.length) continue;
    const code = node.data.charCodeAt(offset);
    if (code >= 0xdc00 && code <= 0xdfff && offset > 0) offset--;
    if (charBoxContains(doc, node, offset, x, y)) return { node, offset };
  }
  return null;
}
