/**
 * The order of the "This article" panel's lists. Glossary terms by what a learner gains from them: treaties, laws
 * and policies, then institutions, people and events, then set phrases, and last places and media (countries and
 * outlets a reader meets everywhere); within a rank, the most frequent first, then in reading order. Words to learn
 * by level (annotate.ts, wordLevel): the hardest first, from the reader's level on, and never an empty list when the
 * article has any candidate.
 */
import type { ArticleItem } from '../core/reading-types';
import type { LearnLevel } from '../settings';

const TERM_RANK: Record<string, number> = {
  treaty: 0,
  law: 0,
  policy: 0,
  organization: 1,
  office: 1,
  party: 1,
  person: 1,
  military: 1,
  economy: 1,
  election: 1,
  event: 1,
  phrase: 2,
  media: 3,
  place: 3,
};

const rankOf = (item: ArticleItem) => TERM_RANK[item.category ?? ''] ?? 2;

export function rankTerms(items: readonly ArticleItem[]): ArticleItem[] {
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => rankOf(a.item) - rankOf(b.item) || b.item.count - a.item.count || a.order - b.order)
    .map(({ item }) => item);
}

/** The lowest level listed for each choice. */
const FROM_LEVEL: Record<LearnLevel, number> = { beginner: 3, intermediate: 5, advanced: 7 };
/** A glance, not the whole article. */
export const MAX_TO_LEARN = 30;
/** Listed when no word reaches the reader's level, hardest first. */
const FALLBACK = 10;

export function wordsToLearn(items: readonly ArticleItem[], level: LearnLevel): ArticleItem[] {
  const ranked = items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (b.item.level ?? 0) - (a.item.level ?? 0) || b.item.count - a.item.count || a.order - b.order)
    .map(({ item }) => item);
  const from = FROM_LEVEL[level];
  const shown = ranked.filter((item) => (item.level ?? 10) >= from);
  return shown.length > 0 ? shown.slice(0, MAX_TO_LEARN) : ranked.slice(0, FALLBACK);
}
