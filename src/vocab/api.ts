/** The vocabulary page's requests to the store (in the offscreen document or Firefox's background page). */
import browser from 'webextension-polyfill';
import { vocabErrorCode, type VocabDump, type VocabErrorCode } from '../core/vocab/store-types';
import { VocabStore } from '../background/vocab/store';
import { envelope, type Reply, type RequestName, type RequestOf, type Responses } from '../messages';
import { t } from '../ui/i18n';

class VocabRequestError extends Error {
  readonly code: VocabErrorCode | null;
  constructor(readonly error: string) {
    super(error);
    this.code = vocabErrorCode(error);
  }
}

/** A random id for a write, so that a message Chrome delivers twice is applied once. */
export function randomRid(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends a request; the answer's value, or a VocabRequestError. */
export async function call<N extends RequestName>(type: N, payload: RequestOf<N>): Promise<Responses[N]> {
  let reply: Reply<N> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<N> | undefined;
  } catch (err) {
    throw new VocabRequestError(err instanceof Error ? err.message : String(err));
  }
  if (!reply) throw new VocabRequestError('no answer');
  if (!reply.ok) throw new VocabRequestError(reply.error);
  return reply.value;
}

/** What went wrong, in the user's words: nothing was changed, and what to do. */
export function errorText(err: unknown): string {
  const e = err instanceof VocabRequestError ? err : new VocabRequestError(String(err));
  const detail = e.error.includes(':') ? e.error.slice(e.error.indexOf(':') + 1).trim() : '';
  switch (e.code) {
    case 'quota':
      return t('vocabPageErrorQuota');
    case 'listExists':
      return t('vocabErrorListExists', [detail]);
    case 'unknownList':
      return t('vocabErrorUnknownList');
    case 'defaultList':
      return t('vocabErrorDefaultList');
    default:
      return t('vocabErrorStorage', [e.error]);
  }
}

let reader: VocabStore | null = null;

/** How long the page's own read of the database may take before the store's owner is asked instead. */
const DIRECT_READ_MS = 5_000;

/** `work`, or an error once `ms` have passed without it. */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Every list and word. Read straight from the database, which this page shares with the store's owner (same
 * extension origin): 10,000 words arrive in a fraction of the time a message takes to carry them. Reads need no
 * ordering; every write still goes to the owner. If the database cannot be opened here, the owner answers.
 */
export async function loadDump(): Promise<VocabDump> {
  try {
    reader ??= new VocabStore();
    // A read this page's connection does not answer in time (once, under load in CI, an export waited 30 s for it)
    // goes to the owner instead, which answers from its own connection.
    return await withinTime(reader.dump(), DIRECT_READ_MS);
  } catch {
    reader?.close();
    reader = null;
    return call('vocabList', {});
  }
}
