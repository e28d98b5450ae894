/**
 * The visible headline: the heading whose text best matches what the page says its title is (JSON-LD headline,
 * og:title, <title>), preferring the one nearest above the body. Logos, section names, breaking-news banners and
 * screen-reader copies lose on the match or are concealed; related-article lists that repeat the headline come
 * after the body.
 */

import { type DomElement } from './dom';
import { type Heading, type PageMeta } from './scan';
import { collapseSpaces } from './text';

interface TitleChoice {
  title: string;
  element?: DomElement;
}

/** For comparing only: every kind of space, ideographic included, as one. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Character pairs as numbers (no string per pair: a page can have hundreds of headings). */
function bigrams(s: string): Set<number> {
  const t = s.replace(/\s+/g, '');
  const out = new Set<number>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1));
  if (t.length === 1) out.add(t.charCodeAt(0));
  return out;
}

/** Share of the heading found in the reference, weighted with share of the reference the heading covers. */
function similarity(heading: Set<number>, ref: Set<number>): number {
  if (heading.size === 0 || ref.size === 0) return 0;
  let common = 0;
  for (const g of heading) if (ref.has(g)) common++;
  return 0.6 * (common / heading.size) + 0.4 * (common / ref.size);
}

/** Cut a site name off a <title>: the part before the last " - ", " | ", "｜", ":" separator. */
function withoutSiteName(s: string): string {
  const m = /^(.*\S)\s*(?:\s[-|–—]\s|[|｜]|\s:\s|：(?=[^：]*$))\s*[^-|｜–—：]{1,40}$/.exec(s);
  return m?.[1] ?? s;
}

const MIN_MATCH = 0.5;
/** Headings this close to the best match count as equally good; the one nearest above the body wins. */
const NEAR_BEST = 0.1;

/** A visible heading with its text and how well it matches the page's own title fields. */
interface TitleCandidate {
  h: Heading;
  text: string;
  match: number;
}

/** Matches every visible heading against the title fields once; chooseTitle then weighs position. */
export function matchHeadings(headings: Heading[], meta: PageMeta): TitleCandidate[] {
  const refs: { grams: Set<number>; weight: number }[] = [];
  for (const r of [meta.ldHeadline, meta.ogTitle]) if (r.trim()) refs.push({ grams: bigrams(squash(r)), weight: 1 });
  if (meta.documentTitle.trim()) {
    // The document title carries the site name; trust it a little less than the page's own headline fields.
    refs.push({ grams: bigrams(squash(meta.documentTitle)), weight: 0.9 });
    refs.push({ grams: bigrams(squash(withoutSiteName(squash(meta.documentTitle)))), weight: 0.95 });
  }
  const out: TitleCandidate[] = [];
  for (const h of headings) {
    if (h.concealed) continue;
    const text = collapseSpaces(h.text);
    if (!text) continue;
    let match = 0;
    if (refs.length > 0) {
      const grams = bigrams(squash(text));
      for (const r of refs) match = Math.max(match, r.weight * similarity(grams, r.grams));
    }
    if (h.tag === 'h1') match += 0.05;
    out.push({ h, text, match });
  }
  return out;
}

export function chooseTitle(candidates: TitleCandidate[], meta: PageMeta, bodyStart: number): TitleChoice {
  // A heading after the start of the body is a subhead or a related article repeating the headline.
  const scored = candidates.map((c) => ({
    h: c.h,
    text: c.text,
    score: bodyStart >= 0 && c.h.order > bodyStart ? c.match * 0.85 : c.match,
  }));

  let best = 0;
  for (const s of scored) best = Math.max(best, s.score);
  if (best >= MIN_MATCH) {
    const near = scored.filter((s) => s.score >= best - NEAR_BEST);
    const above = bodyStart >= 0 ? near.filter((s) => s.h.order < bodyStart) : [];
    const pick =
      above.length > 0
        ? above.reduce((a, b) => (b.h.order > a.h.order ? b : a))
        : near.reduce((a, b) => (b.score > a.score ? b : a));
    return { title: pick.text, element: pick.h.el };
  }

  // Nothing matches the page's own title fields (or there are none): the h1 nearest above the body, else the
  // nearest sizeable subhead above it, else the first h1 of a page without a body.
  const above = scored.filter((s) => bodyStart < 0 || s.h.order < bodyStart);
  const h1 = above.filter((s) => s.h.tag === 'h1');
  if (h1.length > 0) {
    const pick = (bodyStart < 0 ? h1[0] : h1[h1.length - 1])!;
    return { title: pick.text, element: pick.h.el };
  }
  const sub = above.filter((s) => (s.h.tag === 'h2' || s.h.tag === 'h3') && s.text.length >= 10);
  if (bodyStart >= 0 && sub.length > 0) {
    const pick = sub[sub.length - 1]!;
    return { title: pick.text, element: pick.h.el };
  }
  const fallback = meta.ldHeadline || meta.ogTitle || withoutSiteName(squash(meta.documentTitle));
  return { title: collapseSpaces(fallback) };
}
