import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { WordEntry } from '../core/types';
import { groupEdictLines, parseEdict, parseEdictLine, type EdictLine } from './edict';
import { repoRoot } from './dictionaries';
import { readingsOf } from '../core/dict/readings';

let rawLines: string[];
let lines: EdictLine[];
let entries: WordEntry[];

beforeAll(() => {
  const text = new TextDecoder('euc-jp').decode(gunzipSync(readFileSync(path.join(repoRoot(), 'data/edict/edict.gz'))));
  rawLines = text.split('\n').filter((l) => l.length > 0);
  lines = parseEdict(text);
  entries = groupEdictLines(lines);
}, 120_000);

/** Entries holding this spelling (kanji or kana), in id order. */
function withForm(text: string): WordEntry[] {
  return entries.filter((e) => e.kanji.some((f) => f.text === text) || e.kana.some((f) => f.text === text));
}

function only(text: string): WordEntry {
  const found = withForm(text);
  expect(found, `entries with ${text}`).toHaveLength(1);
  return found[0]!;
}

describe('EDICT parsing (real dictionary)', () => {
  it('reads every line but the header, keeping its spelling and readings', () => {
    expect(rawLines[0]).toMatch(/^\u3000？？？ \/EDICT/);
    expect(lines).toHaveLength(rawLines.length - 1);
    expect(lines.length).toBeGreaterThan(267_000);
    for (let i = 0; i < lines.length; i += 997) {
      const head = rawLines[i + 1]!.slice(0, rawLines[i + 1]!.indexOf(' /'));
      const expected = [...head.matchAll(/[^ [\]]+/g)].map((m) => m[0]);
      expect([...lines[i]!.kanji, ...lines[i]!.kana].map((f) => f.text)).toEqual(expected);
      expect(lines[i]!.senses.length).toBeGreaterThan(0);
    }
    expect(entries.some((e) => e.kana.some((f) => f.text.includes('？？？')))).toBe(false);
  });

  it('every sense has a part of speech and glosses without leftover codes', () => {
    const leftoverCode = /^\((?:n|v5s|vt|uk|abbr|P|\d+)\)/;
    const bad = entries.filter((entry) =>
      entry.senses.some(
        (s) => s.pos.length === 0 || s.glosses.length === 0 || s.glosses.some((g) => leftoverCode.test(g)),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('延長 is the common noun/suru-verb "extension", read えんちょう', () => {
    const entry = only('延長');
    expect(entry.kana.map((f) => f.text)).toEqual(['えんちょう']);
    expect(entry.kanji[0]!.common).toBe(true);
    expect(entry.kana[0]!.common).toBe(true);
    expect(entry.senses[0]!.glosses).toContain('extension');
    expect(entry.senses[0]!.pos).toEqual(expect.arrayContaining(['n', 'vs']));
    expect(entry.senses[1]).toEqual({ pos: ['n'], glosses: ['Encho era (923.4.11-931.4.26)'] });
  });

  it('groups 交わす and 交す (irregular okurigana) into one v5s entry read かわす', () => {
    const entry = only('交す');
    expect(withForm('交わす')).toEqual([entry]);
    expect(entry.kanji).toEqual([
      { text: '交わす', common: true },
      { text: '交す', tags: ['io'] },
    ]);
    expect(entry.kana).toEqual([{ text: 'かわす', common: true }]);
    expect(entry.senses).toHaveLength(3);
    expect(entry.senses[0]!.pos).toContain('v5s');
    expect(entry.senses[0]!.glosses[0]).toBe('to exchange (messages, greetings, arguments, etc.)');
  });

  it('keeps homographs apart: かわす also means 躱す "to dodge"', () => {
    const kawasu = entries.filter((e) => e.kana.some((f) => f.text === 'かわす'));
    expect(kawasu.length).toBeGreaterThanOrEqual(3);
    const dodge = kawasu.find((e) => e.kanji.some((f) => f.text === '躱す'))!;
    expect(dodge.kanji.some((f) => f.text === '交わす')).toBe(false);
    expect(dodge.senses[0]!.glosses.join(' ')).toMatch(/dodge/);
  });

  it('日本 reads both にほん (common) and にっぽん', () => {
    const japan = withForm('日本').filter((e) => e.senses[0]!.glosses.includes('Japan'));
    const readings = japan.flatMap((e) => e.kana);
    expect(readings).toContainEqual({ text: 'にほん', common: true });
    expect(readings.map((f) => f.text)).toContain('にっぽん');
  });

  it('keeps which reading goes with which spelling: ゼロ歳 is only ぜろさい, 零歳 both', () => {
    const zero = withForm('ゼロ歳').find((e) => e.senses[0]!.glosses.includes('0 years old'))!;
    expect(zero.kanji.map((f) => f.text)).toEqual(expect.arrayContaining(['零歳', 'ゼロ歳', '０歳']));
    expect(readingsOf(zero, 'ゼロ歳').map((f) => f.text)).toEqual(['ゼロさい']);
    expect(readingsOf(zero, '零歳').map((f) => f.text)).toEqual(expect.arrayContaining(['れいさい', 'ゼロさい']));
    // A reading written with every spelling carries no restriction.
    expect(only('延長').kana.every((f) => f.only === undefined)).toBe(true);
    const restricted = entries.filter((e) => e.kana.some((f) => f.only));
    expect(restricted.length).toBeGreaterThan(1000);
  });

  it('puts a reading tag on the reading, not on the spelling: 一日 read ひとえ is (ok)', () => {
    const oneDay = withForm('ひとえ').find((e) => e.kanji.some((f) => f.text === '一日'))!;
    expect(oneDay.kana.find((f) => f.text === 'ひとえ')!.tags).toEqual(['ok']);
    expect(oneDay.kana.find((f) => f.text === 'いちにち')).toEqual({ text: 'いちにち', common: true });
    expect(oneDay.kanji.every((f) => f.tags === undefined)).toBe(true);
    expect(oneDay.senses.map((s) => s.pos)).toEqual([['n'], ['n-adv'], ['n']]);
  });

  it('carries the part of speech forward to numbered senses that omit it (冷す)', () => {
    const entry = only('冷す');
    expect(entry.senses.map((s) => s.pos)).toEqual([
      ['v5s', 'vt'],
      ['v5s', 'vt'],
      ['v5s', 'vt'],
    ]);
    expect(entry.senses[2]!.glosses).toEqual(['to be frightened (at)', 'to be scared (of)']);
  });

  it('keeps field, usage and dialect tags on their sense and English in parentheses in the gloss', () => {
    const capture = only('だ捕');
    expect(capture.senses[0]!.tags).toBeUndefined();
    expect(capture.senses[1]!.tags).toEqual(['law']);
    expect(capture.senses[1]!.glosses[0]).toBe('military capture of a foreign vessel');
    expect(only('１尉').senses[0]!.tags).toEqual(['mil']);
    expect(only('１士').senses[0]!.tags).toEqual(['mil', 'abbr']);
    const umauma = withForm('旨旨')[0]!;
    expect(umauma.senses[1]).toEqual({ pos: ['adv-to'], tags: ['chn'], glosses: ['(yummy) food'] });
    expect(withForm('いっかいせい')[0]!.senses[0]!.tags).toEqual(['ksb']);
    expect(only('あなた方').senses[0]).toMatchObject({ pos: ['pn'], tags: ['hon'] });
  });

  it('marks テレビ, a kana-only word, as common and abbreviated', () => {
    const tv = only('テレビ');
    expect(tv.kanji).toEqual([]);
    expect(tv.kana).toEqual([{ text: 'テレビ', common: true }]);
    expect(tv.senses[0]!.tags).toContain('abbr');
  });

  it('reads the EDICT2 headword syntax: several spellings and readings, inline tags', () => {
    const line = parseEdictLine(
      '交わす;交す(io) [かわす(P);かはす(ok)] /(v5s,vt) (1) to exchange/(2) to cross/(P)/EntL1234X/',
    );
    expect(line).toEqual({
      kanji: [{ text: '交わす' }, { text: '交す', tags: ['io'] }],
      kana: [
        { text: 'かわす', common: true },
        { text: 'かはす', tags: ['ok'] },
      ],
      senses: [
        { pos: ['v5s', 'vt'], glosses: ['to exchange'] },
        { pos: ['v5s', 'vt'], glosses: ['to cross'] },
      ],
    });
  });

  it('ids are positions and every spelling of the source is kept after grouping', () => {
    expect(entries.length).toBeGreaterThan(200_000);
    expect(entries.length).toBeLessThan(lines.length);
    expect(entries.every((e, i) => e.id === i)).toBe(true);
    const spellings = (xs: readonly { kanji: { text: string }[]; kana: { text: string }[] }[]) =>
      new Set(xs.flatMap((x) => [...x.kanji.map((f) => `kanji:${f.text}`), ...x.kana.map((f) => `kana:${f.text}`)]));
    expect(spellings(entries)).toEqual(spellings(lines));
  });
});
