import type { Token } from '../types';
// kuromoji's own loaders need XMLHttpRequest (absent in service workers) or Node's fs; we feed its dictionary
// builder ourselves so one code path serves Node, extension pages and workers.
import DynamicDictionaries from 'kuromoji/src/dict/DynamicDictionaries.js';
import KuromojiTokenizer from 'kuromoji/src/Tokenizer.js';

/** Returns the decompressed bytes of one of kuromoji's `*.dat.gz` files. */
export type DictFileLoader = (name: string) => Promise<ArrayBuffer>;

export interface Tokenizer {
  tokenize(text: string): Token[];
}

interface KuromojiToken {
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
}

const KUROMOJI_FILES = [
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

export async function createTokenizer(load: DictFileLoader): Promise<Tokenizer> {
  const buffers = await Promise.all(KUROMOJI_FILES.map((name) => load(name)));
  const b = Object.fromEntries(KUROMOJI_FILES.map((name, i) => [name, buffers[i]])) as Record<
    (typeof KUROMOJI_FILES)[number],
    ArrayBuffer
  >;
  const dic = new DynamicDictionaries();
  dic.loadTrie(new Int32Array(b['base.dat.gz']), new Int32Array(b['check.dat.gz']));
  dic.loadTokenInfoDictionaries(
    new Uint8Array(b['tid.dat.gz']),
    new Uint8Array(b['tid_pos.dat.gz']),
    new Uint8Array(b['tid_map.dat.gz']),
  );
  dic.loadConnectionCosts(new Int16Array(b['cc.dat.gz']));
  dic.loadUnknownDictionaries(
    new Uint8Array(b['unk.dat.gz']),
    new Uint8Array(b['unk_pos.dat.gz']),
    new Uint8Array(b['unk_map.dat.gz']),
    new Uint8Array(b['unk_char.dat.gz']),
    new Uint32Array(b['unk_compat.dat.gz']),
    new Uint8Array(b['unk_invoke.dat.gz']),
  );
  const kuromoji = new KuromojiTokenizer(dic);
  return {
    tokenize(text: string): Token[] {
      const raw = kuromoji.tokenize(text) as KuromojiToken[];
      return raw.map((t) => ({
        surface: t.surface_form,
        start: t.word_position - 1,
        pos: t.pos,
        posDetail: t.pos_detail_1,
        ...(t.pos_detail_2 !== '*' && { posDetail2: t.pos_detail_2 }),
        ...(t.pos_detail_3 !== '*' && { posDetail3: t.pos_detail_3 }),
        conjugationType: t.conjugated_type,
        conjugationForm: t.conjugated_form,
        baseForm: t.basic_form === '*' ? t.surface_form : t.basic_form,
        reading: t.reading && t.reading !== '*' ? t.reading : t.surface_form,
      }));
    },
  };
}
