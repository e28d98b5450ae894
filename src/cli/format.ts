import type { LookupResult } from '../core/types';
import { describeInflection } from '../core/dict/inflection';

/** The CLI's JSON: what the popup shows, with the conjugation spelled out in English. */
export function toCliJson(result: LookupResult | null) {
  if (!result) return { start: null, end: null, match: '', entries: [] };
  return {
    ...result,
    entries: result.entries.map((e) => {
      const codes = e.source === 'names' ? null : (e.inflection ?? null);
      return { ...e, inflection: codes ? describeInflection(codes) : null, inflectionCodes: codes };
    }),
  };
}

export function formatLookup(result: LookupResult | null): string {
  if (!result) return '(no Japanese word here)';
  const lines = [`「${result.match}」 [${result.start}, ${result.end})`];
  for (const e of result.entries) {
    const codes = e.source === 'names' ? null : e.inflection;
    const how = codes?.length ? `  ← ${describeInflection(codes)}` : '';
    const common = e.source === 'words' && e.common;
    // Marked as the popup marks them: a compound Kiji put together, an alias with the term it stands for.
    const composed = e.source === 'words' && e.parts ? `  (composed: ${e.parts.join(' + ')})` : '';
    const standsFor =
      e.source === 'glossary' && e.standsFor ? `  = ${e.standsFor.term} 【${e.standsFor.reading}】` : '';
    lines.push(`${e.headword} 【${e.reading}】${common ? ' (common)' : ''} [${e.source}]${how}${composed}${standsFor}`);
    e.senses.forEach((s, i) => lines.push(`  ${i + 1}. (${s.pos.join(',')}) ${s.glosses.join('; ')}`));
  }
  return lines.join('\n');
}
