/**
 * AnkiConnect (the Anki add-on that listens on 127.0.0.1:8765): its JSON protocol, version 6, and sending saved
 * words as notes with a user-chosen field mapping. The fetch is injected, so tests run it against a local server.
 */
import { ankiNote, ANKI_COLUMNS, type AnkiColumn } from './export';
import type { VocabWord } from './word';

const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';
/** The only host permission Kiji asks for, and only when the user turns AnkiConnect on. */
export const ANKI_CONNECT_ORIGIN = 'http://127.0.0.1:8765/*';
const ANKI_CONNECT_VERSION = 6;

/** notRunning: nothing listens (Anki closed, add-on missing); forbidden: AnkiConnect refused this origin. */
type AnkiErrorCode = 'notRunning' | 'forbidden' | 'ankiError' | 'badReply';

export class AnkiConnectError extends Error {
  constructor(
    readonly code: AnkiErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

type FetchLike = (
  url: string,
  init: { method: string; body: string; headers: Record<string, string> },
) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

interface AnkiNoteParams {
  deckName: string;
  modelName: string;
  fields: Record<string, string>;
  tags: string[];
  options: { allowDuplicate: boolean; duplicateScope: 'deck' };
}

export class AnkiConnect {
  constructor(
    private readonly fetchFn: FetchLike,
    private readonly url = ANKI_CONNECT_URL,
  ) {}

  async invoke<T>(action: string, params?: Record<string, unknown>): Promise<T> {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await this.fetchFn(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(
          params ? { action, version: ANKI_CONNECT_VERSION, params } : { action, version: ANKI_CONNECT_VERSION },
        ),
      });
    } catch (err) {
      throw new AnkiConnectError('notRunning', err instanceof Error ? err.message : String(err));
    }
    if (res.status === 403) throw new AnkiConnectError('forbidden');
    if (!res.ok) throw new AnkiConnectError('badReply', `HTTP ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(await res.text());
    } catch {
      throw new AnkiConnectError('badReply', 'not JSON');
    }
    if (!body || typeof body !== 'object' || !('result' in body) || !('error' in body)) {
      throw new AnkiConnectError('badReply', 'no result or error field');
    }
    const { result, error } = body as { result: T; error: unknown };
    if (error !== null && error !== undefined) throw new AnkiConnectError('ankiError', String(error));
    return result;
  }

  version(): Promise<number> {
    return this.invoke<number>('version');
  }

  deckNames(): Promise<string[]> {
    return this.invoke<string[]>('deckNames');
  }

  modelNames(): Promise<string[]> {
    return this.invoke<string[]>('modelNames');
  }

  modelFieldNames(modelName: string): Promise<string[]> {
    return this.invoke<string[]>('modelFieldNames', { modelName });
  }

  canAddNotes(notes: AnkiNoteParams[]): Promise<boolean[]> {
    return this.invoke<boolean[]>('canAddNotes', { notes });
  }

  addNote(note: AnkiNoteParams): Promise<number> {
    return this.invoke<number>('addNote', { note });
  }
}

/** Which of Kiji's columns fills each field of the note type ('' leaves the field empty). */
export interface AnkiMapping {
  deck: string;
  model: string;
  fields: Record<string, AnkiColumn | ''>;
}

const GUESSES: [RegExp, AnkiColumn][] = [
  [/^(expression|word|front|kanji|vocab(ulary)?|term|単語|表記)$/i, 'Expression'],
  [/^(reading|kana|読み)$/i, 'Reading'],
  [/furigana|ふりがな/i, 'Furigana'],
  [/^(meaning|back|definition|english|gloss|glossary|意味)$/i, 'Meaning'],
  [/cloze|^text$/i, 'Cloze'],
  [/sentence|example|例文/i, 'Sentence'],
  [/title|source|出典/i, 'Source title'],
  [/url|link/i, 'URL'],
];

/** A first mapping for a note type, from its field names (Basic: Front ← Expression, Back ← Meaning). */
export function guessMapping(fieldNames: string[]): Record<string, AnkiColumn | ''> {
  const out: Record<string, AnkiColumn | ''> = {};
  const used = new Set<AnkiColumn>();
  for (const name of fieldNames) {
    const guess = GUESSES.find(([re, col]) => re.test(name.trim()) && !used.has(col))?.[1] ?? '';
    out[name] = guess;
    if (guess) used.add(guess);
  }
  // Anki refuses a note whose first field is empty: make sure the word goes somewhere.
  if (fieldNames.length && !used.has('Expression') && !out[fieldNames[0]!]) out[fieldNames[0]!] = 'Expression';
  return out;
}

export function isAnkiColumn(x: unknown): x is AnkiColumn {
  return typeof x === 'string' && (ANKI_COLUMNS as readonly string[]).includes(x);
}

export function noteFor(
  word: VocabWord,
  mapping: AnkiMapping,
  listName: (id: string) => string | undefined,
): AnkiNoteParams {
  const note = ankiNote(word, listName);
  const fields: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping.fields)) fields[field] = column ? note[column] : '';
  return {
    deckName: mapping.deck,
    modelName: mapping.model,
    fields,
    tags: note.Tags.split(' ').filter(Boolean),
    options: { allowDuplicate: false, duplicateScope: 'deck' },
  };
}

interface SendOutcome {
  added: number;
  /** Already in the deck (or their first field would be empty): not added again. */
  skipped: string[];
  failed: { headword: string; error: string }[];
}

/** Sends words as notes: asks which can be added (duplicates cannot), then adds those one by one. */
export async function sendWords(
  client: AnkiConnect,
  words: VocabWord[],
  mapping: AnkiMapping,
  listName: (id: string) => string | undefined,
): Promise<SendOutcome> {
  const notes = words.map((w) => noteFor(w, mapping, listName));
  const addable = await client.canAddNotes(notes);
  const out: SendOutcome = { added: 0, skipped: [], failed: [] };
  for (let i = 0; i < words.length; i++) {
    if (!addable[i]) {
      out.skipped.push(words[i]!.headword);
      continue;
    }
    try {
      await client.addNote(notes[i]!);
      out.added++;
    } catch (err) {
      // Anki not running is everyone's problem, not this word's: stop and say so.
      if (err instanceof AnkiConnectError && err.code === 'notRunning') throw err;
      // canAddNotes checks against the deck, not within the batch: two words sharing a first field meet here.
      if (err instanceof AnkiConnectError && /duplicate/i.test(err.detail)) {
        out.skipped.push(words[i]!.headword);
        continue;
      }
      out.failed.push({ headword: words[i]!.headword, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}
