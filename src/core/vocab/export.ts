/**
 * Files the vocabulary page writes: Anki-ready TSV/CSV (one note per word) and the JSON backup of everything.
 */
import { ankiFurigana, clozeHtml, escapeHtml, sentenceHtml, tagOf } from './anki-format';
import { formatRecord, type Separator } from './delimited';
import type { VocabList, VocabWord } from './word';
import { scriptedReading } from '../display-reading';

export const ANKI_COLUMNS = [
  'Expression',
  'Reading',
  'Furigana',
  'Meaning',
  'Sentence',
  'Cloze',
  'Source title',
  'URL',
  'Tags',
] as const;
export type AnkiColumn = (typeof ANKI_COLUMNS)[number];
type AnkiNote = Record<AnkiColumn, string>;

/** Every exported note carries this tag, so a learner can find Kiji's cards in a mixed deck. */
export const KIJI_TAG = 'kiji';

/** The fields of one word's note. The sentence is the one met most recently. `listName` resolves list ids. */
export function ankiNote(word: VocabWord, listName: (id: string) => string | undefined): AnkiNote {
  const sentence = word.sentences[word.sentences.length - 1];
  const tags = [KIJI_TAG];
  for (const id of word.lists) {
    const name = listName(id);
    const tag = name ? tagOf(name) : '';
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return {
    Expression: escapeHtml(word.headword),
    // A katakana word keeps its katakana reading (the dictionaries store kana readings in hiragana).
    Reading: escapeHtml(scriptedReading(word.headword, word.reading)),
    Furigana: escapeHtml(ankiFurigana(word.headword, word.reading)),
    Meaning:
      word.senses.length === 1
        ? escapeHtml(word.senses[0]!.glosses.join('; '))
        : word.senses.map((s, i) => `${i + 1}. ${escapeHtml(s.glosses.join('; '))}`).join('<br>'),
    Sentence: sentence ? sentenceHtml(sentence) : '',
    Cloze: sentence ? clozeHtml(sentence) : '',
    'Source title': sentence ? escapeHtml(sentence.title) : '',
    URL: sentence ? escapeHtml(sentence.url) : '',
    Tags: tags.join(' '),
  };
}

/**
 * A file Anki imports without questions: its header lines name the separator, say the fields are HTML, give the
 * columns and which one holds the tags (Anki 2.1.55 and later read them; older versions skip "#" lines).
 */
export function formatAnkiFile(
  words: VocabWord[],
  listName: (id: string) => string | undefined,
  separator: Separator,
): string {
  const lines = [
    `#separator:${separator === '\t' ? 'tab' : 'comma'}`,
    '#html:true',
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
    `#columns:${ANKI_COLUMNS.join(separator)}`,
  ];
  for (const word of words) {
    const note = ankiNote(word, listName);
    lines.push(
      formatRecord(
        ANKI_COLUMNS.map((c) => note[c]),
        separator,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

export const BACKUP_FORMAT = 'kiji-vocabulary';
/** Version of the backup file format (not of the database schema). */
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  lastListId: string;
  /** The extension's settings as stored; restoring them is the page's business. */
  settings: Record<string, unknown>;
  lists: VocabList[];
  words: VocabWord[];
}

/**
 * The backup as JSON with one list or word per line: diffable, and an error found on import points at the word.
 * Reading it back with JSON.parse gives exactly the objects written.
 */
export function formatBackup(backup: Backup): string {
  const rows = (items: unknown[]) => items.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  return [
    '{',
    `  "format": ${JSON.stringify(backup.format)},`,
    `  "version": ${JSON.stringify(backup.version)},`,
    `  "exportedAt": ${JSON.stringify(backup.exportedAt)},`,
    `  "lastListId": ${JSON.stringify(backup.lastListId)},`,
    `  "settings": ${JSON.stringify(backup.settings)},`,
    backup.lists.length ? `  "lists": [\n${rows(backup.lists)}\n  ],` : '  "lists": [],',
    backup.words.length ? `  "words": [\n${rows(backup.words)}\n  ]` : '  "words": []',
    '}',
    '',
  ].join('\n');
}
