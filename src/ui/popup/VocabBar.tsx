/**
 * The vocabulary row under each popup entry: save (to the last chosen list, or another), whether and where the word
 * is saved, and the known / learning marks. Like the rest of the popup it holds nothing focusable: the controls
 * are clicked with the mouse (mousedown is cancelled so the page keeps its focus) and `s` saves from the keyboard.
 */
import { useState } from 'preact/hooks';
import type { LookupEntry } from '../../core/types';
import type { WordState } from '../../core/vocab/store-types';
import { wordId, type WordStatus } from '../../core/vocab/word';
import { t } from '../i18n';
import { listLabel } from '../list-label';

export interface PopupListChoice {
  id: string;
  /** As stored: '' for the default list. */
  name: string;
}

export interface PopupVocab {
  /** Saved state by word id; null when not saved; a missing id is still being asked for. */
  states: Record<string, WordState | null>;
  /** Ids with a save or mark on its way. */
  busy: string[];
  lists: PopupListChoice[];
  lastListId: string;
  /** One line under the entries: what just happened, or why it failed. */
  notice: { kind: 'info' | 'warning' | 'error'; text: string } | null;
  /** The entry `s` saves. */
  firstId: string | null;
  save(entry: LookupEntry, listId?: string): void;
  mark(entry: LookupEntry, status: WordStatus): void;
}

const keepFocus = (e: MouseEvent) => e.preventDefault();

function Control({
  pressed,
  title,
  onPress,
  children,
  class: className,
  shortcut,
}: {
  pressed?: boolean;
  title: string;
  onPress: () => void;
  children: preact.ComponentChildren;
  class: string;
  shortcut?: string;
}) {
  return (
    <span
      class={`vocab-control ${className}`}
      role="button"
      aria-pressed={pressed === undefined ? undefined : pressed ? 'true' : 'false'}
      aria-keyshortcuts={shortcut}
      title={title}
      onMouseDown={keepFocus}
      onClick={(e) => {
        e.stopPropagation();
        onPress();
      }}
    >
      {children}
    </span>
  );
}

export function VocabBar({ entry, vocab }: { entry: LookupEntry; vocab: PopupVocab }) {
  const [choosing, setChoosing] = useState(false);
  const id = wordId(entry.headword, entry.reading);
  const state = vocab.states[id];
  const busy = vocab.busy.includes(id);
  const lastList = vocab.lists.find((l) => l.id === vocab.lastListId) ?? vocab.lists[0];
  const savedIn = state?.lists ?? [];
  const first = vocab.firstId === id;
  const toggle = (status: WordStatus) => vocab.mark(entry, state?.status === status ? 'new' : status);

  return (
    <div class="vocab" data-vocab={state === undefined ? 'loading' : state ? state.status : 'unsaved'} aria-busy={busy}>
      {savedIn.length > 0 ? (
        <span class="vocab-saved" data-saved-in={savedIn.map((l) => l.id).join(' ')}>
          {'★ ' + t('vocabSavedIn', [savedIn.map(listLabel).join('、')])}
        </span>
      ) : (
        <Control
          class="vocab-save"
          title={lastList ? t('vocabSaveTo', [listLabel(lastList)]) : t('vocabSave')}
          shortcut={first ? 's' : undefined}
          onPress={() => vocab.save(entry)}
        >
          {'☆ ' + t('vocabSave')}
          {first && <kbd class="vocab-key">S</kbd>}
        </Control>
      )}
      {vocab.lists.length > 0 && (
        <Control
          class="vocab-choose"
          pressed={choosing}
          title={t('vocabChooseList')}
          onPress={() => setChoosing(!choosing)}
        >
          {(lastList ? listLabel(lastList) : '') + ' ▾'}
        </Control>
      )}
      <Control
        class="vocab-known"
        pressed={state?.status === 'known'}
        title={t('vocabKnownHint')}
        onPress={() => toggle('known')}
      >
        {t('vocabKnown')}
      </Control>
      <Control
        class="vocab-learning"
        pressed={state?.status === 'learning'}
        title={t('vocabLearningHint')}
        onPress={() => toggle('learning')}
      >
        {t('vocabLearning')}
      </Control>
      {choosing && (
        <div class="vocab-lists">
          {vocab.lists.map((list) => (
            <Control
              key={list.id}
              class="vocab-list"
              pressed={savedIn.some((l) => l.id === list.id)}
              title={t('vocabSaveTo', [listLabel(list)])}
              onPress={() => {
                setChoosing(false);
                vocab.save(entry, list.id);
              }}
            >
              {listLabel(list)}
            </Control>
          ))}
        </div>
      )}
    </div>
  );
}

export function VocabNotice({ vocab }: { vocab: PopupVocab }) {
  if (!vocab.notice) return null;
  return (
    <p class={`vocab-notice ${vocab.notice.kind}`} role={vocab.notice.kind === 'error' ? 'alert' : 'status'}>
      {vocab.notice.text}
    </p>
  );
}
