/**
 * The parts of a body that lie outside its best run of paragraphs: a lead paragraph set before the body's container
 * (in the header block or a container of its own), the rest of a body split across sibling or cousin containers,
 * and the continuation after a teaser, a "read on" link or an inline box. Found by walking outwards from the run in
 * document order, over boxes of links, ads and figures only: a part continues the body when it is written in the
 * body's own paragraph style (same tag and class as its paragraphs, or as their container).
 */

import { type ElementStat } from './scan';

/** Characters of furniture (link boxes, ads, captions, notices) the walk may cross between two parts. */
const MAX_GAP = 500;
/** Levels above the run the walk climbs to reach cousins: paragraph → container → wrapper → section. */
const MAX_UP = 4;
/** Text this short without a sentence end (a date, a byline, a label) is crossed, not read as prose. */
const LABEL_CHARS = 40;
const MIN_LEAD_CHARS = 15;
const CLOSE_QUOTE = 0x300d;
const CLOSE_DOUBLE_QUOTE = 0x300f;

/** Tag and class: how a site styles its paragraphs. An element without a class says little. */
function styleOf(s: ElementStat): string {
  const cls = s.el.hasAttributes() ? (s.el.getAttribute('class') ?? '').trim() : '';
  // Numbered classes (par1, par2 …) are one style.
  return `${s.tag}.${cls.replace(/\d+/g, '')}`;
}

interface BodyStyle {
  paragraphs: Set<string>;
  containers: Set<string>;
  parents: Set<ElementStat>;
}

/** A paragraph without a class of its own continues the body only inside a container like the body's. */
function inBodyContainer(s: ElementStat, style: BodyStyle): boolean {
  const p = s.parent;
  return p !== null && (style.parents.has(p) || style.containers.has(styleOf(p)));
}

function bodyStyle(items: ElementStat[]): BodyStyle {
  const paragraphs = new Set<string>();
  const containers = new Set<string>();
  const parents = new Set<ElementStat>();
  for (const s of items) {
    paragraphs.add(styleOf(s));
    const p = s.parent;
    if (p) parents.add(p);
    // A bare <div> around paragraphs is too common to say the parts belong together.
    if (p && p.el.hasAttributes() && p.el.getAttribute('class')) containers.add(styleOf(p));
  }
  return { paragraphs, containers, parents };
}

function holdsBlocks(s: ElementStat): boolean {
  return s.kids.some((k) => k.block !== null && k.block.chars + k.goodChars + k.badChars > 0);
}

/** Reads as one paragraph of prose: Japanese, ends a sentence, not a link or a notice, no blocks inside. */
function readsAsProse(s: ElementStat): boolean {
  const b = s.block;
  if (!b || b.chars < MIN_LEAD_CHARS || b.furnitureText || b.linkChars * 5 > b.chars || holdsBlocks(s)) return false;
  const ends = b.sentenceEnds > 0 || b.lastChar === CLOSE_QUOTE || b.lastChar === CLOSE_DOUBLE_QUOTE;
  return ends && b.jpChars * 2 > b.chars;
}

/**
 * The paragraphs of a container styled like the body's: its children with prose, furniture left out; none when
 * it holds no paragraph of the body's style or holds a headline (a generic class such as "inner" is everywhere).
 */
function partItems(s: ElementStat, style: BodyStyle): ElementStat[] {
  const kids = s.kids.filter((k) => !k.furniture && k.goodChars > 0);
  const styled = kids.some((k) => k.paragraphBlocks > 0 && style.paragraphs.has(styleOf(k)));
  return styled && !kids.some((k) => k.tag === 'h1') ? kids : [];
}

/**
 * Walks from `from` outwards in one direction, collecting parts of the body in the order met. Backwards it also
 * takes a lead: prose right before the body, in a header block or not, as long as no prose of another kind, and no
 * heading, stands between.
 */
function walk(from: ElementStat, dir: 1 | -1, style: BodyStyle): ElementStat[] {
  const out: ElementStat[] = [];
  let gap = 0;
  const visit = (k: ElementStat): boolean => {
    const soft = k.headerOnly && dir < 0;
    if ((k.furniture && !soft) || (!soft && k.goodChars === 0)) {
      gap += k.badChars;
      return gap <= MAX_GAP;
    }
    if (k.tag === 'h1') return false;
    if (k.tag.length === 2 && k.tag[0] === 'h' && k.tag !== 'hr') {
      // A subhead inside the body's container is body (short, or of the kind the body uses); any other heads
      // something else: a standfirst, the headline, the next story.
      const subhead = style.paragraphs.has(styleOf(k)) || (k.block !== null && k.block.chars <= LABEL_CHARS);
      if (!inBodyContainer(k, style) || !subhead) return false;
      out.push(k);
      return true;
    }
    // A heading dressed in the body's style (a standfirst in a generic "inner" box) is read as the heading it holds.
    const headingOnly = k.sentenceBlocks > 0 && k.paragraphBlocks === 0;
    const st = headingOnly ? '' : styleOf(k);
    const part = !soft && style.containers.has(st) ? partItems(k, style) : [];
    if (part.length > 0) {
      out.push(...(dir > 0 ? part : part.reverse()));
      gap = 0;
      return true;
    }
    if (!soft && style.paragraphs.has(st) && (st[st.length - 1] !== '.' || inBodyContainer(k, style))) {
      out.push(k);
      gap = 0;
      return true;
    }
    const b = k.block;
    if (b && b.chars > 0) {
      if (dir < 0 && readsAsProse(k)) {
        out.push(k);
        gap = 0;
        return true;
      }
      if (b.chars <= LABEL_CHARS && b.sentenceEnds === 0) {
        gap += b.chars;
        return gap <= MAX_GAP && k.kids.every((c) => c.block === null || c.block.chars === 0);
      }
      return false;
    }
    const kids = k.kids;
    if (dir > 0) {
      for (let i = 0; i < kids.length; i++) if (!visit(kids[i]!)) return false;
    } else {
      for (let i = kids.length - 1; i >= 0; i--) if (!visit(kids[i]!)) return false;
    }
    return true;
  };
  let s = from;
  for (let up = 0; up < MAX_UP && s.parent; up++, s = s.parent) {
    const sibs = s.parent.kids;
    for (let i = sibs.indexOf(s) + dir; i >= 0 && i < sibs.length; i += dir) if (!visit(sibs[i]!)) return out;
  }
  return out;
}

/** The parts of the body found before its items (a lead set apart, the start of a split body), in document order. */
export function partsBefore(items: ElementStat[]): ElementStat[] {
  return items.length === 0 ? items : walk(items[0]!, -1, bodyStyle(items)).reverse();
}

/** The body's items with the parts found before and after them, in document order. */
export function withContinuations(items: ElementStat[]): ElementStat[] {
  if (items.length === 0) return items;
  const style = bodyStyle(items);
  const before = walk(items[0]!, -1, style).reverse();
  const after = walk(items[items.length - 1]!, 1, style);
  return before.length + after.length === 0 ? items : [...before, ...items, ...after];
}
