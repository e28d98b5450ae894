/** Display helpers of the vocabulary page. */
import browser from 'webextension-polyfill';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(ms: number): string {
  const lang = browser.i18n.getUILanguage?.() || 'en';
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' });
    formatters.set(lang, f);
  }
  return f.format(ms);
}

export type SincePreset = 'any' | 'day' | 'week' | 'month' | 'year';
export const SINCE_PRESETS: SincePreset[] = ['any', 'day', 'week', 'month', 'year'];
const DAY = 86_400_000;
const SPANS: Record<SincePreset, number> = { any: 0, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };

export function sinceOf(preset: SincePreset, now = Date.now()): number | null {
  return preset === 'any' ? null : now - SPANS[preset];
}
