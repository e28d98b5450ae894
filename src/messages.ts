/**
 * The one protocol between Kiji's contexts. Every request has a name, a run-time schema for its payload and a
 * response type; the background router rejects anything that does not match, and only accepts messages from the
 * extension itself (never from page scripts).
 */
import * as v from 'valibot';
import type { LookupResult, Token } from './core/types';
import type { EngineStatus } from './core/engine';

export type { EngineStatus };
import * as vocabSchema from './core/vocab/schema';
import type {
  ImportOutcome,
  SaveOutcome,
  VocabDump,
  VocabSummary,
  WordState,
  VocabListsReply,
} from './core/vocab/store-types';
import type { VocabWord } from './core/vocab/word';
import { FURIGANA_LEVELS, type Annotation, type ArticleInfo, type ReadingState } from './core/reading-types';

const text = v.pipe(v.string(), v.maxLength(4000));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4000));
/** Places per lookupMany: a batch the engine answers in a few milliseconds, so a hover behind it hardly waits. */
export const MAX_LOOKUP_MANY = 16;
const vocabRid = v.pipe(v.string(), v.minLength(8), v.maxLength(64));
const vocabWordId = v.pipe(v.string(), v.minLength(1), v.maxLength(400));
const vocabWordIds = v.pipe(v.array(vocabWordId), v.maxLength(vocabSchema.MAX_WORDS));
const vocabListName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));

export const requestSchemas = {
  /** Longest word at `at` in `text` (the sentence around the pointer). */
  lookup: v.object({ text, at: offset }),
  /** The same for several places in one sentence: what the hover will want next, fetched ahead of the pointer. */
  lookupMany: v.object({ text, ats: v.pipe(v.array(offset), v.minLength(1), v.maxLength(MAX_LOOKUP_MANY)) }),
  /** kuromoji segmentation of a short text. */
  tokens: v.object({ text }),
  /** Is the engine loaded? Answered without waiting for it. */
  status: v.object({}),
  /** Reading mode: furigana, glossary terms and uncommon words of an article's paragraphs (engine). */
  annotate: v.object({ texts: v.pipe(v.array(text), v.minLength(1), v.maxLength(64)) }),
  // Answered by the content script of a tab (toolbar popup or background → tabs.sendMessage).
  /** Title, counts, glossary terms and uncommon words of the article on the page, and its reading mode. */
  articleInfo: v.object({}),
  /** Scroll to the first occurrence of a term or word of the article and flash it. */
  articleFlash: v.object({ kind: v.picklist(['term', 'word']), text: v.pipe(v.string(), v.maxLength(200)) }),
  /** Set reading mode on this page; remembered for its site. */
  readingMode: v.object({ on: v.boolean(), furigana: v.picklist(FURIGANA_LEVELS) }),
  /** The keyboard shortcut: reading mode on ↔ off on this page. */
  readingToggle: v.object({}),
  // Vocabulary (answered where the engine runs, which owns the store). Writes carry `rid`, a random request id:
  // Chrome may deliver one message twice while its worker restarts, and the store must apply it once.
  /** Save (or mark known/learning) the word under the pointer, with its sentence and article. */
  vocabSave: v.object({ rid: vocabRid, save: vocabSchema.saveSchema }),
  /** Saved state of up to 50 words (ids: headword TAB reading); unsaved ones are left out. */
  vocabStatus: v.object({ ids: v.pipe(v.array(vocabWordId), v.maxLength(50)) }),
  /** Every list and word, and the last chosen list (the vocabulary page, export). */
  vocabList: v.object({}),
  /** Counts and the most recent saves (toolbar popup). */
  vocabSummary: v.object({ limit: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)) }),
  vocabUpdate: v.object({ rid: vocabRid, ids: vocabWordIds, patch: vocabSchema.patchSchema }),
  /** Deletes words; answers them as they were, for undo. */
  vocabDelete: v.object({ rid: vocabRid, ids: vocabWordIds }),
  /** Undo of a delete. */
  vocabRestore: v.object({
    rid: vocabRid,
    words: v.pipe(v.array(vocabSchema.wordSchema), v.maxLength(vocabSchema.MAX_WORDS)),
  }),
  vocabLists: v.object({
    rid: vocabRid,
    edit: v.variant('op', [
      v.object({ op: v.literal('create'), id: vocabSchema.listIdSchema, name: vocabListName }),
      v.object({ op: v.literal('rename'), id: vocabSchema.listIdSchema, name: vocabListName }),
      v.object({ op: v.literal('delete'), id: vocabSchema.listIdSchema }),
      v.object({ op: v.literal('choose'), id: vocabSchema.listIdSchema }),
    ]),
  }),
  /** Checked data from a file (the page parses and reports errors): all of it is imported, or nothing. */
  vocabImport: v.object({
    rid: vocabRid,
    data: vocabSchema.importDataSchema,
    mode: v.picklist(['merge', 'replace']),
  }),
  /** Headwords marked known (reading mode leaves them bare). */
  knownWords: v.object({}),
} as const;

export interface Responses {
  lookup: LookupResult | null;
  lookupMany: (LookupResult | null)[];
  tokens: Token[];
  status: EngineStatus;
  annotate: Annotation[];
  articleInfo: ArticleInfo;
  articleFlash: boolean;
  readingMode: ReadingState;
  readingToggle: ReadingState;
  vocabSave: SaveOutcome;
  vocabStatus: Record<string, WordState>;
  vocabList: VocabDump;
  vocabSummary: VocabSummary;
  vocabUpdate: VocabWord[];
  vocabDelete: VocabWord[];
  vocabRestore: number;
  vocabLists: VocabListsReply;
  vocabImport: ImportOutcome;
  knownWords: string[];
}

export type RequestName = keyof typeof requestSchemas;
export type RequestOf<N extends RequestName> = v.InferOutput<(typeof requestSchemas)[N]>;

export interface Envelope<N extends RequestName = RequestName> {
  kiji: 1;
  /** 'engine' when the service worker forwards to the offscreen document (Chrome only). */
  to?: 'background' | 'engine';
  type: N;
  payload: RequestOf<N>;
}

/** What every handler returns over the wire: errors are values, so a failed lookup never looks like "no word". */
export type Reply<N extends RequestName> = { ok: true; value: Responses[N] } | { ok: false; error: string };

const envelopeSchema = v.object({
  kiji: v.literal(1),
  to: v.optional(v.picklist(['background', 'engine'])),
  // A plain string here, checked against the map below: a picklist built from Object.keys(...) at module level
  // would keep every schema (and valibot) in bundles that only need `envelope`, such as the content script.
  type: v.string(),
  payload: v.unknown(),
});

/** Validates a message from another context; returns null for anything that is not a well-formed Kiji request. */
export function parseEnvelope(message: unknown): Envelope | null {
  const outer = v.safeParse(envelopeSchema, message);
  if (!outer.success || !Object.hasOwn(requestSchemas, outer.output.type)) return null;
  const inner = v.safeParse(requestSchemas[outer.output.type as RequestName], outer.output.payload);
  if (!inner.success) return null;
  return { ...outer.output, payload: inner.output } as Envelope;
}

export function envelope<N extends RequestName>(
  type: N,
  payload: RequestOf<N>,
  to: Envelope['to'] = 'background',
): Envelope<N> {
  return { kiji: 1, to, type, payload };
}

/**
 * The hover's fast lane: a content script keeps one port open to the context that hosts the engine and sends its
 * lookups there, each tagged with an id. A one-off message opens a channel per request and is delivered to every
 * extension context (in Chrome the service worker too); a port skips both, and a hover needs the milliseconds.
 */
export const ENGINE_PORT = 'kiji-engine';
/** Chrome's worker keeps a port of this name open to the engine document, only to learn when the document goes. */
export const ENGINE_WATCH_PORT = 'kiji-engine-watch';

interface PortRequest {
  id: number;
  msg: Envelope;
}

export interface PortReply {
  id: number;
  reply: Reply<RequestName>;
}

/** Validates a request that arrived on the engine port; null for anything malformed. */
export function parsePortRequest(message: unknown): PortRequest | null {
  if (!message || typeof message !== 'object') return null;
  const { id, msg } = message as { id?: unknown; msg?: unknown };
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
  const parsed = parseEnvelope(msg);
  return parsed ? { id, msg: parsed } : null;
}
