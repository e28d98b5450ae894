import { loadNodeWords } from '../core/dict/node-words';
import { lookupAt } from '../core/lookup';
import { CACHE_SIZE, isContextGone, LookupClient, RETRY_DELAY_MS, type SendLookup } from './lookup-client';

const SENTENCE = 'バイデン米大統領は26日、就任後初めてロシアのプーチン大統領と電話会談した';

/** The background as the router answers: Reply<'lookup'> from the real dictionary. */
async function background(): Promise<SendLookup & { calls: [string, number][] }> {
  const words = await loadNodeWords();
  const calls: [string, number][] = [];
  const send = async (text: string, at: number) => {
    calls.push([text, at]);
    return { ok: true, value: lookupAt(text, at, { words }) };
  };
  return Object.assign(send, { calls });
}

describe('LookupClient', () => {
  it('answers a repeated hover from its cache without a message', async () => {
    const send = await background();
    const client = new LookupClient(send);
    const at = SENTENCE.indexOf('電話');
    const first = await client.lookup(SENTENCE, at);
    expect(first.ok && first.result?.entries[0].headword).toBe('電話');
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
