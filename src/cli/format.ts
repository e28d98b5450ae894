import type { LookupResult } from '../core/types';
import { describeInflection } from '../core/dict/inflection';

/** The CLI's JSON: what the popup shows, with the conjugation spelled out in English. */
export function toCliJson(result: LookupResult | null) {
  if (!result) return { start: null, end: null, match: '', entries: [] };
  return {
    ...result,
    entries: result.entries.map((e) => {
      const codes = e.source === 'words' ? e.inflection : null;
      return { ...e, inflection: codes ? describeInflection(codes) : null, inflectionCodes: codes };
    }),
  };
}

export function formatLookup(result: LookupResult | null): string {
  if (!result) return '(no Japanese word here)';
  const lines = [`「${result.match}」 [${result.start}, ${result.end})`];
  for (const e of result.entries) {
    const word = e.source === 'words' ? e : null;
    const how = word?.inflection ? `  ← ${describeInflection(word.inflection)}` : '';
    lines.push(`${e.headword} 【${e.reading}】${word?.common ? ' (common)' : ''} [${e.source}]${how}`);
    e.senses.forEach((s, i) => lines.push(`  ${i + 1}. (${s.pos.join(',')}) ${s.glosses.join('; ')}`));
  }
  return lines.join('\n');
}
