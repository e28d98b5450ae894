/**
 * Deinflection: from a conjugated surface form back to candidate dictionary forms, with the reasons in reading order.
 *
 * Every form of a word is given a type saying how it conjugates further: 書かれる conjugates like an ichidan verb,
 * 書かない like an i-adjective, 書いて is a te-form, 書き a continuative stem. A rule strips a suffix from a form of one
 * type and yields a form of another type, so chains such as 懸念されています → 懸念されている → 懸念されて →
 * 懸念される → 懸念する → 懸念 fall out of a breadth-first walk. The candidates are only guesses: the lookup keeps those
 * whose dictionary entry has a part of speech of the candidate's type.
 */
import type { WordEntry } from '../types';
import { FINAL_MASK, FINAL_TYPES, RULES_ANY_END, RULES_BY_LAST, SURFACE, type FinalType } from './deinflect-rules';
import type { InflectionCode } from './inflection';

export interface Deinflection {
  /** Candidate dictionary form (for a サ変 noun, the noun: 合意). */
  word: string;
  /** Reasons in reading order, innermost first: 懸念されています → suru-verb, passive, progressive, polite. */
  reasons: InflectionCode[];
  /**
   * EDICT part-of-speech codes one of which the entry must carry; null for the text as written, which may be any
   * word. Lists every code of the word types the candidate may be.
   */
  pos: readonly string[] | null;
  /** Word types of the candidate, as names (v1, v5k, vs, vk, adj-i, vs-noun …); empty for the text as written. */
  types: readonly string[];
}

interface Candidate {
  word: string;
  type: number;
  reasons: InflectionCode[];
}

/** An ichidan stem ends in an i- or e-row kana (食べ, 起き) or in kanji (見, 出). */
const ICHIDAN_STEM_END = /[いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ\u3400-\u9fff々]$/;

/** Longest chain worth following; real forms stay well under it. */
const MAX_DEPTH = 8;

function finalTypesOf(word: string, type: number): FinalType[] {
  return FINAL_TYPES.filter((t) => type & t.type && t.endings.some((e) => word.endsWith(e)));
}

/** Forms already taken apart: a hover asks for every prefix of the text after the pointer, and the next hover
 * along the sentence asks for most of them again. Cleared when full; a few hundred KB at most. */
const known = new Map<string, readonly Deinflection[]>();
const KNOWN_LIMIT = 2048;

/**
 * All candidate dictionary forms of `text`, the text itself first, then shorter chains before longer ones. Each
 * candidate still has to be confirmed by the dictionary with `acceptsEntry`. The list is shared: read it, never
 * change it.
 */
export function deinflect(text: string): readonly Deinflection[] {
  let found = known.get(text);
  if (!found) {
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(text, (found = candidatesOf(text)));
  }
  return found;
}

function candidatesOf(text: string): Deinflection[] {
  const results: Deinflection[] = [{ word: text, reasons: [], pos: null, types: [] }];
  if (text.length === 0) return results;
  const queue: Candidate[] = [{ word: text, type: SURFACE, reasons: [] }];
  const seen = new Map<string, number>([[text, SURFACE]]);
  for (let depth = 0, level = queue; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: Candidate[] = [];
    for (const cand of level) {
      const last = cand.word[cand.word.length - 1] ?? '';
      const rules = RULES_BY_LAST.get(last);
      for (const list of [rules, RULES_ANY_END]) {
        if (!list) continue;
        for (const r of list) {
          if (!(cand.type & r.in) || !cand.word.endsWith(r.from)) continue;
          if (r.from === '' && !ICHIDAN_STEM_END.test(cand.word)) continue;
          const base = cand.word.slice(0, cand.word.length - r.from.length);
          if (base === '' && (r.to === '' || r.from === '')) continue;
          const word = base + r.to;
          const known = seen.get(word) ?? 0;
          if ((known & r.out) === r.out) continue;
          seen.set(word, known | r.out);
          const reasons = [...r.reasons, ...cand.reasons];
          next.push({ word, type: r.out, reasons });
          if (r.out & FINAL_MASK) {
            const finals = finalTypesOf(word, r.out);
            if (finals.length > 0) {
              results.push({
                word,
                reasons,
                pos: [...new Set(finals.flatMap((t) => t.accepts))],
                types: finals.map((t) => t.name),
              });
            }
          }
        }
      }
    }
    level = next;
  }
  return results;
}

/** Whether a dictionary entry can be the word a candidate stands for. */
export function acceptsEntry(candidate: Deinflection, entry: WordEntry): boolean {
  if (candidate.pos === null) return true;
  for (const sense of entry.senses) for (const p of sense.pos) if (candidate.pos.includes(p)) return true;
  return false;
}
