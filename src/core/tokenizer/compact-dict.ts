/**
 * kuromoji's IPADIC dictionary kept in the typed arrays it is loaded in, instead of the JS objects kuromoji builds
 * from them (its token-info target map alone is an object of 326,000 arrays: 30 MiB).
 *
 * - The double-array trie is searched here, one character at a time from the pointer: kuromoji's own search first
 *   encodes the whole rest of the sentence to UTF-8, at every position (quadratic on long text). The build packs it
 *   with the target map (trie id → token-info ids) into one array (`packTrie`, in base.dat.gz): 14.0 MB of
 *   base.dat, check.dat and tid_map.dat → 7.1 MB.
 * - Token info (left id, right id, cost) is read from tid.dat; feature lines stay in tid_pos.dat, compacted
 *   (`compactFeatures`), deflated in blocks (`blockFeatures`) and decoded per token of the best path.
 * - The lattice is built exactly as kuromoji's ViterbiBuilder does (same nodes, same order, so the same ties), with
 *   kuromoji's own ViterbiLattice and ViterbiNode; its ViterbiSearcher and Tokenizer do the rest. Unknown-word runs
 *   are found with one pass of character classes instead of one scan per position.
 * kuromoji's files are padded to powers of two: `trimDictFile` drops the padding (the build does it once; the
 * loader does it for untrimmed files).
 */
import ViterbiLattice from 'kuromoji/src/viterbi/ViterbiLattice.js';
import ViterbiNode from 'kuromoji/src/viterbi/ViterbiNode.js';
import { deflateSync, inflateSync } from 'fflate';

/** Raw deflate of one block (the Node build passes zlib's, much faster than fflate's). */
export type Deflate = (block: Uint8Array) => Uint8Array;
const fflateDeflate: Deflate = (block) => deflateSync(block, { level: 9 });

/** kuromoji's UnknownDictionary, as far as the lattice needs it. */
export interface UnknownDictionaryLike {
  lookup(ch: string): CharacterClassLike;
  target_map: Record<number, number[]>;
  dictionary: { getShort(index: number): number };
}

interface CharacterClassLike {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}

/** Files whose trailing zero bytes are padding that kuromoji's readers treat like absent bytes. */
const ZERO_PADDED = new Set(['tid.dat', 'tid_pos.dat', 'tid_map.dat', 'unk.dat', 'unk_pos.dat', 'unk_map.dat']);

/**
 * The bytes of one of kuromoji's files without its padding (`name` without `.gz`), or the same bytes when there is
 * none to drop. base/check are cut after the last used trie node (only valid with this module's trie search).
 */
export function trimDictFile(name: string, bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  if (ZERO_PADDED.has(name)) {
    while (end > 0 && bytes[end - 1] === 0) end--;
    end = Math.min(bytes.length, (end + 4) & ~3); // keep a terminating zero, and whole 32-bit words
  } else if (name === 'unk_invoke.dat') {
    // Character classes, each ending with its name's zero byte: kuromoji reads padding as ~150,000 nameless classes.
    while (end > 0 && bytes[end - 1] === 0) end--;
    end = Math.min(bytes.length, end + 1);
  } else if (name === 'check.dat' || name === 'base.dat') {
    // packTrie reads them up to the last node in use (usedTrieLength).
    return bytes;
  }
  return end === bytes.length ? bytes : bytes.slice(0, end);
}

/** The bytes as 32-bit words (copied when not aligned). */
export function int32(b: Uint8Array): Int32Array {
  const aligned = b.byteOffset % 4 === 0 ? b : b.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
}

/** Number of trie nodes up to the last one in use (check ≥ 0). */
export function usedTrieLength(check: Int32Array): number {
  let n = check.length;
  while (n > 1 && check[n - 1]! < 0) n--;
  return n;
}

const TRIE_MAGIC = 0x41444a4b; // "KJDA" read as little-endian u32
const TRIE_HEADER_WORDS = 4;
const LABEL_SHIFT = 24;
const BASE_MASK = (1 << LABEL_SHIFT) - 1;
/** The label of the root and of unused cells: no UTF-8 byte (lead bytes end at 0xf4). */
const NO_LABEL = 0xff;
/** A leaf's value when its word has no token info: a match all the same (it keeps unknown words from starting). */
export const NO_TARGETS = BASE_MASK;
/** In `targets`, the flag of the last token-info id of a word. */
const LAST_TARGET = 1 << 30;
const TARGET_MASK = LAST_TARGET - 1;

/** Whether base.dat is the build's packed trie (`packTrie`) rather than kuromoji's own. */
export function isPackedTrie(bytes: Uint8Array): boolean {
  return magicOf(bytes) === TRIE_MAGIC;
}

/**
 * kuromoji's dictionary trie and target map in one array of cells, searched one character at a time from the pointer
 * (kuromoji's own search first encodes the whole rest of the sentence to UTF-8, at every position: quadratic on long
 * text). A double array over UTF-8 bytes as the `doublearray` package lays it out, with each cell one u32 instead of
 * two i32 (base, check): the byte that leads to it (8 bits) and its base (24 bits). A byte is enough to check a
 * transition because `packTrie` gives no two nodes the same base (kuromoji's check holds the parent's index since
 * its bases repeat). A word's leaf (the child by byte 0) holds, instead of a base, where its token-info ids start
 * in `targets`: ids (byte offsets into tid.dat) with LAST_TARGET on the last of each word's run, kuromoji's order.
 *
 * Layout (u32): magic, cell count, target count, 0, cells, targets.
 */
export class Trie {
  readonly cells: Uint32Array;
  readonly targets: Int32Array;

  constructor(bytes: Uint8Array) {
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
    if (words[0] !== TRIE_MAGIC) throw new Error('base.dat: not a packed trie');
    const n = words[1]!;
    const t = words[2]!;
    this.cells = words.subarray(TRIE_HEADER_WORDS, TRIE_HEADER_WORDS + n);
    this.targets = new Int32Array(words.buffer, words.byteOffset + 4 * (TRIE_HEADER_WORDS + n), t);
  }

  private traverse(parent: number, code: number): number {
    const child = (this.cells[parent]! & BASE_MASK) + code;
    return child < this.cells.length && this.cells[child]! >>> LABEL_SHIFT === code ? child : -1;
  }

  /** Token-info id `i` of `targets` (byte offset into tid.dat), and whether it is its word's last. */
  static targetId(value: number): number {
    return value & TARGET_MASK;
  }

  static isLastTarget(value: number): boolean {
    return (value & LAST_TARGET) !== 0;
  }

  /**
   * Every dictionary word that starts at `from` in `text`: where its token-info ids start in `targets` (NO_TARGETS
   * for none) and its length in UTF-16 units, shortest first (doublearray's commonPrefixSearch, which the dictionary
   * was written for). Stops at the first character the trie cannot follow; a lone surrogate ends the search.
   */
  prefixes(text: string, from: number, starts: number[], lengths: number[]): void {
    starts.length = 0;
    lengths.length = 0;
    let node = 0;
    for (let i = from; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      let units = 1;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        const low = text.charCodeAt(i + 1);
        if (cp > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        units = 2;
      }
      if (cp < 0x80) node = this.traverse(node, cp);
      else if (cp < 0x800) {
        node = this.traverse(node, 0xc0 | (cp >> 6));
        if (node >= 0) node = this.traverse(node, 0x80 | (cp & 0x3f));
      } else if (cp < 0x10000) {
        node = this.traverse(node, 0xe0 | (cp >> 12));
        if (node >= 0) node = this.traverse(node, 0x80 | ((cp >> 6) & 0x3f));
        if (node >= 0) node = this.traverse(node, 0x80 | (cp & 0x3f));
      } else {
        node = this.traverse(node, 0xf0 | (cp >> 18));
        if (node >= 0) node = this.traverse(node, 0x80 | ((cp >> 12) & 0x3f));
        if (node >= 0) node = this.traverse(node, 0x80 | ((cp >> 6) & 0x3f));
        if (node >= 0) node = this.traverse(node, 0x80 | (cp & 0x3f));
      }
      if (node < 0) return;
      i += units - 1;
      const leaf = this.traverse(node, 0);
      if (leaf >= 0) {
        starts.push(this.cells[leaf]! & BASE_MASK);
        lengths.push(i + 1 - from);
      }
    }
  }
}

/**
 * kuromoji's trie (base.dat, check.dat, as `doublearray` built it) and target map (tid_map.dat) as one packed trie
 * (`Trie`): the same words from the same characters, the same token-info ids in the same order. The nodes are laid
 * out again, breadth first, each at the first place where its children fit and with a base no other node has.
 */
export function packTrie(base: Int32Array, check: Int32Array, tidMap: Int32Array): Uint8Array {
  const n = usedTrieLength(check);
  const targets = targetsFromKuromoji(tidMap);
  // Children of every node, by byte, in CSR form (cells in increasing order: bytes in increasing order per parent).
  const childCount = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) if (check[i]! >= 0 && check[i]! < n) childCount[check[i]! + 1]!++;
  for (let i = 0; i < n; i++) childCount[i + 1]! += childCount[i]!;
  const firstChild = childCount; // now prefix sums: children of p are [firstChild[p], firstChild[p + 1])
  const children = new Int32Array(firstChild[n]!);
  const fill = firstChild.slice(0, n);
  for (let i = 1; i < n; i++) if (check[i]! >= 0 && check[i]! < n) children[fill[check[i]!]!++] = i;
  const labelOf = (child: number) => child - base[check[child]!]!;

  let cells = new Uint32Array(n + (n >> 3) + 1024).fill(NO_LABEL << LABEL_SHIFT);
  let used = new Uint8Array(cells.length);
  let baseUsed = new Uint8Array(cells.length);
  // skip[c]: a cell at or before the next free one after c (followed and shortened as cells fill up).
  let skip = new Int32Array(cells.length);
  const grow = (size: number) => {
    if (size <= cells.length) return;
    const length = Math.max(size, cells.length + (cells.length >> 1));
    const c = new Uint32Array(length).fill(NO_LABEL << LABEL_SHIFT);
    c.set(cells);
    cells = c;
    const u = new Uint8Array(length);
    u.set(used);
    used = u;
    const b = new Uint8Array(length);
    b.set(baseUsed);
    baseUsed = b;
    const k = new Int32Array(length);
    k.set(skip);
    skip = k;
  };
  const freeFrom = (cell: number): number => {
    let c = cell;
    while (used[c]) c = skip[c]!;
    // Path compression: every used cell passed now points past the run.
    for (let d = cell; used[d] && d !== c;) {
      const next = skip[d]!;
      skip[d] = c;
      d = next;
    }
    return c;
  };
  const take = (cell: number) => {
    used[cell] = 1;
    skip[cell] = cell + 1;
  };
  take(0);
  const out: number[] = [];
  /** Where the search for free cells starts: cells before it that no node could take are given up. */
  let scanFrom = 1;
  /** The first base, not yet any node's, that puts each of these bytes on a free cell. */
  const findBase = (labels: readonly number[]): number => {
    const first = labels[0]!;
    let probes = 0;
    for (let cell = freeFrom(Math.max(scanFrom, first + 1)); ; cell = freeFrom(cell + 1), probes++) {
      grow(cell + 512);
      const b = cell - first;
      if (baseUsed[b]) continue;
      let fits = true;
      for (let k = 1; k < labels.length && fits; k++) fits = !used[b + labels[k]!];
      if (!fits) continue;
      // A long search means the free cells behind are holes nothing fits: start later next time.
      if (probes > 256) scanFrom = cell;
      return b;
    }
  };
  let queue = [0];
  const newPos = new Int32Array(n);
  const labels: number[] = [];
  while (queue.length > 0) {
    const next: number[] = [];
    for (const old of queue) {
      labels.length = 0;
      for (let c = firstChild[old]!; c < firstChild[old + 1]!; c++) labels.push(labelOf(children[c]!));
      if (labels.length === 0) throw new Error(`trie: node ${old} has no child and is not a leaf`);
      const b = findBase(labels);
      baseUsed[b] = 1;
      const at = newPos[old]!;
      cells[at] = (cells[at]! & ~BASE_MASK) | b;
      for (let c = firstChild[old]!; c < firstChild[old + 1]!; c++) {
        const child = children[c]!;
        const label = labelOf(child);
        const cell = b + label;
        newPos[child] = cell;
        if (label !== 0) {
          take(cell);
          cells[cell] = label << LABEL_SHIFT;
          next.push(child);
          continue;
        }
        if (firstChild[child + 1]! > firstChild[child]!) throw new Error(`trie: leaf ${child} has children`);
        // kuromoji's search takes a leaf whose base is not positive as word -base - 1 (a word without token info
        // when that is not in the target map); one with a positive base as no word at all.
        const value = base[child]!;
        if (value > 0) continue;
        take(cell);
        const trieId = -value - 1;
        // As kuromoji's target map reads: an id it does not hold has no token info.
        const from = trieId + 1 < targets.starts.length ? targets.starts[trieId]! : 0;
        const to = trieId + 1 < targets.starts.length ? targets.starts[trieId + 1]! : 0;
        let start = NO_TARGETS;
        if (from < to) {
          start = out.length;
          for (let i = from; i < to; i++) out.push(targets.ids[i]! | (i === to - 1 ? LAST_TARGET : 0));
        }
        if (start > NO_TARGETS) throw new Error('trie: too many token-info ids');
        cells[cell] = start;
      }
    }
    queue = next;
  }
  let size = cells.length;
  while (size > 1 && !used[size - 1]) size--;
  if (size > BASE_MASK) throw new Error('trie: too many cells');
  const bytes = new Uint8Array(4 * (TRIE_HEADER_WORDS + size + out.length));
  const words = new Uint32Array(bytes.buffer);
  words.set([TRIE_MAGIC, size, out.length, 0]);
  words.set(cells.subarray(0, size), TRIE_HEADER_WORDS);
  new Int32Array(bytes.buffer, 4 * (TRIE_HEADER_WORDS + size)).set(out);
  return bytes;
}

/** kuromoji's tid_map.dat (count, then key, size, ids… per key) as starts and ids. */
function targetsFromKuromoji(words: Int32Array): { starts: Int32Array; ids: Int32Array } {
  const count = words[0] ?? 0;
  let max = -1;
  let total = 0;
  for (let k = 0, at = 1; k < count; k++, at += 2 + words[at + 1]!) {
    max = Math.max(max, words[at]!);
    total += words[at + 1]!;
  }
  const sizes = new Int32Array(max + 1);
  const from = new Int32Array(max + 1);
  for (let k = 0, at = 1; k < count; k++, at += 2 + words[at + 1]!) {
    if (sizes[words[at]!] !== 0) throw new Error(`tid_map.dat: trie id ${words[at]} twice`);
    sizes[words[at]!] = words[at + 1]!;
    from[words[at]!] = at + 2;
  }
  const starts = new Int32Array(max + 2);
  const ids = new Int32Array(total);
  for (let t = 0; t <= max; t++) {
    starts[t + 1] = starts[t]! + sizes[t]!;
    ids.set(words.subarray(from[t]!, from[t]! + sizes[t]!), starts[t]!);
  }
  return { starts, ids };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Builds kuromoji's lattice for one sentence, node for node as kuromoji's ViterbiBuilder does. */
export class CompactViterbiBuilder {
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];

  constructor(
    private readonly trie: Trie,
    /** tid.dat as 16-bit words: left id, right id, cost at token-info id / 2. */
    private readonly tokenInfo: Int16Array,
    private readonly unknown: UnknownDictionaryLike,
  ) {}

  build(sentence: string): unknown {
    const lattice = new ViterbiLattice();
    // Positions count code points as kuromoji's SurrogateAwareString does (a high surrogate takes the next unit).
    const at: number[] = [];
    for (let i = 0; i < sentence.length; i++) {
      at.push(i);
      if (isHighSurrogate(sentence.charCodeAt(i))) i++;
    }
    const n = at.length;
    const charAt = (p: number) => sentence.slice(at[p], p + 1 < n ? at[p + 1] : sentence.length);
    // Character class of each position, and where the run of its class name ends.
    const classes: CharacterClassLike[] = new Array<CharacterClassLike>(n);
    for (let p = 0; p < n; p++) classes[p] = this.unknown.lookup(charAt(p));
    const runEnd = new Int32Array(n + 1);
    runEnd[n] = n;
    for (let p = n - 1; p >= 0; p--)
      runEnd[p] = p + 1 < n && classes[p + 1]!.class_name === classes[p]!.class_name ? runEnd[p + 1]! : p + 1;

    const { starts, lengths, tokenInfo } = this;
    const targets = this.trie.targets;
    for (let pos = 0; pos < n; pos++) {
      this.trie.prefixes(sentence, at[pos]!, starts, lengths);
      for (let m = 0; m < starts.length; m++) {
        const start = starts[m]!;
        if (start === NO_TARGETS) continue;
        const surface = sentence.substr(at[pos]!, lengths[m]);
        for (let i = start, last = false; !last; i++) {
          const value = targets[i]!;
          last = Trie.isLastTarget(value);
          const id = Trie.targetId(value);
          const half = id >> 1;
          lattice.append(
            new ViterbiNode(
              id,
              tokenInfo[half + 2]! | 0, // | 0: past the (trimmed) end reads 0, as kuromoji's ByteBuffer does
              pos + 1,
              lengths[m]!,
              'KNOWN',
              tokenInfo[half]! | 0,
              tokenInfo[half + 1]! | 0,
              surface,
            ),
          );
        }
      }

      const headClass = classes[pos]!;
      if (starts.length === 0 || headClass.is_always_invoke === 1) {
        // kuromoji groups a run of the head's class into one unknown word; its length is then counted in UTF-16
        // units (the run is a string), a lone character's in code points (1).
        const grouped = headClass.is_grouping === 1 && runEnd[pos]! > pos + 1;
        const key = grouped
          ? sentence.slice(at[pos], runEnd[pos]! < n ? at[runEnd[pos]!] : sentence.length)
          : charAt(pos);
        const length = grouped ? key.length : 1;
        const unkIds = this.unknown.target_map[headClass.class_id]!;
        for (const unkId of unkIds) {
          const dict = this.unknown.dictionary;
          lattice.append(
            new ViterbiNode(
              unkId,
              dict.getShort(unkId + 4),
              pos + 1,
              length,
              'UNKNOWN',
              dict.getShort(unkId),
              dict.getShort(unkId + 2),
              key,
            ),
          );
        }
      }
    }
    lattice.appendEos();
    return lattice;
  }
}

// ---------------------------------------------------------------- features (tid_pos.dat)

const POS_MAGIC = 0x3250504b; // "KPP2" read as little-endian u32
const BLOCKED_MAGIC = 0x3350504b; // "KPP3": the same records, deflated in blocks
const RAW = 0;
const STRUCTURED = 1;
const BASIC_IS_SURFACE = 1 << 4;
const PRON_IS_READING = 1 << 5;
/** Bytes below this are kana (U+3040 + byte: IPADIC's readings are katakana); from it, a two-byte code. */
const KANA_BYTES = 0xc0;
const KANA_BASE = 0x3040;
const MAX_OTHER_CHARS = (0x100 - KANA_BYTES) << 8;

const magicOf = (bytes: Uint8Array) =>
  bytes.length >= 16 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) : 0;

/** Whether tid_pos.dat is already compact (`compactFeatures`), deflated in blocks (`blockFeatures`) or not. */
export function isCompactFeatures(bytes: Uint8Array): boolean {
  const magic = magicOf(bytes);
  return magic === POS_MAGIC || magic === BLOCKED_MAGIC;
}

const isKana = (code: number) => code >= KANA_BASE && code < KANA_BASE + KANA_BYTES;

/**
 * kuromoji's feature lines ("surface,pos,detail1,detail2,detail3,conjugation type,form,base,reading,pronunciation",
 * UTF-8, 34 MiB) in a compact form (≈ 6.5 MiB): the six part-of-speech fields as an id into a table of the distinct
 * ones, the base form and the pronunciation left out when they repeat the surface and the reading, and the other
 * fields one byte per kana, two per other character (an index into a table of them, most frequent first). Each line
 * decodes to exactly the same string. `tid` (tid.dat) is rewritten in place to point at the new records.
 *
 * Layout: u32 magic, u32 part-of-speech table length, u32 character table length (both in 16-bit units), u32 records
 * length (bytes), then the part-of-speech strings joined by '\n', the characters, and the records: a header byte,
 * for a structured line its part-of-speech id (varint) and its fields, for any other line its text; a field is its
 * length in characters (varint), then its characters.
 */
export function compactFeatures(tid: Uint8Array, lines: Uint8Array): Uint8Array {
  const decoder = new TextDecoder();
  const table = new Map<string, number>();
  const parsed: { at: number; header: number; pos: number; fields: string[] }[] = [];
  const frequency = new Map<number, number>();
  for (let at = 0; at < lines.length;) {
    let end = lines.indexOf(0, at);
    if (end < 0) end = lines.length;
    if (end === at) {
      at++;
      continue;
    }
    const line = decoder.decode(lines.subarray(at, end));
    const parts = line.split(',');
    let record: (typeof parsed)[number];
    if (parts.length >= 8 && parts.length <= 10) {
      const pos = parts.slice(1, 7).join(',');
      let id = table.get(pos);
      if (id === undefined) table.set(pos, (id = table.size));
      const [surface = '', , , , , , , basic = '', reading, pron] = parts;
      let header = STRUCTURED | ((parts.length - 8) << 2);
      if (basic === surface) header |= BASIC_IS_SURFACE;
      if (pron !== undefined && pron === reading) header |= PRON_IS_READING;
      const fields = [surface];
      if (!(header & BASIC_IS_SURFACE)) fields.push(basic);
      if (reading !== undefined) fields.push(reading);
      if (pron !== undefined && !(header & PRON_IS_READING)) fields.push(pron);
      record = { at, header, pos: id, fields };
    } else record = { at, header: RAW, pos: 0, fields: [line] };
    parsed.push(record);
    for (const f of record.fields)
      for (let i = 0; i < f.length; i++) {
        const code = f.charCodeAt(i);
        if (!isKana(code)) frequency.set(code, (frequency.get(code) ?? 0) + 1);
      }
    at = end + 1;
  }
  const chars = [...frequency.keys()].sort((a, b) => frequency.get(b)! - frequency.get(a)! || a - b);
  if (chars.length > MAX_OTHER_CHARS) throw new Error('too many distinct characters in feature lines');
  const charIndex = new Map(chars.map((c, i) => [c, i]));

  let out = new Uint8Array(1 << 23);
  let n = 0;
  const room = (k: number) => {
    if (n + k <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, n + k));
    bigger.set(out.subarray(0, n));
    out = bigger;
  };
  const varint = (value: number) => {
    room(5);
    while (value >= 0x80) {
      out[n++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    out[n++] = value;
  };
  const moved = new Map<number, number>();
  for (const { at, header, pos, fields } of parsed) {
    moved.set(at, n);
    room(1);
    out[n++] = header;
    if (header & STRUCTURED) varint(pos);
    for (const f of fields) {
      varint(f.length);
      room(2 * f.length);
      for (let i = 0; i < f.length; i++) {
        const code = f.charCodeAt(i);
        if (isKana(code)) out[n++] = code - KANA_BASE;
        else {
          const index = charIndex.get(code)!;
          out[n++] = KANA_BYTES + (index >> 8);
          out[n++] = index & 0xff;
        }
      }
    }
  }
  const view = new DataView(tid.buffer, tid.byteOffset, tid.byteLength);
  for (let r = 0; r + 10 <= tid.length; r += 10) {
    const to = moved.get(view.getInt32(r + 6, true));
    if (to !== undefined) view.setInt32(r + 6, to, true);
  }
  const tableText = [...table.keys()].join('\n');
  const bytes = new Uint8Array(16 + 2 * (tableText.length + chars.length) + n);
  const header = new DataView(bytes.buffer);
  header.setUint32(0, POS_MAGIC, true);
  header.setUint32(4, tableText.length, true);
  header.setUint32(8, chars.length, true);
  header.setUint32(12, n, true);
  const units = new Uint16Array(bytes.buffer, 16, tableText.length + chars.length);
  for (let i = 0; i < tableText.length; i++) units[i] = tableText.charCodeAt(i);
  units.set(chars, tableText.length);
  bytes.set(out.subarray(0, n), 16 + 2 * units.length);
  return bytes;
}

/** Where each record of compact feature lines starts: one header byte, a part-of-speech id, then its fields. */
function recordStarts(r: Uint8Array): number[] {
  const starts: number[] = [];
  let at = 0;
  const varint = () => {
    const [value, next] = readVarint(r, at);
    at = next;
    return value;
  };
  const field = () => {
    for (let n = varint(); n > 0; n--) if (r[at++]! >= KANA_BYTES) at++;
  };
  while (at < r.length) {
    starts.push(at);
    const header = r[at++]!;
    if ((header & 3) === RAW) {
      field();
      continue;
    }
    const extra = (header >> 2) & 3;
    varint();
    field();
    if (!(header & BASIC_IS_SURFACE)) field();
    if (extra >= 1) field();
    if (extra >= 2 && !(header & PRON_IS_READING)) field();
  }
  return starts;
}

/** A block closes once it holds this many bytes of records (1 KiB: 4 % more bytes, 2× the blocks to read). */
const FEATURE_BLOCK_BYTES = 2048;
const BLOCKED_HEADER_BYTES = 32;
const align4 = (n: number) => (n + 3) & ~3;

/**
 * Compact feature lines (`compactFeatures`) with their records deflated in blocks of about 2 KiB of whole records:
 * 6.9 MiB → 3.9 MiB in memory. Only the tokens of the best path read a line, so a tokenization inflates a few blocks
 * (the lattice's search never does), and recently read blocks stay inflated. A preset dictionary (as in
 * packed-records.ts) would save 3 % here and make each read slower. tid.dat's pointers stay as they are: offsets
 * into the records before deflating.
 *
 * Layout (little-endian; u32 sections 4-byte aligned): u32[8] magic, part-of-speech table length, character table
 * length (both in 16-bit units), records length, block count, data bytes, 0, 0; the two tables (u16); u32[blocks + 1]
 * first record byte of each block; u32[blocks + 1] start of each block in the data; the blocks, raw deflate.
 */
export function blockFeatures(compact: Uint8Array, deflate: Deflate = fflateDeflate): Uint8Array {
  if (magicOf(compact) !== POS_MAGIC) throw new Error('tid_pos.dat: not in compact form');
  const view = new DataView(compact.buffer, compact.byteOffset, compact.byteLength);
  const tableLength = view.getUint32(4, true);
  const charCount = view.getUint32(8, true);
  const recordsLength = view.getUint32(12, true);
  const unitsBytes = 2 * (tableLength + charCount);
  const records = compact.subarray(16 + unitsBytes, 16 + unitsBytes + recordsLength);
  const starts = recordStarts(records);
  const rawStarts: number[] = [];
  const blocks: Uint8Array[] = [];
  for (let i = 0; i < starts.length;) {
    const first = starts[i]!;
    while (i < starts.length && starts[i]! - first < FEATURE_BLOCK_BYTES) i++;
    rawStarts.push(first);
    blocks.push(deflate(records.subarray(first, starts[i] ?? records.length)));
  }
  const blockCount = blocks.length;
  const dataBytes = blocks.reduce((n, b) => n + b.length, 0);
  const tablesAt = BLOCKED_HEADER_BYTES + align4(unitsBytes);
  const dataAt = tablesAt + 8 * (blockCount + 1);
  const out = new Uint8Array(dataAt + dataBytes);
  const header = new Uint32Array(out.buffer, 0, BLOCKED_HEADER_BYTES / 4);
  header.set([BLOCKED_MAGIC, tableLength, charCount, recordsLength, blockCount, dataBytes]);
  out.set(compact.subarray(16, 16 + unitsBytes), BLOCKED_HEADER_BYTES);
  const tables = new Uint32Array(out.buffer, tablesAt, 2 * (blockCount + 1));
  tables.set(rawStarts);
  tables[blockCount] = recordsLength;
  let start = 0;
  blocks.forEach((b, i) => {
    tables[blockCount + 1 + i] = start;
    out.set(b, dataAt + start);
    start += b.length;
  });
  tables[2 * blockCount + 1] = start;
  return out;
}

/**
 * Blocks kept inflated (at most 128 KiB): a text's particles, endings and common words come back from the same
 * blocks. Over the fixture pages' 6,000 tokens, 256 blocks inflate 944 times; 32 blocks, 2,261 times.
 */
const INFLATED_BLOCKS = 64;
/**
 * Lines kept decoded (about 0.3 MiB when full): an article of 5,000 characters has about 1,000 distinct tokens, and
 * reading mode tokenizes it again on each pass; blocks alone, read in the same order each time, would all be
 * inflated again.
 */
const DECODED_LINES = 4096;

/** Feature lines read from the compact form (deflated in blocks or not), one string per token. */
export class CompactFeatures {
  private readonly table: string[];
  private readonly chars: Uint16Array;
  /** Without blocks: all the records. */
  private readonly records: Uint8Array | null = null;
  private readonly recordsLength: number;
  private readonly rawStarts: Uint32Array | null = null;
  private readonly dataStarts: Uint32Array | null = null;
  private readonly data: Uint8Array | null = null;
  /** Recently inflated blocks by number, least recently used first. */
  private readonly inflated = new Map<number, Uint8Array>();
  /** Recently decoded lines of the blocks by offset, oldest first. */
  private readonly decoded = new Map<number, string>();
  private scratch = new Uint16Array(64);

  constructor(bytes: Uint8Array) {
    const magic = magicOf(bytes);
    if (magic !== POS_MAGIC && magic !== BLOCKED_MAGIC) throw new Error('tid_pos.dat: not in compact form');
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
    const tableLength = view.getUint32(4, true);
    const charCount = view.getUint32(8, true);
    this.recordsLength = view.getUint32(12, true);
    const headerBytes = magic === POS_MAGIC ? 16 : BLOCKED_HEADER_BYTES;
    const units = new Uint16Array(aligned.buffer, aligned.byteOffset + headerBytes, tableLength + charCount);
    this.table = decodeUnits(units, 0, tableLength).split('\n');
    this.chars = units.subarray(tableLength);
    if (magic === POS_MAGIC) {
      const start = aligned.byteOffset + headerBytes + 2 * units.length;
      this.records = new Uint8Array(aligned.buffer, start, this.recordsLength);
      return;
    }
    const blockCount = view.getUint32(16, true);
    const dataBytes = view.getUint32(20, true);
    const tablesAt = aligned.byteOffset + BLOCKED_HEADER_BYTES + align4(2 * units.length);
    this.rawStarts = new Uint32Array(aligned.buffer, tablesAt, blockCount + 1);
    this.dataStarts = new Uint32Array(aligned.buffer, tablesAt + 4 * (blockCount + 1), blockCount + 1);
    this.data = new Uint8Array(aligned.buffer, tablesAt + 8 * (blockCount + 1), dataBytes);
  }

  /** The records' bytes holding the record at `at`, and where those bytes start among all the records. */
  private blockAt(at: number): [Uint8Array, number] {
    if (this.records) return [this.records, 0];
    const rawStarts = this.rawStarts!;
    let lo = 0;
    let hi = rawStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rawStarts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    let block = this.inflated.get(b);
    if (block) this.inflated.delete(b);
    else {
      const packed = this.data!.subarray(this.dataStarts![b], this.dataStarts![b + 1]);
      const out = new Uint8Array(rawStarts[b + 1]! - rawStarts[b]!);
      block = inflateSync(packed, { out });
      if (this.inflated.size >= INFLATED_BLOCKS) this.inflated.delete(this.inflated.keys().next().value!);
    }
    this.inflated.set(b, block);
    return [block, rawStarts[b]!];
  }

  /** The line kuromoji's TokenInfoDictionary.getFeatures returns for the record at `offset`. */
  line(offset: number): string {
    if (this.records) return this.decode(offset);
    let line = this.decoded.get(offset);
    if (line === undefined) {
      line = this.decode(offset);
      if (this.decoded.size >= DECODED_LINES) this.decoded.delete(this.decoded.keys().next().value!);
      this.decoded.set(offset, line);
    }
    return line;
  }

  private decode(offset: number): string {
    if (!(offset >= 0 && offset < this.recordsLength)) return '';
    const [r, base] = this.blockAt(offset);
    let at = offset - base;
    const varint = () => {
      const [value, next] = readVarint(r, at);
      at = next;
      return value;
    };
    const next = () => {
      const length = varint();
      if (length > this.scratch.length) this.scratch = new Uint16Array(length * 2);
      const out = this.scratch;
      for (let i = 0; i < length; i++) {
        const b = r[at++]!;
        out[i] = b < KANA_BYTES ? KANA_BASE + b : this.chars[((b - KANA_BYTES) << 8) | r[at++]!]!;
      }
      return decodeUnits(out, 0, length);
    };
    const header = r[at++]!;
    if ((header & 3) === RAW) return next();
    const extra = (header >> 2) & 3;
    const pos = this.table[varint()];
    const surface = next();
    const basic = header & BASIC_IS_SURFACE ? surface : next();
    let line = `${surface},${pos},${basic}`;
    if (extra >= 1) {
      const reading = next();
      line += `,${reading}`;
      if (extra >= 2) line += `,${header & PRON_IS_READING ? reading : next()}`;
    }
    return line;
  }
}

/** The unsigned LEB128 number at `at` in `r`, and where the next field starts. */
function readVarint(r: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = r[at++] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function decodeUnits(units: Uint16Array, from: number, length: number): string {
  let s = '';
  for (let i = from; i < from + length; i += 4096)
    s += String.fromCharCode(...units.subarray(i, Math.min(from + length, i + 4096)));
  return s;
}

/**
 * kuromoji's files (decompressed, by name as `*.dat.gz`) as the build ships them: padding dropped, feature lines in
 * compact form (deflated in blocks) with tid.dat rewritten to match, and the trie and target map packed together
 * (`packTrie`) in base.dat.gz, which replaces check.dat.gz and tid_map.dat.gz. Tokens stay the same.
 */
export function packKuromojiFiles(
  raw: ReadonlyMap<string, Uint8Array>,
  deflate: Deflate = fflateDeflate,
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [f, bytes] of raw) files.set(f, trimDictFile(f.replace(/\.gz$/, ''), bytes));
  const tid = files.get('tid.dat.gz')?.slice();
  const lines = files.get('tid_pos.dat.gz');
  if (!tid || !lines) throw new Error('tid.dat.gz or tid_pos.dat.gz missing');
  const compact = isCompactFeatures(lines) ? lines : compactFeatures(tid, lines);
  files.set('tid_pos.dat.gz', magicOf(compact) === POS_MAGIC ? blockFeatures(compact, deflate) : compact);
  files.set('tid.dat.gz', tid);
  const base = files.get('base.dat.gz');
  if (!base) throw new Error('base.dat.gz missing');
  if (!isPackedTrie(base)) {
    const check = files.get('check.dat.gz');
    const targets = files.get('tid_map.dat.gz');
    if (!check || !targets) throw new Error('check.dat.gz or tid_map.dat.gz missing');
    files.set('base.dat.gz', packTrie(int32(base), int32(check), int32(targets)));
  }
  files.delete('check.dat.gz');
  files.delete('tid_map.dat.gz');
  return files;
}
