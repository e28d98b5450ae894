import type { Token } from '../types';
// kuromoji's own loaders need XMLHttpRequest (absent in service workers) or Node's fs; we feed its dictionary
// builder ourselves so one code path serves Node, extension pages and workers.
import DynamicDictionaries from 'kuromoji/src/dict/DynamicDictionaries.js';
import KuromojiTokenizer from 'kuromoji/src/Tokenizer.js';
import {
  CompactFeatures,
  compactFeatures,
  CompactViterbiBuilder,
  int32,
  isCompactFeatures,
  isPackedTrie,
  packTrie,
  Trie,
  trimDictFile,
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

/** kuromoji's files that the build's packed trie (in base.dat.gz) replaces. */
const TRIE_FILES = new Set<string>(['check.dat.gz', 'tid_map.dat.gz']);

/** The files as the build ships them (compact-dict.ts, packKuromojiFiles). */
export const PACKED_KUROMOJI_FILES = KUROMOJI_FILES.filter((name) => !TRIE_FILES.has(name));

const bytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);

/**
 * kuromoji itself: its tokens unchanged (the golden-token test compares these), over the compact dictionary of
 * compact-dict.ts. Each file is kept once, in its final form: trimmed of its padding when the build has not done it.
 */
export async function createKuromoji(load: DictFileLoader): Promise<{ tokenize(text: string): KuromojiToken[] }> {
  const read = async (name: string) =>
    [name, trimDictFile(name.replace(/\.gz$/, ''), bytes(await load(name)))] as const;
  const common = Promise.all(PACKED_KUROMOJI_FILES.map(read));
  // The build's base.dat.gz holds the whole trie and target map (packTrie); kuromoji's own, the trie's base array.
  const loaded = new Map<string, Uint8Array>(await common);
  const base = loaded.get('base.dat.gz')!;
  const packed = isPackedTrie(base);
  if (!packed) for (const [name, file] of await Promise.all([...TRIE_FILES].map(read))) loaded.set(name, file);
  const file = (name: (typeof KUROMOJI_FILES)[number]): Uint8Array => loaded.get(name)!;
  const [tidFile, tidPos, cc, unk, unkPos, unkMap, unkChar, unkCompat, unkInvoke] = [
    file('tid.dat.gz'),
    file('tid_pos.dat.gz'),
    file('cc.dat.gz'),
    file('unk.dat.gz'),
    file('unk_pos.dat.gz'),
    file('unk_map.dat.gz'),
    file('unk_char.dat.gz'),
    file('unk_compat.dat.gz'),
    file('unk_invoke.dat.gz'),
  ];
  const trieBytes = packed ? base : packTrie(int32(base), int32(file('check.dat.gz')), int32(file('tid_map.dat.gz')));
  const trie = new Trie(trieBytes);

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
  // Not loadTokenInfoDictionaries: its target map is what the packed trie replaces, its feature lines CompactFeatures.
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
    new Int16Array(tid.buffer, tid.byteOffset, tid.byteLength >> 1),
    dic.unknown_dictionary,
  );
  // Every file now lives in the structures above: the map would otherwise keep the originals alive through this
  // function's closures (and hide who holds what in a heap snapshot).
  loaded.clear();
  return { tokenize: (text) => kuromoji.tokenize(text) as KuromojiToken[] };
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
