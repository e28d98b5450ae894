import { gzipSync } from 'node:zlib';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { getURL: (path: string) => `moz-extension://kiji/${path}` } },
}));

const { extensionAssets } = await import('./assets');
const { releaseBuffer } = await import('../core/buffers');

/** Served in small chunks and without a length, as an extension's file is. */
const files = new Map<string, Uint8Array>();
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += 4096)));
    },
  });
}
vi.stubGlobal('fetch', async (url: string) => {
  const bytes = files.get(url.replace('moz-extension://kiji/', ''));
  return bytes ? new Response(chunked(bytes)) : new Response(null, { status: 404 });
});

const sample = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7919) % 251);

describe('the extension asset loader', () => {
  it('hands back each file in a buffer of exactly its length', async () => {
    const raw = sample(100_003);
    files.set('data/words.idx', raw);
    const buffer = await extensionAssets('data/words.idx');
    expect(buffer.byteLength).toBe(raw.length);
    expect(new Uint8Array(buffer)).toEqual(raw);
  });

  it('inflates a .gz file into a buffer of exactly its inflated length', async () => {
    const raw = sample(300_001);
    files.set('kuromoji/base.dat.gz', gzipSync(raw));
    const buffer = await extensionAssets('kuromoji/base.dat.gz');
    expect(buffer.byteLength).toBe(raw.length);
    expect(new Uint8Array(buffer)).toEqual(raw);
  });

  it('refuses a .gz file whose trailer does not match what it inflates to', async () => {
    const gz = gzipSync(sample(5000));
    gz.set([0xff, 0, 0, 0], gz.length - 4);
    files.set('kuromoji/cc.dat.gz', gz);
    // Whichever notices first: the platform's inflater checks the length too.
    await expect(extensionAssets('kuromoji/cc.dat.gz')).rejects.toThrow(/trailer|length/);
  });

  it('fails on a missing file', async () => {
    await expect(extensionAssets('data/none.json')).rejects.toThrow(/HTTP 404/);
  });
});

describe('releaseBuffer', () => {
  const transferable = typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function';

  it('detaches a buffer a view covers whole', () => {
    const bytes = new Uint8Array(1024);
    if (!transferable) {
      // Node 20 has no transfer: the call it would make is checked on the buffer itself.
      const asked: number[] = [];
      Object.defineProperty(bytes.buffer, 'transfer', { value: (n: number) => asked.push(n) });
      releaseBuffer(bytes);
      expect(asked).toEqual([0]);
      return;
    }
    releaseBuffer(bytes);
    expect(bytes.buffer.byteLength).toBe(0);
  });

  it('leaves a buffer alone when the view covers only part of it', () => {
    const whole = new Uint8Array(1024);
    releaseBuffer(whole.subarray(8));
    expect(whole.byteLength).toBe(1024);
    expect(whole.buffer.byteLength).toBe(1024);
  });
});
