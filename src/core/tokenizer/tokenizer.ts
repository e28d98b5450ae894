import type { Token } from '../types';
// kuromoji's own loaders need XMLHttpRequest (absent in service workers) or Node's fs; we feed its dictionary
// builder ourselves so one code path serves Node, extension pages and workers.
import DynamicDictionaries from 'kuromoji/src/dict/DynamicDictionaries.js';
import KuromojiTokenizer from 'kuromoji/src/Tokenizer.js';
import {
  CompactFeatures,
  compactFeatures,
  CompactViterbiBuilder,
  isCompactFeatures,
  TargetMap,
  Trie,
  trimDictFile,
  usedTrieLength,
} from './compact-dict';
import { releaseBuffer } from '../buffers';

/** Returns the decompressed bytes of one of kuromoji's `*.dat.gz` files. */
export type DictFileLoader = (name: string) => Promise<ArrayBuffer>;

export interface Tokenizer {
  tokenize(text: string): Token[];
}

/** A token as kuromoji formats it (IPADIC fields). */
export interface KuromojiToken {
  word_id: number;
  word_type: string;
  surface_form: string;
  word_position: number;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
  conjugated_type: string;
  conjugated_form: string;
  basic_form: string;
  reading?: string;
  pronunciation?: string;
}

export const KUROMOJI_FILES = [
  'base.dat.gz',
  'check.dat.gz',
  'tid.dat.gz',
  'tid_pos.dat.gz',
  'tid_map.dat.gz',
  'cc.dat.gz',
  'unk.dat.gz',
  'unk_pos.dat.gz',
  'unk_map.dat.gz',
  'unk_char.dat.gz',
  'unk_compat.dat.gz',
  'unk_invoke.dat.gz',
] as const;

const bytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);

/**
 * kuromoji itself: its tokens unchanged (the golden-token test compares these), over the compact dictionary of
 * compact-dict.ts. Each file is kept once, in its final form: trimmed of its padding when the build has not done it.
 */
export async function createKuromoji(load: DictFileLoader): Promise<{ tokenize(text: string): KuromojiToken[] }> {
  const loaded = new Map(
    await Promise.all(
      KUROMOJI_FILES.map(
        async (name) => [name, trimDictFile(name.replace(/\.gz$/, ''), bytes(await load(name)))] as const,
      ),
    ),
  );
  const file = (name: (typeof KUROMOJI_FILES)[number]): Uint8Array => loaded.get(name)!;
  const [tidFile, tidPos, tidMap, cc, unk, unkPos, unkMap, unkChar, unkCompat, unkInvoke] = [
    file('tid.dat.gz'),
    file('tid_pos.dat.gz'),
    file('tid_map.dat.gz'),
    file('cc.dat.gz'),
    file('unk.dat.gz'),
    file('unk_pos.dat.gz'),
    file('unk_map.dat.gz'),
    file('unk_char.dat.gz'),
    file('unk_compat.dat.gz'),
    file('unk_invoke.dat.gz'),
  ];
  const check = int32(file('check.dat.gz'));
  const used = usedTrieLength(check);
  const trie = new Trie(fit(int32(file('base.dat.gz')), used), fit(check, used));

  const dic = new DynamicDictionaries();
  // Its constructors made four empty 10 MiB buffers that the files below replace: given back once replaced.
  const empty = [dic.token_info_dictionary, dic.unknown_dictionary].flatMap((d) => [
    d.dictionary.buffer,
    d.pos_buffer.buffer,
  ]);
  // Feature lines: compact (the build converts them), else converted here (Node, from kuromoji's own files).
  const compact = isCompactFeatures(tidPos);
  // Converting rewrites tid.dat's pointers: on a copy, so that buffers a loader might hand out again stay as they were.
  const tid = compact ? tidFile : tidFile.slice();
  const features = new CompactFeatures(compact ? tidPos : compactFeatures(tid, tidPos));
  // Not loadTokenInfoDictionaries: its target map is what TargetMap replaces, its feature lines CompactFeatures.
  dic.token_info_dictionary.loadDictionary(tid);
  // And drop the empty feature buffer TokenInfoDictionary's constructor made.
  dic.token_info_dictionary.loadPosVector(new Uint8Array(0));
  const tokenInfo = dic.token_info_dictionary;
  tokenInfo.getFeatures = (id: string | number) => {
    const n = typeof id === 'number' ? id : parseInt(id);
    return Number.isNaN(n) ? '' : features.line(tokenInfo.dictionary.getInt(n + 6));
  };
  dic.loadConnectionCosts(new Int16Array(cc.buffer, cc.byteOffset, cc.byteLength >> 1));
  dic.loadUnknownDictionaries(
    unk,
    unkPos,
    unkMap,
    unkChar,
    new Uint32Array(unkCompat.buffer, unkCompat.byteOffset, unkCompat.byteLength >> 2),
    unkInvoke,
  );
  for (const buffer of empty) releaseBuffer(buffer);
  const kuromoji = new KuromojiTokenizer(dic);
  kuromoji.viterbi_builder = new CompactViterbiBuilder(
    trie,
    new TargetMap(int32(tidMap)),
    new Int16Array(tid.buffer, tid.byteOffset, tid.byteLength >> 1),
    dic.unknown_dictionary,
  );
  // Every file now lives in the structures above: the map would otherwise keep the originals alive through this
  // function's closures (and hide who holds what in a heap snapshot).
  loaded.clear();
  return { tokenize: (text) => kuromoji.tokenize(text) as KuromojiToken[] };
}

function int32(b: Uint8Array): Int32Array {
  const aligned = b.byteOffset % 4 === 0 ? b : b.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
}

/** The first `n` elements, in a buffer of their own when that frees a large unused tail. */
function fit(a: Int32Array, n: number): Int32Array {
  return n >= a.length - 1024 ? a : a.slice(0, n);
}

/** Lone surrogates (half a character, as a page or a cut string may hold) become U+FFFD: same length, same places. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export async function createTokenizer(load: DictFileLoader): Promise<Tokenizer> {
  const kuromoji = await createKuromoji(load);
  return {
    tokenize(input: string): Token[] {
      const text = input.replace(LONE_SURROGATE, '\ufffd');
      const raw = kuromoji.tokenize(text);
      // kuromoji counts positions in code points (and an unknown run's length in UTF-16 units): take each token's
      // place from the text instead, which is the same for text without characters beyond the BMP.
      let cursor = 0;
      return raw.map((t) => {
        const found = text.startsWith(t.surface_form, cursor) ? cursor : text.indexOf(t.surface_form, cursor);
        const start = found >= 0 ? found : cursor;
        cursor = start + t.surface_form.length;
        return {
          surface: t.surface_form,
          start,
          pos: t.pos,
          posDetail: t.pos_detail_1,
          ...(t.pos_detail_2 !== '*' && { posDetail2: t.pos_detail_2 }),
          ...(t.pos_detail_3 !== '*' && { posDetail3: t.pos_detail_3 }),
          conjugationType: t.conjugated_type,
          conjugationForm: t.conjugated_form,
          baseForm: t.basic_form === '*' ? t.surface_form : t.basic_form,
          reading: t.reading && t.reading !== '*' ? t.reading : t.surface_form,
        };
      });
    },
  };
}
