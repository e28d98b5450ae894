/**
 * Export (Anki TSV/CSV of a list or all, JSON backup of everything) and import (a backup, or a CSV/TSV). A file is
 * checked completely on this page before anything is sent: a broken file shows its errors with line numbers and
 * nothing is imported; a good one is imported in one transaction.
 */
import browser from 'webextension-polyfill';
import { useMemo, useState } from 'preact/hooks';
import { BACKUP_FORMAT, BACKUP_VERSION, formatAnkiFile, formatBackup } from '../core/vocab/export';
import { parseImport, type ImportError, type ImportParse } from '../core/vocab/import';
import type { VocabDump } from '../core/vocab/store-types';
import { DEFAULT_LIST_ID, type VocabList } from '../core/vocab/word';
import { readSettings, SETTINGS_KEY } from '../settings';
import { t, tCount } from '../ui/i18n';
import { call, errorText, loadDump, randomRid } from './api';
import { datedName, downloadText } from './download';
import { ListOptions } from './ListOptions';
import { listLabel } from '../ui/list-label';

function importErrorText(e: ImportError): string {
  return t('vocabImportErrorLine', [String(e.line), t(`vocabImportError_${e.code}`, [e.detail ?? ''])]);
}

function fileBase(list: VocabList | undefined): string {
  const name = list ? listLabel(list).replace(/[\\/:*?"<>|\s]+/g, '_') : 'all';
  return `kiji-${name}`;
}

export function Transfer({
  dump,
  currentList,
  reload,
}: {
  dump: VocabDump;
  currentList: string;
  reload(): Promise<void>;
}) {
  const [exportList, setExportList] = useState(dump.lists.some((l) => l.id === currentList) ? currentList : 'all');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [target, setTarget] = useState(dump.lists.some((l) => l.id === currentList) ? currentList : DEFAULT_LIST_ID);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const listName = (id: string) => {
    const l = dump.lists.find((x) => x.id === id);
    return l ? listLabel(l) : undefined;
  };
  const exportWords = () =>
    exportList === 'all' ? dump.words : dump.words.filter((w) => w.lists.includes(exportList));

  const exportAnki = (separator: ',' | '\t') => {
    const list = dump.lists.find((l) => l.id === exportList);
    const text = formatAnkiFile(exportWords(), listName, separator);
    downloadText(datedName(fileBase(list), separator === '\t' ? 'tsv' : 'csv'), text, 'text/plain');
  };

  const exportBackup = async () => {
    setBusy(true);
    try {
      // Fresh from the store, so the backup holds saves made in other tabs since this page opened.
      const fresh = await loadDump();
      const stored = await browser.storage.local.get(SETTINGS_KEY);
      const text = formatBackup({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: new Date().toISOString(),
        settings: { ...readSettings(stored[SETTINGS_KEY]) },
        ...fresh,
      });
      downloadText(datedName('kiji-vocabulary', 'json'), text, 'application/json');
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  // Parsed once per file and target list, not at every render: a backup of 10,000 words takes a moment.
  const parsed: ImportParse | null = useMemo(
    () =>
      file
        ? parseImport(file.text, { now: Date.now(), targetList: target, lists: dump.lists, listName: listLabel })
        : null,
    [file, target, dump.lists],
  );

  const runImport = async (mode: 'merge' | 'replace') => {
    if (!parsed?.ok) return;
    if (mode === 'replace' && !confirm(t('vocabConfirmReplace', [tCount('countWords', dump.words.length)]))) return;
    setBusy(true);
    try {
      const { lists, words, lastListId, settings } = parsed.data;
      const outcome = await call('vocabImport', { rid: randomRid(), data: { lists, words, lastListId }, mode });
      if (mode === 'replace' && settings) {
        await browser.storage.local.set({ [SETTINGS_KEY]: readSettings(settings) });
      }
      setFile(null);
      setMessage({
        kind: 'info',
        text: t('vocabImported', [
          tCount('countNewWords', outcome.added),
          outcome.merged.toLocaleString('en-US'),
          tCount('countNewLists', outcome.listsAdded),
        ]),
      });
      await reload();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('vocabTransferTitle')}</h2>
      <div class="row export">
        <label>
          {t('vocabExportList')}
          <select value={exportList} onChange={(e) => setExportList(e.currentTarget.value)}>
            <option value="all">{t('vocabAllWords')}</option>
            <ListOptions lists={dump.lists} />
          </select>
        </label>
        <button type="button" class="export-tsv" onClick={() => exportAnki('\t')}>
          {t('vocabExportTsv')}
        </button>
        <button type="button" class="export-csv" onClick={() => exportAnki(',')}>
          {t('vocabExportCsv')}
        </button>
        <button type="button" class="export-json" disabled={busy} onClick={() => void exportBackup()}>
          {t('vocabExportJson')}
        </button>
      </div>
      <div class="row import">
        <label>
          {t('vocabImportFile')}
          <input
            type="file"
            class="import-file"
            accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values,text/plain"
            onChange={(e) => {
              const input = e.currentTarget;
              const f = input.files?.[0];
              // Cleared at once, so choosing the same file again (after fixing it) reads it again.
              input.value = '';
              setMessage(null);
              if (!f) return setFile(null);
              f.text().then(
                (text) => setFile({ name: f.name, text }),
                (err: unknown) => setMessage({ kind: 'error', text: errorText(err) }),
              );
            }}
          />
        </label>
      </div>
      {parsed && !parsed.ok && (
        <div class="import-errors" role="alert">
          <p>{t('vocabImportRejected', [file!.name])}</p>
          <ul>
            {parsed.errors.map((e, i) => (
              <li key={i}>{importErrorText(e)}</li>
            ))}
          </ul>
        </div>
      )}
      {parsed?.ok && (
        <div class="import-preview">
          <p>
            {parsed.data.kind === 'backup'
              ? t('vocabImportBackupPreview', [
                  tCount('countWords', parsed.data.words.length),
                  tCount('countLists', parsed.data.lists.length),
                  file!.name,
                ])
              : t('vocabImportTablePreview', [
                  tCount('countRows', parsed.data.read),
                  tCount('countWords', parsed.data.words.length),
                  file!.name,
                ])}
          </p>
          {parsed.data.kind === 'table' && (
            <label>
              {t('vocabImportInto')}
              <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                <ListOptions lists={dump.lists} />
              </select>
            </label>
          )}
          <div class="row">
            <button type="button" class="import-merge" disabled={busy} onClick={() => void runImport('merge')}>
              {t('vocabImportMerge')}
            </button>
            {parsed.data.kind === 'backup' && (
              <button
                type="button"
                class="import-replace danger"
                disabled={busy}
                onClick={() => void runImport('replace')}
              >
                {t('vocabImportReplace')}
              </button>
            )}
            <button type="button" onClick={() => setFile(null)}>
              {t('vocabCancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
