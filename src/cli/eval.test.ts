import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEngine } from '../core/engine';
import type { LookupEntry, LookupResult } from '../core/types';
import { nodeAssets } from '../node/assets';
import { detectArticleInHtml } from '../node/article';
import { DEFAULT_EVAL_FILE, EVAL_CATEGORIES, foldReading, loadCases, runEval, scoreCase, type Expect } from './eval';

const root = resolve(import.meta.dirname, '../..');
const cases = loadCases(join(root, DEFAULT_EVAL_FILE));
const threshold: { overall: number } = JSON.parse(
  readFileSync(join(root, 'tests/fixtures/eval/threshold.json'), 'utf8'),
);

function result(...entries: Partial<LookupEntry>[]): LookupResult {
  return {
    start: 0,
    end: 2,
    match: '',
    entries: entries.map(
      (e) => ({ source: 'words', senses: [], matchLength: 2, inflection: null, ...e }) as LookupEntry,
    ),
  };
}

describe('scoreCase', () => {
  const expect_ = (e: Partial<Expect>): Expect => ({
    headword: '明言を避ける',
    reading: 'めいげんをさける',
    source: 'any',
    ...e,
  });

  it('is right when the first entry has the headword and the reading', () => {
    expect(scoreCase(result({ headword: '明言を避ける', reading: 'めいげんをさける' }), expect_({}))).toBe(true);
  });

  it('looks at the first entry only', () => {
    const r = result(
      { headword: '明言', reading: 'めいげん' },
      { headword: '明言を避ける', reading: 'めいげんをさける' },
    );
    expect(scoreCase(r, expect_({}))).toBe(false);
  });

  it('compares readings after folding katakana to hiragana, headwords exactly', () => {
    const r = result({ headword: '新START', reading: 'しんスタート', source: 'glossary' });
    expect(scoreCase(r, expect_({ headword: '新START', reading: 'しんすたーと' }))).toBe(true);
    expect(scoreCase(r, expect_({ headword: '新ＳＴＡＲＴ', reading: 'しんすたーと' }))).toBe(false);
    expect(foldReading('ボコ・ハラム')).toBe('ぼこはらむ');
    expect(foldReading('ヴァイオリン')).toBe('ゔぁいおりん');
  });

  it('accepts any of several headwords and readings', () => {
    const e = expect_({ headword: ['林', '林芳正'], reading: ['はやし', 'はやしよしまさ'] });
    expect(scoreCase(result({ headword: '林芳正', reading: 'ハヤシヨシマサ', source: 'names' }), e)).toBe(true);
    expect(scoreCase(result({ headword: '林', reading: 'りん' }), e)).toBe(false);
  });

  it('checks the source unless "any"', () => {
    const r = result({ headword: '国務省', reading: 'こくむしょう', source: 'words' });
    expect(scoreCase(r, expect_({ headword: '国務省', reading: 'こくむしょう', source: 'glossary' }))).toBe(false);
    expect(scoreCase(r, expect_({ headword: '国務省', reading: 'こくむしょう', source: 'words' }))).toBe(true);
  });

  it('is wrong when nothing was found', () => {
    expect(scoreCase(null, expect_({}))).toBe(false);
    expect(scoreCase(result(), expect_({}))).toBe(false);
  });
});

describe('the hover corpus', () => {
  const sources = new Map<string, string>();
  const textOf = (file: string) => {
    if (!sources.has(file)) {
      const raw = readFileSync(join(root, file), 'utf8');
      const article = file.endsWith('.html') ? detectArticleInHtml(raw) : null;
      sources.set(file, article ? `${article.title}\n${article.text}` : raw);
    }
    return sources.get(file)!;
  };

  it('has at least 400 cases, at least 25 in each main category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    const per = (c: string) => cases.filter((k) => k.category === c).length;
    for (const c of EVAL_CATEGORIES.filter((c) => !['place', 'number', 'common-word', 'other'].includes(c)))
      expect(per(c), c).toBeGreaterThanOrEqual(25);
  });

  it('takes every sentence verbatim from its source, with the pointer on a character of it', () => {
    for (const c of cases) {
      expect(textOf(c.source), `${c.source}: ${c.text}`).toContain(c.text);
      expect(c.at).toBeLessThan(c.text.length);
      expect(c.text[c.at]!.trim(), c.text).not.toBe('');
      const headwords = [c.expect.headword].flat();
      const readings = [c.expect.reading].flat();
      expect(headwords.length * readings.length, c.text).toBeGreaterThan(0);
      expect(['glossary', 'words', 'names', 'any']).toContain(c.expect.source);
    }
  });

  it(`keeps the right answer first in at least threshold.json's share of cases`, async () => {
    const engine = createEngine(nodeAssets);
    await engine.ready();
    expect(engine.status().error).toBeFalsy();
    const report = await runEval(cases, (text, at) => engine.lookup(text, at));
    expect(report.overall.total).toBe(cases.length);
    expect(report.overall.percent).toBeGreaterThanOrEqual(threshold.overall);
  }, 300_000);
});
