import { seedSentences, saveOf } from '../../../tests/support/real-saves';
import {
  ankiFurigana,
  clozeHtml,
  headwordFromFurigana,
  htmlToText,
  parseMarkedSentence,
  readingFromFurigana,
  sentenceHtml,
} from './anki-format';

const sentences = seedSentences();
const withWord = (word: string) => sentences.find((s) => s.includes(word))!;

async function furiganaOf(word: string, inflected = word) {
  const save = await saveOf(withWord(inflected), inflected);
  expect(save.entry.headword).toBe(word);
  return ankiFurigana(save.entry.headword, save.entry.reading);
}

describe("Anki's furigana format", () => {
  it('puts the whole reading over an all-kanji word', async () => {
    expect(await furiganaOf('延長')).toBe('延長[えんちょう]');
  });

  it('gives each kanji run its own part of the reading, a space before each run after kana', async () => {
    expect(await furiganaOf('交わす', '交わされ')).toBe('交[か]わす');
    expect(await furiganaOf('話し合う', '話し合っ')).toBe('話[はな]し 合[あ]う');
  });

  it('leaves a katakana word alone', async () => {
    expect(await furiganaOf('ホワイトハウス')).toBe('ホワイトハウス');
  });

  it('falls back to the whole reading when the kana do not line up (irregular readings)', () => {
    // 今日 is read きょう: no per-kanji split exists; 大人しい has kana that do line up.
    expect(ankiFurigana('今日', 'きょう')).toBe('今日[きょう]');
    expect(ankiFurigana('大人しい', 'おとなしい')).toBe('大人[おとな]しい');
    expect(ankiFurigana('お茶', 'おちゃ')).toBe('お 茶[ちゃ]');
    expect(ankiFurigana('一ヶ月', 'いっかげつ')).toBe('一ヶ月[いっかげつ]');
  });

  it('reads its own furigana back', () => {
    for (const [word, reading] of [
      ['話し合う', 'はなしあう'],
      ['お茶', 'おちゃ'],
      ['延長', 'えんちょう'],
    ]) {
      const f = ankiFurigana(word!, reading!);
      expect(readingFromFurigana(f)).toBe(reading);
      expect(headwordFromFurigana(f)).toBe(word);
    }
  });
});

describe('sentence fields', () => {
  it('bolds the word and makes it the cloze, escaping HTML', async () => {
    const save = await saveOf(withWord('延長'), '延長');
    const s = save.context.sentence;
    expect(sentenceHtml(s)).toContain('<b>延長</b>');
    expect(clozeHtml(s)).toContain('{{c1::延長}}');
    expect(sentenceHtml({ text: 'A<B & 延長', start: 6, end: 8 })).toBe('A&lt;B &amp; <b>延長</b>');
  });

  it('reads the marked word back from either field', async () => {
    const save = await saveOf(withWord('延長'), '延長');
    const s = save.context.sentence;
    expect(parseMarkedSentence(sentenceHtml(s), '延長')).toEqual(s);
    expect(parseMarkedSentence(clozeHtml(s), '延長')).toEqual(s);
    expect(parseMarkedSentence('米ロ間に唯一残された核軍縮条約', '核軍縮')).toEqual({
      text: '米ロ間に唯一残された核軍縮条約',
      start: 10,
      end: 13,
    });
  });

  it('turns field HTML into text', () => {
    expect(htmlToText('1. a &amp; b<br>2. &lt;c&gt; &#x5ef6;&#38263;')).toBe('1. a & b\n2. <c> 延長');
  });
});
