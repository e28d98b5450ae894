/**
 * Readable text of chosen elements, as paragraphs: never script/style/ruby readings/hidden elements, one paragraph
 * per block element, per <br> and per blank line (sites that set white-space: pre-wrap put a whole article in one
 * <p> with "\n\n" between paragraphs).
 */

import { type DomElement, type DomNode, isElement, isText, tagOf } from './dom';
import {
  INLINE_TAGS,
  SHORT_BLOCK,
  SKIP_TAGS,
  isFurnitureText,
  isHidden,
  isNavigatingLink,
  isSpaceCode,
} from './signals';
import { STEP, complete, type Steps } from './steps';

const ASCII_SPACES = /[ \t\n\r\f]+/g;
const EDGE_SPACES = /^[ \t\n\r\f]+|[ \t\n\r\f]+$/g;
/** A blank line inside a text node: a paragraph break under white-space: pre-wrap. */
const BLANK_LINE = /\n[ \t\r\f]*\n/;

/**
 * Runs of ASCII whitespace become one space, ends trimmed, as a browser renders normal text. The ideographic space
 * U+3000 is kept: it is the indent that opens a Japanese paragraph, not layout.
 */
export function collapseSpaces(s: string): string {
  return s.replace(ASCII_SPACES, ' ').replace(EDGE_SPACES, '');
}

interface ExtractOptions {
  /** Leave out this element and everything inside it. */
  exclude?: (el: DomElement) => boolean;
  /** Leave out the block's own text but still read the blocks inside it. */
  dropOwnText?: (el: DomElement) => boolean;
  /** Skip aria-hidden subtrees (default true). */
  honourAriaHidden?: boolean;
}

/** A paragraph that is all link is a promo or a link card, not article text. */
const LINK_ONLY_SHARE = 0.9;

function countChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) n++;
  return n;
}

export function extractParagraphs(roots: readonly DomElement[], options: ExtractOptions = {}): string[] {
  return complete(extractParagraphsSteps(roots, options));
}

/** extractParagraphs, pausable every few dozen nodes. */
export function* extractParagraphsSteps(roots: readonly DomElement[], options: ExtractOptions = {}): Steps<string[]> {
  const honourAria = options.honourAriaHidden ?? true;
  const out: string[] = [];
  let buf = '';
  let chars = 0;
  let linkChars = 0;

  const flush = (): void => {
    const text = collapseSpaces(buf);
    const keep =
      text !== '' && !(linkChars >= LINK_ONLY_SHARE * chars) && !(chars <= SHORT_BLOCK && isFurnitureText(text));
    if (keep) out.push(text);
    buf = '';
    chars = 0;
    linkChars = 0;
  };

  const append = (s: string, inLink: boolean): void => {
    const n = countChars(s);
    buf += s;
    chars += n;
    if (inLink) linkChars += n;
  };

  let visited = 0;
  function* walk(el: DomElement, muted: boolean, inLink: boolean): Steps<void> {
    for (let node: DomNode | null = el.firstChild; node; node = node.nextSibling) {
      if (++visited % STEP === 0) yield;
      if (isText(node)) {
        if (muted) continue;
        const parts = (node.nodeValue ?? '').split(BLANK_LINE);
        for (let k = 0; k < parts.length; k++) {
          if (k > 0) flush();
          append(parts[k]!, inLink);
        }
        continue;
      }
      if (!isElement(node)) continue;
      const tag = tagOf(node);
      if (tag === 'br') {
        flush();
        continue;
      }
      if (SKIP_TAGS.has(tag) || isHidden(node, honourAria) || options.exclude?.(node)) continue;
      if (INLINE_TAGS.has(tag)) {
        yield* walk(node, muted, inLink || (tag === 'a' && isNavigatingLink(node)));
      } else {
        flush();
        yield* walk(node, options.dropOwnText?.(node) ?? false, inLink);
        flush();
      }
    }
  }

  for (const root of roots) {
    flush();
    const tag = tagOf(root);
    if (SKIP_TAGS.has(tag) || isHidden(root, honourAria) || options.exclude?.(root)) continue;
    yield* walk(root, options.dropOwnText?.(root) ?? false, tag === 'a' && isNavigatingLink(root));
    flush();
  }
  return out;
}
