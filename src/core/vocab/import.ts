/**
 * Reading a file the user chose: Kiji's JSON backup, or a CSV/TSV table (Kiji's own Anki export, or any sheet with
 * an Expression column). Everything is checked before anything is returned: a file with one bad line gives errors
 * with line numbers and no words, so the store never imports half a file. Duplicates inside the file are merged.
 */
import * as v from 'valibot';
import { toHiragana } from '../text/kana';
import { isKatakanaWord } from '../display-reading';
import { headwordFromFurigana, htmlToText, parseMarkedSentence, readingFromFurigana, tagOf } from './anki-format';
import { parseDelimited } from './delimited';
import { ANKI_COLUMNS, BACKUP_FORMAT, BACKUP_VERSION, KIJI_TAG, type AnkiColumn } from './export';
import { parseJsonWithLines } from './json-lines';
import { listSchema, MAX_WORDS, wordSchema } from './schema';
import { DEFAULT_LIST_ID, mergeWords, siteOf, wordId, type VocabList, type VocabWord } from './word';
import type { Sense } from '../types';

export const IMPORT_ERROR_CODES = [
  'empty',
  'tooMany',
  'jsonSyntax',
  'notBackup',
  'newerVersion',
  'badList',
  'badWord',
  'unknownList',
  'unterminatedQuote',
  'textAfterQuote',
  'noExpressionColumn',
  'emptyExpression',
  'tooManyFields',
] as const;
type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** `detail` is data (a field name, a character, a list id), never prose: the UI words the message. */
export interface ImportError {
  line: number;
  code: ImportErrorCode;
  detail?: string;
}

interface ImportedData {
  kind: 'backup' | 'table';
  lists: VocabList[];
  words: VocabWord[];
  /** Backup only. */
  settings?: Record<string, unknown>;
  lastListId?: string;
  /** Rows or words read from the file, before duplicates were merged. */
  read: number;
}

export type ImportParse = { ok: true; data: ImportedData } | { ok: false; errors: ImportError[] };

export interface ImportOptions {
  now: number;
  /** Where table rows go. */
  targetList: string;
  /** Lists that exist now: a table row's tag naming one of them puts the word in it too. */
  lists: VocabList[];
  /** The name shown for a list (the default list's name is the UI's). */
  listName: (list: VocabList) => string;
}

/** Enough errors to fix a file in one go; past this the file is probably not what the user meant to choose. */
const MAX_ERRORS = 30;

export function parseImport(text: string, options: ImportOptions): ImportParse {
  if (!text.trim()) return { ok: false, errors: [{ line: 1, code: 'empty' }] };
  return /^\uFEFF?\s*\{/.test(text) ? parseBackup(text) : parseTable(text, options);
}

/** Merges words sharing an id, keeping the order in which each first appeared. */
function mergeDuplicates(words: VocabWord[]): VocabWord[] {
  const byId = new Map<string, VocabWord>();
  for (const w of words) {
    const seen = byId.get(w.id);
    byId.set(w.id, seen ? mergeWords(seen, w) : w);
  }
  return [...byId.values()];
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

function parseBackup(text: string): ImportParse {
  const parsed = parseJsonWithLines(text);
  if (!parsed.ok) {
    const { line, found } = parsed.error;
    return { ok: false, errors: [{ line, code: 'jsonSyntax', detail: found }] };
  }
  const root = parsed.value as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || Array.isArray(root) || root.format !== BACKUP_FORMAT) {
    return { ok: false, errors: [{ line: 1, code: 'notBackup' }] };
  }
  if (typeof root.version !== 'number' || root.version > BACKUP_VERSION) {
    return { ok: false, errors: [{ line: 1, code: 'newerVersion', detail: String(root.version) }] };
  }
  const errors: ImportError[] = [];
  const lineOf = (node: unknown, fallback: number) =>
    (node && typeof node === 'object' ? parsed.lineOf(node) : undefined) ?? fallback;
  const rootLine = 1;
  const rawLists = Array.isArray(root.lists) ? root.lists : null;
  const rawWords = Array.isArray(root.words) ? root.words : null;
  if (!rawLists) errors.push({ line: rootLine, code: 'notBackup', detail: 'lists' });
  if (!rawWords) errors.push({ line: rootLine, code: 'notBackup', detail: 'words' });
  if (!rawLists || !rawWords) return { ok: false, errors };
  if (rawWords.length > MAX_WORDS) return { ok: false, errors: [{ line: lineOf(rawWords, 1), code: 'tooMany' }] };

  const lists: VocabList[] = [];
  for (const raw of rawLists) {
    const r = v.safeParse(listSchema, raw);
    if (r.success) lists.push(r.output);
    else if (errors.length < MAX_ERRORS)
      errors.push({ line: lineOf(raw, rootLine), code: 'badList', detail: issuePath(r.issues[0]) });
  }
  const listIds = new Set(lists.map((l) => l.id));
  const words: VocabWord[] = [];
  for (const raw of rawWords) {
    if (errors.length >= MAX_ERRORS) break;
    const line = lineOf(raw, rootLine);
    const r = v.safeParse(wordSchema, raw);
    if (!r.success) {
      errors.push({ line, code: 'badWord', detail: issuePath(r.issues[0]) || 'word' });
      continue;
    }
    const w = r.output;
    if (w.id !== wordId(w.headword, w.reading)) {
      errors.push({ line, code: 'badWord', detail: 'id' });
      continue;
    }
    const badSentence = w.sentences.findIndex((s) => s.start > s.end || s.end > s.text.length);
    if (badSentence >= 0) {
      errors.push({ line, code: 'badWord', detail: `sentences.${badSentence}` });
      continue;
    }
    const unknown = w.lists.find((id) => !listIds.has(id));
    if (unknown) {
      errors.push({ line, code: 'unknownList', detail: unknown });
      continue;
    }
    words.push(w);
  }
  if (errors.length) return { ok: false, errors };
  const settings =
    root.settings && typeof root.settings === 'object' && !Array.isArray(root.settings)
      ? (root.settings as Record<string, unknown>)
      : undefined;
  const lastListId = typeof root.lastListId === 'string' && listIds.has(root.lastListId) ? root.lastListId : undefined;
  return {
    ok: true,
    data: { kind: 'backup', lists, words: mergeDuplicates(words), settings, lastListId, read: rawWords.length },
  };
}

const COLUMN_NAMES = new Map<string, AnkiColumn>(ANKI_COLUMNS.map((c) => [c.toLowerCase(), c]));
// Names other tools and hand-made sheets use for the same columns.
for (const [alias, column] of [
  ['word', 'Expression'],
  ['kanji', 'Expression'],
  ['term', 'Expression'],
  ['front', 'Expression'],
  ['kana', 'Reading'],
  ['meaning', 'Meaning'],
  ['english', 'Meaning'],
  ['back', 'Meaning'],
  ['glossary', 'Meaning'],
  ['sentence', 'Sentence'],
  ['example', 'Sentence'],
  ['title', 'Source title'],
  ['source', 'Source title'],
  ['url', 'URL'],
  ['link', 'URL'],
  ['tags', 'Tags'],
] as const) {
  COLUMN_NAMES.set(alias, column);
}

function columnOf(name: string): AnkiColumn | undefined {
  return COLUMN_NAMES.get(name.trim().toLowerCase());
}

/** "1. rise; increase<br>2. ascent" (Kiji's Meaning column) or plain "rise; increase" → senses. */
function sensesOf(meaning: string): Sense[] {
  const text = htmlToText(meaning).trim();
  if (!text) return [];
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*\d+\.\s*/, '').trim())
    .filter(Boolean)
    .map((line) => ({ pos: [], glosses: splitGlosses(line) }));
}

/** "a; b (c; d)" → ["a", "b (c; d)"]: EDICT glosses hold semicolons inside their parentheses. */
function splitGlosses(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push(line.slice(from, i));
      from = i + 1;
    }
  }
  out.push(line.slice(from));
  return out.map((g) => g.trim()).filter(Boolean);
}

function parseTable(text: string, options: ImportOptions): ImportParse {
  const parsed = parseDelimited(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.slice(0, MAX_ERRORS) };
  const { headers, separator, records } = parsed.file;
  let columns: (AnkiColumn | undefined)[];
  let body = records;
  if (headers.columns !== undefined) {
    columns = headers.columns.split(separator).map(columnOf);
  } else if (records.length && records[0]!.fields.some((f) => columnOf(f) === 'Expression')) {
    columns = records[0]!.fields.map(columnOf);
    body = records.slice(1);
  } else {
    columns = [...ANKI_COLUMNS];
  }
  // Anki's "#tags column:N" wins over whatever the header row calls that column.
  const tagsColumn = Number(headers['tags column']);
  if (Number.isInteger(tagsColumn) && tagsColumn >= 1) columns[tagsColumn - 1] = 'Tags';
  if (!columns.includes('Expression')) return { ok: false, errors: [{ line: 1, code: 'noExpressionColumn' }] };
  if (body.length === 0) return { ok: false, errors: [{ line: 1, code: 'empty' }] };
  if (body.length > MAX_WORDS) return { ok: false, errors: [{ line: body[0]!.line, code: 'tooMany' }] };

  const byTag = new Map(options.lists.map((l) => [tagOf(options.listName(l)), l.id]));
  const errors: ImportError[] = [];
  const words: VocabWord[] = [];
  for (const record of body) {
    if (errors.length >= MAX_ERRORS) break;
    if (record.fields.length > columns.length && record.fields.slice(columns.length).some((f) => f.trim())) {
      errors.push({ line: record.line, code: 'tooManyFields', detail: String(record.fields.length) });
      continue;
    }
    const cell = (c: AnkiColumn) => {
      const i = columns.indexOf(c);
      return i >= 0 ? (record.fields[i] ?? '') : '';
    };
    const furigana = htmlToText(cell('Furigana')).trim();
    let headword = htmlToText(cell('Expression')).trim();
    if (!headword && furigana) headword = headwordFromFurigana(furigana);
    if (!headword) {
      errors.push({ line: record.line, code: 'emptyExpression' });
      continue;
    }
    let reading = htmlToText(cell('Reading')).trim();
    if (!reading && furigana.includes('[')) reading = readingFromFurigana(furigana);
    // Kiji exports a katakana word's reading in katakana; it stores it as the dictionaries do, in hiragana.
    if (isKatakanaWord(headword)) reading = toHiragana(reading);
    const sentenceField = cell('Sentence') || cell('Cloze');
    const sentence = sentenceField ? parseMarkedSentence(sentenceField, headword) : null;
    const url = htmlToText(cell('URL')).trim();
    const lists = [options.targetList];
    for (const tag of cell('Tags').split(/\s+/)) {
      const id = tag && tag !== KIJI_TAG ? byTag.get(tag) : undefined;
      if (id && !lists.includes(id)) lists.push(id);
    }
    const word: VocabWord = {
      id: wordId(headword, reading),
      headword,
      reading,
      source: 'words',
      senses: sensesOf(cell('Meaning')),
      lists,
      status: 'new',
      note: '',
      sentences:
        sentence && sentence.text
          ? [
              {
                ...sentence,
                title: htmlToText(cell('Source title')).trim(),
                url,
                site: siteOf(url),
                savedAt: options.now,
              },
            ]
          : [],
      createdAt: options.now,
      updatedAt: options.now,
    };
    // The same bounds as a backup: an over-long cell is an error on its line, not a truncated word.
    const checked = v.safeParse(wordSchema, word);
    if (!checked.success) {
      errors.push({ line: record.line, code: 'badWord', detail: issuePath(checked.issues[0]) });
      continue;
    }
    words.push(word);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, data: { kind: 'table', lists: [], words: mergeDuplicates(words), read: body.length } };
}

/** The default list, made when a store or a backup lacks it. */
export function defaultList(now: number): VocabList {
  return { id: DEFAULT_LIST_ID, name: '', createdAt: now };
}
