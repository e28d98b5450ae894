import { readFileSync } from 'node:fs';
import { annotateText } from './annotate';
import { loadNodeWords } from '../node/words';
import { alignReading, showsRuby } from './furigana';
import { loadNodeGlossary } from '../node/glossary';
import type { Annotation } from './reading-types';
import { nodeKuromojiLoader } from '../node/kuromoji';
import { createTokenizer, type Tokenizer } from './tokenizer/tokenizer';
import type { WordIndex } from './dict/word-index';

const SEED = 'tests/fixtures/news/seed-article.txt';

let tokenizer: Tokenizer;
let words: WordIndex;

beforeAll(async () => {
  tokenizer = await createTokenizer(nodeKuromojiLoader());
  words = await loadNodeWords();
}, 120_000);

function annotate(text: string): Annotation {
  return annotateText(text, tokenizer.tokenize(text), { words, glossary: loadNodeGlossary() });
}

/** The text as a reader sees it with every kanji word's furigana, written 漢字(かんじ). */
function withRuby(text: string, keep: (a: Annotation['words'][number]) => boolean = () => true): string {
  let out = '';
  let at = 0;
  for (const w of annotate(text).words.filter(keep)) {
    for (const r of w.ruby) {
      out += `${text.slice(at, r.start)}${text.slice(r.start, r.end)}(${r.reading})`;
      at = r.end;
    }
  }
  return out + text.slice(at);
}

describe('alignReading', () => {
  it('keeps okurigana outside the ruby', () => {
    expect(alignReading('取り組み', 'トリクミ')).toEqual([
      { text: '取', reading: 'と' },
      { text: 'り' },
      { text: '組', reading: 'く' },
      { text: 'み' },
    ]);
  });

  it('backtracks when the first split does not fit (怒り いかり)', () => {
    expect(alignReading('怒り', 'イカリ')).toEqual([{ text: '怒', reading: 'いか' }, { text: 'り' }]);
  });

  it('refuses a reading its kana cannot anchor, and Latin it cannot read', () => {
    expect(alignReading('見つかる', 'ミアタル')).toBeNull();
    expect(alignReading('新START', 'しんすたーと')).toBeNull();
  });

  it('leaves kana-only words without ruby', () => {
    expect(alignReading('ロシア', 'ロシア')).toEqual([{ text: 'ロシア' }]);
  });
});

describe('furigana over real sentences (kuromoji, EDICT, the glossary)', () => {
  it.each([
    // Okurigana stays outside, conjugated or not.
    ['外交文書が交わされた。', '交(か)わされた'],
    ['期限を延長する取り組み', '延長(えんちょう)する取(と)り組(く)み'],
    ['両国が話し合った', '話(はな)し合(あ)った'],
    ['議題に取り上げた', '取(と)り上(あ)げた'],
    ['支持を明らかにした', '明(あき)らかにした'],
    ['受付の申し込み', '申(もう)し込(こ)み'],
    ['先行きの見通し', '見通(みとお)し'],
    ['病院へお見舞いに', 'お見舞(みま)い'],
    // Words read as a whole (jukujikun), and 々.
    ['今日は晴れ', '今日(きょう)'],
    ['大人の判断', '大人(おとな)'],
    ['明日の会談', '明日(あした)'],
    ['七夕の夜', '七夕(たなばた)'],
    ['多くの人々', '人々(ひとびと)'],
    ['時々雨', '時々(ときどき)'],
    ['行方不明の船', '行方(ゆくえ)不明(ふめい)'],
    // Numbers: digits bare, counters read with their number.
    ['2月5日の期限', '2月(がつ)5日(いつか)'],
    ['1月1日に発効', '1月(がつ)1日(ついたち)'],
    ['26日に電話会談', '26日(にち)'],
    ['3人と1人', '3人(にん)と1人(ひとり)'],
    ['10分と5分', '10分(ぷん)と5分(ふん)'],
    ['3ヶ月後', '3ヶ月(かげつ)'],
    ['二十歳の誕生日', '二十歳(はたち)'],
    ['ミサイル3本を発射', '3本(ぼん)'],
    ['4人が死亡', '4人(よにん)'],
    ['4月に', '4月(しがつ)'],
    ['午後9時に', '9時(くじ)'],
  ])('%s → %s', (text, expected) => {
    expect(withRuby(text)).toContain(expected);
  });

  it('leaves katakana, Latin and digits without ruby', () => {
    const shown = withRuby('ホワイトハウスはロシアのハッカー集団について2021年にSTARTを');
    expect(shown).toContain('ホワイトハウスはロシアのハッカー');
    expect(shown).toContain('2021年(ねん)にSTARTを');
  });

  it('reads 米 in バイデン米大統領 as べい (kuromoji alone says まい)', () => {
    expect(withRuby('バイデン米大統領は26日')).toContain('米(べい)大統領(だいとうりょう)');
  });

  it('gives glossary terms the glossary reading, split along the tokens that agree with it', () => {
    expect(withRuby('新戦略兵器削減条約(新START)の延長')).toContain(
      '新(しん)戦略(せんりゃく)兵器(へいき)削減(さくげん)条約(じょうやく)(新(しん)START)',
    );
    // The reading in brackets is not part of the term's reading: it is stepped over.
    expect(withRuby('領空開放(オープンスカイ)条約から離脱')).toContain(
      '領空(りょうくう)開放(かいほう)(オープンスカイ)条約(じょうやく)',
    );
  });

  it('reads a name kuromoji gets wrong as the glossary does, whole', () => {
    // kuromoji: 菅 カン, 義 ヨシ, 偉 (the adjective 偉い).
    expect(withRuby('菅義偉首相が会見')).toContain('菅義偉(すがよしひで)首相(しゅしょう)');
  });

  it('does not give a variant the headword reading (新START is not しんせんりゃく…)', () => {
    const a = annotate('新STARTの5年延長');
    const term = a.terms.find((t) => t.form === '新START');
    expect(term?.term).toBe('新戦略兵器削減条約');
    expect(withRuby('新STARTの5年延長')).toContain('新(しん)START');
  });

  it('shows only words the dictionary does not mark common at the "uncommon" level', () => {
    const text = 'バイデン米大統領は、外交文書が交わされたと述べた。';
    const uncommon = withRuby(text, (w) => showsRuby(w, 'uncommon', new Set()));
    // 米 read べい is not EDICT's common 米 (こめ): the glossary's 米大統領 keeps its reading.
    expect(uncommon).toContain('米(べい)大統領(だいとうりょう)');
    // 交わす and 述べる are common words; 外交文書, not in EDICT, is as common as 外交 and 文書.
    expect(uncommon).not.toContain('交(か)わ');
    expect(uncommon).not.toContain('述(の)べた');
    expect(uncommon).toContain('外交文書');
    expect(uncommon).not.toContain('外交(がいこう)');
    expect(withRuby(text, (w) => showsRuby(w, 'off', new Set()))).toBe(text);
  });

  it('hides words marked known at the "unknown" level, by dictionary form', () => {
    const shown = withRuby('外交文書が交わされた', (w) => showsRuby(w, 'unknown', new Set(['交わす'])));
    expect(shown).toContain('交わされた');
    expect(shown).toContain('外交(がいこう)文書(ぶんしょ)');
  });

  it('hides known words at the "uncommon" level too, but never at "every kanji word"', () => {
    const text = 'バイデン米大統領は、外交文書が交わされたと述べた。';
    const known = new Set(['米大統領']);
    expect(withRuby(text, (w) => showsRuby(w, 'uncommon', known))).not.toContain('米(べい)');
    expect(withRuby(text, (w) => showsRuby(w, 'all', known))).toContain('米(べい)大統領(だいとうりょう)');
  });
});

describe("glossary spans on kuromoji's word boundaries, as the hover finds terms", () => {
  const spans = (text: string) => annotate(text).terms.map((t) => t.form);

  it('finds no term made of the halves of two words (国政 of 全国|政党, 英国|政府)', () => {
    expect(spans('全国政党の党首が集まった。')).not.toContain('国政');
    // The term the chance one hid, starting inside it.
    expect(spans('全国政党の党首が集まった。')).toContain('政党');
    expect(spans('英国政府は声明を出した。')).not.toContain('国政');
    expect(spans('英国政府は声明を出した。')).toContain('英国');
    // Its ends on word boundaries, the term stands.
    expect(spans('国政選挙で勝った。')).toContain('国政選挙');
  });

  it('finds no term spelled inside a katakana word (ドバイ of アドバイザー)', () => {
    expect(spans('アドバイザー業務を担う。')).not.toContain('ドバイ');
    expect(spans('ドバイで会議が開かれた。')).toContain('ドバイ');
  });

  it('finds no term from a prefix into the noun after it (元職 of 元|職員)', () => {
    expect(spans('元職員の女性が証言した。')).not.toContain('元職');
  });

  it('keeps a term over several whole words', () => {
    expect(spans('新STARTの5年延長')).toContain('新START');
    expect(spans('領空開放条約から離脱')).toContain('領空開放条約');
    expect(spans('戦略的安定を協議した。')).toContain('戦略的安定');
    expect(spans('北朝鮮の発射に懸念を表明した。')).toContain('懸念を表明した');
  });
});

describe('annotateText on the seed article', () => {
  const seed = readFileSync(SEED, 'utf8');
  const body = seed.slice(seed.indexOf('バイデン米大統領は26日、就任後初めて'), seed.indexOf('[ロイター]'));

  it('lists the glossary terms in order of appearance', () => {
    const terms = annotate(body).terms.map((t) => t.term);
    const first = (term: string) => terms.indexOf(term);
    for (const term of ['新戦略兵器削減条約', '領空開放条約', '核軍縮条約', '外交文書', '反体制派', '国益']) {
      expect(first(term), term).toBeGreaterThanOrEqual(0);
    }
    expect(first('新戦略兵器削減条約')).toBeLessThan(first('核軍縮条約'));
    expect(first('核軍縮条約')).toBeLessThan(first('領空開放条約'));
    expect(first('領空開放条約')).toBeLessThan(first('国益'));
  });

  it('counts words, not punctuation', () => {
    const a = annotate('米ロ関係が、改善した。');
    // 米 ロ 関係 が 改善 し た
    expect(a.wordCount).toBe(7);
  });

  // How fast is for the bench (annotate_ms); here only a cap generous enough for a loaded 2-core machine, so that
  // a hang or a quadratic slide fails while a busy machine does not.
  it('annotates 5,000 characters without hanging', () => {
    const text = body.repeat(Math.ceil(5000 / body.length)).slice(0, 5000);
    annotate(text);
    const start = performance.now();
    const a = annotate(text);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(a.words.length).toBeGreaterThan(500);
  });
});
