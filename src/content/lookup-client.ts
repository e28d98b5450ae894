/**
 * The content script's side of the `lookup` message: a cache of answers, one retry, and the answers for the rest of
 * a sentence fetched while the reader looks at its first word, so the next hovers along it need no round trip.
 */
import type { LookupResult } from '../core/types';
import { MAX_LOOKUP_MANY } from '../messages';
import { charAt, startsLookup } from './japanese';
import { RecentMap } from './recent-map';

export type Outcome = { ok: true; result: LookupResult | null } | { ok: false; error: string };

/** Sends one lookup and resolves with the raw reply, or rejects when the message could not be delivered. */
export type SendLookup = (text: string, at: number) => Promise<unknown>;

/** Sends one batch of lookups in one sentence; null when there is no cheap way to send it right now. */
export type SendMany = (text: string, ats: number[]) => Promise<unknown> | null;

/** About ten sentences read word by word. */
export const CACHE_SIZE = 600;
/** And at most this much memory per tab (estimated; lookup-client.test.ts measures it). */
export const CACHE_BYTES = 1024 * 1024;

/**
 * Bytes an answer costs in V8, from its JSON length: four bytes per character (JSON is shorter than the objects it
 * describes, which the factor and the per-entry overhead make up for), plus the key (it holds a copy of the text).
 */
export function outcomeBytes(key: string, outcome: Outcome): number {
  return 2 * key.length + 4 * JSON.stringify(outcome).length + 256;
}
/** How far from the pointer, each way, a sentence is fetched ahead. */
export const PREFETCH_SPAN = 24;
/** Places per batch: as many as one lookupMany may carry (the engine answers 16 in about 3 ms). */
export const PREFETCH_BATCH = MAX_LOOKUP_MANY;
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
function toOutcome(reply: unknown): Outcome {
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

/**
 * The places around `at` where a hover would look something up: those after it first (the reader's direction), then
 * those before it, nearest first.
 */
export function placesAround(text: string, at: number, span = PREFETCH_SPAN): number[] {
  const places: number[] = [];
  const add = (i: number) => {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) return;
    if (startsLookup(charAt(text, i), text)) places.push(i);
  };
  for (let i = at + 1; i < Math.min(text.length, at + span + 1); i++) add(i);
  for (let i = at - 1; i >= Math.max(0, at - span); i--) add(i);
  return places;
}

/** A reply to lookupMany: one answer per place asked, or null when it is anything else. */
function toOutcomes(reply: unknown, count: number): Outcome[] | null {
  const r = reply as { ok?: unknown; value?: unknown } | null;
  if (!r || r.ok !== true || !Array.isArray(r.value) || r.value.length !== count) return null;
  return r.value.map((value) => toOutcome({ ok: true, value }));
}

export class LookupClient {
  private readonly cache: RecentMap<string, Outcome>;
  /** Bumped by every prefetch: an older one stops at its next batch. */
  private prefetchRun = 0;

  constructor(
    private readonly send: SendLookup,
    cacheSize = CACHE_SIZE,
    private readonly retryDelayMs = RETRY_DELAY_MS,
    private readonly sendMany: SendMany = () => null,
    cacheBytes = CACHE_BYTES,
  ) {
    this.cache = new RecentMap(cacheSize, cacheBytes, outcomeBytes);
  }

  /**
   * Fetches, in the background's spare time, the answers not yet known for the places around each target: the word
   * just shown, then where the reader goes next. Only the newest call runs; an older one stops at its next batch.
   * Answers still partial (engine loading) end it; they would be asked again anyway.
   */
  async prefetch(targets: readonly { text: string; at: number }[]): Promise<void> {
    const run = ++this.prefetchRun;
    for (const { text, at } of targets) {
      const todo = placesAround(text, at).filter((i) => !this.cache.has(LookupClient.key(text, i)));
      if (!(await this.prefetchBatches(run, text, todo))) return;
    }
  }

  /** False when the run should stop: superseded, no way to ask, or the engine still loading. */
  private async prefetchBatches(run: number, text: string, todo: number[]): Promise<boolean> {
    for (let i = 0; i < todo.length; i += PREFETCH_BATCH) {
      if (run !== this.prefetchRun) return false;
      const ats = todo.slice(i, i + PREFETCH_BATCH);
      const reply = this.sendMany(text, ats);
      if (!reply) return false;
      let outcomes: Outcome[] | null;
      try {
        outcomes = toOutcomes(await reply, ats.length);
      } catch {
        return false;
      }
      if (!outcomes) return false;
      for (const [j, outcome] of outcomes.entries()) {
        if (!outcome.ok || outcome.result?.partial) return false;
        // A hover may have asked meanwhile; its answer is as good, and more recently used.
        if (!this.cache.has(LookupClient.key(text, ats[j]!))) this.remember(text, ats[j]!, outcome);
      }
    }
    return run === this.prefetchRun;
  }

  /** Estimated bytes the cache holds. */
  get cacheBytes(): number {
    return this.cache.bytes;
  }

  private static key(text: string, at: number): string {
    return `${at}\u0000${text}`;
  }

  /** A remembered answer, refreshed as most recently used. */
  cached(text: string, at: number): Outcome | undefined {
    return this.cache.get(LookupClient.key(text, at));
  }

  private remember(text: string, at: number, outcome: Outcome): void {
    this.cache.set(LookupClient.key(text, at), outcome);
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
