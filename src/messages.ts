/**
 * The one protocol between Kiji's contexts. Every request has a name, a run-time schema for its payload and a
 * response type; the background router rejects anything that does not match, and only accepts messages from the
 * extension itself (never from page scripts).
 */
import * as v from 'valibot';
import type { LookupResult, Token } from './core/types';
import { FURIGANA_LEVELS, type Annotation, type ArticleInfo, type ReadingState } from './core/reading-types';

const text = v.pipe(v.string(), v.maxLength(4000));

export const requestSchemas = {
  /** Longest word at `at` in `text` (the sentence around the pointer). */
  lookup: v.object({ text, at: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4000)) }),
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
} as const;

export interface EngineStatus {
  words: boolean;
  tokenizer: boolean;
  error?: string;
}

export interface Responses {
  lookup: LookupResult | null;
  tokens: Token[];
  status: EngineStatus;
  annotate: Annotation[];
  articleInfo: ArticleInfo;
  articleFlash: boolean;
  readingMode: ReadingState;
  readingToggle: ReadingState;
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
  type: v.picklist(Object.keys(requestSchemas) as RequestName[]),
  payload: v.unknown(),
});

/** Validates a message from another context; returns null for anything that is not a well-formed Kiji request. */
export function parseEnvelope(message: unknown): Envelope | null {
  const outer = v.safeParse(envelopeSchema, message);
  if (!outer.success) return null;
  const inner = v.safeParse(requestSchemas[outer.output.type], outer.output.payload);
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
