import type { WordEntry } from '../types';

/** Exact-key access to the general dictionary. Keys are kanji spellings as written and kana readings in hiragana. */
export interface WordIndex {
  lookup(key: string): WordEntry[];
  /** Number of distinct entries, for stats and sanity checks. */
  readonly size: number;
}
