/**
 * Site-independent article detection: the body is the run of sibling blocks with the most Japanese prose for the
 * least furniture (score.ts), confirmed against the page's own description, cut of boxes embedded between its
 * paragraphs, and read as paragraphs (text.ts); the title is the matching headline above it (title.ts).
 */

import { type DomDocument, type DomElement } from './dom';
import { partsBefore, withContinuations } from './continuation';
import { type ElementStat, type Scan, scanSteps } from './scan';
import { itemValue, runOf, scoreSteps } from './score';
import { HEADING_TAGS, SHORT_BLOCK } from './signals';
import { complete, type Steps } from './steps';
import { extractParagraphsSteps } from './text';
import { chooseTitle, matchHeadings } from './title';

export interface ArticleResult<E extends DomElement = DomElement> {
  /** False when the page shows no article text (members-only pages, index pages). */
  found: boolean;
  title: string;
  titleElement?: E;
  /** Elements holding the body, in document order; furniture inside them is left out of text and paragraphs. */
  bodyElements: E[];
  /** Paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
}

/** Below this much prose value a run is a notice or a teaser, not an article. */
const MIN_RUN_VALUE = 60;
const MIN_BODY_CHARS = 40;
/** Candidates whose lead matches the page's description (meta or JSON-LD) are the article, all else equal. */
const LEAD_MATCH_BONUS = 1.25;
const LEAD_PROBE = 12;
/** Marked up by the site as schema.org articleBody. */
const ARTICLE_BODY_BONUS = 1.2;
const ARTICLE_BODY_REACH = 3;
/** Prose before the headline is a ticker or a notice. */
const BEFORE_TITLE_FACTOR = 0.5;
const CANDIDATES_CHECKED = 12;

/** Share of a run's prose an <article> must hold for the run to be cut back to it. */
const ARTICLE_SHARE = 0.6;

/** Tags that belong in a body even where paragraphs are <p>: subheads, lists, quotes, tables. */
const BODY_STRUCTURE = new Set([...HEADING_TAGS, 'p', 'ul', 'ol', 'dl', 'blockquote', 'table', 'pre']);
/** An embedded box worth less than this share of the run is cut when it interrupts the paragraphs. */
const EMBEDDED_BOX_SHARE = 0.35;
const READ_DOWN_DEPTH = 6;
/** Text this short without a sentence end is a label (a pager, a credit), not a paragraph. */
const LABEL_CHARS = 40;

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Whether the paragraphs hold at least `n` characters other than spaces: read only as far as needed. */
function holdsChars(paragraphs: string[], n: number): boolean {
  let count = 0;
  for (const p of paragraphs) {
    count += compact(p).length;
    if (count >= n) return true;
  }
  return false;
}

/** First prose block of a run, for comparing with the description. */
function leadOf(scan: Scan, run: ElementStat[]): string {
  const from = run[0]!.order;
  const to = run[run.length - 1]!.lastOrder;
  for (let i = from; i <= to && i < scan.all.length; i++) {
    const b = scan.all[i]!.block;
    if (b && !b.bad && b.chars >= LEAD_PROBE && b.sentenceEnds + b.clauseMarks > 0) return compact(b.text);
  }
  return '';
}

function matchesDescription(lead: string, refs: string[]): boolean {
  if (lead.length < LEAD_PROBE) return false;
  const probe = lead.slice(0, LEAD_PROBE);
  return refs.some((r) => r.includes(probe));
}

/** A block in a header area that opens as the page's description does: a lead set apart from the body. */
function headerLead(scan: Scan, refs: string[]): ElementStat | null {
  if (refs.length === 0) return null;
  for (const s of scan.all) {
    const b = s.block;
    if (s.headerOnly && b && b.chars >= LEAD_PROBE && b.sentenceEnds > 0 && matchesDescription(compact(b.text), refs))
      return s;
  }
  return null;
}

function insideFurniture(s: ElementStat): boolean {
  for (let p: ElementStat | null = s; p; p = p.parent) if (p.furniture) return true;
  return false;
}

function markedArticleBody(parent: ElementStat, run: ElementStat[]): boolean {
  if (run.some((s) => s.articleBody)) return true;
  let s: ElementStat | null = parent;
  for (let i = 0; s && i < ARTICLE_BODY_REACH; i++, s = s.parent) if (s.articleBody) return true;
  return false;
}

/**
 * A picture with a short text under it is a photo and its caption, whatever tag the site gives it: the same tag as
 * the paragraphs (a <div> among <div>s) or inside a container whose paragraphs are bare text.
 */
function photoWithCaption(s: ElementStat): boolean {
  return s.block !== null && s.block.imageFirst && s.goodBlocks <= 1 && s.goodChars <= SHORT_BLOCK;
}

const INDENT = 0x3000;

/** First character of the first text inside `s`, in document order. */
function openingChar(scan: Scan, s: ElementStat): number {
  for (let i = s.order; i <= s.lastOrder; i++) {
    const b = scan.all[i]!.block;
    if (b && b.chars > 0) return b.firstChar;
  }
  return 0;
}

/**
 * Where a body's paragraphs are a container's own text between <br>s, opened by the ideographic-space indent of
 * Japanese typesetting, a box of prose set into that text without the indent (a summary box, a note) is not one of
 * its paragraphs. Subheads and lists go without an indent too, and body structure stays.
 */
function setIntoText(scan: Scan, s: ElementStat): boolean {
  const p = s.parent;
  return (
    s.block !== null &&
    s.paragraphBlocks > 0 &&
    !BODY_STRUCTURE.has(s.tag) &&
    p !== null &&
    p.block !== null &&
    !p.block.bad &&
    p.block.sentenceEnds > 0 &&
    p.block.firstChar === INDENT &&
    openingChar(scan, s) !== INDENT
  );
}

/**
 * Drops from a run what is not body: children with no prose, and single-block wrappers of another kind set between
 * the paragraphs (a summary box or a photo caption among <p>s), which the run's sum cannot tell from a paragraph.
 */
function bodyItems(run: ElementStat[]): ElementStat[] {
  const byTag = new Map<string, number>();
  let total = 0;
  for (const s of run) total += Math.max(0, itemValue(s));
  // The paragraphs' tag is the most frequent one, by prose value between equals (a lead and a box are one each).
  for (const s of run) byTag.set(s.tag, (byTag.get(s.tag) ?? 0) + 1 + Math.max(0, itemValue(s)) / (total + 1));
  let main = '';
  let mainValue = -1;
  for (const [tag, v] of byTag) {
    if (v > mainValue) {
      main = tag;
      mainValue = v;
    }
  }
  const firstMain = run.findIndex((s) => s.tag === main);
  let lastMain = -1;
  for (let i = run.length - 1; i >= 0; i--) {
    if (run[i]!.tag === main) {
      lastMain = i;
      break;
    }
  }
  const kept = run.filter((s, i) => {
    if (s.goodChars === 0) return false;
    // A photo with its caption, set in a block of its own among the paragraphs or after them.
    if (s.tag !== main && s.goodBlocks <= 1 && s.block && s.block.images > 0 && s.block.chars <= SHORT_BLOCK)
      return false;
    if (photoWithCaption(s)) return false;
    const embeddedBox =
      s.tag !== main &&
      !BODY_STRUCTURE.has(s.tag) &&
      s.goodBlocks <= 1 &&
      i > firstMain &&
      i < lastMain &&
      itemValue(s) < EMBEDDED_BOX_SHARE * total;
    return !embeddedBox;
  });
  // A body opens with a sentence; a dateline, byline or label before it sits in the same parent on many sites, and
  // so does a standfirst set as a heading: a sentence, but one the site marked as something other than text.
  const opening = kept.findIndex((s) => s.paragraphBlocks > 0);
  // And closes with a paragraph: a pager or a label of another kind after the last one is not body. A paragraph
  // a paywall cut mid-sentence is longer than a label.
  let end = kept.length;
  while (
    end > 0 &&
    kept[end - 1]!.tag !== main &&
    kept[end - 1]!.sentenceBlocks === 0 &&
    kept[end - 1]!.goodChars <= LABEL_CHARS
  )
    end--;
  return opening > 0 || end < kept.length ? kept.slice(Math.max(0, opening), end) : kept;
}

/**
 * A members-only notice ends the text the page serves: prose after it in the same run (a topic box, a
 * profile) belongs to the body only as a continuation in the body's own style, which withContinuations finds.
 */
function untilPaywall(run: ElementStat[]): ElementStat[] {
  let prose = false;
  for (let i = 0; i < run.length; i++) {
    const s = run[i]!;
    if (prose && s.paywallBlocks > 0 && s.goodChars <= s.badChars) return run.slice(0, i);
    if (s.paragraphBlocks > 0) prose = true;
  }
  return run;
}

/**
 * A run that joins an <article> to prose beside it (comments, a profile, another story) is cut back to the best run
 * inside that <article> when the <article> holds most of the run's prose: the site has said where its story is.
 */
function narrowToArticle(best: ElementStat, cands: ElementStat[]): ElementStat {
  const run = runOf(best);
  if (run.length < 2) return best;
  let total = 0;
  for (const s of run) total += Math.max(0, itemValue(s));
  const article = run.find(
    (s) => s.tag === 'article' && itemValue(s) >= ARTICLE_SHARE * total && s.sentenceBlocks >= 2,
  );
  if (!article) return best;
  let inner: ElementStat | null = null;
  for (const c of cands) {
    if (c.order < article.order || c.order > article.lastOrder || insideFurniture(c)) continue;
    if (!inner || c.runValue > inner.runValue) inner = c;
  }
  return inner ?? best;
}

function classOf(s: ElementStat): string {
  return `${s.tag}.${s.el.hasAttributes() ? (s.el.getAttribute('class') ?? '') : ''}`;
}

function isWrapper(s: ElementStat): boolean {
  return (s.block === null || s.block.chars === 0) && s.kids.length > 0;
}

/**
 * Containers without text of their own are read down to their paragraphs, so that a box or a caption inside one
 * is cut like any other. A box around one paragraph stays a box for bodyItems to judge, unless it is styled like
 * the containers of the other paragraphs: then it is one more part of a split body.
 */
function readDown(run: ElementStat[]): ElementStat[] {
  const parts = new Set<string>();
  const flat = (items: ElementStat[], depth: number, loose: boolean): ElementStat[] =>
    items.flatMap((s) => {
      const open = isWrapper(s) && depth < READ_DOWN_DEPTH && (s.goodBlocks > 1 || (loose && parts.has(classOf(s))));
      if (!open) return [s];
      if (!loose) parts.add(classOf(s));
      // Its own best run: a standfirst or a pager at its edges stays out as it does for any run.
      const inner = s.runStart >= 0 ? runOf(s) : s.kids;
      return flat(
        inner.filter((k) => !k.furniture && k.goodChars > 0),
        depth + 1,
        loose,
      );
    });
  flat(run, 0, false);
  return parts.size > 0 ? flat(run, 0, true) : run;
}

function chooseBody(scan: Scan, titleOrder: number): ElementStat[] | null {
  const cands = scan.all.filter((s) => s.runValue > 0);
  // Deeper wins a tie: a parent whose run is one child has the same value but says less about where the body is.
  cands.sort((a, b) => b.runValue - a.runValue || b.order - a.order);
  const refs = [scan.meta.description, scan.meta.ldDescription, scan.meta.ldBody].map(compact).filter(Boolean);
  let best: ElementStat | null = null;
  let bestScore = 0;
  const checked: ElementStat[] = [];
  // Position weighs the same on a run with or without the lead before it.
  const placed = (c: ElementStat, run: ElementStat[], score: number): number => {
    let s = score;
    if (titleOrder >= 0 && run[run.length - 1]!.lastOrder < titleOrder) s *= BEFORE_TITLE_FACTOR;
    if (markedArticleBody(c, run)) s *= ARTICLE_BODY_BONUS;
    return s;
  };
  for (const c of cands) {
    if (checked.length === CANDIDATES_CHECKED) break;
    // Furniture found late (a teaser list) does not mark its descendants: a card's summary is no candidate.
    if (insideFurniture(c)) continue;
    checked.push(c);
    const run = runOf(c);
    let score = c.runValue;
    if (matchesDescription(leadOf(scan, run), refs)) score *= LEAD_MATCH_BONUS;
    score = placed(c, run, score);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  let bestValue = best ? best.runValue : 0;
  const setApart = best ? headerLead(scan, refs) : null;
  if (best && setApart) {
    // The lead the page describes, set apart in the header block where no run reaches it: the run right after it
    // is the rest of the body, however short a paywall leaves it, and is weighed with its lead.
    const bestRun = runOf(best);
    const inBest = setApart.order >= bestRun[0]!.order && setApart.order <= bestRun[bestRun.length - 1]!.lastOrder;
    for (const c of inBest ? [] : checked) {
      const run = runOf(c);
      const before = partsBefore(run);
      if (before.length !== 1 || before[0] !== setApart) continue;
      const value = c.runValue + setApart.block!.chars;
      const score = placed(c, run, value * LEAD_MATCH_BONUS);
      if (score > bestScore) {
        best = c;
        bestScore = score;
        bestValue = value;
      }
    }
  }
  if (!best || bestValue < MIN_RUN_VALUE) return null;
  best = narrowToArticle(best, cands);
  // Parts joined from outside the run are read again as one run: a box between them is cut like any other.
  const run = bodyItems(readDown(bodyItems(untilPaywall(runOf(best)))));
  const joined = withContinuations(run);
  // A lead taken from a header block holds no prose by the scores (the header is furniture): it stays as found.
  const lead = joined.findIndex((s) => s.goodChars > 0);
  const items = joined === run ? run : [...joined.slice(0, lead), ...bodyItems(joined.slice(lead))];
  let ends = 0;
  for (const s of items) ends += s.headerOnly && s.block ? s.block.sentenceEnds : s.sentenceEnds;
  return ends > 0 ? items : null;
}

function* detectOnce<E extends DomElement>(
  doc: DomDocument,
  honourAriaHidden: boolean,
): Steps<[ArticleResult<E>, Scan]> {
  const scan = yield* scanSteps(doc, { honourAriaHidden });
  yield* scoreSteps(scan);
  yield;
  const headings = matchHeadings(scan.headings, scan.meta);
  const provisional = chooseTitle(headings, scan.meta, -1);
  const titleStat = provisional.element ? scan.stats.get(provisional.element) : undefined;
  const items = chooseBody(scan, titleStat ? titleStat.order : -1);
  yield;

  let paragraphs: string[] = [];
  const chosen = new Set<ElementStat | undefined>(items);
  if (items) {
    paragraphs = yield* extractParagraphsSteps(
      items.map((s) => s.el),
      {
        // The headline is sometimes inside the body's parent; it is the title, not a paragraph.
        // A lead taken from a header block is furniture by place, not by kind: only furniture inside it is left out.
        exclude: (el) => {
          if (el === provisional.element) return true;
          const s = scan.stats.get(el);
          if (s === undefined || chosen.has(s)) return false;
          if (photoWithCaption(s) || setIntoText(scan, s)) return true;
          return s.furniture && !(s.parent?.furniture ?? false);
        },
        dropOwnText: (el) => {
          const s = scan.stats.get(el);
          return (s?.block?.bad ?? false) && !chosen.has(s);
        },
        honourAriaHidden,
      },
    );
  }
  yield;
  const text = paragraphs.join('\n\n');
  const found = items !== null && holdsChars(paragraphs, MIN_BODY_CHARS);
  const bodyStart = found && items ? items[0]!.order : -1;
  const title = found ? chooseTitle(headings, scan.meta, bodyStart) : provisional;
  const result: ArticleResult<E> = {
    found,
    title: title.title,
    titleElement: title.element as E | undefined,
    bodyElements: found && items ? items.map((s) => s.el as E) : [],
    text: found ? text : '',
    paragraphs: found ? paragraphs : [],
  };
  return [result, scan];
}

/**
 * Finds the article on a page: works on the browser DOM (content script) and on linkedom (Node). One pass over
 * the DOM; a second only when nothing was found and an aria-hidden wrapper (an open modal) may hide the content.
 */
export function detectArticle<E extends DomElement = DomElement>(doc: DomDocument): ArticleResult<E> {
  return complete(detectArticleSteps<E>(doc));
}

/**
 * detectArticle as a pass that yields every few dozen nodes, for a caller that gives the page its main thread back
 * between slices (the content script on a page of a megabyte of text). The document should not change meanwhile;
 * when it does, the answer is that of a page part old and part new, which the caller checks by watching it.
 */
export function* detectArticleSteps<E extends DomElement = DomElement>(doc: DomDocument): Steps<ArticleResult<E>> {
  const [result, scan] = yield* detectOnce<E>(doc, true);
  if (result.found || !scan.ariaHiddenWrapper) return result;
  const [again] = yield* detectOnce<E>(doc, false);
  return again.found ? again : result;
}
