import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseEnamdictLine } from './enamdict';
import { repoRoot } from './dictionaries';
import { loadNodeNames } from './words';
import type { WordFilesIndex } from '../core/dict/words-format';

let names: WordFilesIndex;
beforeAll(async () => {
  names = await loadNodeNames();
}, 120_000);

/** The names with this spelling, as [reading, tags, first gloss]. */
function spelled(written: string): [string, string, string][] {
  return names
    .lookup(written)
    .filter((e) => (e.kanji[0]?.text ?? e.kana[0]!.text) === written)
    .map((e) => [e.kana[0]!.text, e.senses.flatMap((s) => s.tags ?? []).join(','), e.senses[0]!.glosses[0]!]);
}

describe('ENAMDICT line parser', () => {
  it('reads every sense of a line with its name types, as JMnedict tags', () => {
    const source = new TextDecoder('euc-jp').decode(
      gunzipSync(readFileSync(path.join(repoRoot(), 'data/enamdict/enamdict.gz'))),
    );
    const line = source.split('\n').find((l) => l.startsWith('ＡＢＣ '))!;
    const parsed = parseEnamdictLine(line)!;
    expect(parsed.head).toBe('ＡＢＣ');
    expect(parsed.reading).toBe('エービーシー');
    expect(parsed.senses.map((s) => s.tags)).toEqual([['company'], ['organization'], ['product']]);
    expect(parsed.senses[0]!.glosses).toEqual(['American Broadcasting Company', 'ABC']);
    const katakana = parseEnamdictLine(source.split('\n').find((l) => l.startsWith('プーチン /'))!)!;
    expect(katakana).toMatchObject({ head: 'プーチン', reading: null });
    expect(parseEnamdictLine(source.split('\n')[0]!)).toBeNull();
  });
});

describe('the trimmed names dictionary', () => {
  it('keeps foreign names in katakana, companies and organisations', () => {
    expect(spelled('プーチン')).toEqual([['プーチン', 'surname', 'Putin']]);
    expect(spelled('アフガニスタン')[0]![2]).toBe('Afghanistan');
    expect(spelled('ＡＳＥＡＮ')[0]![1]).toBe('organization');
  });

  it('keeps surnames with at most three readings, the one that is also a place first', () => {
    expect(spelled('岸田')[0]).toEqual(['きしだ', 'place,surname', 'Kishida']);
    expect(spelled('石破')).toEqual([['いしば', 'surname', 'Ishiba']]);
    expect(spelled('長谷川').map((n) => n[0])).toContain('はせがわ');
    expect(spelled('茂').length).toBe(0); // a given name alone, twenty readings: dropped
  });

  it('keeps full names of modern people and places that say what they are', () => {
    expect(spelled('高市早苗')[0]![2]).toMatch(/^Takaichi Sanae/);
    expect(spelled('横浜市')[0]).toEqual(['よこはまし', 'place', 'Yokohama (city)']);
    expect(spelled('尖閣諸島')[0]![2]).toBe('Senkaku Islands');
  });

  it('drops stations, works and unclassified kanji names', () => {
    expect(spelled('大久保駅')).toEqual([]);
    expect(spelled('通洋')).toEqual([]);
    expect(names.size).toBeLessThan(260_000);
  });
});
