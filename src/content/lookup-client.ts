/** The content script's side of the `lookup` message: a small cache of recent answers and one retry. */
import type { LookupResult } from '../core/types';

export type Outcome = { ok: true; result: LookupResult | null } | { ok: false; error: string };

/** Sends one lookup and resolves with the raw reply, or rejects when the message could not be delivered. */
export type SendLookup = (text: string, at: number) => Promise<unknown>;

export const CACHE_SIZE = 50;
export const RETRY_DELAY_MS = 300;

/** Chrome says this while the service worker restarts or before the background registered its listener. */
const NOT_LISTENING = /Could not establish connection|Receiving end does not exist/i;
/** The extension was reloaded or removed: this content script is an orphan and must stop. */
const CONTEXT_GONE = /Extension context invalidated/i;

export function isContextGone(error: string): boolean {
  return CONTEXT_GONE.test(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Accepts only a well-formed Reply<'lookup'>; anything else (e.g. no listener answered) is an error. */
export function toOutcome(reply: unknown): Outcome {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as { ok: unknown; value?: unknown; error?: unknown };
    if (r.ok === true) {
      const v = r.value;
      if (v === null) return { ok: true, result: null };
      if (v && typeof v === 'object' && Array.isArray((v as LookupResult).entries)) {
        return { ok: true, result: v as LookupResult };
      }
    }
    if (r.ok === false && typeof r.error === 'string') return { ok: false, error: r.error };
  }
  return { ok: false, error: 'malformed reply' };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class LookupClient {
  private readonly cache = new Map<string, Outcome>();

  constructor(
    private readonly send: SendLookup,
    private readonly cacheSize = CACHE_SIZE,
    private readonly retryDelayMs = RETRY_DELAY_MS,
  ) {}

  private static key(text: string, at: number): string {
    return `${at}\u0000${text}`;
  }

  /** A remembered answer, refreshed as most recently used. */
  cached(text: string, at: number): Outcome | undefined {
    const key = LookupClient.key(text, at);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private remember(text: string, at: number, outcome: Outcome): void {
    const key = LookupClient.key(text, at);
    this.cache.delete(key);
    this.cache.set(key, outcome);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** Answers from the cache or the background. Errors are returned, not thrown, and never cached. */
  async lookup(text: string, at: number): Promise<Outcome> {
    const hit = this.cached(text, at);
    if (hit) return hit;
    let outcome: Outcome;
    try {
      outcome = toOutcome(await this.send(text, at));
    } catch (first) {
      if (!NOT_LISTENING.test(messageOf(first))) return { ok: false, error: messageOf(first) };
      await sleep(this.retryDelayMs);
      try {
        outcome = toOutcome(await this.send(text, at));
      } catch (second) {
        return { ok: false, error: messageOf(second) };
      }
    }
    // A partial answer (engine still loading) is shown but not kept: the next ask gets the full one.
    if (outcome.ok && !outcome.result?.partial) this.remember(text, at, outcome);
    return outcome;
  }
}
