/** The toolbar popup's vocabulary corner: the latest saves, the counts, and the way to the vocabulary page. */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { VocabSummary } from '../core/vocab/store-types';
import { envelope, type Reply } from '../messages';
import { t, tCount } from '../ui/i18n';
import { displayReading } from '../core/display-reading';
import { listLabel } from '../ui/list-label';

/** Saves shown: enough to check the last few landed, few enough for a 300 px popup. */
const RECENT_SAVES = 5;

export function RecentSaves() {
  const [summary, setSummary] = useState<VocabSummary | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void (
      browser.runtime.sendMessage(envelope('vocabSummary', { limit: RECENT_SAVES })) as Promise<
        Reply<'vocabSummary'> | undefined
      >
    ).then(
      (reply) => (reply?.ok ? setSummary(reply.value) : setFailed(true)),
      () => setFailed(true),
    );
  }, []);
  const page = browser.runtime.getURL('vocab.html');
  return (
    <section class="recent-saves" aria-labelledby="recent-saves-title">
      <h2 id="recent-saves-title">{t('vocabRecentTitle')}</h2>
      {failed && <p class="hint">{t('vocabRecentUnavailable')}</p>}
      {summary && (
        <>
          <p class="hint counts">
            {t('vocabCounts', [tCount('countWords', summary.total), String(summary.known), String(summary.learning)])}
          </p>
          {summary.recent.length > 0 ? (
            <ul class="recent">
              {summary.recent.map((w) => (
                <li key={w.id}>
                  <span class="headword" lang="ja">
                    {w.headword}
                  </span>{' '}
                  {!['', w.headword].includes(displayReading(w.headword, w.reading)) && (
                    <span class="reading" lang="ja">
                      {displayReading(w.headword, w.reading)}
                    </span>
                  )}{' '}
                  <span class="gloss" lang="en">
                    {w.senses[0]?.glosses.slice(0, 2).join('; ') ?? ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">{t('vocabRecentNone')}</p>
          )}
          {summary.lists.length > 1 && (
            <ul class="list-counts">
              {summary.lists.map((l) => (
                <li key={l.id}>
                  <a href={`${page}#list=${encodeURIComponent(l.id)}`} target="_blank" rel="noreferrer">
                    {listLabel(l)}
                  </a>{' '}
                  <span class="count">{l.count}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <a class="open-vocab" href={page} target="_blank" rel="noreferrer">
        {t('vocabOpenPage')}
      </a>
    </section>
  );
}
