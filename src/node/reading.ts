/**
 * Node-only, build time: kuromoji's reading of a glossary variant, so that a variant written inside its term (日銀 in
 * 日本銀行 is not; 防衛 in 防衛省 is) needs no reading of its own. Loaded synchronously (the glossary compiles
 * synchronously) from the same IPADIC files the extension uses; see tokenizer/tokenizer.ts for the asynchronous one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import DynamicDictionaries from 'kuromoji/src/dict/DynamicDictionaries.js';
import KuromojiTokenizer from 'kuromoji/src/Tokenizer.js';
import type { ReadingOf } from './glossary-compile';

let tokenizer: KuromojiTokenizer | null = null;

function open(): KuromojiTokenizer {
  const dir = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  const read = (name: string): ArrayBuffer => {
    const buf = gunzipSync(readFileSync(join(dir, name)));
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };
  const dic = new DynamicDictionaries();
  dic.loadTrie(new Int32Array(read('base.dat.gz')), new Int32Array(read('check.dat.gz')));
  dic.loadTokenInfoDictionaries(
    new Uint8Array(read('tid.dat.gz')),
    new Uint8Array(read('tid_pos.dat.gz')),
    new Uint8Array(read('tid_map.dat.gz')),
  );
  dic.loadConnectionCosts(new Int16Array(read('cc.dat.gz')));
  dic.loadUnknownDictionaries(
    new Uint8Array(read('unk.dat.gz')),
    new Uint8Array(read('unk_pos.dat.gz')),
    new Uint8Array(read('unk_map.dat.gz')),
    new Uint8Array(read('unk_char.dat.gz')),
    new Uint32Array(read('unk_compat.dat.gz')),
    new Uint8Array(read('unk_invoke.dat.gz')),
  );
  return new KuromojiTokenizer(dic);
}

const KANA = /^[\u3041-\u3096\u30a1-\u30fa\u30fc]+$/;

/** kuromoji's reading of `text` (katakana), or null when a part of it has none (a Latin word, an unknown kanji). */
export const kuromojiReading: ReadingOf = (text) => {
  tokenizer ??= open();
  let out = '';
  for (const t of tokenizer.tokenize(text) as { surface_form: string; reading?: string }[]) {
    const reading = t.reading && t.reading !== '*' ? t.reading : t.surface_form;
    if (!KANA.test(reading)) return null;
    out += reading;
  }
  return out;
};
