import { describe, expect, it } from 'vitest';
import { hasKanji, isWordChar } from './chars';
import { toHiragana, toKatakana } from './kana';
import { hepburn as toRomaji } from './hepburn';
import { isJapanese, isKana } from './romaji';

describe('kana helpers', () => {
  it('converts katakana to the hiragana the dictionary keys use, keeping ー and ・', () => {
    expect(toHiragana('プーチン')).toBe('ぷーちん');
    expect(toHiragana('デンワカイダン')).toBe('でんわかいだん');
    expect(toHiragana('オープン・スカイ')).toBe('おーぷん・すかい');
    expect(toHiragana('新START')).toBe('新START');
  });

  it('converts hiragana to katakana character for character', () => {
    expect(toKatakana('ぷーちん')).toBe('プーチン');
    expect(toKatakana('合意した')).toBe('合意シタ');
  });

  it('gives Hepburn romaji for readings', () => {
    expect(toRomaji('でんわかいだん')).toBe('denwakaidan');
    expect(toRomaji('しんせんりゃく')).toBe('shinsenryaku');
  });

  it('tells Japanese text, kana and word characters apart', () => {
    expect(isJapanese('延長で合意')).toBe(true);
    expect(isJapanese('START')).toBe(false);
    expect(isKana('ロシア')).toBe(true);
    expect(isKana('ロシア大統領')).toBe(false);
    expect(hasKanji('ロシア大統領')).toBe(true);
    expect(hasKanji('ホワイトハウス')).toBe(false);
    expect([...'延長々ー'].every(isWordChar)).toBe(true);
    expect([...'、。「）S2'].some(isWordChar)).toBe(false);
  });
});
