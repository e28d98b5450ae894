import { createGlossaryIndex, type GlossaryHit } from './match';
import { loadNodeGlossary } from '../../node/glossary';

const glossary = loadNodeGlossary();

/** The best glossary hit with the pointer on the `nth` occurrence of `target` in `text` (offset `within` into it). */
function hover(text: string, target: string, within = 0): GlossaryHit | undefined {
  const at = text.indexOf(target);
  if (at < 0) throw new Error(`${target} is not in ${text}`);
  return glossary.match(text, at + within)[0];
}

function span(text: string, hit: GlossaryHit | undefined): string | undefined {
  return hit && text.slice(hit.start, hit.end);
}

describe('glossary matcher: the pointer anywhere inside a term', () => {
  it('shows the Open Skies Treaty wherever the pointer is in 領空開放条約', () => {
    const text = '米国が離脱した領空開放条約について協議した。';
    const start = text.indexOf('領空開放条約');
    for (let at = start; at < start + 6; at++) {
      const hit = glossary.match(text, at)[0];
      expect(hit?.entry.en[0], `pointer on ${text[at]}`).toBe('Treaty on Open Skies');
      expect(span(text, hit)).toBe('領空開放条約');
    }
    expect(glossary.match(text, start - 1).map((h) => h.entry.term)).not.toContain('領空開放条約');
    expect(glossary.match(text, start + 6).map((h) => h.entry.term)).not.toContain('領空開放条約');
  });

  it('prefers the longest term covering the pointer: 核軍縮条約 over 核軍縮 and 条約', () => {
    const text = '米ロ間に唯一残された核軍縮条約が存続することになった。';
    const hit = hover(text, '核軍縮条約', 1);
    expect(hit?.entry.term).toBe('核軍縮条約');
    expect(span(text, hit)).toBe('核軍縮条約');
  });
});

describe('glossary matcher: across scripts and token boundaries', () => {
  it('finds 新START with the pointer on the kanji or on the Latin letters', () => {
    const text = 'バイデン=プーチン、初の電話会談 新START延長で合意';
    for (const within of [0, 1, 5]) {
      const hit = hover(text, '新START', within);
      expect(hit?.entry.term).toBe('新戦略兵器削減条約');
      expect(span(text, hit)).toBe('新START');
    }
  });

  it('folds full-width Latin: 新ＳＴＡＲＴ and ＮＰＴ are the same terms', () => {
    expect(hover('新ＳＴＡＲＴの延長', 'Ｓ')?.entry.term).toBe('新戦略兵器削減条約');
    const text = '日本はＮＰＴに加盟している';
    expect(hover(text, 'Ｐ')?.entry.term).toBe('核拡散防止条約');
    expect(span(text, hover(text, 'Ｐ'))).toBe('ＮＰＴ');
  });

  it('finds G7, NPT, 対ロ制裁 and 駐日大使 in running text', () => {
    expect(hover('G7首脳が広島に集まった', '7')?.entry.en).toContain('G7');
    expect(hover('NPT再検討会議が決裂した', 'P')?.entry.term).toBe('NPT再検討会議');
    expect(hover('日本はNPTに加盟している', 'N')?.entry.term).toBe('核拡散防止条約');
    const sanctions = '欧州連合は対ロ制裁を強化した';
    expect(hover(sanctions, 'ロ')?.entry.en[0]).toBe('sanctions on Russia');
    expect(span(sanctions, hover(sanctions, 'ロ'))).toBe('対ロ制裁');
    const envoy = '駐日大使が外務省に呼ばれた';
    expect(hover(envoy, '大')?.entry.en[0]).toBe('ambassador to Japan');
    expect(span(envoy, hover(envoy, '大'))).toBe('駐日大使');
  });

  it('does not find an acronym inside a longer Latin word, nor in lower-case English', () => {
    expect(hover('RESTART the engine', 'START')?.entry.term).not.toBe('戦略兵器削減条約');
    expect(hover('quick start guide', 'start')).toBeUndefined();
    expect(hover('G77諸国', '7')?.entry.en ?? []).not.toContain('G7');
  });

  it('finds a Latin name of three letters or more before its edition number: COP29, ＣＯＰ３０', () => {
    for (const text of ['COP29が開幕した', 'ＣＯＰ３０の議長国']) {
      const hit = hover(text, text.slice(0, 1));
      expect(hit?.entry.en, text).toContain('COP');
      expect(span(text, hit), text).toBe(text.slice(0, 3));
    }
  });
});

describe('glossary matcher: parentheticals news inserts', () => {
  it('steps over a reading in parentheses inside the term: 領空開放(オープンスカイ)条約', () => {
    for (const text of [
      'トランプ政権時代に離脱した領空開放(オープンスカイ)条約や',
      '領空開放（オープンスカイ）条約から離脱',
    ]) {
      for (const target of ['領', 'オ', 'カ', '条', '約']) {
        const hit = hover(text, target);
        expect(hit?.entry.en[0], `${text} at ${target}`).toBe('Treaty on Open Skies');
        expect(span(text, hit)).toMatch(/^領空開放[(（]オープンスカイ[)）]条約$/);
      }
    }
  });

  it('takes the abbreviation in parentheses after a term into its span: 新戦略兵器削減条約(新START)', () => {
    const text = 'ロシア大統領府は、新戦略兵器削減条約(新START)の延長で合意したと発表';
    for (const target of ['戦', '条', 'S']) {
      const hit = hover(text, target);
      expect(hit?.entry.term).toBe('新戦略兵器削減条約');
      expect(span(text, hit)).toBe('新戦略兵器削減条約(新START)');
    }
  });

  it('reads オープンスカイ(ズ) before 条約 as the treaty, not the airline policy', () => {
    expect(hover('オープンスカイ条約の締約国', 'ス')?.entry.en[0]).toBe('Treaty on Open Skies');
    expect(hover('オープンスカイズ条約の締約国', 'ズ')?.entry.en[0]).toBe('Treaty on Open Skies');
    expect(hover('航空自由化のオープンスカイ協定', 'ス')?.entry.en[0]).not.toBe('Treaty on Open Skies');
  });
});

describe('glossary matcher: context rules', () => {
  it('reads 共同 in a byline as Kyodo News, whatever the place and separator', () => {
    for (const text of [
      '【モスクワ共同】ロシア大統領府は26日',
      '【ワシントン＝共同】米政府は',
      '（北京共同）中国外務省は',
    ]) {
      const hit = hover(text, '共同');
      expect(hit?.entry.category, text).toBe('media');
      expect(hit?.entry.en.join(' '), text).toMatch(/Kyodo/);
      expect(span(text, hit)).toBe('共同');
    }
  });

  it('does not read 共同 as Kyodo outside a byline', () => {
    expect(hover('両首脳は共同声明を発表した', '共同')?.entry.en[0]).toBe('joint statement');
    for (const text of ['両国が共同で開発する', '共同通信によると', '日米共同訓練', '【共同開発】の記事']) {
      const hits = glossary.match(text, text.indexOf('共同'));
      expect(
        hits.filter((h) => h.entry.term === '共同'),
        text,
      ).toEqual([]);
    }
  });

  it('reads 時事 in a byline as Jiji Press, and 時事問題 as what it says', () => {
    const byline = '（ワシントン時事）米国務省は';
    expect(hover(byline, '時事')?.entry.en.join(' ')).toMatch(/Jiji/);
    expect(hover('【ソウル時事】韓国政府は', '事')?.entry.en.join(' ')).toMatch(/Jiji/);
    const hits = glossary.match('時事問題に詳しい', 0);
    expect(hits.filter((h) => h.entry.term === '時事')).toEqual([]);
  });

  it('matches a before: term only when the given text follows', () => {
    expect(hover('南北関係が悪化した', '南')?.entry.term).toBe('南北');
    expect(glossary.match('南北に長い国', 0).filter((h) => h.entry.term === '南北')).toEqual([]);
  });

  it('never shows a one-kanji abbreviation alone (米 rice, 中 middle), only inside a longer term', () => {
    expect(glossary.unmatchable).toEqual(expect.arrayContaining(['米', '中', '露']));
    for (const [text, target] of [
      ['米を炊く', '米'],
      ['会議の中で', '中'],
      ['米政府は声明で', '米'],
    ]) {
      const terms = glossary.match(text!, text!.indexOf(target!)).map((h) => h.entry.term);
      expect(terms, text).not.toContain('米国');
      expect(terms, text).not.toContain('中国');
    }
    expect(hover('米ロ首脳が電話会談した', '米')?.entry.term).toMatch(/^米ロ/);
    expect(glossary.find('米')?.term).toBe('米国');
  });
});

describe('glossary matcher: the best hit', () => {
  it('returns every term under the pointer, longest first, one per entry', () => {
    const text = 'ロシア大統領府の声明によると';
    const hits = glossary.match(text, text.indexOf('統'));
    expect(hits[0]!.entry.term).toBe('ロシア大統領府');
    const terms = hits.map((h) => h.entry.term);
    expect(new Set(terms).size).toBe(terms.length);
    const lengths = hits.map((h) => h.end - h.start);
    expect([...lengths].sort((a, b) => b - a)).toEqual(lengths);
  });

  it('breaks a tie in length by the start closest to the pointer', () => {
    // 宇宙条約 and 条約離脱 (a variant of 離脱) are both four characters and both cover 条.
    const text = '宇宙条約離脱';
    const hits = glossary.match(text, 2);
    expect(hits.slice(0, 2).map((h) => span(text, h))).toEqual(['条約離脱', '宇宙条約']);
    expect(glossary.match(text, 3)[0]!.entry.term).toBe('離脱');
  });
});

describe('glossary matcher: a noun phrase listed with its する form', () => {
  it('finds the する form conjugated, as well as the noun alone (空転, 空転する)', () => {
    const index = createGlossaryIndex([
      {
        term: '空転',
        reading: 'くうてん',
        variants: [{ text: '空転する', reading: 'くうてんする' }],
        en: ['stall'],
        category: 'phrase',
      },
    ]);
    const text = '国会は空転している。';
    const hit = index.match(text, text.indexOf('空転'))[0];
    expect(text.slice(hit!.start, hit!.end)).toBe('空転している');
    expect(hit!.inflection).toEqual(['progressive']);
    const noun = '審議の空転が続く。';
    const alone = index.match(noun, noun.indexOf('空転'))[0];
    expect(noun.slice(alone!.start, alone!.end)).toBe('空転');
  });
});
