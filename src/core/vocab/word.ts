/**
 * What a saved word is, and how a new save or an imported copy folds into the record already stored. Pure data and
 * pure functions: the background store, the vocabulary page and import all share them.
 */
import type { Sense, Source } from '../types';

export type WordStatus = 'new' | 'learning' | 'known';
export const WORD_STATUSES: readonly WordStatus[] = ['new', 'learning', 'known'];

/** The list every save goes to until the user makes and chooses another; it cannot be deleted. */
export const DEFAULT_LIST_ID = 'default';

/** A word keeps the most recent sentences only: a word met 500 times does not need 500 examples. */
export const MAX_SENTENCES = 50;
/** Senses kept per word: what the popup shows, not the whole dictionary entry. */
export const MAX_SENSES = 12;

/** Where the word was met: the sentence (with the word at [start, end)) and the article it came from. */
export interface VocabSentence {
  text: string;
  start: number;
  end: number;
  title: string;
  url: string;
  /** Host name without "www.", e.g. "newsweekjapan.jp". */
  site: string;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
}

export interface VocabWord {
  /** headword + TAB + reading: the same word saved twice is one record. */
  id: string;
  headword: string;
  reading: string;
  source: Source;
  senses: Sense[];
  /** Ids of the lists holding the word; empty for a word only marked known or learning. */
  lists: string[];
  status: WordStatus;
  /** The learner's own note. */
  note: string;
  /** Oldest first. */
  sentences: VocabSentence[];
  createdAt: number;
  updatedAt: number;
}

export interface VocabList {
  id: string;
  /** Empty for the default list until the user names it: the UI shows its name in the UI language. */
  name: string;
  createdAt: number;
}

/** What the content script sends when the reader saves (or marks) the word under the pointer. */
export interface SaveInput {
  entry: { source: Source; headword: string; reading: string; senses: Sense[] };
  context: { sentence: { text: string; start: number; end: number }; title: string; url: string; site: string };
  /** The list to save to; null saves no list (a known/learning mark only); absent means the last chosen list. */
  list?: string | null;
  status?: WordStatus;
}

export function wordId(headword: string, reading: string): string {
  return `${headword}\t${reading}`;
}

/** "www.asahi.com" → "asahi.com"; '' for a URL without a host (file:, about:). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function sameSentence(a: VocabSentence, b: VocabSentence): boolean {
  return a.text === b.text && a.url === b.url;
}

/** Adds sentences not already there (same text on the same page), oldest first, keeping the newest MAX_SENTENCES. */
function mergeSentences(into: VocabSentence[], add: VocabSentence[]): VocabSentence[] {
  const out = [...into];
  for (const s of add) if (!out.some((x) => sameSentence(x, s))) out.push(s);
  out.sort((a, b) => a.savedAt - b.savedAt);
  return out.length > MAX_SENTENCES ? out.slice(out.length - MAX_SENTENCES) : out;
}

function union(a: string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

/**
 * The record after one save. Saving again never makes a second record: the new sentence joins the old ones, the
 * word joins the list, and the senses become the ones just shown. The same save applied twice changes nothing more
 * than applying it once (the background may receive a message twice while Chrome restarts its worker).
 */
export function applySave(
  existing: VocabWord | undefined,
  save: SaveInput,
  listId: string | null,
  now: number,
): VocabWord {
  const { entry, context } = save;
  const sentence: VocabSentence = {
    text: context.sentence.text,
    start: context.sentence.start,
    end: context.sentence.end,
    title: context.title,
    url: context.url,
    site: context.site,
    savedAt: now,
  };
  const senses = entry.senses.slice(0, MAX_SENSES);
  if (!existing) {
    return {
      id: wordId(entry.headword, entry.reading),
      headword: entry.headword,
      reading: entry.reading,
      source: entry.source,
      senses,
      lists: listId ? [listId] : [],
      status: save.status ?? 'new',
      note: '',
      sentences: sentence.text ? [sentence] : [],
      createdAt: now,
      updatedAt: now,
    };
  }
  return {
    ...existing,
    source: entry.source,
    senses: senses.length ? senses : existing.senses,
    lists: listId ? union(existing.lists, [listId]) : existing.lists,
    status: save.status ?? existing.status,
    sentences: sentence.text ? mergeSentences(existing.sentences, [sentence]) : existing.sentences,
    updatedAt: now,
  };
}

const STATUS_RANK: Record<WordStatus, number> = { new: 0, learning: 1, known: 2 };

/**
 * One record from two copies of the same word (an import meeting what is stored). Nothing either copy holds is lost:
 * lists and sentences are joined, a note the other lacks is appended; the newer copy decides senses and status.
 * Merging a copy into a record that already absorbed it changes nothing, so importing a file twice is harmless.
 */
export function mergeWords(stored: VocabWord, incoming: VocabWord): VocabWord {
  const newer = incoming.updatedAt > stored.updatedAt ? incoming : stored;
  const status =
    incoming.updatedAt === stored.updatedAt
      ? STATUS_RANK[incoming.status] > STATUS_RANK[stored.status]
        ? incoming.status
        : stored.status
      : newer.status;
  let note = stored.note;
  if (incoming.note && !stored.note.includes(incoming.note))
    note = stored.note ? `${stored.note}\n${incoming.note}` : incoming.note;
  return {
    ...stored,
    source: newer.source,
    senses: newer.senses.length ? newer.senses : stored.senses,
    lists: union(stored.lists, incoming.lists),
    status,
    note,
    sentences: mergeSentences(stored.sentences, incoming.sentences),
    createdAt: Math.min(stored.createdAt, incoming.createdAt),
    updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
  };
}

/** Changes the vocabulary page and the popup make to saved words. */
export interface WordPatch {
  status?: WordStatus;
  note?: string;
  addLists?: string[];
  removeLists?: string[];
}

export function applyPatch(word: VocabWord, patch: WordPatch, now: number): VocabWord {
  let lists = word.lists;
  if (patch.removeLists?.length) lists = lists.filter((id) => !patch.removeLists!.includes(id));
  if (patch.addLists?.length) lists = union(lists, patch.addLists);
  return {
    ...word,
    lists,
    status: patch.status ?? word.status,
    note: patch.note ?? word.note,
    updatedAt: now,
  };
}

/** The sentence with the word cut out, for display and export: [before, word, after]. */
export function sentenceParts(s: Pick<VocabSentence, 'text' | 'start' | 'end'>): [string, string, string] {
  const start = Math.max(0, Math.min(s.start, s.text.length));
  const end = Math.max(start, Math.min(s.end, s.text.length));
  return [s.text.slice(0, start), s.text.slice(start, end), s.text.slice(end)];
}

/** The meaning in one line per sense: "1. extension; elongation 2. …" joined by `separator`. */
export function meaningText(senses: Sense[], separator = ' '): string {
  if (senses.length === 1) return senses[0]!.glosses.join('; ');
  return senses.map((s, i) => `${i + 1}. ${s.glosses.join('; ')}`).join(separator);
}
