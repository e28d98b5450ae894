/**
 * Values every block as prose or furniture and sums the values up the tree, then finds under every element the
 * run of consecutive children that gains the most prose for the least furniture (sibling paragraphs of a body sit
 * together; the box after them does not). Works on the scan's measures only, never on the DOM.
 */

import { type Block, type ElementStat, type Scan } from './scan';
import { HEADING_TAGS } from './signals';
import { STEP, complete, type Steps } from './steps';

const CLOSE_QUOTE = 0x300d; // 」
const CLOSE_DOUBLE_QUOTE = 0x300f; // 』

/** Text more than half in links is a list of links (menu, ranking, related articles), not a paragraph. */
const LINK_LIST_SHARE = 0.5;

/**
 * A class/id word like "social" or "side" on an element that holds most of the page's prose names a layout
 * variant (<body class="news-social">, <div class="has-sidebar">), not a box of furniture.
 */
const NAME_CANNOT_HOLD_SHARE = 0.6;

/**
 * What furniture costs a run of siblings: a caption or an inline box between two paragraphs should not cut the
 * body in two, while a long block of furniture still ends it.
 */
function furnitureCost(chars: number): number {
  return chars <= 60 ? chars : 60 + 0.5 * (chars - 60);
}

/**
 * Blocks this short on average, three or more of them, make a widget (a colour legend, a tag cloud, a button row)
 * rather than paragraphs, however Japanese their words.
 */
const FRAGMENT_BLOCKS = 3;
const FRAGMENT_AVERAGE = 20;

/**
 * Three or more children that each pair a link-only block (a headline link) with prose (a summary) are a list of
 * teaser cards for other articles, which no count of sentences tells from a body.
 */
const TEASER_CARDS = 3;
const TEASER_SHARE = 0.6;

const CARD_MAX_BLOCKS = 3;
const CARD_MAX_CHARS = 300;

/** A headline link or two with a short summary: big wrappers also hold links and prose, but are no card. */
function isCard(k: ElementStat): boolean {
  return (
    k.linkBlocks > 0 &&
    k.linkBlocks <= CARD_MAX_BLOCKS &&
    k.goodBlocks > 0 &&
    k.goodBlocks <= CARD_MAX_BLOCKS &&
    k.goodChars <= CARD_MAX_CHARS
  );
}

/**
 * A little prose beside a call to action of its own (a "詳しくはこちら", sign-up or log-in link) is a promotion or a
 * notice about a service, not article text: a body this short with its own such link would be no article anyway.
 */
const PROMO_PROSE = 100;
const PROMO_BLOCKS = 2;

function isCallToAction(b: Block | null): boolean {
  return b !== null && b.furnitureText && b.linkChars > 0;
}

function isPromotion(s: ElementStat): boolean {
  if (s.goodChars === 0 || s.goodChars > PROMO_PROSE || s.goodBlocks > PROMO_BLOCKS) return false;
  return isCallToAction(s.block) || s.kids.some((k) => k.goodChars === 0 && isCallToAction(k.block));
}

function isTeaserList(s: ElementStat): boolean {
  let cards = 0;
  let withText = 0;
  for (const k of s.kids) {
    if (k.goodChars + k.badChars === 0) continue;
    withText++;
    if (isCard(k)) cards++;
  }
  return cards >= TEASER_CARDS && cards >= TEASER_SHARE * withText;
}

/** What an element's prose is worth to its parent. */
function proseValue(s: ElementStat): number {
  const fragmented = s.goodBlocks >= FRAGMENT_BLOCKS && s.goodChars < FRAGMENT_AVERAGE * s.goodBlocks;
  return fragmented ? -0.25 * s.goodChars : s.value;
}

/** Worth of a child in a run: its prose, less what its furniture costs. */
export function itemValue(s: ElementStat): number {
  return proseValue(s) - furnitureCost(s.badChars);
}

function linkListLike(b: Block): boolean {
  return b.linkChars / b.chars > LINK_LIST_SHARE;
}

/** Prose quality per character in [-1, 1]: Japanese sentences score high, bare labels low, links negative. */
function valueBlock(b: Block, furniture: boolean, tag: string): void {
  b.bad = false;
  b.value = 0;
  if (b.chars === 0) return;
  if (furniture || b.furnitureText || linkListLike(b)) {
    b.bad = true;
    b.value = -b.chars;
    return;
  }
  const linkShare = b.linkChars / b.chars;
  // A sentence end is the strongest sign: Japanese headlines, labels and list items go without 。, paragraphs not.
  let q = 0.1;
  if (b.jpChars / b.chars > 0.5) q += 0.15;
  if (b.clauseMarks > 0) q += 0.15;
  if (b.sentenceEnds > 0) q += 0.6;
  // Subheads are part of a body but say little about where it is; an h1 is the headline, never body text, and a
  // standfirst set as a heading sits outside the body on most sites.
  if (tag === 'h1') q = 0;
  else if (HEADING_TAGS.has(tag)) q = Math.min(q, 0.1);
  q -= 2 * linkShare;
  b.value = q * b.chars;
}

export function scoreScan(scan: Scan): void {
  complete(scoreSteps(scan));
}

/** scoreScan, pausable every few dozen elements. */
export function* scoreSteps(scan: Scan): Steps<void> {
  const all = scan.all;
  const n = all.length;

  // Prose each element would hold if no class/id word counted, to tell layout names from furniture names.
  const rawProse = new Float64Array(n);
  const structural = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = all[i]!;
    structural[i] = s.furnitureTag || (s.parent !== null && structural[s.parent.order] === 1) ? 1 : 0;
  }
  for (let i = n - 1; i >= 0; i--) {
    const s = all[i]!;
    const b = s.block;
    if (b && b.chars > 0 && !structural[i] && !b.furnitureText && !linkListLike(b)) rawProse[i]! += b.chars;
    if (s.parent) rawProse[s.parent.order]! += rawProse[i]!;
  }
  let pageProse = 0;
  for (let i = 0; i < n; i++) if (all[i]!.parent === null) pageProse += rawProse[i]!;
  yield;

  for (let i = 0; i < n; i++) {
    if (i % (4 * STEP) === 0) yield;
    const s = all[i]!;
    const named =
      s.furnitureName &&
      s.tag !== 'html' &&
      s.tag !== 'body' &&
      s.tag !== 'main' &&
      rawProse[i]! < NAME_CANNOT_HOLD_SHARE * pageProse;
    s.furniture = s.furnitureTag || named || (s.parent !== null && s.parent.furniture);
    const parent = s.parent;
    const inherited = parent !== null && parent.furniture;
    s.headerOnly =
      s.furniture &&
      (s.header ? !inherited || parent.headerOnly : inherited && parent.headerOnly && !s.furnitureTag && !named);
    s.value = 0;
    s.goodChars = 0;
    s.badChars = 0;
    s.sentenceEnds = 0;
    s.goodBlocks = 0;
    s.sentenceBlocks = 0;
    s.paragraphBlocks = 0;
    s.paywallBlocks = 0;
    s.linkBlocks = 0;
  }

  for (let i = n - 1; i >= 0; i--) {
    if (i % STEP === 0) yield;
    const s = all[i]!;
    const b = s.block;
    if (b) {
      valueBlock(b, s.furniture, s.tag);
      if (b.chars > 0 && linkListLike(b)) s.linkBlocks++;
      if (b.paywall) s.paywallBlocks++;
      if (b.bad) s.badChars += b.chars;
      else if (b.chars > 0) {
        s.value += b.value;
        s.goodChars += b.chars;
        s.sentenceEnds += b.sentenceEnds;
        s.goodBlocks++;
        if (b.sentenceEnds > 0 || b.lastChar === CLOSE_QUOTE || b.lastChar === CLOSE_DOUBLE_QUOTE) {
          s.sentenceBlocks++;
          if (!HEADING_TAGS.has(s.tag)) s.paragraphBlocks++;
        }
      }
    }
    if (isTeaserList(s) || isPromotion(s)) {
      // Prose in teaser cards describes other articles, that of a promotion a service: none of it is this one's.
      s.furniture = true;
      s.badChars += s.goodChars;
      s.value = 0;
      s.goodChars = 0;
      s.sentenceEnds = 0;
      s.goodBlocks = 0;
      s.sentenceBlocks = 0;
      s.paragraphBlocks = 0;
    }
    // Kadane over the children (their sums are complete: children come after their parent in document order).
    let best = 0;
    let bestStart = -1;
    let bestEnd = -1;
    let cur = 0;
    let curStart = 0;
    for (let k = 0; k < s.kids.length; k++) {
      const v = itemValue(s.kids[k]!);
      if (cur <= 0) {
        cur = v;
        curStart = k;
      } else cur += v;
      if (cur > best) {
        best = cur;
        bestStart = curStart;
        bestEnd = k;
      }
    }
    s.runStart = bestStart;
    s.runEnd = bestEnd;
    s.runValue = best;
    const p = s.parent;
    if (p) {
      p.value += proseValue(s);
      p.goodChars += s.goodChars;
      p.badChars += s.badChars;
      p.sentenceEnds += s.sentenceEnds;
      p.goodBlocks += s.goodBlocks;
      p.sentenceBlocks += s.sentenceBlocks;
      p.paragraphBlocks += s.paragraphBlocks;
      p.linkBlocks += s.linkBlocks;
      p.paywallBlocks += s.paywallBlocks;
    }
  }
}

export function runOf(s: ElementStat): ElementStat[] {
  return s.runStart < 0 ? [] : s.kids.slice(s.runStart, s.runEnd + 1);
}
