/**
 * The slice of the DOM the article detector reads. The browser's DOM and linkedom both satisfy it structurally, so
 * the same detector runs in the content script and in Node (tests, CLI) without either depending on the other.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export interface DomNode {
  readonly nodeType: number;
  /** Text of a text node; null for elements. */
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  /** Walking by sibling links: linkedom builds an array for every childNodes read, the browser needs neither. */
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}

export interface DomElement extends DomNode {
  /** Upper case for HTML elements in both the browser and linkedom; compared case-insensitively here. */
  readonly tagName: string;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  /** Most elements have none: checking first saves a handful of getAttribute calls on each of thousands. */
  hasAttributes(): boolean;
}

/** The detector walks the whole tree once from the top (head included: title, meta and JSON-LD live there). */
export interface DomDocument {
  readonly childNodes: ArrayLike<DomNode>;
  readonly firstChild: DomNode | null;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: DomNode): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

export function tagOf(el: DomElement): string {
  return el.tagName.toLowerCase();
}
