import type { LookupResult } from '../core/types';
import { describeInflection } from '../core/dict/deinflect';

/** The CLI's JSON: what the popup shows, with the conjugation spelled out in English. */
export function toCliJson(result: LookupResult | null) {
  if (!result) return { start: null, end: null, match: '', entries: [] };
  return {
    ...result,
    entries: result.entries.map((e) => ({
      ...e,
      inflection: e.inflection ? describeInflection(e.inflection) : null,
      inflectionCodes: e.inflection,
    })),
  };
}

export function formatLookup(result: LookupResult | null): string {
  if (!result) return '(no Japanese word here)';
  const lines = [`「${result.match}」 [${result.start}, ${result.end})`];
  for (const e of result.entries) {
    const how = e.inflection ? `  ← ${describeInflection(e.inflection)}` : '';
    lines.push(`${e.headword} 【${e.reading}】${e.common ? ' (common)' : ''} [${e.source}]${how}`);
    e.senses.forEach((s, i) => lines.push(`  ${i + 1}. (${s.pos.join(',')}) ${s.glosses.join('; ')}`));
  }
  return lines.join('\n');
}
