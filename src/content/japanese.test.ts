import { hasJapanese } from '../core/text/chars';
import { charAt, isJapaneseChar, startsLookup } from './japanese';

describe('which characters start a lookup', () => {
  it('takes kana, kanji, the long vowel mark and iteration marks from a real headline', () => {
    for (const ch of 'バイデン米大統領は々ヶ') expect(isJapaneseChar(ch), ch).toBe(true);
    for (const ch of '、。「」=（）1 a') expect(isJapaneseChar(ch), ch).toBe(false);
  });

  it('takes Latin letters only inside Japanese text (新START), never on an English page', () => {
    expect(startsLookup('S', '新START延長で合意')).toBe(true);
    expect(startsLookup('S', 'The New START treaty was extended')).toBe(false);
    expect(startsLookup('Ｇ', 'Ｇ７')).toBe(true);
  });

  it('treats an astral kanji as one character', () => {
    const text = '𠮟責を受けた';
    expect(charAt(text, 0)).toBe('𠮟');
    expect(isJapaneseChar(charAt(text, 0))).toBe(true);
    expect(hasJapanese('𠮟')).toBe(true);
    expect(charAt(text, text.length)).toBe('');
  });
});
