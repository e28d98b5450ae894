import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeWords } from '../../node/words';
import type { WordIndex } from '../dict/word-index';
import { lookupWords } from './word-lookup';
import { createTokenizer, type Tokenizer } from '../tokenizer/tokenizer';
import { nodeKuromojiLoader } from '../../node/kuromoji';
import type { LookupResult } from '../types';

const SEED = readFileSync('tests/fixtures/news/seed-article.txt', 'utf8');

let words: WordIndex;
let tokenizer: Tokenizer;
beforeAll(async () => {
  [words, tokenizer] = await Promise.all([loadNodeWords(), createTokenizer(nodeKuromojiLoader())]);
}, 300_000);

/** A sentence of the seed article that contains `needle`. */
function sentenceWith(needle: string): string {
  const sentence = SEED.split(/(?<=[。\n])/).find((s) => s.includes(needle));
  if (!sentence) throw new Error(`not in the seed article: ${needle}`);
  return sentence;
}

/** Looks up at the first character of `needle` in `text`, without and with kuromoji's tokens. */
function both(text: string, needle: string): [LookupResult | null, LookupResult | null] {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return [lookupWords(text, at, { words }), lookupWords(text, at, { words, tokens: tokenizer.tokenize(text) })];
}

function glosses(result: LookupResult | null, entry = 0): string[] {
  return result?.entries[entry]?.senses.flatMap((s) => s.glosses) ?? [];
}

describe('lookupAt on the seed article', () => {
  it('finds 延長 in 延長で, with or without tokens', () => {
    for (const r of both(sentenceWith('新START延長で合意'), '延長で')) {
      expect(r).toMatchObject({ match: '延長', end: r!.start + 2 });
      expect(r!.entries[0]).toMatchObject({ headword: '延長', reading: 'えんちょう', inflection: null, common: true });
      expect(glosses(r)).toContain('extension');
    }
  });

  it('finds 交わす under 交わされ, passive in its continuative form', () => {
    for (const r of both(sentenceWith('交わされ'), '交わされ')) {
      expect(r!.match).toBe('交わされ');
      expect(r!.entries[0]).toMatchObject({
        headword: '交わす',
        reading: 'かわす',
        inflection: ['passive', 'continuative'],
        matchLength: 4,
      });
      expect(glosses(r).join(' ')).toMatch(/exchange/);
    }
  });

  it('shows the サ変 noun 合意 for 合意した, used as 合意する in the past', () => {
    for (const r of both(sentenceWith('延長で合意したと発表'), '合意した')) {
      expect(r!.match).toBe('合意した');
      expect(r!.entries[0]).toMatchObject({ headword: '合意', reading: 'ごうい', inflection: ['suru-verb', 'past'] });
      expect(r!.entries[0]!.senses.every((s) => s.pos.includes('vs'))).toBe(true);
    }
  });

  it('reads 懸念されています as 懸念 (vs): passive, progressive, polite', () => {
    // The seed's headline "インフレ下振れリスク懸念", put in the polite passive progressive as news writes it.
    const text = 'ECBはインフレ下振れリスクが懸念されていますと述べた。';
    for (const r of both(text, '懸念')) {
      expect(r!.match).toBe('懸念されています');
      expect(r!.entries[0]).toMatchObject({
        headword: '懸念',
        reading: 'けねん',
        inflection: ['suru-verb', 'passive', 'progressive', 'polite'],
      });
      expect(r!.entries[0]!.senses[0]!.pos).toContain('vs');
    }
  });

  it("offers 電話会談, composed from kuromoji's nouns when EDICT lacks it, after its first word", () => {
    expect(words.lookup('電話会談')).toEqual([]);
    const [plain, withTokens] = both(sentenceWith('電話会談した'), '電話会談');
    // Without tokens the dictionary alone answers with its longest word.
    expect(plain!.entries[0]).toMatchObject({ headword: '電話', reading: 'でんわ' });
    // Two words side by side are two words to a reader: the first leads, the compound follows.
    expect(withTokens!.match).toBe('電話');
    const [first, compound] = withTokens!.entries;
    expect(first).toMatchObject({ headword: '電話', reading: 'でんわ', matchLength: 2 });
    expect(compound).toMatchObject({ headword: '電話会談', reading: 'でんわかいだん', parts: ['電話', '会談'] });
    expect(compound!.senses[0]!.glosses[0]).toMatch(/^telephone call \+ /);
  });

  it('composes 核軍縮条約 from the longest dictionary words inside it, after 核軍縮', () => {
    const [, r] = both(sentenceWith('核軍縮条約'), '核軍縮条約');
    expect(r!.entries[0]).toMatchObject({ headword: '核軍縮' });
    expect(r!.entries[1]).toMatchObject({ headword: '核軍縮条約', parts: ['核軍縮', '条約'] });
    expect(r!.entries[1]!.reading).toBe('かくぐんしゅくじょうやく');
  });

  it('inside a token, puts first the reading that fits it: 略 of 戦略 is りゃく, not ほぼ', () => {
    const text = sentenceWith('戦略的安定');
    const at = text.indexOf('戦略的安定') + 1;
    const plain = lookupWords(text, at, { words })!;
    const withTokens = lookupWords(text, at, { words, tokens: tokenizer.tokenize(text) })!;
    expect(plain.entries[0]!.reading).toBe('ほぼ');
    expect(withTokens.entries[0]).toMatchObject({ headword: '略', reading: 'りゃく' });
  });

  it('inside a katakana word shows the whole word, not its tail (サ of ミサイル is not いる)', () => {
    const text = 'ミサイルを発射した。';
    const r = lookupWords(text, 2, { words, tokens: tokenizer.tokenize(text) })!;
    expect(r).toMatchObject({ start: 0, end: 4, match: 'ミサイル' });
    expect(r.entries[0]!.headword).toBe('ミサイル');
  });

  it('gives a conjunction its conjunction senses first where kuromoji reads one (ただ、 is "but", not "ordinary")', () => {
    for (const [text, gloss] of [
      ['ただ、反発も出ている。', 'but'],
      ['なお、詳細は明らかにしていない。', 'furthermore'],
      ['また、政府は対策を検討する。', 'and'],
    ] as const) {
      const r = lookupWords(text, 0, { words, tokens: tokenizer.tokenize(text) })!;
      expect(r.entries[0]!.senses[0]!.glosses[0], text).toBe(gloss);
    }
    // Not a conjunction here: ただで配る is to hand out free.
    const plain = '試供品をただで配る。';
    const r = lookupWords(plain, plain.indexOf('ただ'), { words, tokens: tokenizer.tokenize(plain) })!;
    expect(r.entries[0]!.senses[0]!.pos).not.toContain('conj');
  });

  it('gives a noun that is also an adverb its adverb senses first where it is used as one (軒並み下落)', () => {
    for (const [text, word, gloss] of [
      ['株価は軒並み下落した。', '軒並み', 'all'],
      ['金利は当面は据え置く。', '当面', 'for the meantime'],
    ] as const) {
      const r = lookupWords(text, text.indexOf(word), { words, tokens: tokenizer.tokenize(text) })!;
      expect(r.entries[0]!.senses[0]!.glosses[0], text).toBe(gloss);
    }
    // Before の it names something: 当面の課題 is a pressing issue.
    const noun = '当面の課題を話し合う。';
    const r = lookupWords(noun, 0, { words, tokens: tokenizer.tokenize(noun) })!;
    expect(r.entries[0]!.senses[0]!.glosses[0]).toBe('current');
  });

  it('shows the spelling a reader knows for kana EDICT splits across entries: いう of という is 言う, not 云う', () => {
    const text = '協議したという。';
    const r = lookupWords(text, text.indexOf('いう'), { words, tokens: tokenizer.tokenize(text) })!;
    expect(r.entries[0]!.headword).toBe('言う');
    // The split-off spelling is still there, further down.
    expect(r.entries.map((e) => e.headword)).toContain('云う');
  });

  it('does not read the start of a katakana word as a kanji word by its reading (ジャ of ジャニーズ is no 蛇)', () => {
    // kuromoji splits ジャ|ニーズ; the text still writes one katakana word.
    const text = 'ジャニーズ事務所の問題';
    const r = lookupWords(text, 0, { words, tokens: tokenizer.tokenize(text) });
    expect(r?.entries.map((e) => e.headword) ?? []).not.toContain('蛇');
  });

  it('puts the loanword a katakana text spells before a common kanji word read the same (メモリ is not 目盛り)', () => {
    const text = 'メモリとSSDを交換した。';
    const r = lookupWords(text, 0, { words, tokens: tokenizer.tokenize(text) })!;
    expect(r.entries[0]).toMatchObject({ headword: 'メモリ' });
    expect(r.entries[0]!.senses[0]!.glosses).toContain('memory');
  });

  it('does not start a compound at a suffix: 的 of 戦略的安定協議 is the suffix, not 的安定協議', () => {
    const [, r] = both(sentenceWith('戦略的安定協議'), '的安定');
    expect(r!.entries[0]!.headword).toBe('的');
    expect(r!.entries.some((e) => e.source === 'words' && e.parts)).toBe(false);
  });
  it('finds katakana words through their hiragana key and shows them as written', () => {
    for (const r of both(sentenceWith('ホワイトハウスは'), 'ホワイトハウス')) {
      expect(r!.entries[0]).toMatchObject({ headword: 'ホワイトハウス', reading: 'ほわいとはうす', matchLength: 7 });
      expect(glosses(r).join(' ')).toMatch(/White House/);
    }
    for (const r of both(sentenceWith('ウクライナの紛争'), 'ウクライナ')) {
      expect(r!.entries[0]!.headword).toBe('ウクライナ');
      expect(glosses(r)).toContain('Ukraine');
    }
  });

  it('with tokens, does not read a name as the word hidden in it (プー of プーチン)', () => {
    const [, withTokens] = both(sentenceWith('プーチン氏が'), 'プーチン');
    expect(withTokens).toBeNull();
    // A loanword kuromoji splits keeps its parts: オープン of オープンスカイ.
    const [, open] = both(sentenceWith('オープンスカイ'), 'オープンスカイ');
    expect(open!.entries.map((e) => e.headword)).toContain('オープン');
  });

  it('starts at the pointer inside a word', () => {
    for (const r of both(sentenceWith('電話会談した'), '会談')) {
      expect(r!.entries[0]).toMatchObject({ headword: '会談', reading: 'かいだん' });
    }
  });

  it('answers null where there is no Japanese', () => {
    const text = sentenceWith('新START延長で合意');
    const tokens = tokenizer.tokenize(text);
    for (const at of [text.indexOf('START'), text.indexOf('T'), text.indexOf(' ')]) {
      expect(lookupWords(text, at, { words })).toBeNull();
      expect(lookupWords(text, at, { words, tokens })).toBeNull();
    }
    const date = sentenceWith('2021年1月27日');
    expect(lookupWords(date, date.indexOf('2021'), { words })).toBeNull();
    expect(lookupWords(date, -1, { words })).toBeNull();
    expect(lookupWords(date, date.length, { words })).toBeNull();
  });

  it('gives the particle entry when the pointer is on a particle', () => {
    for (const r of both(sentenceWith('新START延長で合意'), 'で合意')) {
      expect(r!.entries[0]).toMatchObject({ headword: 'で', matchLength: 1 });
      expect(r!.entries[0]!.senses[0]!.pos).toEqual(['prt']);
    }
    for (const r of both(sentenceWith('ホワイトハウスは、'), 'は、')) {
      expect(r!.entries[0]!.headword).toBe('は');
      expect(r!.entries[0]!.senses[0]!.pos).toEqual(['prt']);
      // 歯 (tooth), also read は, comes later, shown as it is written.
      expect(r!.entries.findIndex((e) => e.headword === '歯' && e.reading === 'は')).toBeGreaterThan(0);
    }
  });

  it('lets kuromoji choose between homographs: 米 in 米ロ is べい (America), not こめ (rice)', () => {
    const [plain, withTokens] = both(sentenceWith('米ロ間に唯一残された'), '米ロ間');
    expect(plain!.entries[0]!.reading).toBe('こめ');
    const first = withTokens!.entries[0]!;
    expect(first).toMatchObject({ headword: '米ロ間', reading: 'べいろかん', parts: ['米', 'ロ', '間'] });
    expect(first.senses[0]!.glosses[0]).toMatch(/^\(United States of\) America \+ Russia \+ /);
    expect(withTokens!.entries.find((e) => e.headword === '米')?.reading).toBe('べい');
  });

  it('shows the reading kuromoji heard when the entry has several: 版 of 日本版 is ばん, 高 of ユーロ高 is だか', () => {
    const cases: [text: string, needle: string, headword: string, withTokens: string][] = [
      ['ニューズウィーク日本版 トランプの帝国', '版', '版', 'ばん'],
      ['ドル安・ユーロ高を警戒', '高', '高', 'だか'],
    ];
    for (const [text, needle, headword, reading] of cases) {
      const [plain, withTokens] = both(text, needle);
      expect(withTokens!.entries[0]).toMatchObject({ headword, reading });
      // Without kuromoji the usual reading stands: the choice is the tokens', not a new default.
      expect(plain!.entries[0]!.reading).not.toBe(reading);
    }
  });

  it('takes the reading of a conjugated verb from kuromoji too: 入っ of 割って入った is はいる, not いる', () => {
    for (const text of ['対立に割って入った。', '対立に割って入っ…']) {
      const [, withTokens] = both(text, '入っ');
      expect(withTokens!.entries[0]).toMatchObject({ headword: '入る', reading: 'はいる' });
    }
  });

  it('composes a word kuromoji keeps whole and the dictionary lacks from the words inside it: 北関東, 財務局', () => {
    const [, north] = both('北関東３県の低迷が続く', '北関東');
    expect(north!.entries[0]).toMatchObject({ headword: '北関東', reading: 'きたかんとう', parts: ['北', '関東'] });
    const [, bureau] = both('自死した近畿財務局職員', '近畿');
    // Up to its word-forming ending: 近畿財務局 of 近畿財務局職員.
    expect(bureau!.entries[0]).toMatchObject({ headword: '近畿財務局', parts: ['近畿', '財務', '局'] });
    expect(bureau!.entries[0]!.reading).toBe('きんきざいむきょく');
    // Two lone kanji would be a guess at an abbreviation: 総連 is not 総 "whole" + 連 "reams of paper".
    const [, union] = both('県電力総連の議員', '県電力');
    expect(union!.entries.map((e) => e.headword)).not.toContain('県電力総連');
  });

  it('from inside a noun, does not run on past it: 生 of 発生した is not 生す, 故 of 事故に not 故に', () => {
    const [, grow] = both('燃焼試験で発生した爆発', '生した');
    expect(grow!.match).toBe('生');
    expect(grow!.entries.map((e) => e.headword)).not.toContain('生す');
    const [, therefore] = both('事故について説明した', '故に');
    expect(therefore!.entries.map((e) => e.headword)).not.toContain('故に');
    // Inside a verb it still does: 合 of 話し合った is 合う, past.
    const [, meet] = both('両国が話し合った', '合った');
    expect(meet!.entries[0]).toMatchObject({ headword: '合う', inflection: ['past'] });
  });

  it('shows a word found through its reading as it is usually written: えんちょう is 延長, ため stays in kana', () => {
    const [, extension] = both('えんちょうする', 'えんちょう');
    expect(extension!.entries[0]).toMatchObject({ headword: '延長', reading: 'えんちょう' });
    // ため (為) is usually written in kana: it stays so.
    const [, sake] = both('延長のため', 'ため');
    expect(sake!.entries[0]).toMatchObject({ headword: 'ため', reading: 'ため' });
  });

  it('lists shorter matches after the longest, each entry once', () => {
    for (const r of both(sentenceWith('首脳会談に関する'), '首脳会談')) {
      const lengths = r!.entries.map((e) => e.matchLength);
      expect(r!.entries[0]).toMatchObject({ headword: '首脳会談', reading: 'しゅのうかいだん' });
      expect(r!.entries.map((e) => e.headword)).toContain('首脳');
      expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
      const keys = r!.entries.map((e) => `${e.headword}|${e.reading}|${e.senses[0]!.glosses[0]}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(r!.end - r!.start).toBe(r!.entries[0]!.matchLength);
    }
  });
});

describe('kana the text writes as grammar, with kuromoji’s tokens', () => {
  function first(text: string, at: number): { headword: string; reading: string } | undefined {
    const r = lookupWords(text, at, { words, tokens: tokenizer.tokenize(text) });
    const e = r?.entries[0];
    return e && { headword: e.headword, reading: e.reading };
  }
  const on = (text: string, pointer: string) => {
    const [before] = pointer.split('|');
    const at = text.indexOf(pointer.replace('|', '')) + before!.length;
    return first(text, at);
  };

  it('shows the word that holds kana under the pointer, not a word of its own (べ of 述べた is 述べる, ど of など)', () => {
    expect(on('予定だと述べた。', '述|べた')).toMatchObject({ headword: '述べる' });
    expect(on('延長などを巡り協議が行われた。', '延長な|ど')).toMatchObject({ headword: 'など' });
    expect(on('今、あなたにオススメ', 'あ|なた')).toMatchObject({ headword: 'あなた' });
    expect(on('就任後初めてロシアの', '初|めて')).toMatchObject({ headword: '初めて' });
  });

  it('on the verb a compound particle opens, the verb comes first (つ of について)', () => {
    expect(on('合意について確認した', 'に|ついて')?.headword).not.toBe('について');
  });

  it('reads a dependent noun as a formal noun: うえ of 相談のうえで is 上, not 飢え', () => {
    expect(on('弁護士とも相談のうえで法的措置を検討する', 'の|うえ')).toMatchObject({
      headword: '上',
      reading: 'うえ',
    });
  });

  it('never reads a particle or an auxiliary as a kanji or katakana word (うちに, はい, なの, でし)', () => {
    expect(on('数日のうちに決める', 'の|うち')?.headword).not.toBe('打ち荷');
    expect(on('けが人はいませんでした', '人|は')).toMatchObject({ headword: 'は' });
    expect(on('「戦犯」は誰なのか?', '誰|な')?.headword).not.toBe('ナノ');
    expect(on('計画でしたが、', '計画|で')?.headword).not.toBe('弟子');
    expect(on('確認していないが', 'し|て')?.headword).not.toMatch(/^(邸内|亭)$/);
  });

  it('shows a form EDICT lists as a word of its own before its stem conjugated (一貫して, 辞さない, 早ければ)', () => {
    expect(on('首相は一貫して否定している。', '|一貫して')).toMatchObject({ headword: '一貫して' });
    expect(on('対抗措置も辞さない構えだ。', '|辞さない')).toMatchObject({ headword: '辞さない' });
    expect(on('早ければ来月にも決定する。', '|早ければ')).toMatchObject({ headword: '早ければ' });
    expect(on('Key Mで、長さは42ミリ', '|長さ')).toMatchObject({ headword: '長さ', reading: 'ながさ' });
  });

  it('keeps a conjugated verb that runs into its auxiliaries (そろえました is 揃える)', () => {
    expect(on('容量は1TBでそろえました。', 'で|そ')).toMatchObject({ headword: '揃える' });
  });
});

describe('an adverb written with と (issue 9: the right answer first)', () => {
  const on = (text: string, word: string) =>
    lookupWords(text, text.indexOf(word), { words, tokens: tokenizer.tokenize(text) });

  it('shows an adverb EDICT lists without its と (一段, 着々, 次々) as the adverb the text writes (一段と)', () => {
    for (const [text, word, reading] of [
      ['物価上昇が一段と進んだ。', '一段と', 'いちだんと'],
      ['改革は着々と進んでいる。', '着々と', 'ちゃくちゃくと'],
      ['新製品を次々と発表した。', '次々と', 'つぎつぎと'],
    ] as const) {
      const r = on(text, word);
      expect(r?.match, text).toBe(word);
      expect(r?.entries[0], text).toMatchObject({ headword: word, reading, matchLength: word.length });
      // Its adverb sense first: 一段 is "more" here, not "step; rung".
      expect(
        r?.entries[0]?.senses[0]?.pos.some((p) => p.startsWith('adv')),
        text,
      ).toBe(true);
    }
  });

  it('keeps the word alone where nothing says that と belongs to it', () => {
    const text = '物価上昇が一段と進んだ。';
    expect(lookupWords(text, text.indexOf('一段'), { words })?.entries[0]?.headword).toBe('一段');
  });
});

describe("a word that starts inside one of kuromoji's words and ends inside the next (issue 9)", () => {
  it('shows the word that holds the pointer (示 of 開示する is 開示, not 示す)', () => {
    for (const [text, pointer, word] of [
      ['結果などを開示するよう求めて', '示', '開示'],
      ['別の施設で実施するという。', '実施', '実施'],
    ] as const) {
      const at = text.lastIndexOf(pointer) + pointer.length - 1;
      const r = lookupWords(text, at, { words, tokens: tokenizer.tokenize(text) });
      expect(r?.entries[0]?.headword, text).toBe(word);
      expect(r?.start, text).toBe(text.lastIndexOf(word));
    }
  });
});

describe('a character that only begins the longer words', () => {
  it('keeps its two likeliest readings under them, not one row per reading of EDICT', () => {
    for (const [text, word] of [
      ['ロシアの大使館スタッフが退去した。', '大使館'],
      ['日本は懸念を示した。', '日本'],
    ] as const) {
      const result = lookupWords(text, text.indexOf(word), { words, tokens: tokenizer.tokenize(text) })!;
      expect(result.entries[0]!.headword).toBe(word);
      const singles = result.entries.filter((e) => e.matchLength === 1);
      expect(singles.length, word).toBeGreaterThan(0);
      expect(singles.length, word).toBeLessThanOrEqual(2);
      expect(
        singles.every((e) => e.common),
        word,
      ).toBe(true);
    }
  });

  it('still lists every reading when the character is the word itself', () => {
    const text = '上を見た。';
    const result = lookupWords(text, 0, { words, tokens: tokenizer.tokenize(text) })!;
    expect(result.entries.filter((e) => e.headword === '上').length).toBeGreaterThan(2);
  });
});
