/**
 * Search, filters and sort of the vocabulary page, kept pure so 10,000 words can be tested (and timed) in Node.
 * Search matches kanji, kana in either script, romaji (typed as the reader hears it) and English.
 */
import * as wanakana from 'wanakana';
import { toHiragana } from '../text/kana';
import type { VocabWord, WordStatus } from './word';

export type WordSort = 'recent' | 'oldest' | 'headword' | 'reading' | 'sentences';

export interface WordQuery {
  text: string;
  /** A list id, 'all', or 'none' (words only marked known/learning). */
  list: string;
  /** A site ('' for any). */
  site: string;
  status: WordStatus | 'all';
  /** Only words met since this time (ms since the epoch); null for any time. */
  since: number | null;
  sort: WordSort;
}

export const ALL_WORDS: WordQuery = { text: '', list: 'all', site: '', status: 'all', since: null, sort: 'recent' };

/** When the word was last met (saved or seen in a new sentence). */
export function lastSeen(word: VocabWord): number {
  const last = word.sentences[word.sentences.length - 1];
  return Math.max(word.createdAt, last?.savedAt ?? 0);
}

const haystacks = new WeakMap<VocabWord, string>();

/** Everything the search box can match in one lower-case string, computed once per record. */
function haystack(word: VocabWord): string {
  let h = haystacks.get(word);
  if (h === undefined) {
    const reading = toHiragana(word.reading);
    h = [
      word.headword,
      toHiragana(word.headword),
      reading,
      wanakana.toRomaji(reading),
      ...word.senses.flatMap((s) => s.glosses),
      word.note,
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(word, h);
  }
  return h;
}

/** The forms a typed query may take: as typed, in hiragana (from katakana or from romaji). */
function needles(text: string): string[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const out = new Set([q, toHiragana(q)]);
  if (/^[a-z' -]+$/.test(q)) {
    const kana = wanakana.toHiragana(q);
    if (wanakana.isHiragana(kana)) out.add(kana);
  }
  return [...out];
}

const collator = new Intl.Collator('ja');

export function queryWords(words: readonly VocabWord[], q: WordQuery): VocabWord[] {
  const wanted = needles(q.text);
  const out = words.filter((w) => {
    if (q.list === 'none' ? w.lists.length > 0 : q.list !== 'all' && !w.lists.includes(q.list)) return false;
    if (q.status !== 'all' && w.status !== q.status) return false;
    if (q.site && !w.sentences.some((s) => s.site === q.site)) return false;
    if (q.since !== null && lastSeen(w) < q.since) return false;
    if (wanted.length) {
      const h = haystack(w);
      if (!wanted.some((n) => h.includes(n))) return false;
    }
    return true;
  });
  switch (q.sort) {
    case 'recent':
      return out.sort((a, b) => lastSeen(b) - lastSeen(a));
    case 'oldest':
      return out.sort((a, b) => a.createdAt - b.createdAt);
    case 'headword':
      return out.sort((a, b) => collator.compare(a.headword, b.headword));
    case 'reading':
      return out.sort((a, b) => collator.compare(toHiragana(a.reading), toHiragana(b.reading)));
    case 'sentences':
      return out.sort((a, b) => b.sentences.length - a.sentences.length || lastSeen(b) - lastSeen(a));
  }
}

/** Sites words were met on, most words first: the site filter's choices. */
export function sitesOf(words: readonly VocabWord[]): { site: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const w of words) {
    for (const site of new Set(w.sentences.map((s) => s.site))) if (site) counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  return [...counts]
    .map(([site, count]) => ({ site, count }))
    .sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
}
