import type { VocabList } from '../core/vocab/word';
import { t } from './i18n';

/** A list's name as the reader sees it: the default list is stored nameless so that it reads in the UI's language. */
export function listLabel(list: Pick<VocabList, 'name'>): string {
  return list.name || t('vocabDefaultList');
}
