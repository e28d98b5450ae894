/**
 * AnkiConnect on the vocabulary page: off by default; turning it on asks for 127.0.0.1:8765 and nothing else.
 * Then the learner picks a deck, a note type and which of Kiji's columns fills each field, and sends words from
 * the table. Anki not running, or AnkiConnect refusing Kiji, is said in so many words.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import {
  AnkiConnect,
  AnkiConnectError,
  ANKI_CONNECT_ORIGIN,
  guessMapping,
  isAnkiColumn,
  sendWords,
  type AnkiMapping,
} from '../core/vocab/anki-connect';
import { ANKI_COLUMNS, type AnkiColumn } from '../core/vocab/export';
import type { VocabList, VocabWord } from '../core/vocab/word';
import type { AnkiSettings } from '../settings';
import { t } from '../ui/i18n';
import { useSettings } from '../ui/settings-store';
import { listLabel } from '../ui/list-label';

interface AnkiController {
  enabled: boolean;
  settings: AnkiSettings | null;
  decks: string[];
  models: string[];
  fieldNames: string[];
  status: { kind: 'info' | 'error'; text: string } | null;
  busy: boolean;
  setEnabled(on: boolean): void;
  connect(): Promise<void>;
  choose(patch: Partial<AnkiSettings>): Promise<void>;
  /** Sends words as notes; resolves with what to tell the learner. */
  send(words: VocabWord[], lists: VocabList[]): Promise<string>;
}

const client = new AnkiConnect((url, init) => fetch(url, init));

function ankiErrorText(err: unknown): string {
  if (err instanceof AnkiConnectError) {
    switch (err.code) {
      case 'notRunning':
        return t('vocabAnkiNotRunning');
      case 'forbidden':
        return t('vocabAnkiForbidden', [location.origin]);
      case 'ankiError':
        return t('vocabAnkiError', [err.detail]);
      case 'badReply':
        return t('vocabAnkiBadReply', [err.detail]);
    }
  }
  return t('vocabAnkiError', [err instanceof Error ? err.message : String(err)]);
}

function columnLabel(column: AnkiColumn): string {
  return t(`vocabAnkiCol_${column.replace(/\s+/g, '')}`);
}

export function useAnki(): AnkiController {
  const [settings, save] = useSettings();
  const [decks, setDecks] = useState<string[]>([]);
  const [models, setModels] = useState<string[]>([]);
  const [fieldNames, setFieldNames] = useState<string[]>([]);
  const [status, setStatus] = useState<AnkiController['status']>(null);
  const [busy, setBusy] = useState(false);
  const anki = settings?.anki ?? null;

  const granted = () => browser.permissions.contains({ origins: [ANKI_CONNECT_ORIGIN] });

  const loadFields = async (model: string) => {
    const names = model ? await client.modelFieldNames(model) : [];
    setFieldNames(names);
    return names;
  };

  const connect = async () => {
    if (!anki?.enabled) return;
    setBusy(true);
    try {
      if (!(await granted())) {
        setStatus({ kind: 'error', text: t('vocabAnkiDenied') });
        return;
      }
      const version = await client.version();
      const [d, m] = await Promise.all([client.deckNames(), client.modelNames()]);
      setDecks(d);
      setModels(m);
      const deck = d.includes(anki.deck) ? anki.deck : (d[0] ?? '');
      const model = m.includes(anki.model) ? anki.model : (m[0] ?? '');
      const names = await loadFields(model);
      const keep = names.length > 0 && names.every((n) => n in anki.fields) && model === anki.model;
      if (deck !== anki.deck || model !== anki.model || !keep) {
        await save({ anki: { ...anki, deck, model, fields: keep ? anki.fields : guessMapping(names) } });
      }
      setStatus({ kind: 'info', text: t('vocabAnkiConnected', [String(version)]) });
    } catch (err) {
      setStatus({ kind: 'error', text: ankiErrorText(err) });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (anki?.enabled && decks.length === 0 && !busy) void connect();
    // Connect once when the page opens with AnkiConnect on, or right after it was turned on.
  }, [anki?.enabled]);

  return {
    enabled: !!anki?.enabled,
    settings: anki,
    decks,
    models,
    fieldNames,
    status,
    busy,
    setEnabled(on) {
      if (!anki) return;
      if (!on) {
        void save({ anki: { ...anki, enabled: false } });
        void browser.permissions.remove({ origins: [ANKI_CONNECT_ORIGIN] }).catch(() => false);
        setStatus(null);
        setDecks([]);
        return;
      }
      // Asked in the click itself: browsers grant permissions only in answer to the user's gesture.
      void browser.permissions.request({ origins: [ANKI_CONNECT_ORIGIN] }).then(
        (ok) => {
          if (ok) void save({ anki: { ...anki, enabled: true } });
          else setStatus({ kind: 'error', text: t('vocabAnkiDenied') });
        },
        (err: unknown) => setStatus({ kind: 'error', text: t('vocabAnkiError', [String(err)]) }),
      );
    },
    connect,
    async choose(patch) {
      if (!anki) return;
      const next = { ...anki, ...patch };
      if (patch.model !== undefined && patch.model !== anki.model) {
        try {
          next.fields = guessMapping(await loadFields(patch.model));
        } catch (err) {
          setStatus({ kind: 'error', text: ankiErrorText(err) });
          return;
        }
      }
      await save({ anki: next });
    },
    async send(words, lists) {
      if (!anki?.enabled) return '';
      if (!(await granted())) return t('vocabAnkiDenied');
      if (!anki.deck || !anki.model) return t('vocabAnkiChooseFirst');
      const fields: AnkiMapping['fields'] = {};
      for (const [field, column] of Object.entries(anki.fields)) fields[field] = isAnkiColumn(column) ? column : '';
      const mapping: AnkiMapping = { deck: anki.deck, model: anki.model, fields };
      const listName = (id: string) => {
        const l = lists.find((x) => x.id === id);
        return l ? listLabel(l) : undefined;
      };
      setBusy(true);
      try {
        const out = await sendWords(client, words, mapping, listName);
        const parts = [t('vocabAnkiSent', [String(out.added), String(out.skipped.length)])];
        for (const f of out.failed) parts.push(t('vocabAnkiFailed', [f.headword, f.error]));
        return parts.join(' ');
      } catch (err) {
        return ankiErrorText(err);
      } finally {
        setBusy(false);
      }
    },
  };
}

export function AnkiPanel({ anki }: { anki: AnkiController }) {
  const s = anki.settings;
  if (!s) return null;
  return (
    <section class="anki" aria-labelledby="anki-title">
      <h2 id="anki-title">{t('vocabAnkiTitle')}</h2>
      <label class="row">
        <input
          type="checkbox"
          class="anki-enable"
          checked={s.enabled}
          onChange={(e) => anki.setEnabled(e.currentTarget.checked)}
        />
        {t('vocabAnkiEnable')}
      </label>
      <p class="hint">{t('vocabAnkiHint')}</p>
      {s.enabled && (
        <div class="anki-settings">
          <div class="row">
            <button type="button" class="anki-connect" disabled={anki.busy} onClick={() => void anki.connect()}>
              {t('vocabAnkiConnect')}
            </button>
            {anki.decks.length > 0 && (
              <>
                <label>
                  {t('vocabAnkiDeck')}
                  <select
                    class="anki-deck"
                    value={s.deck}
                    onChange={(e) => void anki.choose({ deck: e.currentTarget.value })}
                  >
                    {anki.decks.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('vocabAnkiModel')}
                  <select
                    class="anki-model"
                    value={s.model}
                    onChange={(e) => void anki.choose({ model: e.currentTarget.value })}
                  >
                    {anki.models.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
          </div>
          {anki.fieldNames.length > 0 && (
            <table class="anki-fields">
              <caption>{t('vocabAnkiFields')}</caption>
              <tbody>
                {anki.fieldNames.map((field) => (
                  <tr key={field}>
                    <th scope="row">{field}</th>
                    <td>
                      <select
                        data-field={field}
                        value={s.fields[field] ?? ''}
                        onChange={(e) => void anki.choose({ fields: { ...s.fields, [field]: e.currentTarget.value } })}
                      >
                        <option value="">{t('vocabAnkiFieldNone')}</option>
                        {ANKI_COLUMNS.filter((c) => c !== 'Tags').map((c) => (
                          <option key={c} value={c}>
                            {columnLabel(c)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {anki.status && (
        <p class={`message ${anki.status.kind} anki-status`} role={anki.status.kind === 'error' ? 'alert' : 'status'}>
          {anki.status.text}
        </p>
      )}
    </section>
  );
}
