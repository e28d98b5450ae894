import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DictFileLoader } from '../core/tokenizer/tokenizer';

/** kuromoji's IPADIC files straight from node_modules, for the CLI, tests and benchmarks. */
export function nodeKuromojiLoader(): DictFileLoader {
  const dir = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  return async (name) => {
    const buf = gunzipSync(await readFile(join(dir, name)));
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };
}
