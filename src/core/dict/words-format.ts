/**
 * Compact on-disk form of a word dictionary, opened without parsing it: two files.
 *
 * `.idx` (binary, little-endian; the typed-array sections are 4-byte aligned):
 *   header  u32[8]  magic "KJWD", version, entryCount, keyCount, blockCount, blockBytes, headCharCount, 0
 *   u32[entryCount + 1]  byte offset of each entry's record in the unpacked `.dat` text
 *   u32[blockCount + 1]  byte offset of each key block in the block bytes
 *   u32[blockCount + 1]  start of each block's first key in the head characters
 *   u16[headCharCount]   first key of every block, as UTF-16 code units (binary-searched without decoding)
 *   u8[blockBytes]       the key blocks
 * Keys are sorted by UTF-16 code unit and cut into blocks of KEYS_PER_BLOCK. Inside a block each key is front-coded
 * against the previous one (the block's head for the first): varint shared length, varint suffix length, suffix as
 * u16 LE, varint entry count, varint entry ids — entries where that spelling is common first, then by id.
 *
 * `.dat`: the entries, one UTF-8 record each, kept deflated in small blocks (packed-records.ts) and decoded only when
 * a lookup returns it; the index holds each record's offset in the unpacked text. A record is
 *   kanjiForms RS kanaForms (RS sense)*
 * where forms are separated by GS and a form is `text [US common("1"|"") [US tags,… [US spelling (FS spelling)*]]]`
 * (the last part: the spellings a reading belongs to, when not all); a sense is
 * `pos,… US tags,… US gloss (GS gloss)*`. EDICT text never holds these control characters.
 */
import type { Form, Sense, WordEntry } from '../types';
import type { WordIndex } from './word-index';
import { hasConvertibleKatakana, toHiragana } from '../text/kana';
import { openPackedRecords, packRecords } from './packed-records';

const WORDS_FORMAT_VERSION = 4;
const KEYS_PER_BLOCK = 16;
const MAGIC = 0x44574a4b; // "KJWD" read as little-endian u32
const HEADER_WORDS = 8;
const RS = '\u001e';
const GS = '\u001d';
const US = '\u001f';
const FS = '\u001c';

export interface WordFiles {
  idx: Uint8Array;
  dat: Uint8Array;
}

type WordFilesInput = { idx: ArrayBuffer | Uint8Array; dat: ArrayBuffer | Uint8Array };

// ---------------------------------------------------------------- writing

function encodeForm(form: Form): string {
  const tags = form.tags && form.tags.length > 0 ? form.tags.join(',') : '';
  const only = form.only && form.only.length > 0 ? form.only.join(FS) : '';
  if (only) return `${form.text}${US}${form.common ? '1' : ''}${US}${tags}${US}${only}`;
  if (tags) return `${form.text}${US}${form.common ? '1' : ''}${US}${tags}`;
  return form.common ? `${form.text}${US}1` : form.text;
}

function encodeSense(sense: Sense): string {
  return `${sense.pos.join(',')}${US}${(sense.tags ?? []).join(',')}${US}${sense.glosses.join(GS)}`;
}

function encodeEntryRecord(entry: WordEntry): string {
  return [
    entry.kanji.map(encodeForm).join(GS),
    entry.kana.map(encodeForm).join(GS),
    ...entry.senses.map(encodeSense),
  ].join(RS);
}

/** Index keys of an entry: spellings as written, readings in hiragana; with whether that key is a common form. */
function entryKeys(entry: WordEntry): Map<string, boolean> {
  const keys = new Map<string, boolean>();
  for (const form of entry.kanji) keys.set(form.text, (keys.get(form.text) ?? false) || !!form.common);
  for (const form of entry.kana) {
    const key = toHiragana(form.text);
    keys.set(key, (keys.get(key) ?? false) || !!form.common);
  }
  return keys;
}

/**
 * Entries must have ids 0..n-1 in array order: the id is the entry's position in the files. `deflate` packs one
 * block of records (packed-records.ts; the Node build passes zlib's).
 */
export function writeWordFiles(entries: readonly WordEntry[], deflate?: Parameters<typeof packRecords>[2]): WordFiles {
  const encoder = new TextEncoder();
  const entryOffsets = new Uint32Array(entries.length + 1);
  const postingsByKey = new Map<string, { id: number; common: boolean }[]>();
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: encode straight into one buffer.
  let buffer = new Uint8Array(1 << 24);
  let datLength = 0;

  entries.forEach((entry, i) => {
    if (entry.id !== i) throw new Error(`entry ids must be 0..n-1 in order; found id ${entry.id} at ${i}`);
    const record = encodeEntryRecord(entry);
    if (datLength + record.length * 3 > buffer.length) {
      const bigger = new Uint8Array(Math.max(buffer.length * 2, datLength + record.length * 3));
      bigger.set(buffer.subarray(0, datLength));
      buffer = bigger;
    }
    entryOffsets[i] = datLength;
    datLength += encoder.encodeInto(record, buffer.subarray(datLength)).written;
    for (const [key, common] of entryKeys(entry)) {
      let list = postingsByKey.get(key);
      if (!list) postingsByKey.set(key, (list = []));
      list.push({ id: i, common });
    }
  });
  entryOffsets[entries.length] = datLength;
  const dat = packRecords(buffer.subarray(0, datLength), entryOffsets, deflate);

  // The default sort compares UTF-16 code units, the order the reader's binary search relies on.
  const keys = [...postingsByKey.keys()].sort();
  const blockCount = Math.ceil(keys.length / KEYS_PER_BLOCK);
  const blockStarts = new Uint32Array(blockCount + 1);
  const headStarts = new Uint32Array(blockCount + 1);
  const heads: string[] = [];
  const blocks = new ByteWriter();
  keys.forEach((key, k) => {
    if (k % KEYS_PER_BLOCK === 0) {
      const b = k / KEYS_PER_BLOCK;
      blockStarts[b] = blocks.length;
      heads.push(key);
    }
    const previous = k % KEYS_PER_BLOCK === 0 ? key : keys[k - 1]!;
    let shared = 0;
    while (shared < key.length && shared < previous.length && key[shared] === previous[shared]) shared++;
    blocks.varint(shared);
    blocks.varint(key.length - shared);
    for (let c = shared; c < key.length; c++) blocks.u16(key.charCodeAt(c));
    const list = postingsByKey.get(key)!;
    list.sort((x, y) => Number(y.common) - Number(x.common) || x.id - y.id);
    blocks.varint(list.length);
    for (const p of list) blocks.varint(p.id);
  });
  blockStarts[blockCount] = blocks.length;
  const headChars = new Uint16Array(heads.reduce((n, h) => n + h.length, 0));
  let charAt = 0;
  heads.forEach((head, b) => {
    headStarts[b] = charAt;
    for (let c = 0; c < head.length; c++) headChars[charAt++] = head.charCodeAt(c);
  });
  headStarts[blockCount] = charAt;

  const header = new Uint32Array(HEADER_WORDS);
  header.set([MAGIC, WORDS_FORMAT_VERSION, entries.length, keys.length, blockCount, blocks.length, headChars.length]);
  const sections: ArrayBufferView[] = [header, entryOffsets, blockStarts, headStarts, headChars, blocks.bytes()];
  const idxLength = sections.reduce((n, s) => n + align4(s.byteLength), 0);
  const idx = new Uint8Array(idxLength);
  let byteAt = 0;
  for (const s of sections) {
    idx.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), byteAt);
    byteAt += align4(s.byteLength);
  }
  assertLittleEndian();
  return { idx, dat };
}

/** Growable byte buffer for the key blocks. */
class ByteWriter {
  private buf = new Uint8Array(1 << 20);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  varint(value: number): void {
    this.room(5);
    while (value >= 0x80) {
      this.buf[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buf[this.length++] = value;
  }

  u16(value: number): void {
    this.room(2);
    this.buf[this.length++] = value & 0xff;
    this.buf[this.length++] = value >>> 8;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('word files need a little-endian host');
}

// ---------------------------------------------------------------- reading

function decodeForms(field: string): Form[] {
  if (field === '') return [];
  return field.split(GS).map((raw) => {
    const parts = raw.split(US);
    const form: Form = { text: parts[0]! };
    if (parts[1] === '1') form.common = true;
    if (parts[2]) form.tags = parts[2].split(',');
    if (parts[3]) form.only = parts[3].split(FS);
    return form;
  });
}

function decodeSense(field: string): Sense {
  const [pos, tags, glosses] = field.split(US);
  const sense: Sense = { pos: pos ? pos.split(',') : [], glosses: glosses!.split(GS) };
  if (tags) sense.tags = tags.split(',');
  return sense;
}

function decodeEntryRecord(id: number, record: string): WordEntry {
  const [kanji, kana, ...senses] = record.split(RS);
  return { id, kanji: decodeForms(kanji!), kana: decodeForms(kana!), senses: senses.map(decodeSense) };
}

function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Word index over the two files; also lists keys by prefix, for search-as-you-type. */
export interface WordFilesIndex extends WordIndex {
  /** Number of distinct keys. */
  readonly keyCount: number;
  /** Up to `limit` keys starting with `prefix`, in code-unit order. */
  keysWithPrefix(prefix: string, limit: number): string[];
  /** The entry with this id (ids are 0..size-1). */
  entry(id: number): WordEntry;
}

const CACHE_SIZE = 2048;

/**
 * Opens word files without parsing them: only typed-array views are created. Returned entries are shared with an
 * internal cache; treat them as read-only.
 */
export function openWords(files: WordFilesInput): WordFilesIndex {
  assertLittleEndian();
  let idxBytes = toBytes(files.idx);
  if (idxBytes.byteOffset % 4 !== 0) idxBytes = idxBytes.slice();
  const dat = toBytes(files.dat);
  const buffer = idxBytes.buffer;
  let at = idxBytes.byteOffset;
  const take32 = (n: number): Uint32Array => {
    const view = new Uint32Array(buffer, at, n);
    at += align4(n * 4);
    return view;
  };
  if (idxBytes.byteLength < HEADER_WORDS * 4) throw new Error('word index: file too short');
  const header = take32(HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('word index: not a Kiji word index');
  if (header[1] !== WORDS_FORMAT_VERSION) {
    throw new Error(`word index: format version ${header[1]}, expected ${WORDS_FORMAT_VERSION}`);
  }
  const [, , entryCount = 0, keyCount = 0, blockCount = 0, blockBytes = 0, headCharCount = 0] = header;
  const expected =
    HEADER_WORDS * 4 +
    align4((entryCount + 1) * 4) +
    2 * align4((blockCount + 1) * 4) +
    align4(headCharCount * 2) +
    blockBytes;
  if (idxBytes.byteLength < expected) throw new Error('word index: file truncated');
  const entryOffsets = take32(entryCount + 1);
  const records = openPackedRecords(dat, entryOffsets);
  if (records.recordCount !== entryCount || records.rawBytes !== entryOffsets[entryCount]) {
    throw new Error('word data: size does not match the index');
  }
  const blockStarts = take32(blockCount + 1);
  const headStarts = take32(blockCount + 1);
  const headChars = new Uint16Array(buffer, at, headCharCount);
  at += align4(headCharCount * 2);
  const blocks = new Uint8Array(buffer, at, blockBytes);

  const decoder = new TextDecoder('utf-8');
  const cache = new Map<number, WordEntry>();

  /** <0, 0, >0 as the head of block b sorts before, equal to, after the query. */
  const compareHead = (b: number, query: string): number => {
    const start = headStarts[b]!;
    const length = headStarts[b + 1]! - start;
    const n = Math.min(length, query.length);
    for (let i = 0; i < n; i++) {
      const d = headChars[start + i]! - query.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - query.length;
  };

  /** The block that would hold the query: the last one whose head does not sort after it, or -1. */
  const blockFor = (query: string): number => {
    let lo = 0;
    let hi = blockCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareHead(mid, query) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  /** Walks the keys of one block in order; the cursor's key lives in `chars[0..length)`. */
  class BlockCursor {
    chars = new Uint16Array(64);
    length = 0;
    private p = 0;
    private end = 0;
    private left = 0;

    reset(block: number): this {
      this.left = 0;
      this.p = blockStarts[block]!;
      this.end = blockStarts[block + 1]!;
      const start = headStarts[block]!;
      this.length = headStarts[block + 1]! - start;
      this.grow(this.length);
      this.chars.set(headChars.subarray(start, start + this.length));
      return this;
    }

    private grow(n: number): void {
      if (n <= this.chars.length) return;
      const bigger = new Uint16Array(n * 2);
      bigger.set(this.chars.subarray(0, this.length));
      this.chars = bigger;
    }

    private varint(): number {
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = blocks[this.p++] ?? 0;
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return value;
    }

    /** Moves to the next key; false at the end of the block. */
    next(): boolean {
      while (this.left > 0) {
        this.varint();
        this.left--;
      }
      if (this.p >= this.end) return false;
      const shared = this.varint();
      const suffix = this.varint();
      this.grow(shared + suffix);
      for (let i = 0; i < suffix; i++, this.p += 2)
        this.chars[shared + i] = blocks[this.p]! | (blocks[this.p + 1]! << 8);
      this.length = shared + suffix;
      this.left = this.varint();
      return true;
    }

    compare(query: string): number {
      const n = Math.min(this.length, query.length);
      for (let i = 0; i < n; i++) {
        const d = this.chars[i]! - query.charCodeAt(i);
        if (d !== 0) return d;
      }
      return this.length - query.length;
    }

    startsWith(prefix: string): boolean {
      if (this.length < prefix.length) return false;
      for (let i = 0; i < prefix.length; i++) if (this.chars[i] !== prefix.charCodeAt(i)) return false;
      return true;
    }

    key(): string {
      return String.fromCharCode(...this.chars.subarray(0, this.length));
    }

    ids(out: number[]): void {
      for (; this.left > 0; this.left--) {
        const id = this.varint();
        if (!out.includes(id)) out.push(id);
      }
    }
  }

  const lookupCursor = new BlockCursor();
  const exactIds = (key: string, out: number[]): void => {
    const block = blockFor(key);
    if (block < 0) return;
    const cursor = lookupCursor.reset(block);
    while (cursor.next()) {
      const order = cursor.compare(key);
      if (order === 0) return cursor.ids(out);
      if (order > 0) return;
    }
  };

  /** Whether some key starts with `prefix`: the first key not sorting before it does. */
  const hasKeyWithPrefix = (prefix: string): boolean => {
    for (let block = Math.max(0, blockFor(prefix)); block < blockCount; block++) {
      const cursor = lookupCursor.reset(block);
      while (cursor.next()) {
        if (cursor.compare(prefix) >= 0) return cursor.startsWith(prefix);
      }
    }
    return false;
  };

  /** Binary search over the length: a prefix of a key's prefix is one too. */
  const reach = (text: string): number => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (hasKeyWithPrefix(text.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const entry = (id: number): WordEntry => {
    const hit = cache.get(id);
    if (hit) {
      // Re-insert so Map order tracks recency.
      cache.delete(id);
      cache.set(id, hit);
      return hit;
    }
    if (!(id >= 0 && id < entryCount)) throw new RangeError(`word entry ${id} out of range`);
    const decoded = decodeEntryRecord(id, decoder.decode(records.record(id)));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(id, decoded);
    return decoded;
  };

  return {
    size: entryCount,
    keyCount,
    entry,
    lookup(key: string): WordEntry[] {
      const ids: number[] = [];
      exactIds(key, ids);
      // Readings are indexed in hiragana: a katakana query also finds them.
      if (hasConvertibleKatakana(key)) exactIds(toHiragana(key), ids);
      return ids.map(entry);
    },
    prefixReach(text: string): number {
      const written = reach(text);
      return hasConvertibleKatakana(text) ? Math.max(written, reach(toHiragana(text))) : written;
    },
    keysWithPrefix(prefix: string, limit: number): string[] {
      const out: string[] = [];
      for (let block = Math.max(0, blockFor(prefix)); block < blockCount && out.length < limit; block++) {
        const cursor = new BlockCursor().reset(block);
        while (cursor.next() && out.length < limit) {
          if (cursor.startsWith(prefix)) out.push(cursor.key());
          else if (cursor.compare(prefix) > 0) return out;
        }
      }
      return out;
    },
  };
}
