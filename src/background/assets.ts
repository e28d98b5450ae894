import browser from 'webextension-polyfill';
import type { AssetLoader } from '../core/engine';
import { releaseBuffer as release } from '../core/buffers';

/** A stream's bytes in one buffer of exactly their length; each chunk released once copied. */
async function readExactly(stream: ReadableStream<Uint8Array>): Promise<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (const reader = stream.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
    release(chunk);
  }
  return out.buffer;
}

/** A gzip file inflated by the platform's DecompressionStream into a buffer of exactly its size. */
async function inflate(path: string, gz: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  // ISIZE: the inflated length modulo 2^32 (every data file is far smaller).
  const size = new DataView(gz.buffer, gz.byteOffset).getUint32(gz.byteLength - 4, true);
  const out = new Uint8Array(size);
  const reader = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(gz);
      controller.close();
    },
  })
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.byteLength > size) throw new Error(`${path}: longer than its gzip trailer says`);
    out.set(value, at);
    at += value.byteLength;
    release(value);
  }
  if (at !== size) throw new Error(`${path}: ${at} bytes inflated, the gzip trailer says ${size}`);
  return out.buffer;
}

/**
 * Packaged data files by URL, each in a buffer of exactly its size, `.gz` files inflated. `Response.arrayBuffer()`
 * would do, but it grows its buffer by doubling as the bytes arrive (the browser is not told the length of an
 * extension's file): up to twice the file, kept as long as the file (Firefox: 60 MiB of buffers for 45 MiB of files);
 * and over a DecompressionStream it leaves every chunk to the collector, which Firefox runs late.
 */
export const extensionAssets: AssetLoader = async (path) => {
  const res = await fetch(browser.runtime.getURL(path));
  if (!res.ok || !res.body) throw new Error(`${path}: HTTP ${res.status}`);
  if (!path.endsWith('.gz')) return readExactly(res.body);
  const gz = new Uint8Array(await readExactly(res.body));
  try {
    return await inflate(path, gz);
  } finally {
    release(gz);
  }
};
