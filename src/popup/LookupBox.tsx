/**
 * Look up typed or pasted Japanese from the toolbar popup: for a word met off the page (a headline read aloud, a
 * paper copy), answered by the same engine and drawn like the hover popup.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { romajiToHiragana } from '../core/text/romaji';
import type { LookupResult } from '../core/types';
import { envelope, type Reply } from '../messages';
import type { Settings } from '../settings';
import { t } from '../ui/i18n';
import { ResultBody } from '../ui/popup/Popup';
import { POPUP_CSS } from '../ui/popup/styles';

/** Typing pauses this long before the engine is asked. */
export const LOOKUP_DEBOUNCE_MS = 150;
/** Longest text sent: a lookup reads from the start, and no word runs longer. */
const MAX_QUERY = 60;

type Answer =
  { kind: 'idle' } | { kind: 'result'; result: LookupResult } | { kind: 'none' } | { kind: 'error'; error: string };

async function lookUp(text: string, at: number): Promise<Answer> {
  const reply = (await browser.runtime.sendMessage(envelope('lookup', { text, at }))) as Reply<'lookup'> | undefined;
  if (!reply) return { kind: 'error', error: t('lookupBoxNoEngine') };
  if (!reply.ok) return { kind: 'error', error: reply.error };
  return reply.value && reply.value.entries.length > 0 ? { kind: 'result', result: reply.value } : { kind: 'none' };
}

/** Each character (a surrogate pair counts as one) with its offset in UTF-16 code units, as lookups count. */
function charOffsets(text: string): [string, number][] {
  const out: [string, number][] = [];
  for (let offset = 0; offset < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(offset)!);
    out.push([ch, offset]);
    offset += ch.length;
  }
  return out;
}

export function LookupBox({ settings }: { settings: Settings }) {
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Answer>({ kind: 'idle' });
  // Where in the text to look up: its start, or the character the reader picked in a pasted sentence.
  const [at, setAt] = useState(0);

  // Romaji is read as kana, for a word known by ear: enchou → えんちょう.
  const kana = romajiToHiragana(query.trim());
  const text = (kana ?? query.trim()).slice(0, MAX_QUERY);
  useEffect(() => {
    if (!text) {
      setAnswer({ kind: 'idle' });
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      lookUp(text, at).then(
        (next) => current && setAnswer(next),
        (err: unknown) => current && setAnswer({ kind: 'error', error: String(err) }),
      );
    }, LOOKUP_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, at]);

  const options = { ...settings, fontSize: 14 };
  return (
    <section class="lookup" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t('lookupBoxHeading')}</h2>
      <input
        type="search"
        lang="ja"
        aria-labelledby="lookup-heading"
        placeholder={t('lookupBoxPlaceholder')}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setAt(0);
        }}
      />
      {!kana && text.length > 1 && (
        <div class="lookup-text" role="group" aria-label={t('lookupBoxPick')} lang="ja">
          {charOffsets(text).map(([ch, offset]) => {
            const shown = answer.kind === 'result' && offset >= answer.result.start && offset < answer.result.end;
            return (
              <button type="button" key={offset} aria-pressed={shown} onClick={() => setAt(offset)}>
                {ch}
              </button>
            );
          })}
        </div>
      )}
      {kana && (
        <p class="hint" lang="ja">
          {t('lookupBoxAsKana', [kana])}
        </p>
      )}
      {answer.kind === 'result' && (
        <>
          <style>{POPUP_CSS}</style>
          <div
            class="kiji-popup lookup-results"
            role="region"
            aria-live="polite"
            aria-label={t('lookupBoxResults')}
            data-theme={options.theme}
          >
            <ResultBody result={answer.result} options={options} />
          </div>
        </>
      )}
      {answer.kind === 'none' && <p class="hint">{t('lookupBoxNone')}</p>}
      {answer.kind === 'error' && <p class="hint">{t('lookupBoxError', [answer.error])}</p>}
    </section>
  );
}
