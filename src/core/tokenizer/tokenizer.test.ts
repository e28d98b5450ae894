import { createTokenizer } from './tokenizer';
import { nodeKuromojiLoader } from '../../node/kuromoji';
import { CompactFeatures, compactFeatures, Trie, trimDictFile, usedTrieLength } from './compact-dict';

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

  it('finds no prefix past a lone surrogate and never throws on one', () => {
    const trie = new Trie(new Int32Array([1]), new Int32Array([0]));
    const ids: number[] = [];
    const lengths: number[] = [];
    trie.prefixes('\ud800a', 0, ids, lengths);
    expect(ids).toEqual([]);
  });
});

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
