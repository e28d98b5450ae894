/** What the vocabulary store answers: plain data that crosses message boundaries (popup, page, content script). */
import type { VocabList, VocabWord, WordStatus } from './word';

/** What the popup shows about a word: its lists (names as stored; '' is the default list) and its mark. */
export interface WordState {
  status: WordStatus;
  lists: { id: string; name: string }[];
}

export interface SaveOutcome {
  word: VocabWord;
  state: WordState;
  /** The store is more than 90 % of the browser's quota: tell the user before saves start failing. */
  nearQuota: boolean;
}

export interface VocabSummary {
  total: number;
  known: number;
  learning: number;
  lists: { id: string; name: string; count: number }[];
  lastListId: string;
  recent: VocabWord[];
}

export interface VocabDump {
  lists: VocabList[];
  words: VocabWord[];
  lastListId: string;
}

export type ListEdit =
  | { op: 'create'; id: string; name: string }
  | { op: 'rename'; id: string; name: string }
  | { op: 'delete'; id: string }
  | { op: 'choose'; id: string };

export interface ImportOutcome {
  added: number;
  merged: number;
  listsAdded: number;
}

/**
 * Errors the UI explains in words; anything else is 'storage' with the browser's message. Over the wire a failed
 * request's error is "code" or "code: detail".
 */
export type VocabErrorCode = 'quota' | 'unknownList' | 'listExists' | 'defaultList' | 'storage';

export function vocabErrorCode(error: string): VocabErrorCode | null {
  const code = error.split(':')[0];
  return code === 'quota' ||
    code === 'unknownList' ||
    code === 'listExists' ||
    code === 'defaultList' ||
    code === 'storage'
    ? code
    : null;
}

export interface VocabListsReply {
  lists: VocabList[];
  lastListId: string;
}
