import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { AssetLoader } from '../core/engine';

const root = resolve(import.meta.dirname, '../..');
const kuromojiDict = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');

/** The same files the extension fetches, read from build/data and node_modules. */
export const nodeAssets: AssetLoader = async (path) => {
  const file = path.startsWith('kuromoji/')
    ? join(kuromojiDict, path.slice('kuromoji/'.length))
    : join(root, 'build', path);
  let buf = await readFile(file);
  if (path.endsWith('.gz')) buf = gunzipSync(buf);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
};
