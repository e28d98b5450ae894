import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { WordEntry } from '../types';
import { parseEdictEntries } from '../../node/edict';
import { toHiragana } from '../text/kana';
import { repoRoot, zlibDeflate } from '../../node/dictionaries';
import { loadNodeWords } from '../../node/words';
import { openWords, writeWordFiles, type WordFiles, type WordFilesIndex } from './words-format';

let entries: WordEntry[];
let files: WordFiles;
let index: WordFilesIndex;

beforeAll(() => {
  const text = new TextDecoder('euc-jp').decode(gunzipSync(readFileSync(path.join(repoRoot(), 'data/edict/edict.gz'))));
  entries = parseEdictEntries(text);
  files = writeWordFiles(entries, zlibDeflate);
  index = openWords(files);
}, 120_000);

/** Deterministic sample, so a failure can be replayed. */
function sampleIds(count: number, max: number): number[] {
  let seed = 20240611;
  const ids = new Set<number>();
  while (ids.size < count) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    ids.add(seed % max);
  }
  return [...ids];
}

describe('word files (real EDICT)', () => {
  it('gives back exactly the entries that were written, for 1000 random entries', () => {
    for (const id of sampleIds(1000, entries.length)) {
      expect(index.entry(id)).toEqual(entries[id]);
      const firstForm = entries[id]!.kanji[0]?.text ?? toHiragana(entries[id]!.kana[0]!.text);
      expect(index.lookup(firstForm)).toContainEqual(entries[id]);
    }
  });

  it('indexes every spelling as written and every reading in hiragana, nothing else', () => {
    const expected = new Set<string>();
    for (const e of entries) {
      for (const f of e.kanji) expected.add(f.text);
      for (const f of e.kana) expected.add(toHiragana(f.text));
    }
    expect(index.size).toBe(entries.length);
    expect(index.keyCount).toBe(expected.size);
    const keys = index.keysWithPrefix('', Infinity);
    expect(keys).toHaveLength(expected.size);
    expect(keys.every((k) => expected.has(k))).toBe(true);
    const unfound = keys.filter((k, i) => i % 5 === 0 && index.lookup(k).length === 0);
    expect(unfound).toEqual([]);
  });

  it('finds 延長 with its reading, commonness and senses', () => {
    const [entry] = index.lookup('延長');
    expect(entry!.kana[0]).toEqual({ text: 'えんちょう', common: true });
    expect(entry!.senses[0]!.glosses).toContain('extension');
    expect(entry!.senses[0]!.pos).toEqual(['n', 'vs']);
    expect(index.lookup('えんちょう')).toContainEqual(entry);
  });

  it('finds a katakana word by its hiragana key and by the katakana itself', () => {
    const byHiragana = index.lookup('てれび');
    expect(byHiragana.map((e) => e.kana[0]!.text)).toContain('テレビ');
    expect(index.lookup('テレビ')).toEqual(byHiragana);
    // Spellings are kept as written: no hiragana key for a kanji spelling holding katakana.
    expect(index.lookup('ＮＨＫ教育テレビ')).toHaveLength(1);
    expect(index.keysWithPrefix('ＮＨＫきょういくてれび', 1)).toEqual([]);
  });

  it('lists the common word first for a shared reading', () => {
    expect(index.lookup('にほん')[0]!.kanji[0]!.text).toBe('日本');
    expect(index.lookup('かわす')[0]!.kanji.map((f) => f.text)).toEqual(['交わす', '交す']);
    expect(index.lookup('交す')).toEqual([index.lookup('かわす')[0]]);
  });

  it('returns nothing for text that is not a key, including a key prefix', () => {
    expect(index.lookup('')).toEqual([]);
    expect(index.lookup('延')).not.toContainEqual(index.lookup('延長')[0]);
    expect(index.lookup('ぬぬぬぬぬ')).toEqual([]);
    expect(index.lookup('延長延長')).toEqual([]);
    expect(index.lookup('\uffff')).toEqual([]);
  });

  it('lists keys by prefix in order', () => {
    const keys = index.keysWithPrefix('にほん', 20);
    expect(keys[0]).toBe('にほん');
    expect(keys).toHaveLength(20);
    expect(keys.every((k) => k.startsWith('にほん'))).toBe(true);
    expect([...keys].sort()).toEqual(keys);
  });

  it('opens files handed over at any byte offset', () => {
    const shifted = new Uint8Array(files.idx.byteLength + 1);
    shifted.set(files.idx, 1);
    const reopened = openWords({ idx: shifted.subarray(1), dat: files.dat.slice().buffer });
    expect(reopened.lookup('日本')).toEqual(index.lookup('日本'));
  });

  it('says how far a text can still be a word: the longest start some key has', () => {
    // 延長 and 延長戦 are words, nothing starts with 延長さ: a conjugation may still follow (延長された).
    expect(index.prefixReach('延長された条約')).toBe(2);
    expect(index.lookup('延長戦').length).toBeGreaterThan(0);
    expect(index.prefixReach('延長戦で')).toBe(3);
    // Katakana finds readings kept in hiragana (ロシア of ろしあ), and a text no key starts with reaches nothing.
    expect(index.prefixReach('ロシア')).toBe(3);
    expect(index.prefixReach('\u0001延長')).toBe(0);
    // Exactly the longest: every shorter start is one, the next longer is not.
    for (const text of ['核弾頭の数を', '新戦略兵器削減条約', 'ひきつづき協議']) {
      const n = index.prefixReach(text);
      expect(index.keysWithPrefix(text.slice(0, n), 1).length, text).toBe(1);
      if (n < text.length) expect(index.keysWithPrefix(text.slice(0, n + 1), 1), text).toEqual([]);
    }
  });

  it('refuses files from another format version or a mismatched pair', () => {
    const otherVersion = files.idx.slice();
    otherVersion[4] = 99;
    expect(() => openWords({ idx: otherVersion, dat: files.dat })).toThrow(/version/);
    expect(() => openWords({ idx: files.idx, dat: writeWordFiles(entries.slice(0, 100)).dat })).toThrow(/size/);
    expect(() => openWords({ idx: files.idx, dat: files.dat.subarray(0, files.dat.length - 1) })).toThrow(/truncated/);
    expect(() => openWords({ idx: files.idx.subarray(0, 1000), dat: files.dat })).toThrow(/truncated/);
    expect(() => openWords({ idx: files.dat, dat: files.dat })).toThrow(/not a Kiji/);
  });

  it('loadNodeWords serves the same dictionary from build/data', async () => {
    const words = await loadNodeWords();
    expect(words.size).toBe(entries.length);
    expect(await loadNodeWords()).toBe(words);
    for (const key of ['延長', 'かわす', 'にっぽん', '拿捕']) expect(words.lookup(key)).toEqual(index.lookup(key));
  });
});
