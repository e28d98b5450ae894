/** The answer stage for dictionary words: a ranked match as the popup shows it. */
import type { Deinflection } from '../dict/deinflect';
import { toHiragana } from '../text/kana';
import type { Sense, WordEntry, WordLookupEntry } from '../types';
import type { WordMatch } from './candidates/words';
import type { RankedMatch } from './rank';
import { readingFor } from './readings';

export function wordEntry({ match: m, reading: heard, suffix }: RankedMatch): WordLookupEntry {
  const reading = heard ?? readingFor(m.entry, m.form, m.byKanji, null);
  const headword = m.byKanji ? m.form.text : (usualSpelling(m) ?? m.form.text);
  const otherForms = [...m.entry.kanji, ...m.entry.kana]
    .map((f) => f.text)
    .filter((t, i, all) => t !== headword && toHiragana(t) !== reading && all.indexOf(t) === i);
  const senses = sensesFor(m.entry, m.candidate);
  const entry: WordLookupEntry = {
    source: 'words',
    headword,
    reading,
    senses: suffix ? suffixFirst(senses) : senses,
    inflection: m.candidate.reasons.length > 0 ? [...m.candidate.reasons] : null,
    common: !!m.form.common,
    matchLength: m.length,
  };
  if (otherForms.length > 0) entry.otherForms = otherForms;
  return entry;
}

const IRREGULAR_SPELLING = new Set(['iK', 'ik', 'oK', 'ok', 'rK']);

/**
 * The spelling a word matched through its reading is usually written in (えんちょう is 延長), so that it shows and is
 * saved as a reader will meet it; none for a word usually written in kana, or with no kanji.
 */
function usualSpelling(m: WordMatch): string | null {
  if (m.entry.kanji.length === 0 || m.entry.senses.some((s) => s.tags?.includes('uk'))) return null;
  const only = m.form.only;
  const fitting = m.entry.kanji.filter(
    (k) => (!only || only.includes(k.text)) && !k.tags?.some((t) => IRREGULAR_SPELLING.has(t)),
  );
  return (fitting.find((k) => k.common) ?? fitting[0])?.text ?? null;
}

/** 日 after 数 is "counter for days" before "Sunday"; 離れ after トランプ "loss of interest in" before "annex". */
function suffixFirst(senses: Sense[]): Sense[] {
  const isSuffix = (s: Sense) => s.pos.some((p) => p === 'ctr' || p === 'suf' || p === 'n-suf');
  return [...senses.filter(isSuffix), ...senses.filter((s) => !isSuffix(s))];
}

/** For a conjugated match, the senses of that part of speech (延長した: not the era name 延長). */
function sensesFor(entry: WordEntry, candidate: Deinflection): Sense[] {
  const pos = candidate.pos;
  if (pos === null) return entry.senses;
  const fitting = entry.senses.filter((s) => s.pos.some((p) => pos.includes(p)));
  return fitting.length > 0 ? fitting : entry.senses;
}
