/**
 * The words as a table: headword and reading, meaning, lists, mark, sentences, last seen. A row opens to show every
 * sentence (the word marked, a link back to the article) and the learner's note. Only the first rows are drawn and
 * more as the reader scrolls, so 10,000 words open as fast as 100.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { lastSeen } from '../core/vocab/query';
import {
  meaningText,
  sentenceParts,
  WORD_STATUSES,
  type VocabList,
  type VocabWord,
  type WordStatus,
} from '../core/vocab/word';
import { t } from '../ui/i18n';
import { formatDate } from './format';
import { listLabel } from '../ui/list-label';
import { displayReading } from '../core/display-reading';

const PAGE_ROWS = 100;

interface WordTableProps {
  words: VocabWord[];
  lists: VocabList[];
  selected: Set<string>;
  setSelected(ids: Set<string>): void;
  setStatus(word: VocabWord, status: WordStatus): void;
  setNote(word: VocabWord, note: string): Promise<void>;
  remove(ids: string[]): void;
  /** Send one word to Anki (shown when AnkiConnect is on). */
  sendToAnki?: (word: VocabWord) => void;
}

function Sentence({ s }: { s: VocabWord['sentences'][number] }) {
  const [before, word, after] = sentenceParts(s);
  return (
    <li class="sentence">
      <p lang="ja">
        {before}
        <mark>{word}</mark>
        {after}
      </p>
      <p class="source">
        {s.url ? (
          <a href={s.url} target="_blank" rel="noreferrer noopener">
            {s.title || s.url}
          </a>
        ) : (
          s.title
        )}
        {s.site && <span class="site"> · {s.site}</span>}
        <span class="date"> · {formatDate(s.savedAt)}</span>
      </p>
    </li>
  );
}

function NoteEditor({ word, setNote }: { word: VocabWord; setNote: WordTableProps['setNote'] }) {
  const [text, setText] = useState(word.note);
  const [saved, setSaved] = useState(true);
  useEffect(() => {
    setText(word.note);
    setSaved(true);
  }, [word.id, word.note]);
  const commit = async () => {
    if (text === word.note) return;
    await setNote(word, text);
    setSaved(true);
  };
  return (
    <label class="note-editor">
      <span>{t('vocabNote')}</span>
      <textarea
        rows={2}
        maxLength={20_000}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setSaved(false);
        }}
        onBlur={() => void commit()}
      />
      {!saved && <span class="hint">{t('vocabNoteUnsaved')}</span>}
    </label>
  );
}

function Row({
  word,
  lists,
  open,
  toggleOpen,
  selected,
  toggleSelected,
  props,
}: {
  word: VocabWord;
  lists: Map<string, VocabList>;
  open: boolean;
  toggleOpen(): void;
  selected: boolean;
  toggleSelected(): void;
  props: WordTableProps;
}) {
  const names = word.lists.map((id) => lists.get(id)).filter((l): l is VocabList => !!l);
  const detailId = `detail-${encodeURIComponent(word.id)}`;
  // ロシア is shown without ろしあ; a katakana word's reading, when it differs, in katakana.
  const reading = displayReading(word.headword, word.reading);
  return (
    <>
      <tr class={`word ${word.status}`} data-word={word.id}>
        <td class="select">
          <input
            type="checkbox"
            checked={selected}
            aria-label={t('vocabSelectWord', [word.headword])}
            onChange={toggleSelected}
          />
        </td>
        <td class="head">
          <button
            type="button"
            class="expand"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls={detailId}
            title={t('vocabShowSentences')}
            onClick={toggleOpen}
          >
            <span class="headword" lang="ja">
              {word.headword}
            </span>
            {reading && reading !== word.headword && (
              <span class="reading" lang="ja">
                {reading}
              </span>
            )}
          </button>
        </td>
        <td class="meaning" lang="en">
          {meaningText(word.senses.slice(0, 3))}
          {word.senses.length > 3 && ' …'}
        </td>
        <td class="in-lists">{names.map(listLabel).join('、')}</td>
        <td class="status">
          <select
            value={word.status}
            aria-label={t('vocabStatusOf', [word.headword])}
            onChange={(e) => props.setStatus(word, e.currentTarget.value as WordStatus)}
          >
            {WORD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`vocabStatus_${s}`)}
              </option>
            ))}
          </select>
        </td>
        <td class="sentences-count">{word.sentences.length}</td>
        <td class="seen">{formatDate(lastSeen(word))}</td>
        <td class="row-actions">
          {props.sendToAnki && (
            <button type="button" class="to-anki" onClick={() => props.sendToAnki!(word)}>
              {t('vocabSendToAnki')}
            </button>
          )}
          <button
            type="button"
            class="delete danger"
            aria-label={t('vocabDeleteWord', [word.headword])}
            title={t('vocabDeleteWord', [word.headword])}
            onClick={() => props.remove([word.id])}
          >
            ✕
          </button>
        </td>
      </tr>
      {open && (
        <tr class="detail" id={detailId}>
          <td />
          <td colSpan={7}>
            <ol class="all-senses" lang="en">
              {word.senses.map((s, i) => (
                <li key={i}>{s.glosses.join('; ')}</li>
              ))}
            </ol>
            <ul class="sentences">
              {[...word.sentences].reverse().map((s, i) => (
                <Sentence key={i} s={s} />
              ))}
            </ul>
            <NoteEditor word={word} setNote={props.setNote} />
          </td>
        </tr>
      )}
    </>
  );
}

export function WordTable(props: WordTableProps) {
  const { words, selected, setSelected } = props;
  const [shown, setShown] = useState(PAGE_ROWS);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const more = useRef<HTMLDivElement>(null);
  const lists = new Map(props.lists.map((l) => [l.id, l]));

  // A new search or filter starts from the top again.
  useEffect(() => setShown(PAGE_ROWS), [words]);
  useEffect(() => {
    const el = more.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE_ROWS);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [shown < words.length]);

  const visible = words.slice(0, shown);
  const allShownSelected = visible.length > 0 && visible.every((w) => selected.has(w.id));
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  if (words.length === 0) return <p class="empty">{t('vocabNoWords')}</p>;
  return (
    <>
      <table class="words">
        <thead>
          <tr>
            <th class="select">
              <input
                type="checkbox"
                checked={allShownSelected}
                aria-label={t('vocabSelectAll')}
                onChange={() => setSelected(allShownSelected ? new Set() : new Set(words.map((w) => w.id)))}
              />
            </th>
            <th>{t('vocabColWord')}</th>
            <th>{t('vocabColMeaning')}</th>
            <th>{t('vocabColLists')}</th>
            <th>{t('vocabColStatus')}</th>
            <th>{t('vocabColSentences')}</th>
            <th>{t('vocabColSeen')}</th>
            <th>
              <span class="visually-hidden">{t('vocabColActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.map((w) => (
            <Row
              key={w.id}
              word={w}
              lists={lists}
              open={open.has(w.id)}
              toggleOpen={() => setOpen(toggle(open, w.id))}
              selected={selected.has(w.id)}
              toggleSelected={() => setSelected(toggle(selected, w.id))}
              props={props}
            />
          ))}
        </tbody>
      </table>
      {shown < words.length && (
        <div class="more" ref={more}>
          <button type="button" onClick={() => setShown(shown + PAGE_ROWS)}>
            {t('vocabShowMore', [String(Math.min(PAGE_ROWS, words.length - shown)), String(words.length - shown)])}
          </button>
        </div>
      )}
    </>
  );
}
