import type { WordEntry } from '../types';

/** Exact-key access to the general dictionary. Keys are kanji spellings as written and kana readings in hiragana. */
export interface WordIndex {
  lookup(key: string): WordEntry[];
  /**
   * The length of the longest start of `text` that some key starts with (as written, or with katakana in
   * hiragana): past it, only conjugated endings can still make a word.
   */
  prefixReach(text: string): number;
  /** Number of distinct entries, for stats and sanity checks. */
  readonly size: number;
}
