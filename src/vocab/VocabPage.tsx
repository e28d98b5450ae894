/**
 * The vocabulary page: every saved word with its sentences, searchable and filterable, in lists the learner
 * manages; bulk moves and marks; delete with undo; export, import and Anki.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ALL_WORDS, queryWords, sitesOf } from '../core/vocab/query';
import type { VocabDump } from '../core/vocab/store-types';
import type { VocabWord, WordPatch, WordStatus } from '../core/vocab/word';
import { t, tCount } from '../ui/i18n';
import { call, errorText, loadDump, randomRid } from './api';
import { AnkiPanel, useAnki } from './AnkiPanel';
import { Filters, type FilterState } from './Filters';
import { ListOptions } from './ListOptions';
import { sinceOf } from './format';
import { listLabel } from '../ui/list-label';
import { ListsPanel } from './ListsPanel';
import { Transfer } from './Transfer';
import { WordTable } from './WordTable';

/** How long a deleted word can be brought back. */
const UNDO_MS = 10_000;

interface Toast {
  text: string;
  undo?: () => void;
}

/** The list shown comes from the address (#list=…), so a link from the toolbar popup opens that list. */
function listFromHash(): string {
  const m = /(?:^|[#&])list=([^&]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : 'all';
}

export function VocabPage() {
  const [dump, setDump] = useState<VocabDump | null>(null);
  const [loadError, setLoadError] = useState('');
  const [filters, setFilters] = useState<FilterState>({ query: { ...ALL_WORDS, list: listFromHash() }, since: 'any' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [toast, setToast] = useState<Toast | null>(null);
  const [error, setError] = useState('');
  const toastTimer = useRef(0);
  const anki = useAnki();

  const reload = async () => {
    try {
      setDump(await loadDump());
      setLoadError('');
    } catch (err) {
      setLoadError(errorText(err));
    }
  };

  useEffect(() => {
    void reload();
    // Words saved in other tabs meanwhile show up when the reader comes back to this one.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  useEffect(() => {
    const list = filters.query.list;
    history.replaceState(null, '', list === 'all' ? location.pathname : `#list=${encodeURIComponent(list)}`);
  }, [filters.query.list]);

  const query = useMemo(() => ({ ...filters.query, since: sinceOf(filters.since) }), [filters]);
  const shown = useMemo(() => (dump ? queryWords(dump.words, query) : []), [dump, query]);
  const sites = useMemo(() => (dump ? sitesOf(dump.words) : []), [dump]);

  useEffect(() => {
    // Tests wait for the attribute, the benchmark reads the mark: the words are on screen.
    if (!dump) return;
    if (!document.documentElement.dataset.vocabReady) performance.mark('kiji-vocab-ready');
    document.documentElement.dataset.vocabReady = String(dump.words.length);
  }, [dump]);

  if (loadError && !dump)
    return (
      <main class="kiji-page vocab-page">
        <p class="message error" role="alert">
          {loadError}
        </p>
      </main>
    );
  if (!dump) return <main class="kiji-page vocab-page" aria-busy="true" />;

  const showToast = (next: Toast) => {
    clearTimeout(toastTimer.current);
    setToast(next);
    toastTimer.current = window.setTimeout(() => setToast(null), UNDO_MS);
  };

  /** Runs a change; on failure nothing changed, and the reader is told why. */
  const attempt = async <T,>(run: () => Promise<T>): Promise<T | undefined> => {
    try {
      setError('');
      return await run();
    } catch (err) {
      setError(errorText(err));
      return undefined;
    }
  };

  const replaceWords = (updated: VocabWord[]) => {
    const byId = new Map(updated.map((w) => [w.id, w]));
    setDump((d) => d && { ...d, words: d.words.map((w) => byId.get(w.id) ?? w) });
  };

  const update = (ids: string[], patch: WordPatch) =>
    attempt(async () => replaceWords(await call('vocabUpdate', { rid: randomRid(), ids, patch })));

  const remove = (ids: string[]) =>
    attempt(async () => {
      const removed = await call('vocabDelete', { rid: randomRid(), ids });
      const gone = new Set(removed.map((w) => w.id));
      setDump((d) => d && { ...d, words: d.words.filter((w) => !gone.has(w.id)) });
      setSelected((s) => new Set([...s].filter((id) => !gone.has(id))));
      showToast({
        text:
          removed.length === 1
            ? t('vocabDeletedOne', [removed[0]!.headword])
            : t('vocabDeletedMany', [String(removed.length)]),
        undo: () =>
          void attempt(async () => {
            await call('vocabRestore', { rid: randomRid(), words: removed });
            setToast(null);
            await reload();
          }),
      });
    });

  const editList = (edit: Parameters<typeof call<'vocabLists'>>[1]['edit']) =>
    attempt(async () => {
      const out = await call('vocabLists', { rid: randomRid(), edit });
      setDump((d) => d && { ...d, lists: out.lists, lastListId: out.lastListId });
      return out;
    });

  const toAnki = async (words: VocabWord[]) => showToast({ text: await anki.send(words, dump.lists) });

  const chooseList = (list: string) => {
    setFilters({ ...filters, query: { ...filters.query, list } });
    setSelected(new Set());
  };

  const selectedIds = [...selected];
  const currentList = filters.query.list;
  const inList = dump.lists.find((l) => l.id === currentList);

  return (
    <main class="kiji-page vocab-page">
      <header class="vocab-header">
        <h1>{t('vocabPageTitle')}</h1>
        <p class="hint">
          {t('vocabCounts', [
            tCount('countWords', dump.words.length),
            String(dump.words.filter((w) => w.status === 'known').length),
            String(dump.words.filter((w) => w.status === 'learning').length),
          ])}
        </p>
      </header>
      <div class="vocab-layout">
        <ListsPanel
          lists={dump.lists}
          words={dump.words}
          current={currentList}
          choose={chooseList}
          create={async (name) => {
            const id = `l-${randomRid().slice(0, 12)}`;
            const ok = await editList({ op: 'create', id, name });
            if (ok) chooseList(id);
            return !!ok;
          }}
          rename={async (id, name) => !!(await editList({ op: 'rename', id, name }))}
          remove={async (id) => {
            const list = dump.lists.find((l) => l.id === id)!;
            const count = dump.words.filter((w) => w.lists.includes(id)).length;
            if (!confirm(tCount('vocabConfirmDeleteList', count, [listLabel(list)]))) return;
            if (await editList({ op: 'delete', id })) {
              chooseList('all');
              await reload();
            }
          }}
        />
        <section class="vocab-main" aria-label={inList ? listLabel(inList) : t('vocabAllWords')}>
          <Filters state={filters} set={setFilters} sites={sites} found={shown.length} />
          {error && (
            <p class="message error" role="alert">
              {error}
            </p>
          )}
          {selected.size > 0 && (
            <div class="bulk" role="toolbar" aria-label={t('vocabSelected', [String(selected.size)])}>
              <span>{t('vocabSelected', [String(selected.size)])}</span>
              <label>
                {t('vocabMoveTo')}
                <select
                  class="bulk-move"
                  value=""
                  onChange={(e) => {
                    const to = e.currentTarget.value;
                    // Out of the list on screen; seen from all words, out of every other list.
                    const from = inList ? [inList.id] : dump.lists.map((l) => l.id);
                    if (to) void update(selectedIds, { addLists: [to], removeLists: from.filter((f) => f !== to) });
                  }}
                >
                  <option value="">…</option>
                  <ListOptions lists={dump.lists} />
                </select>
              </label>
              <label>
                {t('vocabCopyTo')}
                <select
                  class="bulk-copy"
                  value=""
                  onChange={(e) => {
                    const to = e.currentTarget.value;
                    if (to) void update(selectedIds, { addLists: [to] });
                  }}
                >
                  <option value="">…</option>
                  <ListOptions lists={dump.lists} />
                </select>
              </label>
              {(['known', 'learning', 'new'] as WordStatus[]).map((s) => (
                <button
                  key={s}
                  type="button"
                  class={`bulk-${s}`}
                  onClick={() => void update(selectedIds, { status: s })}
                >
                  {t(`vocabMark_${s}`)}
                </button>
              ))}
              {anki.enabled && (
                <button
                  type="button"
                  class="bulk-anki"
                  disabled={anki.busy}
                  onClick={() => void toAnki(dump.words.filter((w) => selected.has(w.id)))}
                >
                  {t('vocabSendToAnki')}
                </button>
              )}
              <button type="button" class="bulk-delete danger" onClick={() => void remove(selectedIds)}>
                {t('vocabDelete')}
              </button>
            </div>
          )}
          <WordTable
            words={shown}
            lists={dump.lists}
            selected={selected}
            setSelected={setSelected}
            setStatus={(w, status) => void update([w.id], { status })}
            setNote={async (w, note) => {
              await update([w.id], { note });
            }}
            remove={(ids) => void remove(ids)}
            sendToAnki={anki.enabled ? (w) => void toAnki([w]) : undefined}
          />
        </section>
      </div>
      <Transfer dump={dump} currentList={currentList} reload={reload} />
      <AnkiPanel anki={anki} />
      {toast && (
        <div class="toast" role="status">
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" class="undo" onClick={toast.undo}>
              {t('vocabUndo')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
