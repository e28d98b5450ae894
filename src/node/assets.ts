import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { AssetLoader } from '../core/engine';
import { nodeKuromojiLoader } from './kuromoji';

const root = resolve(import.meta.dirname, '../..');
const kuromoji = nodeKuromojiLoader();

/** The same files the extension fetches: the dictionaries from build/data, kuromoji's from node_modules. */
export const nodeAssets: AssetLoader = async (path) => {
  if (path.startsWith('kuromoji/')) return kuromoji(path.slice('kuromoji/'.length));
  let buf = await readFile(join(root, 'build', path));
  if (path.endsWith('.gz')) buf = gunzipSync(buf);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
};
