import { kanjiOf, MAX_KANJI, openKanji, serializeKanji } from './kanjidic';
import { loadNodeKanji } from '../../node/kanji';

describe('KANJIDIC2 kanji, as the popup shows them', () => {
  const kanji = loadNodeKanji();

  it('keeps the jōyō and jinmeiyō kanji with their English meanings, readings, strokes, grade and newspaper rank', () => {
    expect(kanji.size).toBeGreaterThan(2999);
    expect(kanji.get('延')).toEqual({
      literal: '延',
      meanings: ['prolong', 'stretching'],
      on: ['エン'],
      kun: ['の.びる', 'の.べる', 'の.べ', 'の.ばす'],
      strokes: 8,
      grade: 6,
      freq: 747,
    });
    // A jinmeiyō kanji (names only) has a grade of 9 or 10 and may have no newspaper rank.
    expect(kanji.get('琉')?.grade).toBeGreaterThanOrEqual(9);
    // No other language's meanings slip in (KANJIDIC2 also has French, Spanish and Portuguese ones).
    expect(kanji.get('長')?.meanings.every((m) => /^[\x20-\x7e]+$/.test(m))).toBe(true);
  });

  it('leaves out kanji no list, grade or rank knows, and anything that is not a kanji', () => {
    expect(kanji.get('龘')).toBeUndefined();
    expect(kanji.get('あ')).toBeUndefined();
  });

  it('gives the kanji of a word in order, once each, and none for a long term', () => {
    expect(kanjiOf('延長した', kanji).map((k) => k.literal)).toEqual(['延', '長']);
    expect(kanjiOf('米ロ間', kanji).map((k) => k.literal)).toEqual(['米', '間']);
    expect(kanjiOf('日本の日', kanji).map((k) => k.literal)).toEqual(['日', '本']);
    expect(kanjiOf('新戦略兵器削減条約', kanji).length).toBe(0);
    expect(MAX_KANJI).toBe(4);
  });

  it('reads back what it wrote', () => {
    const some = ['延', '琉', '局'].map((c) => kanji.get(c)!);
    const again = openKanji(serializeKanji(some));
    for (const k of some) expect(again.get(k.literal)).toEqual(k);
    expect(() => openKanji('{"v":0,"k":[]}')).toThrow(/format/);
  });
});
