import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as wanakana from 'wanakana';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../node/dictionaries';
import { hepburn } from './hepburn';

describe('hepburn', () => {
  it('romanizes readings as a learner types and reads them', () => {
    expect(hepburn('しんせんりゃくへいきさくげんじょうやく')).toBe('shinsenryakuheikisakugenjouyaku');
    expect(hepburn('がっこう')).toBe('gakkou');
    expect(hepburn('まっちゃ')).toBe('matcha');
    expect(hepburn('しゅっぱつ')).toBe('shuppatsu');
    expect(hepburn('きんえん')).toBe("kin'en");
    expect(hepburn('しんよう')).toBe("shin'you");
    expect(hepburn('しんぶん')).toBe('shinbun');
    expect(hepburn('ロシア')).toBe('roshia');
  });

  it('reads the small vowels and the long mark of loanwords as loanwords are read', () => {
    expect(hepburn('ふぁいる')).toBe('fairu');
    expect(hepburn('ティー')).toBe('tii');
    expect(hepburn('すたーと')).toBe('sutaato');
    expect(hepburn('ヴァイオリン')).toBe('vaiorin');
    expect(hepburn('ウェブ')).toBe('webu');
    expect(hepburn('チェック')).toBe('chekku');
    expect(hepburn('ディズニー')).toBe('dizunii');
    expect(hepburn('オープン・スカイ')).toBe('oopun・sukai');
    // No n' before a syllable that starts with a consonant in romaji, as ウォ wo does.
    expect(hepburn('グリーンウォッシング')).toBe('guriinwosshingu');
    expect(hepburn('サンウィッチ')).toBe('sanwitchi');
    expect(hepburn('ダウンエア')).toBe("daun'ea");
  });

  it('agrees with wanakana on every plain reading of EDICT', () => {
    const edict = new TextDecoder('euc-jp').decode(
      gunzipSync(readFileSync(path.join(repoRoot(), 'data/edict/edict.gz'))),
    );
    const readings = new Set<string>();
    for (const m of edict.matchAll(/\[([^\]]+)\]/g))
      for (const r of m[1]!.split(';')) readings.add(r.replace(/\(.*$/, ''));
    // Small vowels, てゅ, ゔ and ー are where the two part ways on purpose (tested above).
    const plain = [...readings].filter(
      (r) => /^[ぁ-ゖァ-ヶ]+$/.test(r) && !/[ぁぃぅぇぉゎゕゖァィゥェォヮヵヶゔヴ]|[てでふテデフ][ゅュ]/.test(r),
    );
    expect(plain.length).toBeGreaterThan(100_000);
    const differ = plain.filter((r) => hepburn(r) !== wanakana.toRomaji(r));
    expect(differ.slice(0, 10)).toEqual([]);
  });
});
