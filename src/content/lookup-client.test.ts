import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadNodeWords } from '../node/words';
import { nodeAssets } from '../node/assets';
import { repoRoot } from '../node/dictionaries';
import { createEngine } from '../core/engine';
import { splitSentences } from '../core/text/sentence';
import { charAt, startsLookup } from './japanese';
import { lookupWords } from '../core/lookup/word-lookup';
import {
  CACHE_BYTES,
  CACHE_SIZE,
  isContextGone,
  LookupClient,
  placesAround,
  PREFETCH_BATCH,
  PREFETCH_SPAN,
  RETRY_DELAY_MS,
  type SendLookup,
  type SendMany,
} from './lookup-client';

const SENTENCE = 'バイデン米大統領は26日、就任後初めてロシアのプーチン大統領と電話会談した';

/** The background as the router answers: Reply<'lookup'> from the real dictionary. */
async function background(): Promise<SendLookup & { calls: [string, number][] }> {
  const words = await loadNodeWords();
  const calls: [string, number][] = [];
  const send = async (text: string, at: number) => {
    calls.push([text, at]);
    return { ok: true, value: lookupWords(text, at, { words }) };
  };
  return Object.assign(send, { calls });
}

describe('LookupClient', () => {
  it('answers a repeated hover from its cache without a message', async () => {
    const send = await background();
    const client = new LookupClient(send);
    const at = SENTENCE.indexOf('電話');
    const first = await client.lookup(SENTENCE, at);
    expect(first.ok && first.result?.entries[0]!.headword).toBe('電話');
    expect(await client.lookup(SENTENCE, at)).toEqual(first);
    expect(client.cached(SENTENCE, at)).toEqual(first);
    expect(send.calls).toHaveLength(1);
  });

  it('keeps only the most recent answers', async () => {
    const send = await background();
    const client = new LookupClient(send);
    for (let at = 0; at <= CACHE_SIZE; at++) await client.lookup(SENTENCE, at);
    expect(client.cached(SENTENCE, 0)).toBeUndefined();
    expect(client.cached(SENTENCE, CACHE_SIZE)).toBeDefined();
  });

  it('retries once, after a pause, while the background is restarting', async () => {
    vi.useFakeTimers();
    try {
      const send = await background();
      let failures = 1;
      const flaky: SendLookup = (text, at) =>
        failures-- > 0
          ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))
          : send(text, at);
      const pending = new LookupClient(flaky).lookup(SENTENCE, SENTENCE.indexOf('大統領'));
      await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS - 1);
      expect(send.calls).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      const outcome = await pending;
      expect(outcome.ok && outcome.result?.match).toBe('大統領');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports other failures as errors, without retrying and without caching them', async () => {
    let calls = 0;
    const client = new LookupClient(async () => {
      calls++;
      return { ok: false, error: 'dictionary not loaded' };
    });
    expect(await client.lookup(SENTENCE, 0)).toEqual({ ok: false, error: 'dictionary not loaded' });
    expect(client.cached(SENTENCE, 0)).toBeUndefined();
    const thrown = new LookupClient(() => Promise.reject(new Error('Extension context invalidated.')));
    const outcome = await thrown.lookup(SENTENCE, 0);
    expect(!outcome.ok && isContextGone(outcome.error)).toBe(true);
    expect(calls).toBe(1);
  });

  it('treats a reply that is not a Kiji reply (no listener answered) as an error', async () => {
    const client = new LookupClient(async () => undefined);
    expect((await client.lookup(SENTENCE, 0)).ok).toBe(false);
  });
});

describe('LookupClient: the rest of the sentence, fetched ahead', () => {
  /** lookupMany as the engine answers it, counting batches; `partial` marks answers as the loading engine does. */
  async function many(partial = false): Promise<SendMany & { batches: number[][] }> {
    const words = await loadNodeWords();
    const batches: number[][] = [];
    const send = (text: string, ats: number[]) => {
      batches.push(ats);
      const value = ats.map((at) => {
        const r = lookupWords(text, at, { words });
        return r && partial ? { ...r, partial: true } : r;
      });
      return Promise.resolve({ ok: true, value });
    };
    return Object.assign(send, { batches });
  }

  it('lists the places a hover could look up, ahead of the pointer first, skipping punctuation', () => {
    const at = SENTENCE.indexOf('就任');
    const places = placesAround(SENTENCE, at);
    expect(places[0]).toBe(at + 1);
    expect(places).not.toContain(at);
    expect(places).not.toContain(SENTENCE.indexOf('、'));
    const ahead = places.filter((i) => i > at);
    expect(ahead).toEqual([...ahead].sort((a, b) => a - b));
    expect(Math.max(...places) - at).toBeLessThanOrEqual(PREFETCH_SPAN);
    expect(places.filter((i) => i < at)[0]).toBe(SENTENCE.indexOf('日、'));
  });

  it('answers the next hovers along the sentence from memory, in batches, without a lookup message', async () => {
    const send = await background();
    const sendMany = await many();
    const client = new LookupClient(send, CACHE_SIZE, RETRY_DELAY_MS, sendMany);
    const at = SENTENCE.indexOf('ロシア');
    await client.lookup(SENTENCE, at);
    await client.prefetch([{ text: SENTENCE, at: at }]);
    expect(sendMany.batches.every((b) => b.length <= PREFETCH_BATCH)).toBe(true);
    const later = client.cached(SENTENCE, SENTENCE.indexOf('電話'));
    expect(later?.ok && later.result?.entries[0]!.headword).toBe('電話');
    expect(send.calls).toHaveLength(1);
  });

  it('goes on to the start of the next sentence once this one is fetched', async () => {
    const sendMany = await many();
    const client = new LookupClient(await background(), CACHE_SIZE, RETRY_DELAY_MS, sendMany);
    const next = '新戦略兵器削減条約の延長で合意した';
    await client.prefetch([
      { text: SENTENCE, at: SENTENCE.indexOf('電話') },
      { text: next, at: 0 },
    ]);
    const answer = client.cached(next, next.indexOf('条約'));
    expect(answer?.ok && answer.result?.entries[0]!.headword).toBe('条約');
  });

  it('keeps no answer given while the engine was still loading', async () => {
    const client = new LookupClient(await background(), CACHE_SIZE, RETRY_DELAY_MS, await many(true));
    await client.prefetch([{ text: SENTENCE, at: 0 }]);
    expect(client.cached(SENTENCE, SENTENCE.indexOf('電話'))).toBeUndefined();
  });

  it('stops fetching a sentence once the reader is in another one', async () => {
    const sendMany = await many();
    const client = new LookupClient(await background(), CACHE_SIZE, RETRY_DELAY_MS, sendMany);
    const first = client.prefetch([{ text: SENTENCE, at: 0 }]);
    const other = '新戦略兵器削減条約の延長で合意した';
    await Promise.all([first, client.prefetch([{ text: other, at: 0 }])]);
    expect(sendMany.batches[0]).toHaveLength(PREFETCH_BATCH);
    // The first sentence got its first batch only; the second got all of its places.
    const firstBatches = sendMany.batches.filter((b) => b.some((i) => i >= other.length));
    expect(firstBatches).toHaveLength(1);
    expect(client.cached(other, other.length - 2)).toBeDefined();
  });

  it('does nothing when there is no cheap way to ask', async () => {
    const client = new LookupClient(await background(), CACHE_SIZE, RETRY_DELAY_MS, () => null);
    await client.prefetch([{ text: SENTENCE, at: 0 }]);
    expect(client.cached(SENTENCE, 1)).toBeUndefined();
  });
});

describe('LookupClient memory', () => {
  /** An answer as big as the popup's longest: many entries, senses and glosses, kanji lines. */
  function bigAnswer(n: number) {
    const entry = (i: number) => ({
      source: 'edict',
      headword: `見出し語${n}_${i}`,
      reading: `みだしご${n}`,
      romaji: `midashigo${n}`,
      common: true,
      senses: Array.from({ length: 6 }, (_, s) => ({
        pos: ['n', 'vs'],
        glosses: Array.from({ length: 5 }, (_, g) => `gloss ${n} ${i} ${s} ${g} of some length`),
      })),
    });
    return {
      ok: true,
      value: {
        start: 0,
        end: 2,
        match: `語${n}`,
        entries: Array.from({ length: 8 }, (_, i) => entry(i)),
        kanji: [{ literal: '語', meanings: ['word', 'speech', 'language'], on: ['ゴ'], kun: ['かた.る'], strokes: 14 }],
      },
    };
  }

  it('keeps at most 1 MB of answers per tab, measured on the heap', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const sentence = (k: number) => `${'長い段落の文章'.repeat(40)}${k}`;
    const client = new LookupClient(async (text, at) => bigAnswer(text.length * 1000 + at), CACHE_SIZE, 0);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 40; k++) for (let at = 0; at < 40; at++) await client.lookup(sentence(k), at);
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(client.cacheBytes).toBeLessThanOrEqual(CACHE_BYTES);
    // The heap also holds what the test run itself allocated meanwhile (a few KB to tens of KB on a busy machine);
    // 1,600 answers of this size would take several MB without the budget.
    expect(held).toBeLessThanOrEqual(CACHE_BYTES * 1.15);
    // The newest answers are still there.
    expect(client.cached(sentence(39), 39)).toBeDefined();
  });

  it('keeps at most 1 MB of real engine answers over a whole article, and the latest places still hit', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Every place a hover would look up in the seed article, answered by the whole engine as the extension's is
    // (kuromoji, glossary, names, kanji), and serialized: a message hands the content script fresh copies.
    const engine = createEngine(nodeAssets);
    await engine.ready();
    const article = readFileSync(path.join(repoRoot(), 'tests/fixtures/news/seed-article.txt'), 'utf8');
    const places: { text: string; at: number }[] = [];
    for (const text of splitSentences(article).map((s) => s.trim()))
      for (let at = 0; at < text.length; at++) if (startsLookup(charAt(text, at), text)) places.push({ text, at });
    const replies = new Map<string, string>();
    for (const { text, at } of places) {
      const result = await engine.lookup(text, at);
      expect(result?.partial).toBeUndefined();
      replies.set(`${at}\u0000${text}`, JSON.stringify({ ok: true, value: result }));
    }
    const send: SendLookup = async (text, at) => JSON.parse(replies.get(`${at}\u0000${text}`)!) as unknown;

    const client = new LookupClient(send, CACHE_SIZE, 0);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (const { text, at } of places) await client.lookup(text, at);
    gc();
    const held = process.memoryUsage().heapUsed - before;

    // The article holds more answers than the budget: the first places are gone, the latest still there.
    expect(places.length).toBeGreaterThan(CACHE_SIZE);
    expect(client.cached(places[0]!.text, places[0]!.at)).toBeUndefined();
    for (const { text, at } of places.slice(-50)) expect(client.cached(text, at)).toBeDefined();
    expect(client.cacheBytes).toBeLessThanOrEqual(CACHE_BYTES);
    // Measured on the heap: within the budget (plus what the test run itself allocated meanwhile), and the estimate
    // the budget is counted in does not undercount what the answers really take.
    expect(held).toBeLessThanOrEqual(CACHE_BYTES * 1.1);
    expect(held).toBeLessThanOrEqual(client.cacheBytes * 1.1);
  }, 60_000);
});
