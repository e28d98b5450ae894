/** The hover popup: what a word means, how it was conjugated, and what the glossary says about it. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { displayReading } from '../../core/display-reading';
import type { KanjiInfo } from '../../core/kanji/kanjidic';
import type {
  GlossaryLookupEntry,
  LookupEntry,
  LookupResult,
  NameLookupEntry,
  Sense,
  WordLookupEntry,
} from '../../core/types';
import type { Theme } from '../../settings';
import { POPUP_KEY_HELP } from './key-help';
import { t, tCount } from '../i18n';
import { categoryLabel, inflectionText, posLabel, tagLabel } from '../labels';
import { wordId } from '../../core/vocab/word';
import { VocabBar, VocabNotice, type PopupVocab } from './VocabBar';

/** The headword and its reading: a katakana word read in katakana, or not at all when that only repeats it. */
function HeadwordReading({ entry }: { entry: LookupEntry }) {
  const reading = displayReading(entry.headword, entry.reading);
  return (
    <>
      <span class="headword" lang="ja">
        {entry.headword}
      </span>
      {reading && (
        <span class="reading" lang="ja">
          {reading}
        </span>
      )}
    </>
  );
}

/** How many entries and senses fit before a popup stops being a glance. */
const MAX_ENTRIES = 6;
const MAX_NAMES = 4;
const MAX_SENSES = 3;

export interface PopupOptions {
  showRomaji: boolean;
  showKanji: boolean;
  theme: Theme;
  fontSize: number;
}

function Head({ entry, showRomaji, badges }: { entry: LookupEntry; showRomaji: boolean; badges?: ComponentChildren }) {
  return (
    <div class="head">
      <HeadwordReading entry={entry} />
      {showRomaji && entry.romaji && <span class="romaji">{entry.romaji}</span>}
      {entry.source === 'words' && entry.common && <span class="badge common">{t('badgeCommon')}</span>}
      {badges}
    </div>
  );
}

function Inflection({ entry }: { entry: LookupEntry }) {
  if (entry.source === 'names' || !entry.inflection?.length) return null;
  return <div class="inflection">{inflectionText(entry.inflection)}</div>;
}

function Chips({ codes, label, kind }: { codes?: string[]; label: (code: string) => string; kind: string }) {
  if (!codes?.length) return null;
  return (
    <span class={`chips ${kind}`}>
      {codes.map((code) => (
        <span class="chip" key={code} data-code={code}>
          {label(code)}
        </span>
      ))}
    </span>
  );
}

/** "+N more": opens what the compact popup leaves out. A click, or Enter on the selected entry. */
function More({ count, onMore }: { count: number; onMore?: () => void }) {
  return (
    <span
      class="more"
      role="button"
      aria-expanded="false"
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        e.stopPropagation();
        onMore?.();
      }}
    >
      {count > 0 ? t('moreSenses', String(count)) : t('moreDetails')}
    </span>
  );
}

function Senses({ senses, limit, onMore }: { senses: Sense[]; limit?: number; onMore?: () => void }) {
  const shown = limit ? senses.slice(0, limit) : senses;
  const numbered = senses.length > 1;
  return (
    <ol class="senses">
      {shown.map((sense, i) => {
        // EDICT repeats the part of speech on every sense; show it only where it changes.
        const prev = i > 0 ? shown[i - 1]!.pos.join() : null;
        return (
          <li class="sense" key={i}>
            {numbered && <span class="sense-no">{i + 1}</span>}
            {sense.pos.join() !== prev && <Chips codes={sense.pos} label={posLabel} kind="pos" />}
            <span class="glosses" lang="en">
              {sense.glosses.join('; ')}
            </span>
            <Chips codes={sense.tags} label={tagLabel} kind="tags" />
          </li>
        );
      })}
      {shown.length < senses.length && (
        <li class="sense-more">
          <More count={senses.length - shown.length} onMore={onMore} />
        </li>
      )}
    </ol>
  );
}

/** A compound the background composed from dictionary words: say so, since no dictionary vouches for it. */
function Parts({ entry }: { entry: WordLookupEntry | NameLookupEntry }) {
  if (entry.source !== 'words' || !entry.parts?.length) return null;
  return (
    <div class="parts" lang="ja">
      {t('composedOf', [entry.parts.join(' + ')])}
    </div>
  );
}

type EntryProps<E extends LookupEntry = LookupEntry> = {
  entry: E;
  shorter: boolean;
  showRomaji: boolean;
  vocab?: PopupVocab;
  /** Everything shown: all senses, other forms, the glossary's other names and related terms. */
  all: boolean;
  onMore?: () => void;
};

function WordEntry({ entry, shorter, showRomaji, vocab, all, onMore }: EntryProps<WordLookupEntry | NameLookupEntry>) {
  // The glossary's card for the same word, folded into this row: its badges and note stay with the word.
  const card = entry.source === 'words' ? entry.card : undefined;
  return (
    <article class={shorter ? 'entry shorter' : 'entry'} data-entry="" data-source={entry.source}>
      <Head entry={entry} showRomaji={showRomaji} badges={card && <CardBadges category={card.category} />} />
      <Inflection entry={entry} />
      <Parts entry={entry} />
      <Senses senses={entry.senses} limit={all ? undefined : MAX_SENSES} onMore={onMore} />
      {!!card?.en?.length && (
        <div class="english" lang="en">
          {card.en.join('; ')}
        </div>
      )}
      {card?.note && (
        <p class={all ? 'note' : 'note clamped'} lang="en">
          {card.note}
        </p>
      )}
      {all && entry.source === 'words' && !!entry.otherForms?.length && (
        <div class="other-forms" lang="ja">
          {t('otherForms', [entry.otherForms.join('、')])}
        </div>
      )}
      {all && card && <CardNames aliases={card.aliases} related={card.related} />}
      {!all && card && hasMore(card.aliases, card.related, card.note) && <More count={0} onMore={onMore} />}
      {vocab && <VocabBar entry={entry} vocab={vocab} />}
    </article>
  );
}

function CardBadges({ category }: { category: string }) {
  return (
    <>
      {category && <span class="badge category">{categoryLabel(category)}</span>}
      <span class="badge glossary">{t('badgeGlossary')}</span>
    </>
  );
}

/** Whether a card holds more than the compact popup shows: other names, related terms, a note cut short. */
function hasMore(aliases: string[] | undefined, related: string[] | undefined, note: string | undefined): boolean {
  return (aliases ?? []).some((a) => !/[(（]/.test(a)) || !!related?.length || (note?.length ?? 0) > NOTE_SHORT;
}

/** A card's other names and related terms, once opened. */
function CardNames({ aliases, related }: { aliases?: string[]; related?: string[] }) {
  // Forms that only spell the term with its abbreviation in brackets (新戦略兵器削減条約(新START)) are for matching.
  const shown = (aliases ?? []).filter((a) => !/[(（]/.test(a));
  return (
    <>
      {shown.length > 0 && (
        <div class="aliases" lang="ja">
          {t('aliases', [shown.join('、')])}
        </div>
      )}
      {!!related?.length && (
        <div class="related" lang="ja">
          {t('related', [related.join('、')])}
        </div>
      )}
    </>
  );
}

/** Curated glossary terms: English name first, then what a news reader needs to know. */
function GlossaryCard({ entry, shorter, showRomaji, vocab, all, onMore }: EntryProps<GlossaryLookupEntry>) {
  const english = entry.senses.flatMap((s) => s.glosses);
  const hidden = hasMore(entry.aliases, entry.related, entry.note);
  const badges = <CardBadges category={entry.category} />;
  return (
    <article class={shorter ? 'entry card shorter' : 'entry card'} data-entry="" data-source="glossary">
      <Head entry={entry} showRomaji={showRomaji} badges={badges} />
      <Inflection entry={entry} />
      {entry.standsFor && (
        <div class="stands-for" lang="ja">
          {t('standsFor', [entry.standsFor.term, entry.standsFor.reading])}
        </div>
      )}
      {english.length > 0 && (
        <div class="english" lang="en">
          {english[0]}
          {english.length > 1 && <span class="english-alt">{'; ' + english.slice(1).join('; ')}</span>}
        </div>
      )}
      {entry.note && (
        <p class={all ? 'note' : 'note clamped'} lang="en">
          {entry.note}
        </p>
      )}
      {all && <CardNames aliases={entry.aliases} related={entry.related} />}
      {!all && hidden && <More count={0} onMore={onMore} />}
      {vocab && <VocabBar entry={entry} vocab={vocab} />}
    </article>
  );
}

/** A glossary note longer than this is cut to two lines until opened. */
const NOTE_SHORT = 110;

/** An item of the popup the keys move through: an entry (words, glossary, names) or a kanji. */
type Item = { kind: 'entry'; entry: LookupEntry; shorter: boolean } | { kind: 'kanji'; kanji: KanjiInfo };

/** Entries in the order shown: the engine puts names first when the highlighted text is a name (岩本, not 岩). */
function items(result: LookupResult, showKanji: boolean): Item[] {
  const entries = result.entries as LookupEntry[];
  const longest = Math.max(0, ...entries.map((e) => e.matchLength));
  const main = entries.filter((e) => e.source !== 'names').slice(0, MAX_ENTRIES);
  const names = entries.filter((e) => e.source === 'names').slice(0, MAX_NAMES);
  const ordered = entries[0]?.source === 'names' ? [...names, ...main] : [...main, ...names];
  const list: Item[] = ordered.map((entry) => ({ kind: 'entry', entry, shorter: entry.matchLength < longest }));
  if (showKanji) for (const kanji of result.kanji ?? []) list.push({ kind: 'kanji', kanji });
  return list;
}

/** What the hover popup's keys ask of it (hover.ts maps the keys; the popup knows the entries). */
export type PopupCommand = 'next' | 'prev' | 'expand' | 'save' | 'known' | 'copy' | 'help' | 'escape' | 'down' | 'up';

/** Set by the popup while it is on screen, so the content script can hand it keys and be told of size changes. */
export interface PopupControl {
  command?: (cmd: PopupCommand) => boolean;
  /** The popup changed size (an entry opened): place it again. */
  relayout?: () => void;
}

const keepFocus = (e: MouseEvent) => e.preventDefault();

/** A collapsed entry: headword, reading and first gloss on one line; a click opens it. */
function EntryLine({ entry, shorter }: { entry: LookupEntry; shorter: boolean }) {
  return (
    <>
      <HeadwordReading entry={entry} />
      <span class={shorter ? 'gloss' : 'gloss gloss-main'} lang="en">
        {entry.senses[0]?.glosses.join('; ')}
      </span>
    </>
  );
}

function KanjiRow({ k, open }: { k: KanjiInfo; open: boolean }) {
  return (
    <>
      <span class="kanji-literal" lang="ja">
        {k.literal}
      </span>
      <span class="kanji-body">
        <span class="kanji-meanings">{k.meanings.slice(0, open ? 4 : 2).join('; ')}</span>
        <span class="kanji-readings" lang="ja">
          {k.on.length > 0 && <span class="kanji-on">{k.on.slice(0, open ? 3 : 2).join('、')}</span>}
          {k.kun.length > 0 && <span class="kanji-kun">{k.kun.slice(0, open ? 4 : 2).join('、')}</span>}
        </span>
        {open && (
          <span class="kanji-meta">
            {[
              tCount('kanjiStrokes', k.strokes),
              k.grade !== undefined && t(gradeKey(k.grade), String(k.grade)),
              k.freq !== undefined && t('kanjiFreq', String(k.freq)),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </span>
    </>
  );
}

function KeysHelp() {
  return (
    <dl class="keys-help" aria-label={t('keysTitle')}>
      {POPUP_KEY_HELP.map(([key, label]) => (
        <div key={key}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd>{t(label)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Copies from a key press: the copy event works on pages without the async clipboard (plain http) too. */
function copyText(doc: Document, text: string): boolean {
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
    done = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    doc.execCommand('copy');
  } catch {
    // Refused: the clipboard API below may still take it.
  }
  doc.removeEventListener('copy', onCopy, true);
  if (!done) void navigator.clipboard?.writeText(text).catch(() => undefined);
  return true;
}

/** What the popup's body is drawn from: the answer, the reader's options, the vocabulary row and the keys. */
interface BodyProps {
  result: LookupResult;
  options: PopupOptions;
  vocab?: PopupVocab;
  control?: PopupControl;
}

/**
 * The entries and kanji, compact: the first entry in full (three senses, the rest behind "+N more"), every other
 * entry and each kanji on one line that opens on a click or Enter. Arrow keys move between them.
 */
function Compact({ result, options, vocab, control }: BodyProps) {
  const list = items(result, options.showKanji);
  const [sel, setSel] = useState(0);
  const [keyed, setKeyed] = useState(false);
  const [open, setOpen] = useState<Record<number, boolean>>({});
  const [help, setHelp] = useState(false);
  const [copied, setCopied] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const toggle = (i: number) => setOpen({ ...open, [i]: !open[i] });
  const selected = list[sel];
  const entryOf = (item: Item | undefined) => (item?.kind === 'entry' ? item.entry : null);

  const run = (cmd: PopupCommand): boolean => {
    const entry = entryOf(selected) ?? entryOf(list[0]);
    switch (cmd) {
      case 'next':
      case 'prev': {
        const to = Math.max(0, Math.min(list.length - 1, sel + (cmd === 'next' ? 1 : -1)));
        setSel(to);
        setKeyed(true);
        return true;
      }
      case 'expand':
        if (!selected) return false;
        toggle(sel);
        setKeyed(true);
        return true;
      case 'help':
        setHelp(!help);
        return true;
      case 'escape':
        if (!help) return false;
        setHelp(false);
        return true;
      case 'save':
        if (!entry || !vocab) return false;
        vocab.save(entry);
        return true;
      case 'known': {
        if (!entry || !vocab) return false;
        const state = vocab.states[wordId(entry.headword, entry.reading)];
        vocab.mark(entry, state?.status === 'known' ? 'new' : 'known');
        return true;
      }
      case 'copy': {
        if (!entry || !root.current) return false;
        const reading = displayReading(entry.headword, entry.reading);
        const text = reading ? `${entry.headword}（${reading}）` : entry.headword;
        copyText(root.current.ownerDocument, text);
        setCopied(text);
        return true;
      }
      default:
        return false;
    }
  };
  if (control) control.command = run;

  useLayoutEffect(() => {
    control?.relayout?.();
    // Keep the selected item in the popup's view (the popup scrolls; the page must not).
    const box = root.current?.closest<HTMLElement>('.kiji-popup');
    const el = root.current?.querySelector<HTMLElement>('[data-sel]');
    if (!box || !el || !keyed) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop) box.scrollTop = top - 4;
    else if (top + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = top + el.offsetHeight - box.clientHeight + 4;
  }, [sel, open, help, keyed]);

  const nameStart = list.findIndex((it) => it.kind === 'entry' && it.entry.source === 'names');
  const kanjiStart = list.findIndex((it) => it.kind === 'kanji');
  const mark = (i: number) => (keyed && i === sel ? { 'data-sel': '' } : {});
  const click = (i: number) => (e: MouseEvent) => {
    e.stopPropagation();
    setSel(i);
    toggle(i);
  };

  const rows = list.map((item, i) => {
    const title =
      i === nameStart && nameStart > 0 ? (
        <h2 class="section-title" key={`n${i}`}>
          {t('sectionNames')}
        </h2>
      ) : i === kanjiStart ? (
        <h2 class="section-title kanji-title" key={`k${i}`}>
          {t('sectionKanji')}
        </h2>
      ) : null;
    if (item.kind === 'kanji') {
      return [
        title,
        <div
          class={open[i] ? 'kanji-row open' : 'kanji-row'}
          data-kanji={item.kanji.literal}
          key={`kanji${i}`}
          role="button"
          aria-expanded={open[i] ? 'true' : 'false'}
          onMouseDown={keepFocus}
          onClick={click(i)}
          {...mark(i)}
        >
          <KanjiRow k={item.kanji} open={!!open[i]} />
        </div>,
      ];
    }
    const { entry, shorter } = item;
    if (i === 0 || open[i]) {
      const props = { shorter, showRomaji: options.showRomaji, vocab, all: !!open[i], onMore: () => toggle(i) };
      const full =
        entry.source === 'glossary' ? (
          <GlossaryCard entry={entry} {...props} key={`e${i}`} />
        ) : (
          <WordEntry entry={entry} {...props} key={`e${i}`} />
        );
      return [
        title,
        <div class="item" key={`i${i}`} {...mark(i)}>
          {full}
        </div>,
      ];
    }
    return [
      title,
      <div
        class={`entry line${shorter ? ' shorter' : ''}${entry.source === 'glossary' ? ' card' : ''}`}
        data-entry=""
        data-source={entry.source}
        key={`l${i}`}
        role="button"
        aria-expanded="false"
        onMouseDown={keepFocus}
        onClick={click(i)}
        {...mark(i)}
      >
        <EntryLine entry={entry} shorter={shorter} />
      </div>,
    ];
  });

  return (
    <div class="compact" ref={root}>
      <span class="keys-hint" title={t('keysHint')} onMouseDown={keepFocus} onClick={() => setHelp(!help)}>
        ?
      </span>
      {help && <KeysHelp />}
      {rows}
      {copied && (
        <p class="vocab-notice" role="status">
          {t('copied', [copied])}
        </p>
      )}
    </div>
  );
}

/** 1–6 are the elementary-school years; 8 the rest of the jōyō kanji; 9 and 10 the jinmeiyō (names) kanji. */
function gradeKey(grade: number): string {
  return grade <= 6 ? 'kanjiGradeSchool' : grade === 8 ? 'kanjiGradeJoyo' : 'kanjiGradeJinmeiyo';
}

/** A lookup's entries, kanji and vocabulary notice: the hover popup's body, also shown by the toolbar's search. */
export function ResultBody({ result, options, vocab, control }: BodyProps) {
  return (
    <>
      <Compact result={result} options={options} vocab={vocab} control={control} />
      {vocab && <VocabNotice vocab={vocab} />}
    </>
  );
}

export type PopupView = { kind: 'result'; result: LookupResult; vocab?: PopupVocab } | { kind: 'error'; error: string };

/**
 * The dialog itself. It never takes focus: nothing in it is focusable, so keyboard users stay in the page; the
 * content script hands it the keys meant for it (see PopupControl).
 */
export function Popup({ view, options, control }: { view: PopupView; options: PopupOptions; control?: PopupControl }) {
  return (
    <div
      class="kiji-popup"
      role="dialog"
      aria-label={t('popupLabel')}
      data-kiji-popup=""
      data-theme={options.theme}
      style={{ fontSize: `${options.fontSize}px` }}
    >
      {view.kind === 'result' ? (
        <ResultBody result={view.result} options={options} vocab={view.vocab} control={control} />
      ) : (
        <p class="error">{t('lookupFailed', [view.error])}</p>
      )}
      <div class="scroll-cue" aria-hidden="true">
        {t('scrollMore')}
      </div>
    </div>
  );
}
