/** The hover popup: what a word means, how it was conjugated, and what the glossary says about it. */
import type { ComponentChildren } from 'preact';
import type { KanjiInfo } from '../../core/kanji/kanjidic';
import type {
  GlossaryLookupEntry,
  LookupEntry,
  LookupResult,
  NameLookupEntry,
  Sense,
  WordLookupEntry,
} from '../../core/types';
import { toHiragana } from '../../core/text/kana';
import type { Theme } from '../../settings';
import { t } from '../i18n';
import { categoryLabel, inflectionText, posLabel, tagLabel } from '../labels';
import { VocabBar, VocabNotice, type PopupVocab } from './VocabBar';

/** How many entries and senses fit before a popup stops being a glance. */
const MAX_ENTRIES = 6;
const MAX_NAMES = 4;
const MAX_SENSES_SHORTER = 3;

export interface PopupOptions {
  showRomaji: boolean;
  showKanji: boolean;
  theme: Theme;
  fontSize: number;
}

/** Same word in the other kana script (スタート / すたーと): then the reading tells nothing. */
function sameKana(headword: string, reading: string): boolean {
  return toHiragana(headword) === reading;
}

function Head({ entry, showRomaji, badges }: { entry: LookupEntry; showRomaji: boolean; badges?: ComponentChildren }) {
  const showReading = !!entry.reading && !sameKana(entry.headword, entry.reading);
  return (
    <div class="head">
      <span class="headword" lang="ja">
        {entry.headword}
      </span>
      {showReading && (
        <span class="reading" lang="ja">
          {entry.reading}
        </span>
      )}
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

function Senses({ senses, limit }: { senses: Sense[]; limit?: number }) {
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
      {shown.length < senses.length && <li class="more">…</li>}
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

type EntryProps<E extends LookupEntry> = { entry: E; shorter: boolean; showRomaji: boolean; vocab?: PopupVocab };

function WordEntry({ entry, shorter, showRomaji, vocab }: EntryProps<WordLookupEntry | NameLookupEntry>) {
  return (
    <article class={shorter ? 'entry shorter' : 'entry'} data-entry="" data-source={entry.source}>
      <Head entry={entry} showRomaji={showRomaji} />
      <Inflection entry={entry} />
      <Parts entry={entry} />
      <Senses senses={entry.senses} limit={shorter ? MAX_SENSES_SHORTER : undefined} />
      {entry.source === 'words' && !!entry.otherForms?.length && (
        <div class="other-forms" lang="ja">
          {t('otherForms', [entry.otherForms.join('、')])}
        </div>
      )}
      {vocab && <VocabBar entry={entry} vocab={vocab} />}
    </article>
  );
}

/** Curated glossary terms: English name first, then what a news reader needs to know. */
function GlossaryCard({ entry, shorter, showRomaji, vocab }: EntryProps<GlossaryLookupEntry>) {
  // Forms that only spell the term with its abbreviation in brackets (新戦略兵器削減条約(新START)) are for matching.
  const aliases = (entry.aliases ?? []).filter((a) => !/[(（]/.test(a));
  const english = entry.senses.flatMap((s) => s.glosses);
  const badges = (
    <>
      {entry.category && <span class="badge category">{categoryLabel(entry.category)}</span>}
      <span class="badge glossary">{t('badgeGlossary')}</span>
    </>
  );
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
        <p class="note" lang="en">
          {entry.note}
        </p>
      )}
      {aliases.length > 0 && (
        <div class="aliases" lang="ja">
          {t('aliases', [aliases.join('、')])}
        </div>
      )}
      {!!entry.related?.length && (
        <div class="related" lang="ja">
          {t('related', [entry.related.join('、')])}
        </div>
      )}
      {vocab && <VocabBar entry={entry} vocab={vocab} />}
    </article>
  );
}

function Entries({ result, showRomaji, vocab }: { result: LookupResult; showRomaji: boolean; vocab?: PopupVocab }) {
  const entries = result.entries;
  const longest = Math.max(0, ...entries.map((e) => e.matchLength));
  const main = entries.filter((e) => e.source !== 'names').slice(0, MAX_ENTRIES);
  const names = entries.filter((e) => e.source === 'names').slice(0, MAX_NAMES);
  const render = (e: LookupEntry, i: number) => {
    const props = { shorter: e.matchLength < longest, showRomaji, vocab, key: i };
    return e.source === 'glossary' ? <GlossaryCard entry={e} {...props} /> : <WordEntry entry={e} {...props} />;
  };
  const nameSection = names.length > 0 && (
    <section class="names">
      <h2 class="section-title">{t('sectionNames')}</h2>
      {names.map(render)}
    </section>
  );
  // The engine puts names first when the highlighted text is a name (岩本, not 岩 "rock").
  return entries[0]?.source === 'names' ? (
    <>
      {nameSection}
      {main.map(render)}
    </>
  ) : (
    <>
      {main.map(render)}
      {nameSection}
    </>
  );
}

/** One line per kanji of the match: meanings, on and kun readings, strokes, school grade, newspaper rank. */
function KanjiSection({ kanji }: { kanji: KanjiInfo[] }) {
  return (
    <section class="kanji">
      <h2 class="section-title">{t('sectionKanji')}</h2>
      {kanji.map((k) => (
        <div class="kanji-row" data-kanji={k.literal} key={k.literal}>
          <span class="kanji-literal" lang="ja">
            {k.literal}
          </span>
          <div class="kanji-body">
            <div class="kanji-meanings">{k.meanings.slice(0, 4).join('; ')}</div>
            <div class="kanji-readings" lang="ja">
              {k.on.length > 0 && <span class="kanji-on">{k.on.slice(0, 3).join('、')}</span>}
              {k.kun.length > 0 && <span class="kanji-kun">{k.kun.slice(0, 4).join('、')}</span>}
            </div>
            <div class="kanji-meta">
              {[
                t('kanjiStrokes', String(k.strokes)),
                k.grade !== undefined && t(gradeKey(k.grade), String(k.grade)),
                k.freq !== undefined && t('kanjiFreq', String(k.freq)),
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </div>
        </div>
      ))}
    </section>
  );
}

/** 1–6 are the elementary-school years; 8 the rest of the jōyō kanji; 9 and 10 the jinmeiyō (names) kanji. */
function gradeKey(grade: number): string {
  return grade <= 6 ? 'kanjiGradeSchool' : grade === 8 ? 'kanjiGradeJoyo' : 'kanjiGradeJinmeiyo';
}

/** A lookup's entries, kanji and vocabulary notice: the hover popup's body, also shown by the toolbar's search. */
export function ResultBody({
  result,
  options,
  vocab,
}: {
  result: LookupResult;
  options: PopupOptions;
  vocab?: PopupVocab;
}) {
  return (
    <>
      <Entries result={result} showRomaji={options.showRomaji} vocab={vocab} />
      {options.showKanji && result.kanji && result.kanji.length > 0 && <KanjiSection kanji={result.kanji} />}
      {vocab && <VocabNotice vocab={vocab} />}
    </>
  );
}

export type PopupView = { kind: 'result'; result: LookupResult; vocab?: PopupVocab } | { kind: 'error'; error: string };

/** The dialog itself. It never takes focus: nothing in it is focusable, so keyboard users stay in the page. */
export function Popup({ view, options }: { view: PopupView; options: PopupOptions }) {
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
        <ResultBody result={view.result} options={options} vocab={view.vocab} />
      ) : (
        <p class="error">{t('lookupFailed', [view.error])}</p>
      )}
    </div>
  );
}
