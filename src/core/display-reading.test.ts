import { displayReading, hiraganaToKatakana, isKatakanaWord, scriptedReading } from './display-reading';

describe('displayReading', () => {
  it('shows a katakana word read in katakana, or not at all when the reading only repeats it', () => {
    expect(displayReading('ロシア', 'ろしあ')).toBe('');
    expect(displayReading('スタート', 'すたーと')).toBe('');
    expect(displayReading('ロシア', 'ロシア')).toBe('');
    // A headword written with ・ or ー: the reading keeps its own spelling, in katakana.
    expect(displayReading('ハバナ・シンドローム', 'はばなしんどろーむ')).toBe('ハバナシンドローム');
    expect(displayReading('ヴェトナム', 'べとなむ')).toBe('ベトナム');
  });

  it('leaves the readings of kanji and mixed words in hiragana', () => {
    expect(displayReading('延長', 'えんちょう')).toBe('えんちょう');
    expect(displayReading('新START', 'しんすたーと')).toBe('しんすたーと');
    expect(displayReading('ロシア側', 'ろしあがわ')).toBe('ろしあがわ');
    expect(displayReading('すごい', 'すごい')).toBe('');
    expect(displayReading('と', 'と')).toBe('');
    expect(displayReading('ロシア側', 'ロシアがわ')).toBe('ロシアがわ');
    expect(displayReading('ロシア', '')).toBe('');
  });

  it('keeps the katakana reading for exports even when it repeats the headword', () => {
    expect(scriptedReading('ロシア', 'ろしあ')).toBe('ロシア');
    expect(scriptedReading('延長', 'えんちょう')).toBe('えんちょう');
  });

  it('tells katakana words and converts one character for one', () => {
    expect(isKatakanaWord('オープンスカイ')).toBe(true);
    expect(isKatakanaWord('ペスコフ・ドミトリー')).toBe(true);
    expect(isKatakanaWord('ロシア側')).toBe(false);
    expect(isKatakanaWord('')).toBe(false);
    expect(hiraganaToKatakana('ぺすこふ・どみとりー')).toBe('ペスコフ・ドミトリー');
  });
});
