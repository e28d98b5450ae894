/** The lists: choose one to see its words, make a new one, rename or delete one (after a confirmation). */
import { useState } from 'preact/hooks';
import type { VocabList, VocabWord } from '../core/vocab/word';
import { DEFAULT_LIST_ID } from '../core/vocab/word';
import { t } from '../ui/i18n';
import { listLabel } from '../ui/list-label';

interface ListsPanelProps {
  lists: VocabList[];
  words: VocabWord[];
  current: string;
  choose(list: string): void;
  create(name: string): Promise<boolean>;
  rename(id: string, name: string): Promise<boolean>;
  remove(id: string): Promise<void>;
}

export function ListsPanel({ lists, words, current, choose, create, rename, remove }: ListsPanelProps) {
  const [naming, setNaming] = useState<{ id: string | null; name: string } | null>(null);
  const counts = new Map<string, number>();
  let unlisted = 0;
  for (const w of words) {
    if (w.lists.length === 0) unlisted++;
    for (const id of w.lists) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!naming || !naming.name.trim()) return;
    const ok = naming.id ? await rename(naming.id, naming.name) : await create(naming.name);
    if (ok) setNaming(null);
  };
  const item = (id: string, label: string, count: number) => (
    <li key={id}>
      <button
        type="button"
        class={current === id ? 'list-choice current' : 'list-choice'}
        aria-current={current === id ? 'true' : undefined}
        data-list={id}
        onClick={() => choose(id)}
      >
        <span class="list-name">{label}</span> <span class="count">{count}</span>
      </button>
    </li>
  );
  const currentList = lists.find((l) => l.id === current);
  return (
    <nav class="lists" aria-label={t('vocabListsTitle')}>
      <h2>{t('vocabListsTitle')}</h2>
      <ul>
        {item('all', t('vocabAllWords'), words.length)}
        {lists.map((l) => item(l.id, listLabel(l), counts.get(l.id) ?? 0))}
        {unlisted > 0 && item('none', t('vocabNoList'), unlisted)}
      </ul>
      {naming ? (
        <form class="list-form" onSubmit={(e) => void submit(e)}>
          <input
            type="text"
            required
            maxLength={200}
            aria-label={t('vocabListName')}
            placeholder={t('vocabListName')}
            value={naming.name}
            ref={(el) => el?.focus()}
            onInput={(e) => setNaming({ ...naming, name: e.currentTarget.value })}
          />
          <button type="submit">{naming.id ? t('vocabRename') : t('vocabCreate')}</button>
          <button type="button" onClick={() => setNaming(null)}>
            {t('vocabCancel')}
          </button>
        </form>
      ) : (
        <div class="list-actions">
          <button type="button" class="new-list" onClick={() => setNaming({ id: null, name: '' })}>
            {t('vocabNewList')}
          </button>
          {currentList && (
            <button
              type="button"
              class="rename-list"
              onClick={() => setNaming({ id: currentList.id, name: listLabel(currentList) })}
            >
              {t('vocabRenameList', [listLabel(currentList)])}
            </button>
          )}
          {currentList && currentList.id !== DEFAULT_LIST_ID && (
            <button type="button" class="delete-list danger" onClick={() => void remove(currentList.id)}>
              {t('vocabDeleteList', [listLabel(currentList)])}
            </button>
          )}
        </div>
      )}
    </nav>
  );
}
