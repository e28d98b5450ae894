import { readFileSync } from 'node:fs';
import { loadNodeNames } from '../../node/words';
import { loadNodeWords } from '../../node/words';
import { loadNodeGlossary } from '../../node/glossary';
import { lookupWords } from './word-lookup';
import { lookup, type LookupDeps } from './answer';
import { nodeKuromojiLoader } from '../../node/kuromoji';
import { createTokenizer, type Tokenizer } from '../tokenizer/tokenizer';
import type { LookupResult } from '../types';

const SEED = 'tests/fixtures/news/seed-article.txt';
const seed = readFileSync(SEED, 'utf8');
/** The article's own sentences, as the content script sends them. */
const sentences = seed.split(/\n+|(?<=。)/).filter((s) => s.trim());

let deps: Omit<LookupDeps, 'tokens'>;
let tokenizer: Tokenizer;

beforeAll(async () => {
  deps = { words: await loadNodeWords(), names: await loadNodeNames(), glossary: loadNodeGlossary() };
  tokenizer = await createTokenizer(nodeKuromojiLoader());
}, 120_000);

function hover(text: string, target: string, within = 0): LookupResult {
  const at = text.indexOf(target);
  if (at < 0) throw new Error(`${target} is not in ${text}`);
  const result = lookup(text, at + within, { ...deps, tokens: tokenizer.tokenize(text) });
  if (!result) throw new Error(`nothing at ${target} in ${text}`);
  return result;
}

describe('lookupCombined on the seed article (Reuters, 27 January 2021)', () => {
  const terms = [
    '新START',
    '新戦略兵器削減条約',
    '領空開放(オープンスカイ)条約',
    '戦略的安定',
    '大統領報道官',
    'ロシア大統領府',
    'ホワイトハウス',
    '核軍縮条約',
    '外交文書',
    '反体制派',
    'ナワリヌイ',
    'タリバン',
    '連合軍',
    '主権',
    '国益',
  ];

  it.each(terms)('shows the glossary card for %s, hovered in the middle, in its own sentence', (term) => {
    const entry = deps.glossary!.find(term);
    expect(entry, `${term} is not in the glossary`).toBeDefined();
    const sentence = sentences.find((s) => s.includes(term))!;
    const result = hover(sentence, term, Math.floor(term.length / 2));
    const card = result.entries[0]!;
    expect(card.source).toBe('glossary');
    const occurrence = sentence.indexOf(term);
    // The card covers the term; a longer term may hold it (戦略的安定協議 in 戦略的安定協議を模索).
    expect(result.start).toBeLessThanOrEqual(occurrence);
    expect(result.end).toBeGreaterThanOrEqual(occurrence + term.length);
    expect(card.matchLength).toBe(result.end - result.start);
    if (result.match === term) {
      // An alias is shown as written, with the term it stands for (新START: 新戦略兵器削減条約).
      if (card.source === 'glossary' && card.standsFor) expect(card.standsFor.term).toBe(entry!.term);
      else expect(card.headword).toBe(entry!.term);
      expect(card.senses[0]!.glosses[0]).toBe(entry!.en[0]);
    } else if (card.source === 'glossary' && card.standsFor) {
      // The term with a suffix the glossary does not list (ナワリヌイ氏): the whole, then what it is made of.
      expect(card.standsFor.term).toBe(entry!.term);
      expect(result.match.startsWith(term)).toBe(true);
    } else {
      expect(deps.glossary!.find(result.match)?.term).toBe(card.headword);
      expect(result.match).toContain(term);
    }
  });

  it('gives the card every field the popup shows, the English name first', () => {
    const sentence = sentences.find((s) => s.includes('新STARTの5年延長'))!;
    const result = hover(sentence, '新START', 3);
    expect(result.match).toBe('新START');
    const card = result.entries[0];
    if (card?.source !== 'glossary') throw new Error('no glossary card first');
    expect(card).toMatchObject({
      source: 'glossary',
      headword: '新START',
      reading: 'しんスタート',
      standsFor: { term: '新戦略兵器削減条約', reading: 'しんせんりゃくへいきさくげんじょうやく' },
      category: 'treaty',
      matchLength: 6,
    });
    expect(card.senses).toEqual([
      { pos: [], glosses: expect.arrayContaining(['New Strategic Arms Reduction Treaty']) },
    ]);
    expect(card.senses[0]!.glosses[0]).toBe('New Strategic Arms Reduction Treaty');
    expect(card.note).toMatch(/1,550/);
    expect(card.aliases).toContain('新START');
    expect(card.related?.length).toBeGreaterThan(0);
  });

  it('follows the card with the dictionary words of the term: 条約 under the pointer in 領空開放(オープンスカイ)条約', () => {
    const sentence = sentences.find((s) => s.includes('領空開放(オープンスカイ)条約'))!;
    const result = hover(sentence, '条約');
    expect(result.match).toBe('領空開放(オープンスカイ)条約');
    expect(result.entries[0]!.senses[0]!.glosses[0]).toBe('Treaty on Open Skies');
    const words = result.entries.filter((e) => e.source === 'words');
    expect(words.map((e) => e.headword)).toContain('条約');
    expect(words.find((e) => e.headword === '条約')?.senses[0]!.glosses).toContain('treaty');
  });

  it('never splits プーチン into プー + チン, and shows no name the glossary already explains', () => {
    const sentence = sentences.find((s) => s.includes('プーチン大統領'))!;
    const result = hover(sentence, 'プーチン', 1);
    expect(result.match).toBe('プーチン');
    expect(result.entries[0]!.senses[0]!.glosses[0]).toMatch(/Putin/);
    expect(result.entries.map((e) => e.headword)).not.toContain('プー');
    expect(result.entries.filter((e) => e.source === 'names')).toEqual([]);
  });

  it('keeps a one-kanji abbreviation to its term: 米 in 米ロ間 is the US–Russia card, not rice', () => {
    const sentence = sentences.find((s) => s.includes('米ロ間'))!;
    const result = hover(sentence, '米ロ');
    expect(result.entries[0]!.source).toBe('glossary');
    expect(result.entries[0]!.headword).toMatch(/^米ロ/);
  });
});

describe('lookupCombined: a glossary term inside a longer dictionary word', () => {
  it('shows the word first when the term is only its start: ベトナム語 is the language, not the country', () => {
    const result = hover('ベトナム語を学ぶ', 'ベトナム', 2);
    expect(result.match).toBe('ベトナム語');
    expect(result.entries[0]).toMatchObject({ source: 'words', headword: 'ベトナム語' });
    // The country after it, once: the card says no more than EDICT's ベトナム "Vietnam", shown where it ranks.
    expect(result.entries.filter((e) => e.headword === 'ベトナム')).toHaveLength(1);
  });
});

describe('lookupCombined: the names dictionary', () => {
  it('names a foreign person the dictionary and the glossary lack, across the ・ of the full name', () => {
    const text = '米戦闘機、空母エイブラハム・リンカーンに接近したイラン製ドローンを撃墜';
    const result = hover(text, 'エイブラハム');
    expect(result.match).toBe('エイブラハム・リンカーン');
    const names = result.entries.filter((e) => e.source === 'names');
    expect(names[0]!.senses[0]!.glosses[0]).toBe('Abraham Lincoln');
    expect(names[0]!.senses[0]!.tags).toContain('person');
  });

  it('orders the readings of a surname by what kuromoji hears: 長谷川 is はせがわ first', () => {
    const result = hover('長谷川氏は記者団に語った', '長谷川');
    expect(result.match).toBe('長谷川');
    const names = result.entries.filter((e) => e.source === 'names');
    expect(names[0]).toMatchObject({ headword: '長谷川', reading: 'はせがわ', matchLength: 3 });
    expect(names[0]!.senses[0]!.tags).toContain('surname');
  });

  it('reads a byline of run-together katakana words where kuromoji parts them: トムソン|ロイター・ジャパン', () => {
    const text = 'トムソンロイター・ジャパン';
    for (const within of [0, 3]) {
      const thomson = hover(text, 'トムソン', within);
      expect(thomson.match).toBe('トムソン');
      expect(thomson.entries[0]!.senses[0]!.glosses).toContain('Thomson');
    }
    expect(hover(text, 'ロイター', 2).match).toBe('ロイター');
    const japan = hover(text, 'ジャパン', 3);
    expect(japan.match).toBe('ジャパン');
    expect(japan.entries[0]!.senses[0]!.glosses.join(' ')).toMatch(/Japan/);
  });

  it('reads a spelling with its own reading: ゼロ歳 is ぜろさい, never れいさい', () => {
    const zero = hover('ゼロ歳の子どもを預ける', 'ゼロ歳');
    expect(zero.entries[0]).toMatchObject({ headword: 'ゼロ歳', reading: 'ぜろさい' });
    expect(hover('零歳の子どもを預ける', '零歳').entries[0]).toMatchObject({ headword: '零歳', reading: 'れいさい' });
  });

  it('puts first a name the highlight covers and kuromoji takes for one: 岩本 the surname, not 岩 "rock"', () => {
    const text = '元理事長の岩本絹子容疑者を逮捕した';
    const result = hover(text, '岩本');
    expect(result.match).toBe('岩本');
    expect(result.entries[0]).toMatchObject({ source: 'names', headword: '岩本', reading: 'いわもと' });
    expect(result.entries.some((e) => e.source === 'words' && e.headword === '岩')).toBe(true);
    // Before kuromoji has loaded nothing says 岩本 is a name here: the words come first.
    const cold = lookup(text, text.indexOf('岩本'), deps)!;
    expect(cold.entries[0]).toMatchObject({ source: 'words', headword: '岩' });
  });

  it('puts a surname before a word of the same spelling when kuromoji hears a name: 赤木 Akagi, not the tree', () => {
    const result = hover('近畿財務局職員、赤木俊夫さん', '赤木');
    expect(result.entries[0]).toMatchObject({ source: 'names', headword: '赤木', reading: 'あかぎ' });
    expect(result.entries.some((e) => e.source === 'words' && e.headword === '赤木')).toBe(true);
  });

  it('reads a given name kuromoji knows and the trimmed names dictionary lacks, saying the reading is a guess', () => {
    const result = hover('赤木雅子さん請求の改ざん', '雅子');
    expect(result.match).toBe('雅子');
    expect(result.entries[0]).toMatchObject({ source: 'names', headword: '雅子', reading: 'まさこ' });
    expect(result.entries[0]!.senses[0]).toMatchObject({ glosses: ['Masako'], tags: ['given', 'guessed'] });
  });

  it("puts kuromoji's reading of a surname first when the kept readings lack it: 米田 is よねだ", () => {
    const names = hover('（米田優人）', '米田').entries.filter((e) => e.source === 'names');
    expect(names[0]).toMatchObject({ headword: '米田', reading: 'よねだ' });
    expect(names.map((n) => n.reading)).toContain('こめだ');
  });

  it('shows no name where the dictionary has a longer word (新聞記者, not the surname 新聞)', () => {
    expect(deps.names!.lookup('新聞').some((e) => e.kanji[0]?.text === '新聞')).toBe(true);
    const result = hover('新聞記者が質問した', '新聞');
    expect(result.match).toBe('新聞記者');
    expect(result.entries.filter((e) => e.source === 'names')).toEqual([]);
  });
});

describe('lookupCombined: numbers', () => {
  it('reads a date of the seed article as one word, from any of its digits', () => {
    const sentence = sentences.find((s) => s.includes('2月5日の期限'))!;
    for (const within of [0, 2, 3]) {
      const at = sentence.indexOf('2月5日') + within;
      const result = lookup(sentence, at, { ...deps, tokens: tokenizer.tokenize(sentence) })!;
      expect(result.match).toBe('2月5日');
      expect(result.entries[0]).toMatchObject({ headword: '2月5日', reading: 'にがついつか' });
      expect(result.entries[0]?.senses[0]?.glosses[0]).toBe('February 5');
    }
  });

  it('answers the date on its counter too: 日 of 26日 is not "Sunday", 月 of 3月撮影 is no "moon + photography"', () => {
    expect(hover('外交文書が26日に交わされ', '26日', 2).entries[0]).toMatchObject({ headword: '26日' });
    const photo = hover('モスクワで2011年3月撮影', '3月', 1);
    expect(photo.match).toBe('3月');
    expect(photo.entries[0]).toMatchObject({ headword: '3月', reading: 'さんがつ' });
  });

  it('on a counter after 数, shows its suffix sense first and highlights only it (日 of 数日内, not the surname 日内)', () => {
    const result = hover('手続きを数日内に完了する', '日');
    expect(result.match).toBe('日');
    expect(result.entries[0]).toMatchObject({ headword: '日', reading: 'にち' });
    expect(result.entries[0]!.senses[0]!.pos.some((p) => p === 'suf' || p === 'ctr')).toBe(true);
    expect(result.entries[0]!.senses[0]!.glosses).not.toContain('Sunday');
  });

  it('reads a suffix voiced after its word, with its suffix sense first: 離れ of トランプ離れ is ばなれ', () => {
    const result = hover('米国人のトランプ離れ', '離れ');
    expect(result.entries[0]).toMatchObject({ headword: '離れ', reading: 'ばなれ' });
    expect(result.entries[0]!.senses[0]!.glosses).toContain('loss of interest in');
  });

  it('leaves a term that starts with a number to the glossary: G7 is the summit group, not 7', () => {
    const result = hover('G7サミットが開かれた', 'G7', 1);
    expect(result.entries[0]!.source).toBe('glossary');
  });
});

describe('lookupCombined: without a glossary term under the pointer', () => {
  it('answers as the word lookup does', () => {
    const text = 'ある米政府当局者は、26日に文書を交わす予定だと述べた。';
    const tokens = tokenizer.tokenize(text);
    const at = text.indexOf('交わす');
    const plain = lookupWords(text, at, { words: deps.words, tokens });
    const combined = lookup(text, at, { ...deps, tokens });
    expect(combined?.entries.filter((e) => e.source === 'words')).toEqual(plain?.entries);
    expect(combined?.match).toBe(plain?.match);
  });

  it('returns nothing where there is nothing to look up', () => {
    expect(lookup('、。', 0, deps)).toBeNull();
    expect(lookup('abc', 1, deps)).toBeNull();
  });
});

describe('lookup: set phrases through their conjugations, aliases as written', () => {
  it('finds a set phrase in its conjugated forms, wherever the pointer is inside it, with the steps', () => {
    for (const [text, phrase, reasons] of [
      ['首相は解散の時期について明言を避けた。', '明言を避ける', ['past']],
      ['政府は強い懸念を表明していた。', '懸念を表明する', ['progressive', 'past']],
      ['中国側に理解を求めている。', '理解を求める', ['progressive']],
      ['発言が物議を醸した。', '物議を醸す', ['past']],
    ] as const) {
      const start = text.indexOf(phrase.slice(0, 2));
      for (const within of [0, 2, 4]) {
        const card = hover(text, phrase.slice(0, 2), within).entries.find((e) => e.source === 'glossary');
        expect(card?.headword, `${text} +${within}`).toBe(phrase);
        expect(card?.source === 'glossary' && card.inflection).toEqual(reasons);
      }
      expect(start).toBeGreaterThanOrEqual(0);
    }
  });

  it('lets the particle vary as Japanese varies it', () => {
    const card = hover('妥協の余地のある問題だ。', '余地').entries[0];
    expect(card?.headword).toBe('余地がある');
    expect(hover('理解も求めた。', '理解').entries[0]?.headword).toBe('理解を求める');
    // が gives way to は or も as the topic or "also": the glossary's own example writes 溝は埋まらなかった.
    expect(hover('両国の主張の溝は埋まらなかった。', '溝').entries[0]?.headword).toBe('溝が埋まらない');
    expect(hover('交渉の余地はある。', '余地').entries[0]?.headword).toBe('余地がある');
  });

  it("shows a phrase's variant in other words as written, with its own reading (極めて遺憾 of 強い遺憾)", () => {
    const card = hover('官房長官は「極めて遺憾だ」と述べた。', '極めて').entries[0];
    expect(card).toMatchObject({ source: 'glossary', headword: '極めて遺憾', reading: 'きわめていかん' });
    // Reached through conjugation, the phrase is still shown in its dictionary form.
    expect(hover('首相は明言を避けた。', '明言').entries[0]?.headword).toBe('明言を避ける');
    // So is a variant in other words, in its own dictionary form, with the phrase it is a form of.
    expect(hover('政府は全力で取り組んでいる。', '全力').entries[0]).toMatchObject({
      headword: '全力で取り組む',
      reading: 'ぜんりょくでとりくむ',
      standsFor: { term: '全力を尽くす' },
    });
  });

  it('puts the word under the pointer before a variant phrase that began left of it (取 of 記者団の取材)', () => {
    const result = hover('首相は記者団の取材に応じた。', '取材');
    expect(result.entries[0]).toMatchObject({ source: 'words', headword: '取材' });
  });

  it('finds a phrase written with its verb negated however the text negates the verb', () => {
    for (const [text, head, phrase, span, reasons] of [
      ['与野党の溝は埋まっていない。', '溝', '溝が埋まらない', '溝は埋まっていない', ['progressive']],
      ['日銀は慎重な姿勢を崩していない。', '慎重', '慎重な姿勢を崩さない', '慎重な姿勢を崩していない', ['progressive']],
      ['慎重な姿勢を崩さず、', '慎重', '慎重な姿勢を崩さない', '慎重な姿勢を崩さず', ['negative-continuative']],
    ] as const) {
      const result = hover(text, head);
      expect(result.match, text).toBe(span);
      const card = result.entries[0];
      expect(card?.headword, text).toBe(phrase);
      expect(card?.source === 'glossary' && card.inflection).toEqual(reasons);
    }
    expect(hover('物価高に歯止めがかかっていない。', '歯止め').entries[0]?.headword).toBe('歯止めがかからない');
  });

  it('keeps a phrase whole when an adverb or a short adverbial stands after its particle', () => {
    for (const [text, head, phrase, span] of [
      ['中国側に理解を強く求めた。', '理解', '理解を求める', '理解を強く求めた'],
      ['政府は懸念を改めて表明した。', '懸念', '懸念を表明する', '懸念を改めて表明した'],
      ['両国の溝が一段と深まった。', '溝', '溝が深まる', '溝が一段と深まった'],
      ['首相は理解を国民に求めた。', '理解', '理解を求める', '理解を国民に求めた'],
      ['野党は議席を大きく伸ばした。', '議席', '議席を伸ばす', '議席を大きく伸ばした'],
    ] as const) {
      const result = hover(text, head);
      expect(result.entries[0]?.headword, text).toBe(phrase);
      expect(text.slice(result.start, result.end)).toBe(span);
    }
    // On the adverb itself the reader asked about the adverb: the phrase began left of the pointer.
    expect(hover('中国側に理解を強く求めた。', '強く').entries[0]?.headword).toBe('強い');
    // Text that is not an adverb does not join a phrase: 理解を得て求めた is two clauses.
    expect(hover('理解を得て求めた。', '理解').entries.some((e) => e.headword === '理解を求める')).toBe(false);
  });

  it('takes a modifier of degree before the phrase into it when the pointer is on the modifier (強い懸念を示した)', () => {
    for (const [text, head, phrase, span] of [
      ['政府は強い懸念を示した。', '強い', '懸念を示す', '強い懸念を示した'],
      ['外務省は深い遺憾の意を表明した。', '深い', '遺憾の意を表明する', '深い遺憾の意を表明した'],
    ] as const) {
      const result = hover(text, head);
      expect(result.entries[0]?.headword, text).toBe(phrase);
      expect(text.slice(result.start, result.end), text).toBe(span);
      // The modifier's own word follows, for the reader who asked about it.
      expect(result.entries.some((e) => e.source === 'words' && text.startsWith(e.headword, result.start))).toBe(true);
    }
    // On the noun the phrase starts there, as without the modifier.
    const onNoun = hover('政府は強い懸念を示した。', '懸念');
    expect(onNoun.match).toBe('懸念を示した');
    // A word that changes what the noun means is not a modifier of degree: 新たな懸念 is looked up as written.
    expect(hover('新たな懸念を示した。', '新た').entries[0]?.headword).not.toBe('懸念を示す');
  });

  it('shows the phrase that starts at the pointer, not the longer one that began left of it', () => {
    const text = '大臣は景気は回復しつつあるとの認識を示した。';
    // On 認識 the reader points at 認識を示す; the phrase with と before it comes after.
    const onNoun = hover(text, '認識');
    expect(onNoun.entries[0]?.headword).toBe('認識を示す');
    expect(text.slice(onNoun.start, onNoun.end)).toBe('認識を示した');
    expect(onNoun.entries.some((e) => e.headword === 'との認識を示す')).toBe(true);
    // On と the longer phrase is the one that starts there.
    expect(hover(text, 'との').entries[0]?.headword).toBe('との認識を示す');
  });

  it('puts a passive phrase first over the verb it is the passive of, when it starts at the pointer', () => {
    // 追い込む is first "to herd"; the news means 追い込まれる "be forced into" (辞任に追い込まれた).
    const result = hover('大臣は辞任に追い込まれた。', '追い込');
    expect(result.entries[0]?.headword).toBe('追い込まれる');
    expect(result.entries.slice(0, 3).map((e) => e.headword)).toContain('辞任に追い込まれる');
  });

  it('shows the expression a particle opens second, after the word under the pointer', () => {
    for (const [text, head, word, expression] of [
      ['予算案を巡り与野党が対立した。', '巡り', '巡る', 'を巡り'],
      ['中国に対し抗議した。', '対し', '対する', 'に対し'],
      ['関係者によると首相は辞任する。', 'よる', 'よる', 'によると'],
      ['夜から朝にかけて雨が降る。', 'かけて', 'かける', 'にかけて'],
    ] as const) {
      const entries = hover(text, head).entries;
      expect(
        entries.slice(0, 2).map((e) => e.headword),
        text,
      ).toEqual([word, expression]);
    }
    // A particle that opens nothing there adds nothing: 米国に協力 has no に協力 expression.
    expect(hover('米国に協力した。', '協力').entries.some((e) => e.headword.startsWith('に'))).toBe(false);
  });

  it('shows a verb phrase under its own headword, not under the card of its noun', () => {
    for (const [text, head, phrase] of [
      ['首相の発言が波紋を呼んだ。', '波紋', '波紋を呼ぶ'],
      ['知事は辞意を表明した。', '辞意', '辞意を表明する'],
      ['首相は続投の意向を示した。', '意向', '意向を示す'],
      ['人口減少に歯止めがかからない。', '歯止め', '歯止めがかからない'],
    ] as const) {
      expect(hover(text, head).entries[0]?.headword, text).toBe(phrase);
    }
  });

  it('takes a continuative kuromoji reads as a verb for the verb, unless it is also an adverb', () => {
    expect(hover('体制を見直し、再構築に着手している', '見直し').entries[0]).toMatchObject({ headword: '見直す' });
    expect(hover('見直しが必要だ', '見直し').entries[0]).toMatchObject({ headword: '見直し' });
    expect(hover('劣勢にあると繰り返し主張している', '繰り返し').entries[0]).toMatchObject({ headword: '繰り返し' });
  });

  it('finds a する phrase in a headline that drops する, and not before a longer noun', () => {
    expect(hover('首相、遺憾の意を表明', '遺憾').entries[0]?.headword).toBe('遺憾の意を表明する');
    expect(hover('政府が懸念を表明へ', '懸念').entries[0]?.headword).toBe('懸念を表明する');
    expect(hover('懸念を表明書に記した', '懸念').entries.some((e) => e.headword === '懸念を表明する')).toBe(false);
  });

  it('does not take a different verb for the phrase (明言を避難 is not 明言を避ける)', () => {
    const entries = hover('明言を避難させた。', '明言').entries;
    expect(entries.some((e) => e.headword === '明言を避ける')).toBe(false);
  });

  it('follows a card with one reading of its first kanji, not every reading of it', () => {
    const entries = hover('新START延長で合意', 'START').entries;
    expect(entries[0]).toMatchObject({ source: 'glossary', headword: '新START' });
    expect(entries.filter((e) => e.headword === '新').map((e) => e.reading)).toEqual(['しん']);
  });

  it("reads a country's one kanji standing alone as a headline's subject as the country (比、中、韓)", () => {
    for (const [text, alias, reading, term] of [
      ['比、中国船に抗議', '比', 'ひ', 'フィリピン'],
      ['中、米に反発', '中', 'ちゅう', '中国'],
      ['韓、新政権が発足', '韓', 'かん', '韓国'],
    ] as const) {
      const first = hover(text, alias).entries[0];
      expect(first, text).toMatchObject({ source: 'glossary', headword: alias, reading, standsFor: { term } });
    }
    // Before a particle or inside a word it is the word: a ratio, the middle.
    expect(hover('前年比で3%増えた。', '比').entries[0]?.headword).not.toBe('比');
    expect(hover('比を求める。', '比').entries[0]?.source).toBe('words');
    expect(hover('雨の中、出発した。', '中').entries[0]?.source).toBe('words');
  });

  it('shows an abbreviation as written, with its own reading, then the term it stands for', () => {
    for (const [text, alias, reading, term] of [
      ['日銀が追加利上げを決めた。', '日銀', 'にちぎん', '日本銀行'],
      ['経団連の会長が会見した。', '経団連', 'けいだんれん', '日本経済団体連合会'],
      ['全銀協の会長は利上げを歓迎した。', '全銀協', 'ぜんぎんきょう', '全国銀行協会'],
      ['憲法審で議論した。', '憲法審', 'けんぽうしん', '憲法審査会'],
    ] as const) {
      const card = hover(text, alias).entries.find((e) => e.source === 'glossary');
      expect(card, text).toMatchObject({ headword: alias, reading, standsFor: { term } });
    }
  });

  it('shows a term written with kanji before or after it as written, read as a whole (米国防総省, 史上最高値)', () => {
    for (const [text, at, written, reading, term] of [
      ['米国防総省は声明を出した。', '国防', '米国防総省', 'べいこくぼうそうしょう', '国防総省'],
      ['日経平均株価は史上最高値を更新した。', '史上', '史上最高値', 'しじょうさいたかね', '最高値'],
    ] as const) {
      const card = hover(text, at).entries[0];
      expect(card, text).toMatchObject({ source: 'glossary', headword: written, reading, standsFor: { term } });
    }
    // A longer form holding a name in other script is still the name (ウォロディミル・ゼレンスキー is ゼレンスキー).
    expect(hover('ウォロディミル・ゼレンスキー大統領', 'ウォロ').entries[0]?.headword).toBe('ゼレンスキー');
  });

  it('puts an everyday word before a card that repeats it or gives it a rarer sense', () => {
    for (const [text, word] of [
      ['連合軍兵士殺害の報奨金を設けた', '報奨金'],
      ['一方、政府は慎重だ。', '一方'],
      ['国民の生活を守る。', '国民'],
    ] as const) {
      const entries = hover(text, word).entries;
      expect(entries[0], text).toMatchObject({ source: 'words', headword: word });
      // A card that only repeats the word (報奨金 "bounty", 一方 "on the other hand") is not a second row; one in a
      // rarer sense (国民, the party) is.
      const cards = entries.filter((e) => e.source === 'glossary' && e.headword === word);
      expect(cards, text).toHaveLength(word === '国民' ? 1 : 0);
    }
    expect(hover('国民民主党の玉木代表', '国民').entries[0]?.headword).toBe('国民民主党');
  });

  it("puts first a card for the word when the dictionary's first sense is not the one news means", () => {
    // 一時 is "one o'clock" first in EDICT, 日中 "daytime", 保守 "maintenance", 見通し "unobstructed view".
    for (const [text, word, gloss] of [
      ['日経平均株価は一時1000円以上値下がりした。', '一時', 'at one point'],
      ['日中の対話を目指す。', '日中', 'Japan–China'],
      ['保守層の支持を固めた。', '保守', 'conservative'],
      ['景気の見通しは不透明だ。', '見通し', 'outlook'],
    ] as const) {
      const first = hover(text, word).entries[0]!;
      expect(first, text).toMatchObject({ source: 'glossary', headword: word });
      expect(first.senses[0]!.glosses).toContain(gloss);
    }
    // When the first sense already says it, the dictionary's word stays first: 述べる "to state".
    expect(hover('首相は述べる。', '述べる').entries[0]).toMatchObject({ source: 'words' });
  });

  it('puts the word under the pointer before a set phrase that started left of it', () => {
    const entries = hover('首相は「問題ない」と述べた。', '述べた').entries;
    expect(entries[0]).toMatchObject({ source: 'words', headword: '述べる' });
  });
});

describe('lookup: composed terms, people with titles', () => {
  it('shows the institution with its country, wherever the pointer is', () => {
    // On a one-kanji prefix too (比 would pair with 沿 as "ratio"); on 中国 written in full, the country.
    for (const [text, word, reading, from] of [
      ['比沿岸警備隊が発表した。', '比沿岸警備隊', 'ひえんがんけいびたい', 0],
      ['中国商務省は声明を出した。', '中国商務省', 'ちゅうごくしょうむしょう', 2],
      // 英国 is a glossary place, but kuromoji reads 英|国防省: the country is the prefix's chance pairing.
      ['英国防省は声明を出した。', '英国防省', 'えいこくぼうしょう', 0],
    ] as const) {
      for (let within = from; within < word.length; within++) {
        const result = hover(text, word, within);
        expect(result.match, `${text} +${within}`).toBe(word);
        expect(result.entries[0]?.reading).toBe(reading);
      }
    }
  });

  it('reads a term with a suffix the glossary does not list as one word', () => {
    const result = hover('政府は税制改正案を提出した。', '税制改正');
    expect(result.match).toBe('税制改正案');
    expect(result.entries[0]).toMatchObject({ headword: '税制改正案', reading: 'ぜいせいかいせいあん' });
    const made = hover('中国製防空レーダーは米軍の', '中国');
    expect(made.match).toBe('中国製');
    expect(made.entries[0]).toMatchObject({ headword: '中国製', reading: 'ちゅうごくせい' });
    expect(made.entries[0]?.senses[0]?.glosses[0]).toMatch(/^made in China/);
    expect(hover('歳費法改正に向け', '歳費').entries[0]).toMatchObject({ headword: '歳費法', reading: 'さいひほう' });
    // A rate, a cost or an amount of the term: 賃上げ率 is not 賃上げ alone.
    const rate = hover('春闘の賃上げ率は5%を超えた。', '賃上げ');
    expect(rate.entries[0]).toMatchObject({ headword: '賃上げ率', reading: 'ちんあげりつ' });
    expect(rate.entries[0]?.senses[0]?.glosses[0]).toMatch(/rate$/);
  });

  it("reads a person's name with 政権, 陣営 or 側 as one term (the administration), never with a title", () => {
    const result = hover('トランプ政権は関税を発動した。', 'トランプ');
    expect(result.match).toBe('トランプ政権');
    expect(result.entries[0]).toMatchObject({ headword: 'トランプ政権', reading: 'とらんぷせいけん' });
    expect(result.entries[0]?.senses[0]?.glosses[0]).toMatch(/Trump administration/);
    expect(hover('石破陣営は', '石破').entries[0]).toMatchObject({ headword: '石破陣営', reading: 'いしばじんえい' });
    // A title is the person's (林官房長官 is 林芳正), not a suffix's.
    expect(hover('トランプ氏は語った。', 'トランプ').match).toBe('トランプ');
  });

  it('does not take 前 "former" and the next kanji for a surname before a title (前司法相)', () => {
    const result = hover('調査を発表したのは、前司法相だった。', '司法');
    expect(result.match).toBe('司法相');
    expect(result.entries[0]).toMatchObject({ headword: '司法相', reading: 'しほうしょう' });
  });

  it('takes a surname before a title for the person, never the kanji', () => {
    for (const [text, surname, person] of [
      ['林官房長官は記者会見で述べた。', '林', '林芳正'],
      ['茂木外相は電話会談した。', '茂木', '茂木敏充'],
      ['公明党の山口代表は語った。', '山口', '山口那津男'],
    ] as const) {
      const result = hover(text, surname);
      expect(result.match, text).toBe(surname);
      expect(result.entries[0]?.headword).toBe(person);
    }
    expect(hover('米大統領は語った。', '米').entries[0]?.headword).toBe('米大統領');
  });

  it('knows the titles of foreign leaders and party posts, and takes the latest holder of an office', () => {
    for (const [text, surname, person] of [
      ['習主席は演説した。', '習', '習近平'],
      ['金総書記が視察した。', '金', '金正恩'],
      ['頼総統は述べた。', '頼', '頼清徳'],
      ['田村委員長は批判した。', '田村', '田村智子'],
      // Naoto Kan and Yoshihide Suga were both prime minister: news since 2020 means Suga.
      ['菅首相は会見した。', '菅', '菅義偉'],
      // A title written out in full (経済産業相, not only 経産相).
      ['赤沢経済産業相は述べた。', '赤沢', '赤沢亮正'],
      // 元 between the name and the title, which ENAMDICT reads with the name (菅元 すがもと).
      ['菅元首相は講演した。', '菅', '菅義偉'],
      // A party leader called 党首, and an athlete called 選手 (福島 and 大谷 are places and surnames too).
      ['社民党の福島党首は訴えた。', '福島', '福島瑞穂'],
      ['大谷選手が本塁打を放った。', '大谷', '大谷翔平'],
    ] as const) {
      expect(hover(text, surname).entries[0]?.headword, text).toBe(person);
    }
  });

  it('takes no card for a suspect or a defendant whose surname several people of the glossary share', () => {
    // 田中 is 田中角栄, 田中直紀 and more: a suspect is none of them, but the surname, read as a surname.
    expect(hover('田中容疑者は調べに対し容疑を否認している。', '田中').entries[0]).toMatchObject({
      source: 'names',
      headword: '田中',
      reading: 'たなか',
    });
    // The card says the man was arrested: 山上被告 is 山上徹也.
    expect(hover('山上被告の裁判が始まった。', '山上').entries[0]?.headword).toBe('山上徹也');
  });

  it('reads a one-kanji surname before a title as the surname where kuromoji hears one, never the kanji', () => {
    // ENAMDICT's copy lacks 森 alone; the title says it is a person, so not 森 "forest".
    expect(hover('森外相は述べた。', '森').entries[0]).toMatchObject({ source: 'names', reading: 'もり' });
    expect(hover('岸防衛相は視察した。', '岸').entries[0]?.headword).toBe('岸信夫');
    // 新代表 is "the new leader", not a surname 新.
    expect(hover('新代表は語った。', '新').entries[0]?.source).not.toBe('names');
  });

  it('reads a minister the title list lacks (デジタル相) with the surname, but names no card it cannot tell', () => {
    // Not a compound guessed from 林 "grove" + デジタル + 相.
    const result = hover('林デジタル相は述べた。', '林');
    expect(result.match).toBe('林');
    expect(result.entries[0]).toMatchObject({ source: 'names', reading: 'はやし' });
    // 加藤勝信 was finance minister; the minister for children (少子化相) of that name was 加藤鮎子.
    expect(hover('加藤少子化相は述べた。', '加藤').entries[0]).toMatchObject({ source: 'names', reading: 'かとう' });
  });

  it("reads a leader's name with 関税 as the tariffs named after them (トランプ関税)", () => {
    const result = hover('トランプ関税が世界経済に打撃を与えた。', 'トランプ');
    expect(result.match).toBe('トランプ関税');
    expect(result.entries[0]).toMatchObject({ headword: 'トランプ関税', reading: 'とらんぷかんぜい' });
  });

  it("takes a foreign leader's name for the leader, not a common word written the same (トランプ)", () => {
    const entry = hover('トランプ大統領は述べた。', 'トランプ').entries[0];
    expect(entry).toMatchObject({ source: 'glossary', headword: 'トランプ' });
  });

  it('gives a kanji ending a composed compound its sense as an ending', () => {
    const entry = hover('極超音速滑空弾を開発した。', '滑空弾').entries[0];
    expect(entry).toMatchObject({ headword: '滑空弾', reading: 'かっくうだん' });
    expect(entry?.senses[0]?.glosses[0]).toMatch(/shell/);
    const level = hover('局長級の協議を開いた。', '局長級').entries[0];
    expect(level).toMatchObject({ headword: '局長級', reading: 'きょくちょうきゅう' });
    expect(level?.senses.flatMap((s) => s.glosses).join('; ')).toMatch(/level/);
  });

  it('takes no dictionary word that cuts a noun of the sentence in two', () => {
    // 定例|会見: 定例会 "regular meeting" would leave 見; 最新|世論|調査: 最新世 "Pleistocene" would cut 世論.
    expect(hover('官房長官は定例会見で述べた。', '定例').entries[0]?.headword).toBe('定例');
    expect(hover('最新世論調査が示す傾向', '最新').entries[0]?.headword).toBe('最新');
    // A lone kanji is where kuromoji is least sure: 海軍 stands in a headline cut short (中国の海軍拡…).
    expect(hover('中国の海軍拡…', '海').entries[0]?.headword).toBe('海軍');
  });
});

describe('lookup: abbreviations, unknown katakana, compounds a reader takes for two words', () => {
  it('answers a Latin abbreviation the dictionary writes in full width, as the page writes it', () => {
    const entry = hover('自作PCユーザー', 'PC').entries[0];
    expect(entry).toMatchObject({ source: 'words', headword: 'PC', reading: 'ぴーしー' });
    // EDICT has ＳＳ but not ＳＳＤ: the whole abbreviation or nothing.
    const ssd = lookup('最新SSDを比較', 3, { ...deps, tokens: tokenizer.tokenize('最新SSDを比較') });
    expect(ssd?.entries.some((e) => e.headword === 'SS') ?? false).toBe(false);
  });

  it('answers a katakana word no data has with its parts or its romanization, marked as unlisted', () => {
    const entry = hover('致死率は最大75%のニパウイルスが', 'ニパウイルス').entries[0];
    expect(entry).toMatchObject({ headword: 'ニパウイルス', reading: 'にぱういるす' });
    expect(entry?.senses[0]?.glosses[0]).toMatch(/^nipa \+ virus/);
    expect(entry?.senses[0]?.tags).toContain('unlisted');
  });

  it('shows the katakana word inside a longer proper noun with the pointer anywhere in it (センター)', () => {
    // Here kuromoji keeps 種子島宇宙センター as one noun (elsewhere センター is a token of its own); ター alone is
    // a name in ENAMDICT, ン the syllabic n.
    const text =
      '先月26日の午前8時半ごろ、種子島宇宙センターで行われた固体燃料式の小型ロケット「イプシロンS」の燃焼試験で';
    for (let within = 1; within < 4; within++) expect(hover(text, 'センター', within).match).toBe('センター');
  });

  it('romanizes an unlisted katakana word instead of guessing from a chance cut that leaves a single kana', () => {
    // アップ "up" + ス + キリン "giraffe" + グ, ナ + ジン "gin" + グ: no reader
    // gains from such a guess.
    for (const [word, romaji] of [
      ['アップスキリング', 'appusukiringu'],
      ['ナッジング', 'najjingu'],
    ] as const) {
      const entry = hover(`${word}の支援`, word).entries[0];
      expect(entry, word).toMatchObject({ headword: word });
      expect(entry?.senses[0]?.glosses, word).toEqual([romaji]);
      expect(entry?.senses[0]?.tags, word).toContain('unlisted');
    }
  });

  it('shows a katakana run made of known loanwords whole from its first word, after the word on a later one', () => {
    const result = hover('政府はエネルギーミックスの目標を示した', 'エネルギー');
    expect(result.match).toBe('エネルギーミックス');
    expect(result.entries[0]).toMatchObject({ headword: 'エネルギーミックス', parts: ['エネルギー', 'ミックス'] });
    expect(result.entries[0]?.senses[0]?.glosses[0]).toBe('energy + mix');
    // On ミックス the reader may mean that word: two loanwords also stand side by side (ファンドスタッフ).
    const later = hover('政府はエネルギーミックスの目標を示した', 'ミックス').entries;
    expect(later.map((e) => e.headword).slice(0, 2)).toEqual(['ミックス', 'エネルギーミックス']);
    // A word the dictionary has whole is not cut (アイスクリーム), nor a name the glossary knows.
    expect(hover('アイスクリームを食べた', 'クリーム').entries[0]?.headword).toBe('アイスクリーム');
    expect(hover('ゼレンスキー大統領', 'ゼレンスキー').entries[0]?.source).toBe('glossary');
  });

  it('reads a place or name before an institution as one proper noun, the institution in its sense there', () => {
    for (const [text, word, name, reading] of [
      ['問題を捜査した大阪地検特捜部に任意提出した', '大阪', '大阪地検特捜部', 'おおさかちけんとくそうぶ'],
      ['鹿児島県の種子島宇宙センターで行われた', '宇宙', '宇宙センター', 'うちゅうせんたー'],
      ['JAXA＝宇宙航空研究開発機構は', '宇宙', '宇宙航空研究開発機構', 'うちゅうこうくうけんきゅうかいはつきこう'],
    ] as const) {
      const result = hover(text, word);
      expect(result.entries[0], text).toMatchObject({ headword: name, reading });
    }
    const agency = hover('量子科学技術研究開発機構は', '量子').entries[0];
    expect(agency).toMatchObject({ headword: '量子科学技術研究開発機構' });
    expect(agency?.senses[0]?.glosses[0]).toMatch(/organization; agency$/);
    // A place's card gives way to the institution or the company named after it.
    expect(hover('東京地裁は判決で', '東京').entries[0]).toMatchObject({
      headword: '東京地裁',
      reading: 'とうきょうちさい',
    });
    expect(hover('東京ガスは発表した', '東京').entries[0]).toMatchObject({ source: 'names', headword: '東京ガス' });
    // One the glossary knows is its card (東京電力, a spelling of 東京電力ホールディングス).
    expect(hover('東京電力は発表した', '東京').entries[0]).toMatchObject({ source: 'glossary', headword: '東京電力' });
    expect(hover('東京は晴れた', '東京').entries[0]).toMatchObject({ source: 'glossary', headword: '東京' });
    // A country written in full before its institution, with the pointer on the country.
    expect(hover('ウクライナ国防省は', 'ウクライナ').entries[0]?.headword).toBe('ウクライナ国防省');
    // Not every noun run ending in an institution word is one: 政府の委員会 has a particle, and stays two words.
    expect(hover('政府の委員会が開かれた', '政府').entries[0]?.headword).toBe('政府');
  });

  it('shows the first word of two written side by side first, and a word with a word-forming ending whole', () => {
    expect(hover('副大統領の到着予定を変更した', '到着').entries[0]?.headword).toBe('到着');
    expect(hover('自死した近畿財務局職員', '近畿').entries[0]?.headword).toBe('近畿財務局');
    expect(hover('生活困窮者支援団体', '生活').entries[0]?.headword).toBe('生活困窮者');
  });
});

describe('lookup: the right answer first (issue 9)', () => {
  const first = (text: string, target: string, within = 0) => hover(text, target, within).entries[0];

  it('reads a prefix (旧, 元, 前) before a glossary term as the term with its prefix', () => {
    const faction = hover('旧安倍派の議員が裏金事件で', '旧');
    expect(faction.match).toBe('旧安倍派');
    expect(faction.entries[0]).toMatchObject({ source: 'glossary', headword: '旧安倍派', reading: 'きゅうあべは' });
    expect(faction.entries[0]?.senses[0]?.glosses[0]).toBe('former Abe faction');
    expect(first('旧岸田派の幹部が', '旧')).toMatchObject({ headword: '旧岸田派', reading: 'きゅうきしだは' });
    expect(first('旧NHK党の', '旧')).toMatchObject({ headword: '旧NHK党' });
    // Not 元日 "New Year's Day" nor a guess from words: the governor of the Bank of Japan, formerly.
    const governor = first('元日銀総裁が語った', '元');
    expect(governor).toMatchObject({ source: 'glossary', headword: '元日銀総裁' });
    expect(governor?.senses[0]?.glosses[0]).toMatch(/^former /);
    // A term the glossary lists with its prefix stays as listed; a word EDICT has whole (元首相) stays the word.
    expect(first('旧統一教会の問題で', '旧')).toMatchObject({ headword: '旧統一教会' });
    expect(first('元首相が死去した', '元')).toMatchObject({ headword: '元首相' });
    // The term itself under the pointer is still the term.
    expect(first('旧安倍派の議員が裏金事件で', '安倍派')).toMatchObject({ headword: '安倍派' });
  });

  it('shows a longer glossary term that starts at the pointer, Latin letters first (JR東日本)', () => {
    for (const [text, term] of [
      ['JR東日本は運転を見合わせた', 'JR東日本'],
      ['JR西日本によると', 'JR西日本'],
      ['ＪＲ東海は新幹線の運転を', 'ＪＲ東海'],
    ] as const) {
      for (const within of [0, 1]) {
        const result = hover(text, term, within);
        expect(result.match, `${text} +${within}`).toBe(term);
        expect(result.entries[0]?.source, text).toBe('glossary');
      }
    }
    expect(first('JR東日本は運転を見合わせた', 'JR')?.senses[0]?.glosses.join('; ')).toMatch(/East Japan Railway/);
  });

  it("takes no glossary term that straddles kuromoji's words (国政 of 英国|政府, 中国|政治)", () => {
    for (const [text, target, word] of [
      ['英国政府は声明を出した', '国', '英国'],
      ['ている裏で中国政治を揺るがす', '国', '中国'],
    ] as const) {
      const result = hover(text, target);
      expect(result.entries[0]?.headword, text).not.toBe('国政');
      expect(result.match, text).toContain(word);
    }
    // Where the words agree with it the term stands.
    expect(first('国政選挙に臨む', '国')).toMatchObject({ headword: '国政選挙' });
    // Nor a term or a word from a prefix that cuts the noun after it: 元|職員 is no 元職 "former holder of the
    // office", 新|規制 no 新規 "new", 現|職員 no 現職 "incumbent".
    for (const [text, target, not] of [
      ['幹部だった元職員の女性', '元', '元職'],
      ['原発の新規制基準に適合', '新', '新規'],
      ['現職員の話では', '現', '現職'],
    ] as const) {
      const result = hover(text, target);
      expect(result.entries[0]?.headword, text).not.toBe(not);
      expect(result.end, text).toBe(text.indexOf(target) + 3);
    }
    // Elsewhere kuromoji cuts runs of kanji as it pleases, and the term stands: 東京都 of 東京|都内.
    expect(first('実は東京都内では', '東')).toMatchObject({ headword: '東京都' });
    // Nor a term spelled by chance inside a katakana word kuromoji keeps whole: ドバイ of アドバイザー.
    const adviser = hover('男性が実際にはアドバイザー業務をしていた', 'ド');
    expect(adviser.match).toBe('アドバイザー');
    expect(adviser.entries.some((e) => e.headword === 'ドバイ')).toBe(false);
  });

  it('reads a surname before a minister title the list lacks as the person whose card names that office', () => {
    const kono = hover('河野デジタル相は記者会見で', '河野');
    expect(kono.match).toBe('河野');
    expect(kono.entries[0]).toMatchObject({ source: 'glossary', headword: '河野太郎', reading: 'こうのたろう' });
    // A one-kanji surname kuromoji takes for a prefix: the card makes it a person (平将明, Digital Minister).
    expect(first('平デジタル相は記者会見で', '平')).toMatchObject({ source: 'glossary', headword: '平将明' });
    // A foreign name in katakana before such a title: the person, not ラング "language" nor a compound through the
    // title; not a team before 代表.
    for (const text of ['仏外務省、ラング元文化相を8日に呼び', 'ジャック・ラング元文化相は']) {
      const lang = hover(text, 'ラング');
      expect(lang.match, text).toBe('ラング');
      expect(lang.entries[0], text).toMatchObject({ source: 'names', headword: 'ラング' });
    }
    expect(first('チーム代表が語った', 'チーム')).toMatchObject({ source: 'words', headword: 'チーム' });
    // Nor a name spelled from a prefix into the title (前司 of 前|司法相): the former justice minister.
    expect(first('訪問したのは、前司法相だった', '前')).toMatchObject({ source: 'glossary', headword: '前司法相' });
    // The names under the card, each once.
    const rows = kono.entries.map((e) => `${e.source} ${e.headword} ${e.reading} ${e.senses[0]?.glosses[0]}`);
    expect(rows).toEqual([...new Set(rows)]);
  });

  it('shows a glossary card and the dictionary word it repeats as one row (述べる, 首相)', () => {
    for (const [text, target, headword] of [
      ['首相は「協力したい」と述べた', '述', '述べる'],
      ['首相は「協力したい」と語った', '語', '語る'],
      ['首相は記者団に語った', '首相', '首相'],
      ['防衛省によると', '防衛省', '防衛省'],
      // Said in other forms: plural, accented, -ing.
      ['外交文書が交わされた', '外交文書', '外交文書'],
      ['地元当局者と民兵指導者', '当局者', '当局者'],
      ['コロンビア首都ボゴタの米大使館', 'ボゴタ', 'ボゴタ'],
      ['原発が今夏に再稼働した', '再稼働', '再稼働'],
    ] as const) {
      const rows = hover(text, target).entries.filter((e) => e.headword === headword);
      expect(rows.length, text).toBe(1);
    }
    // The card first keeps the dictionary's senses after its own.
    const pm = first('首相は記者団に語った', '首相');
    expect(pm?.source).toBe('glossary');
    expect(pm?.senses.length).toBeGreaterThan(1);
    // A card in another sense is not the same row: 国民 the party after 国民 "citizens".
    const people = hover('国民の生活を守る。', '国民').entries.filter((e) => e.headword === '国民');
    expect(people.map((e) => e.source)).toEqual(expect.arrayContaining(['words', 'glossary']));
    const trump = hover('トランプ大統領は述べた。', 'トランプ').entries.filter((e) => e.headword === 'トランプ');
    expect(trump.map((e) => e.source)).toEqual(['glossary', 'words']);
  });
});

describe('lookup: the right answer first on news terms (issue 10)', () => {
  const first = (text: string, target: string, within = 0) => hover(text, target, within).entries[0];

  it('reads an institution written with one kanji of 委員会 as the name in full, as written (第三者委, 選管委)', () => {
    for (const within of [0, 2, 3]) {
      const result = hover('第三者委は報告書を公表した', '第三者委', within);
      expect(result.match, String(within)).toBe('第三者委');
      expect(result.entries[0]).toMatchObject({
        source: 'glossary',
        headword: '第三者委',
        reading: 'だいさんしゃい',
        standsFor: { term: '第三者委員会' },
      });
    }
    // Through the glossary's own abbreviation (選管), once: the card of 選管 is the same card.
    const board = hover('選管委が発表した', '選管委');
    expect(board.entries[0]).toMatchObject({ headword: '選管委', reading: 'せんかんい' });
    expect(board.entries.filter((e) => e.source === 'glossary')).toHaveLength(1);
    // 委 of a word is no abbreviation.
    expect(first('業務を委託した', '委託')?.headword).toBe('委託');
  });

  it('reads a country abbreviation before a company as the company with its country (英シェル, 米アップル)', () => {
    for (const [text, target, headword, gloss] of [
      ['英シェル、カザフ新規投資を一時停止へ', '英', '英シェル', 'British Shell'],
      ['英シェル、カザフ新規投資を一時停止へ', 'ェ', '英シェル', 'British Shell'],
      // ENAMDICT marks the company, which EDICT's "apple" does not say.
      ['米アップルは新製品を発表した', '米', '米アップル', 'US Apple'],
      ['米テスラの株価が急落した', '米', '米テスラ', 'US Tesla'],
    ] as const) {
      const result = hover(text, target);
      expect(result.match, text).toBe(headword);
      expect(result.entries[0]?.headword, text).toBe(headword);
      expect(result.entries[0]?.senses[0]?.glosses[0], text).toMatch(new RegExp(`^${gloss}`));
    }
  });

  it('reads a house of the Diet or Congress with the body after it, as a country with its ministry', () => {
    for (const [text, at, headword, reading, gloss] of [
      ['法案は衆院本会議で可決された。', '衆院', '衆院本会議', 'しゅういんほんかいぎ', 'Lower House plenary session'],
      [
        '参院決算委員会で首相が答弁した。',
        '決算',
        '参院決算委員会',
        'さんいんけっさんいいんかい',
        'Upper House Committee on Audit',
      ],
      ['米下院外交委員会の公聴会', '米下院', '米下院外交委員会', 'べいかいんがいこういいんかい', 'US House'],
    ] as const) {
      const result = hover(text, at);
      expect(result.entries[0], text).toMatchObject({ headword, reading });
      expect(result.entries[0]?.senses[0]?.glosses[0], text).toContain(gloss);
    }
    // An abbreviation after the house still says what it stands for.
    expect(hover('衆院憲法審で議論した。', '憲法審').entries[0]).toMatchObject({
      headword: '衆院憲法審',
      reading: 'しゅういんけんぽうしん',
      standsFor: { term: '憲法審査会' },
    });
    // Alone, or before what is no body of it, the house is itself.
    expect(hover('衆院を解散した。', '衆院').entries[0]?.headword).toBe('衆院');
  });

  it("puts the prefix's own word second on a country before an institution, not a word right of the pointer", () => {
    for (const [text, target, second] of [
      ['英国政府は声明を出した', '国', '英国'],
      ['ボゴタの米大使館', '米', '米'],
    ] as const) {
      const result = hover(text, target);
      expect(result.entries[1]?.headword, text).toBe(second);
      // Its likeliest reading only: 米 "rice" is no row.
      expect(result.entries.map((e) => e.reading)).not.toContain('こめ');
    }
  });

  it("keeps a folded card's category and note on the dictionary word that ranks first (述べる, 速報)", () => {
    for (const [text, target, headword] of [
      ['首相は「協力したい」と述べた', '述', '述べる'],
      ['ニュース速報', '速', '速報'],
    ] as const) {
      const result = hover(text, target);
      expect(
        result.entries.filter((e) => e.headword === headword),
        text,
      ).toHaveLength(1);
      const word = result.entries[0];
      expect(word, text).toMatchObject({ source: 'words', headword, card: { category: 'phrase' } });
      expect(word?.source === 'words' && word.card?.note, text).toBeTruthy();
    }
  });

  it("shows a set phrase's card and the dictionary's same expression in other words as one row (に関し)", () => {
    const result = hover('政府はこの問題に関し説明した', 'に関し');
    const rows = result.entries.filter((e) => e.headword === 'に関し');
    expect(rows).toHaveLength(1);
    // The card's English first, then the dictionary's.
    expect(rows[0]?.senses.flatMap((s) => s.glosses)).toEqual(
      expect.arrayContaining(['regarding', 'related to', 'in relation to']),
    );
  });

  it('shows no card that holds the term of a card before it and says nothing more (に追い込まれる)', () => {
    const cards = hover('閣僚が辞任に追い込まれた', '追').entries.filter((e) => e.source === 'glossary');
    expect(cards.map((e) => e.headword)).toEqual(['追い込まれる', '辞任に追い込まれる']);
    // One that says more stays: 見解が一致 "shared the view" after 一致 "agreed on".
    const agreed = hover('両首脳は見解が一致した', '一致').entries.filter((e) => e.source === 'glossary');
    expect(agreed.map((e) => e.headword)).toContain('見解が一致');
  });

  it('keeps the term a suffix composes with second, with the dictionary word it took in (関税 of 関税交渉)', () => {
    const result = hover('日米の関税交渉が続く', '関税');
    expect(result.entries[0]).toMatchObject({ headword: '関税交渉', reading: 'かんぜいこうしょう' });
    expect(result.entries[1]).toMatchObject({ source: 'glossary', headword: '関税' });
    // The card keeps EDICT's senses of 関税 after its own.
    expect(result.entries[1]?.senses.length).toBeGreaterThan(1);
  });
});
