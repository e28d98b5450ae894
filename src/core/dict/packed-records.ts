/**
 * A dictionary's entry records kept deflated in the engine's memory, in blocks of about 1 KiB of whole records,
 * each compressed against one shared preset dictionary (a sample of the text): EDICT's 15.8 MB of records take
 * 7.4 MB, ENAMDICT's 10 MB 3.8 MB. A record is read by inflating its one block (about 10–20 µs), which only
 * happens when a lookup returns an entry the word index has not decoded recently (under one per hover along an
 * article). Bigger blocks compress a little better and cost proportionally more per read; without the preset
 * dictionary 1 KiB blocks would compress about a fifth worse.
 *
 * Layout (little-endian; the u32 sections 4-byte aligned):
 *   header  u32[8]  magic "KJPR", version, recordCount, blockCount, dictionaryBytes, rawBytes, dataBytes, 0
 *   u32[blockCount + 1]  first record of each block (the last: recordCount)
 *   u32[blockCount + 1]  start of each block in the deflated data
 *   u8[dictionaryBytes]  the preset dictionary
 *   u8[dataBytes]        the blocks, raw deflate
 */
import { deflateSync, inflateSync } from 'fflate';

const MAGIC = 0x52504a4b; // "KJPR" read as little-endian u32
const VERSION = 1;
const HEADER_WORDS = 8;
/** A block closes once it holds this many bytes of records. */
const BLOCK_BYTES = 1024;
const DICTIONARY_BYTES = 32 * 1024;
const DICTIONARY_SLICES = 128;

const align4 = (n: number) => (n + 3) & ~3;

/** Evenly spaced slices of the text: what recurs across the whole file (tags, common glosses, kana). */
function presetDictionary(raw: Uint8Array): Uint8Array {
  if (raw.length <= DICTIONARY_BYTES) return raw.slice();
  const slice = DICTIONARY_BYTES / DICTIONARY_SLICES;
  const step = Math.floor(raw.length / DICTIONARY_SLICES);
  const out = new Uint8Array(DICTIONARY_BYTES);
  for (let i = 0; i < DICTIONARY_SLICES; i++) out.set(raw.subarray(i * step, i * step + slice), i * slice);
  return out;
}

/**
 * Packs records: record r is raw[offsets[r] .. offsets[r + 1]). `deflate` compresses one block against the preset
 * dictionary (raw deflate); the Node build passes zlib's, which is faster than the JavaScript one used by default.
 */
export function packRecords(
  raw: Uint8Array,
  offsets: Uint32Array,
  deflate: (block: Uint8Array, dictionary: Uint8Array) => Uint8Array = (block, dictionary) =>
    deflateSync(block, { level: 9, dictionary }),
): Uint8Array {
  const recordCount = offsets.length - 1;
  const dictionary = presetDictionary(raw);
  const firsts: number[] = [];
  const blocks: Uint8Array[] = [];
  for (let r = 0; r < recordCount;) {
    const first = r;
    while (r < recordCount && offsets[r]! - offsets[first]! < BLOCK_BYTES) r++;
    firsts.push(first);
    blocks.push(deflate(raw.subarray(offsets[first], offsets[r]), dictionary));
  }
  const blockCount = blocks.length;
  const dataBytes = blocks.reduce((n, b) => n + b.length, 0);
  const tableBytes = HEADER_WORDS * 4 + 2 * 4 * (blockCount + 1);
  const out = new Uint8Array(tableBytes + align4(dictionary.length) + dataBytes);
  const words = new Uint32Array(out.buffer, 0, tableBytes / 4);
  words.set([MAGIC, VERSION, recordCount, blockCount, dictionary.length, offsets[recordCount]!, dataBytes]);
  let at = HEADER_WORDS;
  for (const f of firsts) words[at++] = f;
  words[at++] = recordCount;
  let start = 0;
  for (const b of blocks) {
    words[at++] = start;
    start += b.length;
  }
  words[at] = start;
  out.set(dictionary, tableBytes);
  let byte = tableBytes + align4(dictionary.length);
  for (const b of blocks) {
    out.set(b, byte);
    byte += b.length;
  }
  return out;
}

export interface PackedRecords {
  readonly recordCount: number;
  /** Bytes of all records unpacked. */
  readonly rawBytes: number;
  /** The bytes of record r; valid until the next call. */
  record(r: number): Uint8Array;
}

/** Reads packed records in place; `offsets` are the records' offsets in the unpacked text (the index holds them). */
export function openPackedRecords(input: Uint8Array, offsets: Uint32Array): PackedRecords {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('packed records: file too short');
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('packed records: not a Kiji records file');
  if (header[1] !== VERSION) throw new Error(`packed records: format version ${header[1]}, expected ${VERSION}`);
  const [, , recordCount = 0, blockCount = 0, dictionaryBytes = 0, rawBytes = 0, dataBytes = 0] = header;
  const tableBytes = HEADER_WORDS * 4 + 2 * 4 * (blockCount + 1);
  const dataStart = tableBytes + align4(dictionaryBytes);
  if (bytes.byteLength < dataStart + dataBytes) throw new Error('packed records: file truncated');
  const firsts = new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_WORDS * 4, blockCount + 1);
  const starts = new Uint32Array(
    bytes.buffer,
    bytes.byteOffset + HEADER_WORDS * 4 + 4 * (blockCount + 1),
    blockCount + 1,
  );
  const dictionary = bytes.subarray(tableBytes, tableBytes + dictionaryBytes);
  const data = bytes.subarray(dataStart, dataStart + dataBytes);

  let largest = 0;
  for (let b = 0; b < blockCount; b++) largest = Math.max(largest, offsets[firsts[b + 1]!]! - offsets[firsts[b]!]!);
  // One buffer for the block last read: the next record asked for is often its neighbour.
  const unpacked = new Uint8Array(largest);
  let current = -1;
  let currentBytes = unpacked.subarray(0, 0);

  /** The block holding record r: the last whose first record is not after r. */
  const blockOf = (r: number): number => {
    let lo = 0;
    let hi = blockCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firsts[mid]! <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  return {
    recordCount,
    rawBytes,
    record(r) {
      if (!(r >= 0 && r < recordCount)) throw new RangeError(`record ${r} out of range`);
      const b = blockOf(r);
      if (b !== current) {
        current = -1;
        currentBytes = inflateSync(data.subarray(starts[b], starts[b + 1]), { dictionary, out: unpacked });
        current = b;
      }
      const base = offsets[firsts[b]!]!;
      return currentBytes.subarray(offsets[r]! - base, offsets[r + 1]! - base);
    },
  };
}
