/**
 * One pass over the whole document that measures every block of text once, so that no later step has to read
 * textContent of a large subtree (score.ts then sums the measures bottom-up without touching the DOM). Also
 * collects the head's metadata and the headings the title step chooses from.
 */

import { type DomDocument, type DomElement, type DomNode, isElement, isText, tagOf } from './dom';
import {
  HEADING_TAGS,
  INLINE_TAGS,
  PLAIN_NAME,
  SHORT_BLOCK,
  SKIP_TAGS,
  createNameJudge,
  isFurnitureElement,
  isFurnitureText,
  isPaywallText,
  isAriaHidden,
  isHidden,
  isNavigatingLink,
} from './signals';
import { STEP, complete, type Steps } from './steps';

/** The text an element holds itself, up to its first block-level descendants (a paragraph, a bare-text div). */
export interface Block {
  el: DomElement;
  /** Non-space characters, and how many of them sit in links, are Japanese, are 、。 or end a sentence. */
  chars: number;
  linkChars: number;
  jpChars: number;
  clauseMarks: number;
  sentenceEnds: number;
  /** Images inline in the block: one with a short text is a photo and its caption. */
  images: number;
  /** An image came before any text: a photo with the caption under it, not a paragraph with an icon in it. */
  imageFirst: boolean;
  /** Last non-space character (a closing quote ends a paragraph that is one quoted sentence). */
  lastChar: number;
  /** First non-space character: U+3000 is the indent that opens a paragraph in Japanese typesetting. */
  firstChar: number;
  /** Raw text, kept only while short enough to be judged by its wording. */
  text: string;
  /** Worded like furniture: paywall prompt, ad label, copyright line, related-articles heading. */
  furnitureText: boolean;
  /** Of those, a members-only notice or a sign-up or log-in prompt. */
  paywall: boolean;
  /** Set by scoring: furniture (inside nav/aside/…, link list, furnitureText …), not article text. */
  bad: boolean;
  /** How much the block looks like running prose: characters weighted by quality; negative for furniture. */
  value: number;
}

export interface ElementStat {
  el: DomElement;
  tag: string;
  parent: ElementStat | null;
  /** Document order of the element's start, and of the last element inside it. */
  order: number;
  lastOrder: number;
  kids: ElementStat[];
  block: Block | null;
  /** Furniture by its own tag/role, and by its own class/id words. */
  furnitureTag: boolean;
  furnitureName: boolean;
  /** A <header> or named a header: furniture in which a lead paragraph may still sit. */
  header: boolean;
  /** Marked itemprop="articleBody" (schema.org microdata). */
  articleBody: boolean;
  /** Set by scoring: inside furniture that counts. */
  furniture: boolean;
  /** Set by scoring: furniture only for being inside a header. */
  headerOnly: boolean;
  /** Set by scoring: subtree sums over blocks (value of the prose blocks, characters of the furniture). */
  value: number;
  goodChars: number;
  badChars: number;
  sentenceEnds: number;
  goodBlocks: number;
  /** Good blocks that read as sentences: with 。！？ or closing on 」』. */
  sentenceBlocks: number;
  /** Of those, the ones outside headings: a standfirst set as an <h2> reads as a sentence but opens no body. */
  paragraphBlocks: number;
  /** Blocks worded as a members-only notice or a sign-up or log-in prompt. */
  paywallBlocks: number;
  /** Blocks that are mostly link text (a headline link, a menu entry). */
  linkBlocks: number;
  /** Best contiguous run of children (maximum sum of values): where sibling paragraphs of a body sit together. */
  runStart: number;
  runEnd: number;
  runValue: number;
}

export interface Heading {
  el: DomElement;
  tag: string;
  order: number;
  text: string;
  /** Screen-reader copy, hidden by a utility class, or inside navigation furniture. */
  concealed: boolean;
}

export interface PageMeta {
  documentTitle: string;
  ogTitle: string;
  description: string;
  /** From JSON-LD NewsArticle and friends. */
  ldHeadline: string;
  ldBody: string;
  ldDescription: string;
}

interface ScanOptions {
  /**
   * Skip aria-hidden subtrees (decorative copies). A page whose modal dialog is open has its whole content
   * aria-hidden, so a caller that finds nothing may scan again without it.
   */
  honourAriaHidden?: boolean;
}

export interface Scan {
  /** An aria-hidden element wraps a large part of the page (near the top of the tree). */
  ariaHiddenWrapper: boolean;
  stats: Map<DomElement, ElementStat>;
  /** In document order. */
  all: ElementStat[];
  headings: Heading[];
  meta: PageMeta;
}

/**
 * Furniture tags read as one block of furniture without a look at their insides: every block in them would be
 * furniture anyway, and a mega-menu or a footer sitemap holds thousands of elements. Not <header>, where the
 * headline and its hidden copies live.
 */
const SEALED_TAGS = new Set(['nav', 'aside', 'footer', 'menu', 'figure']);

/** html > body > wrapper > main: an aria-hidden element this high hides content, not decoration. */
const ARIA_WRAPPER_DEPTH = 5;

interface Frame {
  stat: ElementStat | null;
  /** The next child to visit. */
  next: DomNode | null;
  /** The block this element's inline text belongs to. */
  block: Block | null;
  inLink: boolean;
  /** Inside nav/aside/footer: a heading there is a box title, not the headline. */
  sideArea: boolean;
  /** The heading whose text this element's text belongs to, unless muted by a hiding class. */
  heading: Heading | null;
}

function textOf(el: DomElement): string {
  let s = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (isText(n)) s += n.nodeValue ?? '';
  return s;
}

function collectHead(el: DomElement, meta: PageMeta, ld: string[]): void {
  const tag = tagOf(el);
  if (tag === 'title' && !meta.documentTitle) meta.documentTitle = textOf(el);
  else if (tag === 'meta') {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
    // Some re-serialised pages carry the value in "value" rather than "content".
    const content = el.getAttribute('content') ?? el.getAttribute('value') ?? '';
    if ((key === 'og:title' || key === 'twitter:title') && !meta.ogTitle) meta.ogTitle = content;
    else if ((key === 'description' || key === 'og:description') && !meta.description) meta.description = content;
  } else if (tag === 'script') {
    if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') ld.push(textOf(el));
  }
}

function readJsonLd(sources: string[], meta: PageMeta): void {
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.articleBody === 'string' && !meta.ldBody) meta.ldBody = o.articleBody;
    if (typeof o.headline === 'string' && !meta.ldHeadline) meta.ldHeadline = o.headline;
    if (typeof o.description === 'string' && !meta.ldDescription && (o.headline || o.articleBody)) {
      meta.ldDescription = o.description;
    }
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const src of sources) {
    try {
      visit(JSON.parse(src), 0);
    } catch {
      // Broken JSON-LD is common and only a cross-check.
    }
  }
}

function newStat(el: DomElement, tag: string, parent: ElementStat | null, order: number): ElementStat {
  return {
    el,
    tag,
    parent,
    order,
    lastOrder: order,
    kids: [],
    block: null,
    furnitureTag: false,
    furnitureName: false,
    header: false,
    articleBody: false,
    furniture: false,
    headerOnly: false,
    value: 0,
    goodChars: 0,
    badChars: 0,
    sentenceEnds: 0,
    goodBlocks: 0,
    sentenceBlocks: 0,
    paragraphBlocks: 0,
    paywallBlocks: 0,
    linkBlocks: 0,
    runStart: -1,
    runEnd: -1,
    runValue: 0,
  };
}

function newBlock(el: DomElement): Block {
  return {
    el,
    chars: 0,
    linkChars: 0,
    jpChars: 0,
    clauseMarks: 0,
    sentenceEnds: 0,
    images: 0,
    imageFirst: false,
    lastChar: 0,
    firstChar: 0,
    text: '',
    furnitureText: false,
    paywall: false,
    bad: false,
    value: 0,
  };
}

/**
 * Counts are read with regular expressions, which V8 compiles to machine code after the first calls. A content script
 * runs detection once per page, mostly before V8 has optimised its own loops, and a loop over every character of the
 * page's text was the largest share of detection's samples in a Chromium profile (nikkei-2).
 */
const SPACES = /[ \n\t\r\f]+/g;
const NOT_JAPANESE = /[^\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f]+/g;
/** 、。，． */
const NOT_CLAUSE_MARK = /[^\u3001\u3002\uff0c\uff0e]+/g;
/** 。！？!? */
const NOT_SENTENCE_END = /[^\u3002\uff01\uff1f!?]+/g;

/** Counts a text node into its block: Japanese characters, clause marks, sentence ends, spaces aside. */
function addText(block: Block, s: string, inLink: boolean): void {
  const visible = s.replace(SPACES, '');
  const chars = visible.length;
  if (chars === 0) return;
  if (block.chars === 0) block.firstChar = visible.charCodeAt(0);
  block.chars += chars;
  if (inLink) block.linkChars += chars;
  const jp = visible.replace(NOT_JAPANESE, '');
  block.jpChars += jp.length;
  block.clauseMarks += jp.replace(NOT_CLAUSE_MARK, '').length;
  block.sentenceEnds += visible.replace(NOT_SENTENCE_END, '').length;
  block.lastChar = visible.charCodeAt(chars - 1);
  if (block.text.length <= SHORT_BLOCK * 2) block.text += s;
}

/** Non-space characters of the text inside, skipping what is never shown. */
function countVisibleChars(root: DomElement): number {
  let n = 0;
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    for (let k = node.firstChild; k; k = k.nextSibling) {
      if (isText(k)) n += (k.nodeValue ?? '').replace(SPACES, '').length;
      else if (isElement(k) && !SKIP_TAGS.has(tagOf(k))) stack.push(k);
    }
  }
  return n;
}

export function scanDocument(doc: DomDocument, options: ScanOptions = {}): Scan {
  return complete(scanSteps(doc, options));
}

/** scanDocument, pausable every few dozen nodes. */
export function* scanSteps(doc: DomDocument, options: ScanOptions = {}): Steps<Scan> {
  const honourAria = options.honourAriaHidden ?? true;
  let ariaHiddenWrapper = false;
  const meta: PageMeta = {
    documentTitle: '',
    ogTitle: '',
    description: '',
    ldHeadline: '',
    ldBody: '',
    ldDescription: '',
  };
  const ld: string[] = [];
  const stats = new Map<DomElement, ElementStat>();
  const all: ElementStat[] = [];
  const headings: Heading[] = [];
  const judgeName = createNameJudge();

  // The head holds no article text; read its metadata with a small separate walk.
  const headWalk = (el: DomElement, depth: number): void => {
    collectHead(el, meta, ld);
    if (depth > 3) return;
    for (let n = el.firstChild; n; n = n.nextSibling) if (isElement(n)) headWalk(n, depth + 1);
  };

  let order = 0;
  // Start from the document's own children: a page that streams <style> before <html> gives linkedom a
  // documentElement that is that <style>.
  // linkedom links the doctype to nothing after it: the document's own children are read as a list.
  const top = doc.childNodes;
  let topIndex = 0;
  const root: Frame = {
    stat: null,
    next: top[0] ?? null,
    block: null,
    inLink: false,
    sideArea: false,
    heading: null,
  };
  const stack: Frame[] = [root];
  let visited = 0;

  while (stack.length > 0) {
    if (++visited % STEP === 0) yield;
    const f = stack[stack.length - 1]!;
    const node = f.next;
    if (node) {
      f.next = f === root ? (top[++topIndex] ?? null) : node.nextSibling;
      if (isText(node)) {
        const s = node.nodeValue ?? '';
        if (f.block) addText(f.block, s, f.inLink);
        if (f.heading) f.heading.text += s;
        continue;
      }
      if (!isElement(node)) continue;
      const el = node;
      const tag = tagOf(el);
      if (tag === 'head') {
        headWalk(el, 0);
        continue;
      }
      if (tag === 'script') {
        // JSON-LD is sometimes placed in the body.
        if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') ld.push(textOf(el));
        continue;
      }
      if (tag === 'title' || tag === 'meta') {
        collectHead(el, meta, ld);
        continue;
      }
      if (SKIP_TAGS.has(tag)) continue;
      const attributed = el.hasAttributes();
      if (attributed && isHidden(el, honourAria)) {
        if (stack.length <= ARIA_WRAPPER_DEPTH && isAriaHidden(el)) ariaHiddenWrapper = true;
        continue;
      }
      if (tag === 'br') {
        if (f.heading) f.heading.text += ' ';
        continue;
      }
      if (tag === 'img' && f.block) {
        f.block.images++;
        if (f.block.chars === 0) f.block.imageFirst = true;
      }
      const stat = newStat(el, tag, f.stat, order++);
      stats.set(el, stat);
      all.push(stat);
      f.stat?.kids.push(stat);
      stat.furnitureTag = isFurnitureElement(el, tag, attributed);
      const name = attributed ? judgeName(el) : PLAIN_NAME;
      stat.furnitureName = name.furniture;
      stat.header = tag === 'header' || name.header;
      const itemprop = attributed ? el.getAttribute('itemprop') : null;
      stat.articleBody = itemprop !== null && itemprop.includes('articleBody');
      const sideArea = f.sideArea || tag === 'nav' || tag === 'aside' || tag === 'footer';
      if (SEALED_TAGS.has(tag)) {
        const sealed = newBlock(el);
        sealed.chars = countVisibleChars(el);
        stat.block = sealed;
        continue;
      }
      let block = f.block;
      if (!INLINE_TAGS.has(tag)) {
        block = newBlock(el);
        stat.block = block;
      }
      let heading = f.heading;
      const hiding = name.hiding;
      if (!heading && (HEADING_TAGS.has(tag) || itemprop === 'headline')) {
        heading = {
          el,
          tag: HEADING_TAGS.has(tag) ? tag : 'h1',
          order: stat.order,
          text: '',
          concealed: hiding || sideArea,
        };
        headings.push(heading);
      } else if (heading && hiding) heading = null;
      stack.push({
        stat,
        next: el.firstChild,
        block,
        inLink: f.inLink || (tag === 'a' && attributed && isNavigatingLink(el)),
        sideArea,
        heading,
      });
      continue;
    }
    stack.pop();
    const stat = f.stat;
    if (!stat) continue;
    stat.lastOrder = order - 1;
    const b = stat.block;
    if (b && b.chars > 0 && b.chars <= SHORT_BLOCK) {
      const t = b.text.trim();
      b.furnitureText = isFurnitureText(t);
      b.paywall = b.furnitureText && isPaywallText(t);
    }
  }

  readJsonLd(ld, meta);
  return { ariaHiddenWrapper, stats, all, headings, meta };
}
