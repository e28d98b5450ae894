import browser from 'webextension-polyfill';
import type { AssetLoader } from '../core/engine';

/**
 * Packaged data files by URL; `.gz` files are inflated with the platform's DecompressionStream. Each file ends in a
 * buffer of exactly its size, filled chunk by chunk: `Response.arrayBuffer()` keeps every chunk until the end and,
 * in Firefox, hands back a buffer grown by doubling (the engine's files held 64 MiB of buffers for 48 MiB of data).
 */
export const extensionAssets: AssetLoader = async (path) => {
  const res = await fetch(browser.runtime.getURL(path));
  if (!res.ok || !res.body) throw new Error(`${path}: HTTP ${res.status}`);
  if (!path.endsWith('.gz')) return collect(res.body, Number(res.headers.get('content-length')) || 0);
  const packed = new Uint8Array(await res.arrayBuffer());
  // gzip's trailer ends with the input's size modulo 2³² (the files are far smaller).
  const size = packed.length >= 4 ? new DataView(packed.buffer, packed.byteOffset).getUint32(packed.length - 4, true) : 0;
  return collect(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip')), size);
};

/** The stream's bytes in one buffer, of `expected` bytes when that is right (else grown, then cut to size). */
async function collect(stream: ReadableStream<Uint8Array>, expected: number): Promise<ArrayBuffer> {
  let out = new Uint8Array(expected);
  let n = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > out.length) {
      const bigger = new Uint8Array(Math.max(2 * out.length, n + value.length, 1 << 16));
      bigger.set(out.subarray(0, n));
      out = bigger;
    }
    out.set(value, n);
    n += value.length;
  }
  return n === out.length ? out.buffer : out.buffer.slice(0, n);
}
