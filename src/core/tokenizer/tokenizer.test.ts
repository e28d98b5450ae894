import { createTokenizer } from './tokenizer';
import { nodeKuromojiLoader } from '../../node/kuromoji';
import {
  CompactFeatures,
  compactFeatures,
  NO_TARGETS,
  packTrie,
  Trie,
  trimDictFile,
  usedTrieLength,
} from './compact-dict';

const tokenizer = await createTokenizer(nodeKuromojiLoader());

describe('tokenizer', () => {
  it('places tokens by UTF-16 offset, also after characters beyond the BMP', () => {
    const text = '𠮷野家で😀牛丼を食べた';
    for (const t of tokenizer.tokenize(text)) expect(text.slice(t.start, t.start + t.surface.length)).toBe(t.surface);
  });

  it('survives lone surrogates without moving anything', () => {
    const text = '\ud800東京\udc00都\ud83d';
    const tokens = tokenizer.tokenize(text);
    expect(tokens.map((t) => t.surface).join('')).toBe('\ufffd東京\ufffd都\ufffd');
    expect(tokens.find((t) => t.surface === '東京')?.start).toBe(1);
  });

  it('tokenizes 100,000 characters without punctuation without hanging', { timeout: 200_000 }, () => {
    for (const ch of ['あ', 'ア', 'a', '漢', '1', ' ']) {
      const t0 = performance.now();
      const tokens = tokenizer.tokenize(ch.repeat(100_000));
      expect(tokens.map((t) => t.surface).join('')).toBe(ch.repeat(100_000));
      // A cap for a hang or a quadratic slide (minutes), generous for a loaded machine; speed is the bench's.
      expect(performance.now() - t0).toBeLessThan(30_000);
    }
  });
});

describe('compact dictionary', () => {
  it('drops only zero padding, to whole 32-bit words', () => {
    const padded = new Uint8Array([1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...trimDictFile('tid.dat', padded)]).toEqual([1, 2, 3, 0]);
    expect(trimDictFile('cc.dat', padded)).toBe(padded);
    expect(usedTrieLength(new Int32Array([0, 0, 5, -1, -2]))).toBe(3);
  });

  it('finds no prefix past a lone surrogate and never throws on one', async () => {
    const trie = new Trie(new Uint8Array(await nodeKuromojiLoader()('base.dat.gz')));
    const starts: number[] = [];
    const lengths: number[] = [];
    trie.prefixes('\ud800a', 0, starts, lengths);
    expect(starts).toEqual([]);
    trie.prefixes('東京\udc00', 0, starts, lengths);
    expect(lengths).toEqual([1, 2]);
  });
});

test("the packed trie finds every word of kuromoji's trie with the same token-info ids, in order", async () => {
  const load = nodeKuromojiLoader({ original: true });
  const words = async (name: string) => new Int32Array(await load(name));
  const [base, check, tidMap] = await Promise.all(['base.dat.gz', 'check.dat.gz', 'tid_map.dat.gz'].map(words));
  const trie = new Trie(packTrie(base!, check!, tidMap!));
  // kuromoji's target map: trie id → token-info ids.
  const targets = new Map<number, number[]>();
  for (let k = 0, at = 1; k < tidMap![0]!; k++, at += 2 + tidMap![at + 1]!)
    targets.set(tidMap![at]!, [...tidMap!.subarray(at + 2, at + 2 + tidMap![at + 1]!)]);
  // Every word of the double array, depth first over the UTF-8 bytes (check holds the parent).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const path: number[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  let count = 0;
  const differing: string[] = [];
  const visit = (node: number): void => {
    for (let code = 0; code < 256; code++) {
      const child = base![node]! + code;
      if (!(child > 0 && child < check!.length && check![child] === node)) continue;
      if (code !== 0) {
        path.push(code);
        visit(child);
        path.pop();
        continue;
      }
      if (base![child]! > 0) continue;
      const word = decoder.decode(new Uint8Array(path));
      const expected = targets.get(-base![child]! - 1) ?? [];
      trie.prefixes(word, 0, starts, lengths);
      const found: number[] = [];
      if (lengths.at(-1) === word.length && starts.at(-1) !== NO_TARGETS)
        for (let i = starts.at(-1)!, last = false; !last; i++) {
          found.push(Trie.targetId(trie.targets[i]!));
          last = Trie.isLastTarget(trie.targets[i]!);
        }
      if (lengths.at(-1) !== word.length || found.join() !== expected.join()) differing.push(word);
      count++;
    }
  };
  visit(0);
  expect(count).toBeGreaterThan(320_000);
  expect(differing.slice(0, 5)).toEqual([]);
  expect(trie.cells.length).toBeLessThan(check!.length * 1.05);
}, 120_000);

test('unk_invoke.dat is cut after its last class', async () => {
  const { readFileSync } = await import('node:fs');
  const { gunzipSync } = await import('node:zlib');
  const { createRequire } = await import('node:module');
  const file = createRequire(import.meta.url).resolve('kuromoji/dict/unk_invoke.dat.gz');
  const trimmed = trimDictFile('unk_invoke.dat', new Uint8Array(gunzipSync(readFileSync(file))));
  expect(trimmed.length).toBeLessThan(200);
  expect(trimmed[trimmed.length - 1]).toBe(0);
});

test('every feature line (reading, part of speech, base form) reads the same from the deflated blocks', async () => {
  const { readFileSync } = await import('node:fs');
  const { gunzipSync } = await import('node:zlib');
  const { createRequire } = await import('node:module');
  const original = (name: string) =>
    new Uint8Array(gunzipSync(readFileSync(createRequire(import.meta.url).resolve(`kuromoji/dict/${name}`))));
  const load = nodeKuromojiLoader();
  const shipped = new Uint8Array(await load('tid_pos.dat.gz'));
  const tid = new Uint8Array(await load('tid.dat.gz'));
  // The records as compactFeatures writes them, before the build deflates them: the same pointers as shipped tid.dat.
  const rewritten = trimDictFile('tid.dat', original('tid.dat.gz')).slice();
  const plain = new CompactFeatures(
    compactFeatures(rewritten, trimDictFile('tid_pos.dat', original('tid_pos.dat.gz'))),
  );
  const blocked = new CompactFeatures(shipped);
  expect(shipped.length).toBeLessThan(4.5 * 2 ** 20);
  const pointers = new DataView(tid.buffer, tid.byteOffset, tid.byteLength);
  const differing: string[] = [];
  let lines = 0;
  for (let r = 0; r + 10 <= tid.length; r += 10, lines++) {
    const at = pointers.getInt32(r + 6, true);
    if (blocked.line(at) !== plain.line(at)) differing.push(plain.line(at));
  }
  expect(lines).toBeGreaterThan(390_000);
  expect(differing.slice(0, 5)).toEqual([]);
}, 120_000);
