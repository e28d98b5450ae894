import { describe, expect, it } from 'vitest';
import {
  hasJapanese,
  hasKanji,
  isJapaneseLetterCode,
  isKanji,
  isKanjiWord,
  isKatakana,
  isKatakanaLetter,
  isWordChar,
} from './chars';
import { isSentenceEnd, splitSentences } from './sentence';
import { toHalfWidthAscii } from './width';

const code = (ch: string) => ch.codePointAt(0)!;

describe('character classes', () => {
  it('takes kanji of every plane, not kana or punctuation', () => {
    for (const ch of ['米', '㐂', '﨑', '𠮷']) expect(isKanji(ch), ch).toBe(true);
    for (const ch of ['ア', 'あ', '々', '。', 'A']) expect(isKanji(ch), ch).toBe(false);
    expect(isKanjiWord('財務局')).toBe(true);
    expect(isKanjiWord('佐々木')).toBe(true);
    expect(isKanjiWord('米ロ')).toBe(false);
  });

  it('reads a katakana word with its ー and the ・ between its parts, but a ・ does not continue a word', () => {
    expect(isKatakana('ロイター・ジャパン')).toBe(true);
    expect(isKatakana('プーチン')).toBe(true);
    expect(isKatakana('プーチン氏')).toBe(false);
    expect(isKatakanaLetter('ー')).toBe(true);
    expect(isKatakanaLetter('・')).toBe(false);
  });

  it('tells word characters from Japanese punctuation and full-width Latin', () => {
    expect([...'延長々ーゞ〆'].every(isWordChar)).toBe(true);
    expect([...'、。「）・Ｓ２'].some(isWordChar)).toBe(false);
  });

  it('finds Japanese writing, half-width katakana included, and not in English or punctuation', () => {
    expect(hasJapanese('Reuters ロイター')).toBe(true);
    expect(hasJapanese('ﾛｲﾀｰ')).toBe(true);
    expect(hasJapanese('Reuters、。')).toBe(false);
    expect(isJapaneseLetterCode(code('ヶ'))).toBe(true);
    expect(hasKanji('新START')).toBe(true);
  });
});

describe('sentence ends and width', () => {
  it('ends sentences at 。 and at full- and half-width ! and ?, keeping each end with its sentence', () => {
    expect(splitSentences('合意した。本当か？はい!\n次')).toEqual(['合意した。', '本当か？', 'はい!', '\n', '次']);
    expect([...'。！？!?'].every(isSentenceEnd)).toBe(true);
    expect(isSentenceEnd('、')).toBe(false);
  });

  it('maps full-width Latin and digits one for one', () => {
    expect([...'ＳＴＡＲＴ２６'].map(toHalfWidthAscii).join('')).toBe('START26');
    expect(toHalfWidthAscii('日')).toBe('日');
  });
});
