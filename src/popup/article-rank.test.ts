import { readFileSync } from 'node:fs';
import { annotateText, wordLevel } from '../core/annotate';
import { loadNodeWords } from '../node/words';
import { loadNodeGlossary } from '../node/glossary';
import { loadNodeKanji } from '../node/kanji';
import type { ArticleItem } from '../core/reading-types';
import { nodeKuromojiLoader } from '../node/kuromoji';
import { createTokenizer } from '../core/tokenizer/tokenizer';
import { rankTerms, wordsToLearn } from './article-rank';

const item = (text: string, extra: Partial<ArticleItem> = {}): ArticleItem => ({
  text,
  form: text,
  reading: '',
  en: '',
  count: 1,
  sentence: { text, start: 0, end: text.length },
  ...extra,
});

describe('the "This article" lists', () => {
  it('ranks treaties, institutions, people and policies before phrases, and places last', () => {
    const terms = [
      item('米国', { category: 'place', count: 9 }),
      item('強調した', { category: 'phrase' }),
      item('大統領報道官', { category: 'office' }),
      item('新戦略兵器削減条約', { category: 'treaty' }),
      item('ペスコフ', { category: 'person', count: 2 }),
      item('ロシア', { category: 'place' }),
    ];
    expect(rankTerms(terms).map((t) => t.text)).toEqual([
      '新戦略兵器削減条約',
      'ペスコフ',
      '大統領報道官',
      '強調した',
      '米国',
      'ロシア',
    ]);
  });

  it('lists words to learn hardest first from the chosen level, and never leaves the list empty', () => {
    const words = [item('会議', { level: 2, common: true }), item('査察', { level: 8 }), item('懸念', { level: 6 })];
    expect(wordsToLearn(words, 'intermediate').map((w) => w.text)).toEqual(['査察', '懸念']);
    expect(wordsToLearn(words, 'advanced').map((w) => w.text)).toEqual(['査察']);
    // Nothing that advanced: the hardest there are.
    expect(wordsToLearn([words[0]!], 'advanced').map((w) => w.text)).toEqual(['会議']);
  });

  it('finds words to learn in a real article whose words EDICT all marks common', async () => {
    const tokenizer = await createTokenizer(nodeKuromojiLoader());
    const words = await loadNodeWords();
    const kanji = loadNodeKanji();
    expect(wordLevel('査察', false, kanji)).toBeGreaterThan(wordLevel('会議', true, kanji));
    const text = readFileSync('tests/fixtures/news/seed-article.txt', 'utf8').split('\n').slice(0, 12).join('\n');
    const annotation = annotateText(text, tokenizer.tokenize(text), { words, glossary: loadNodeGlossary(), kanji });
    const common = annotation.uncommon.filter((w) => w.common);
    expect(common.length).toBeGreaterThan(0);
    for (const w of common) expect(w.level).toBeGreaterThanOrEqual(5);
    const items = annotation.uncommon.map((w) => item(w.base, { level: w.level, common: w.common }));
    for (const level of ['beginner', 'intermediate', 'advanced'] as const)
      expect(wordsToLearn(items, level).length).toBeGreaterThan(0);
  }, 60_000);
});
