import { normalize, normalizeKey, originalSpan } from './normalize';

describe('normalizeKey: the spellings news mixes fold to one', () => {
  it('folds full-width Latin and digits to ASCII and lower case', () => {
    expect(normalizeKey('新ＳＴＡＲＴ')).toBe(normalizeKey('新START'));
    expect(normalizeKey('Ｇ７')).toBe('g7');
    expect(normalizeKey('２０２６年')).toBe('2026年');
  });

  it('folds half-width katakana, voiced marks included', () => {
    expect(normalizeKey('ﾌﾟｰﾁﾝ')).toBe('プーチン');
    expect(normalizeKey('ﾊﾞｲﾃﾞﾝ')).toBe('バイデン');
  });

  it('writes every dash after kana as the long vowel, and as a hyphen elsewhere', () => {
    for (const dash of ['ー', '‐', '−', '–', '—', '～', '－', '―'])
      expect(normalizeKey(`プ${dash}チン`)).toBe('プーチン');
    expect(normalizeKey('F－35')).toBe('f-35');
    expect(normalizeKey('F—35')).toBe('f-35');
  });

  it('drops ・ and ＝ between the parts of a name or a byline', () => {
    expect(normalizeKey('ドナルド・トランプ')).toBe('ドナルドトランプ');
    expect(normalizeKey('ワシントン＝共同')).toBe('ワシントン共同');
    expect(normalizeKey('米･ロ')).toBe('米ロ');
  });

  it('reads 々 as the kanji it repeats, and the small ヶ as ケ', () => {
    expect(normalizeKey('佐々木')).toBe(normalizeKey('佐佐木'));
    expect(normalizeKey('霞ヶ関')).toBe(normalizeKey('霞ケ関'));
  });

  it('keeps old and new kanji apart: those are variants, not spellings', () => {
    expect(normalizeKey('齋藤')).not.toBe(normalizeKey('斉藤'));
  });

  it('turns full-width parentheses into ASCII ones, so one parenthetical rule covers both', () => {
    expect(normalizeKey('領空開放（オープンスカイ）条約')).toBe('領空開放(オープンスカイ)条約');
  });
});

describe('normalize: offsets back into the page text', () => {
  it('maps a match in the folded text to the characters the page shows', () => {
    const text = 'ロシアのウラジーミル・プーチン大統領';
    const n = normalize(text);
    const at = n.text.indexOf('プーチン');
    expect(originalSpan(n, at, at + 4)).toEqual({ start: text.indexOf('プ'), end: text.indexOf('大') });
    const whole = n.text.indexOf('ウラジーミルプーチン');
    const span = originalSpan(n, whole, whole + 'ウラジーミルプーチン'.length);
    expect(text.slice(span.start, span.end)).toBe('ウラジーミル・プーチン');
  });

  it('maps full-width and half-width characters one for one', () => {
    const text = '米国はＮＰＴ体制を';
    const n = normalize(text);
    const at = n.text.indexOf('npt');
    const span = originalSpan(n, at, at + 3);
    expect(text.slice(span.start, span.end)).toBe('ＮＰＴ');
    const kana = normalize('ﾌﾟｰﾁﾝ氏');
    expect(kana.text).toBe('プーチン氏');
    expect(originalSpan(kana, 0, 4)).toEqual({ start: 0, end: 5 });
  });

  it('normalises a slice of the text with offsets into the whole of it', () => {
    const text = 'バイデン米大統領は２６日、プーチン大統領と電話会談した。';
    const n = normalize(text, 10, 20);
    expect(n.starts[0]).toBe(10);
    expect(n.text).toBe('6日、プーチン大統領');
    const i = n.text.indexOf('プーチン');
    expect(text.slice(n.starts[i], n.ends[i + 3])).toBe('プーチン');
  });

  it('keeps astral kanji whole', () => {
    const n = normalize('𠮷野家の社長');
    expect(n.text).toBe('𠮷野家の社長');
    expect(originalSpan(n, 0, 4)).toEqual({ start: 0, end: 4 });
    expect(originalSpan(n, 0, 2)).toEqual({ start: 0, end: 2 });
  });
});
