/** Which readings of a dictionary entry go with which of its spellings. */
import type { Form, WordEntry } from '../types';

/**
 * The readings of `entry` that go with `spelling`, in the entry's order: all of them for a reading without
 * restriction, for a kana spelling, or where the data has no pair at all.
 */
export function readingsOf(entry: WordEntry, spelling: string): Form[] {
  const fitting = entry.kana.filter((k) => !k.only || k.only.includes(spelling));
  return fitting.length > 0 ? fitting : entry.kana;
}
