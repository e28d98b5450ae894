/**
 * "This article" in the toolbar popup: what the content script of the tab found (title, counts, glossary terms in
 * order of appearance, uncommon words), the reading-mode controls for the site, and a click on an item to see it in
 * the page. Everything comes from the tab; the panel keeps no state of its own.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import {
  FURIGANA_LEVELS,
  type ArticleInfo,
  type ArticleItem,
  type ArticleTarget,
  type FuriganaLevel,
  type ReadingState,
} from '../core/reading-types';
import { envelope, requestSchemas, type Envelope, type Reply, type RequestName } from '../messages';
import { t, tCount } from '../ui/i18n';
import { displayReading } from '../core/display-reading';
import { DEFAULT_SETTINGS, LEARN_LEVELS, type LearnLevel, type Settings } from '../settings';
import { rankTerms, wordsToLearn } from './article-rank';
import { SettingToggle } from '../ui/SettingToggle';
import { listLabel } from '../ui/list-label';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; info: ArticleInfo };

/** popup.html?tab=N shows the panel for tab N: the popup opened as a page (tests, a pinned window). */
export function tabFromQuery(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Vocabulary lists are another part of Kiji; the button works once the protocol has their request. */
const CAN_SAVE = 'vocabSave' in requestSchemas;

/** A write's request id: the store applies a message Chrome delivers twice only once. */
function randomRid(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A row of the sheet, as the checkboxes know it: a term and a word may be written alike. */
const pickKey = (kind: ArticleTarget['kind'], item: ArticleItem) => `${kind}:${item.text}`;

/**
 * Saves the given terms and words of the article to one list, each with its first sentence; resolves how many were
 * saved. `list` undefined is the store's default (the list the hover popup saved to last).
 */
async function saveSheet(
  info: ArticleInfo,
  terms: ArticleItem[],
  words: ArticleItem[],
  list: string | undefined,
): Promise<{ saved: number; error?: string }> {
  const items = [
    ...terms.map((item) => ({ item, source: 'glossary' as const })),
    ...words.map((item) => ({ item, source: 'words' as const })),
  ];
  let saved = 0;
  for (const { item, source } of items) {
    const save = {
      entry: { source, headword: item.text, reading: item.reading, senses: [{ pos: [], glosses: [item.en] }] },
      context: { sentence: item.sentence, title: info.title, url: info.url, site: info.site },
      ...(list ? { list } : {}),
    };
    const reply = (await browser.runtime
      .sendMessage(envelope('vocabSave', { rid: randomRid(), save }))
      .catch((err: unknown) => ({ ok: false, error: String(err) }))) as Reply<'vocabSave'> | undefined;
    if (!reply?.ok) return { saved, error: reply?.error ?? 'no answer' };
    saved++;
  }
  return { saved };
}

async function ask<N extends RequestName>(tabId: number, message: Envelope<N>): Promise<Reply<N> | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as Reply<N> | undefined) ?? null;
  } catch {
    // No content script in the tab (a browser page, a site Kiji is not on yet).
    return null;
  }
}

/**
 * The form written in the article, when it tells the reader something the headword does not (と述べた for 述べる);
 * not the headword with a name in brackets (新戦略兵器削減条約（新START）), which would read as a second term.
 */
function formShown(item: ArticleItem): string | null {
  const bare = item.form.replace(/[(（][^()（）]*[)）]/g, '');
  return item.form === item.text || bare === item.text ? null : item.form;
}

function Items(props: {
  items: ArticleItem[];
  kind: ArticleTarget['kind'];
  onShow: (target: ArticleTarget) => void;
  left: ReadonlySet<string>;
  onPick: (key: string, picked: boolean) => void;
}) {
  return (
    <ol>
      {props.items.map((item) => (
        <li key={item.text}>
          <input
            type="checkbox"
            class="pick"
            checked={!props.left.has(pickKey(props.kind, item))}
            aria-label={t('articlePick', [item.text])}
            title={t('articlePick', [item.text])}
            onChange={(e) => props.onPick(pickKey(props.kind, item), e.currentTarget.checked)}
          />
          <button
            type="button"
            // A hint, not the name: the name stays the text the row shows, so a voice-control user can say what they see.
            title={t('articleShow', [item.text])}
            onClick={() => props.onShow({ kind: props.kind, text: item.term ?? item.text })}
          >
            <span class="word" lang="ja">
              {item.text}
            </span>
            {formShown(item) && (
              <span class="form" lang="ja">
                {formShown(item)}
              </span>
            )}
            {displayReading(item.text, item.reading) && (
              <span class="reading" lang="ja">
                {displayReading(item.text, item.reading)}
              </span>
            )}
            {item.count > 1 && <span class="count">{t('articleOccurrences', [String(item.count)])}</span>}
            {item.en && <span class="en">{item.en}</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The sheet's save: the ticked rows, to the list chosen here (at first the one the hover popup saved to last). */
function SaveSheet(props: { info: ArticleInfo; terms: ArticleItem[]; words: ArticleItem[] }) {
  const [saving, setSaving] = useState<'idle' | 'busy' | string>('idle');
  const [lists, setLists] = useState<{ id: string; name: string }[]>([]);
  const [listId, setListId] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!CAN_SAVE) return;
    void (
      browser.runtime.sendMessage(envelope('vocabSummary', { limit: 0 })) as Promise<Reply<'vocabSummary'> | undefined>
    ).then(
      (reply) => {
        if (!reply?.ok || !Array.isArray(reply.value.lists)) return;
        setLists(reply.value.lists);
        setListId(reply.value.lastListId);
      },
      // Without the lists the sheet still saves, to the list the store chooses.
      () => undefined,
    );
  }, []);

  const count = props.terms.length + props.words.length;
  const list = lists.find((l) => l.id === listId);
  const save = () => {
    setSaving('busy');
    void saveSheet(props.info, props.terms, props.words, listId).then(({ saved, error }) =>
      setSaving(
        error
          ? t('saveAllFailed', [tCount('countWords', saved), error])
          : list
            ? tCount('saveSheetDone', saved, [listLabel(list)])
            : tCount('saveAllDone', saved),
      ),
    );
  };
  return (
    <div class="actions save-sheet">
      {lists.length > 0 && (
        <select
          aria-label={t('saveSheetList')}
          title={t('saveSheetList')}
          value={listId}
          onChange={(e) => setListId(e.currentTarget.value)}
        >
          {lists.map((l) => (
            <option value={l.id} key={l.id}>
              {listLabel(l)}
            </option>
          ))}
        </select>
      )}
      {/* A disabled button gets no pointer events in some browsers: the tooltip sits on its wrapper. */}
      <span title={CAN_SAVE ? undefined : t('saveAllUnavailable')}>
        <button type="button" disabled={!CAN_SAVE || saving === 'busy' || count === 0} onClick={save}>
          {tCount('saveSheet', count)}
        </button>
      </span>
      {saving !== 'idle' && saving !== 'busy' && (
        <p class="message" role="status">
          {saving}
        </p>
      )}
    </div>
  );
}

export function ArticlePanel(props: {
  tabId?: number;
  /** For the glossary-tint toggle: the toolbar popup's settings and how to save them. */
  settings?: Settings | null;
  saveSettings?: (patch: Partial<Settings>) => unknown;
}) {
  const { settings, saveSettings } = props;
  const tabId = tabFromQuery(location.search) ?? props.tabId;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [mode, setMode] = useState<ReadingState | null>(null);
  /** Rows the reader unticked: what they already know or do not want in the list. */
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    void ask(tabId, envelope('articleInfo', {})).then((reply) => {
      if (!live) return;
      if (!reply) setLoaded({ kind: 'unavailable' });
      else if (!reply.ok) setLoaded({ kind: 'error', error: reply.error });
      else {
        setLoaded({ kind: 'ready', info: reply.value });
        setMode(reply.value.readingMode);
      }
    });
    return () => {
      live = false;
    };
  }, [tabId]);

  if (tabId === undefined) return null;

  const changeMode = (next: ReadingState) => {
    setMode(next);
    void ask(tabId, envelope('readingMode', next)).then((reply) => {
      if (reply?.ok) setMode(reply.value);
    });
  };
  const show = (target: ArticleTarget) => void ask(tabId, envelope('articleFlash', target));
  const pick = (key: string, picked: boolean) =>
    setLeft((before) => {
      const next = new Set(before);
      if (picked) next.delete(key);
      else next.add(key);
      return next;
    });
  const learnLevel = settings?.learnLevel ?? DEFAULT_SETTINGS.learnLevel;
  const ranked =
    loaded.kind === 'ready' && loaded.info.found
      ? {
          info: loaded.info,
          terms: rankTerms(loaded.info.terms),
          uncommon: wordsToLearn(loaded.info.uncommon, learnLevel),
        }
      : null;

  return (
    <section class="article-panel" aria-labelledby="article-heading">
      <h2 id="article-heading">{t('articleHeading')}</h2>
      {loaded.kind === 'loading' && <p class="hint">{t('articleLoading')}</p>}
      {loaded.kind === 'unavailable' && <p class="hint">{t('articleUnavailable')}</p>}
      {loaded.kind === 'error' && <p class="hint">{t('articleError', [loaded.error])}</p>}
      {loaded.kind === 'ready' && !loaded.info.found && <p class="hint">{t('articleNotFound')}</p>}
      {mode && (
        <div class="row">
          <label class="row">
            <input
              type="checkbox"
              checked={mode.on}
              onChange={(e) => changeMode({ ...mode, on: e.currentTarget.checked })}
            />
            {t('readingModeLabel')}
          </label>
          <select
            aria-label={t('furiganaLabel')}
            title={t('furiganaLabel')}
            value={mode.furigana}
            onChange={(e) => changeMode({ on: true, furigana: e.currentTarget.value as FuriganaLevel })}
          >
            {FURIGANA_LEVELS.map((level) => (
              <option value={level} key={level}>
                {t(`furigana_${level}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {mode && settings && saveSettings && (
        <SettingToggle settings={settings} save={saveSettings} name="glossaryMarks" label={t('settingGlossaryMarks')} />
      )}
      {ranked && (
        <div class="article" data-testid="article">
          <p class="title" lang="ja">
            {ranked.info.title}
          </p>
          <p class="counts">
            {t('articleCounts', [tCount('countChars', ranked.info.chars), tCount('countWords', ranked.info.words)])}
          </p>
          <h3>{t('articleTerms', [String(ranked.terms.length)])}</h3>
          {ranked.terms.length > 0 ? (
            <Items items={ranked.terms} kind="term" onShow={show} left={left} onPick={pick} />
          ) : (
            <p class="hint">{t('articleNoTerms')}</p>
          )}
          <div class="learn-head">
            <h3>{t('articleUncommon', [String(ranked.uncommon.length)])}</h3>
            <select
              aria-label={t('learnLevelLabel')}
              title={t('learnLevelLabel')}
              value={learnLevel}
              onChange={(e) => void saveSettings?.({ learnLevel: e.currentTarget.value as LearnLevel })}
            >
              {LEARN_LEVELS.map((level) => (
                <option value={level} key={level}>
                  {t(`learnLevel_${level}`)}
                </option>
              ))}
            </select>
          </div>
          {ranked.uncommon.length > 0 ? (
            <Items items={ranked.uncommon} kind="word" onShow={show} left={left} onPick={pick} />
          ) : (
            <p class="hint">{t('articleNoUncommon')}</p>
          )}
          <SaveSheet
            info={ranked.info}
            terms={ranked.terms.filter((item) => !left.has(pickKey('term', item)))}
            words={ranked.uncommon.filter((item) => !left.has(pickKey('word', item)))}
          />
        </div>
      )}
    </section>
  );
}
