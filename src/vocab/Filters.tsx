/** Search box, filters (site, date, mark) and sort of the vocabulary table. */
import type { WordQuery, WordSort } from '../core/vocab/query';
import { WORD_STATUSES } from '../core/vocab/word';
import { t } from '../ui/i18n';
import { SINCE_PRESETS, type SincePreset } from './format';

export const SORTS: WordSort[] = ['recent', 'oldest', 'headword', 'reading', 'sentences'];

export interface FilterState {
  query: WordQuery;
  since: SincePreset;
}

export function Filters({
  state,
  set,
  sites,
  found,
}: {
  state: FilterState;
  set(next: FilterState): void;
  sites: { site: string; count: number }[];
  found: number;
}) {
  const q = state.query;
  const setQuery = (patch: Partial<WordQuery>) => set({ ...state, query: { ...q, ...patch } });
  return (
    <div class="filters" role="search">
      <input
        type="search"
        class="search"
        placeholder={t('vocabSearchPlaceholder')}
        aria-label={t('vocabSearch')}
        value={q.text}
        onInput={(e) => setQuery({ text: e.currentTarget.value })}
      />
      <label>
        {t('vocabFilterSite')}
        <select value={q.site} onChange={(e) => setQuery({ site: e.currentTarget.value })}>
          <option value="">{t('vocabAnySite')}</option>
          {sites.map((s) => (
            <option key={s.site} value={s.site}>
              {`${s.site} (${s.count})`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('vocabFilterDate')}
        <select value={state.since} onChange={(e) => set({ ...state, since: e.currentTarget.value as SincePreset })}>
          {SINCE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`vocabSince_${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('vocabFilterStatus')}
        <select value={q.status} onChange={(e) => setQuery({ status: e.currentTarget.value as WordQuery['status'] })}>
          <option value="all">{t('vocabAnyStatus')}</option>
          {WORD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`vocabStatus_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('vocabSort')}
        <select value={q.sort} onChange={(e) => setQuery({ sort: e.currentTarget.value as WordSort })}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`vocabSort_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <span class="found" role="status">
        {t('vocabFound', [String(found)])}
      </span>
    </div>
  );
}
