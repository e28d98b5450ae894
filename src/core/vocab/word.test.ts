import { seedSentences, saveOf, SEED_URL } from '../../../tests/support/real-saves';
import { applyPatch, applySave, mergeWords, MAX_SENTENCES, meaningText, sentenceParts, siteOf, wordId } from './word';

const sentences = seedSentences();
const withWord = (word: string, nth = 0) => sentences.filter((s) => s.includes(word))[nth];

describe('saving a word', () => {
  it('records headword, reading, senses, source and the sentence with the word marked', async () => {
    const sentence = withWord('延長');
    const save = await saveOf(sentence!, '延長');
    const word = applySave(undefined, save, 'default', 1000);
    expect(word.id).toBe(wordId('延長', 'えんちょう'));
    expect(word.source).toBe('words');
    expect(word.senses[0]!.glosses.join(' ')).toMatch(/extension/);
    expect(word.lists).toEqual(['default']);
    expect(word.status).toBe('new');
    expect(word.sentences).toHaveLength(1);
    expect(sentenceParts(word.sentences[0]!)[1]).toBe('延長');
    expect(word.sentences[0]).toMatchObject({ url: SEED_URL, site: 'newsweekjapan.jp', savedAt: 1000 });
  });

  it('adds the new sentence to a word saved again, instead of a second word', async () => {
    const first = applySave(undefined, await saveOf(withWord('延長', 0)!, '延長'), 'default', 1000);
    const again = applySave(first, await saveOf(withWord('延長', 1)!, '延長'), 'default', 2000);
    expect(again.id).toBe(first.id);
    expect(again.sentences.map((s) => s.text)).toEqual([withWord('延長', 0), withWord('延長', 1)]);
    expect(again.createdAt).toBe(1000);
    expect(again.updatedAt).toBe(2000);
  });

  it('does not repeat a sentence saved twice from the same page (a message delivered twice changes nothing)', async () => {
    const save = await saveOf(withWord('合意')!, '合意');
    const once = applySave(undefined, save, 'default', 1000);
    const twice = applySave(once, save, 'default', 1000);
    expect(twice).toEqual(once);
  });

  it('puts the word into a second list without leaving the first', async () => {
    const save = await saveOf(withWord('核軍縮')!, '核軍縮');
    const word = applySave(applySave(undefined, save, 'default', 1), save, 'gunshuku', 2);
    expect(word.lists).toEqual(['default', 'gunshuku']);
  });

  it('marks a word known without putting it in a list', async () => {
    const save = { ...(await saveOf(withWord('大統領')!, '大統領')), status: 'known' as const };
    const word = applySave(undefined, save, null, 1);
    expect(word.lists).toEqual([]);
    expect(word.status).toBe('known');
  });

  it('keeps only the newest sentences of a word met very often', async () => {
    let word = applySave(undefined, await saveOf(withWord('延長')!, '延長'), 'default', 0);
    const base = await saveOf(withWord('延長')!, '延長');
    for (let i = 1; i <= MAX_SENTENCES + 5; i++) {
      word = applySave(word, { ...base, context: { ...base.context, url: `${SEED_URL}?p=${i}` } }, 'default', i);
    }
    expect(word.sentences).toHaveLength(MAX_SENTENCES);
    expect(word.sentences.at(-1)!.url).toBe(`${SEED_URL}?p=${MAX_SENTENCES + 5}`);
  });
});

describe('merging two copies of a word', () => {
  it('joins lists and sentences, keeps both notes, and is idempotent', async () => {
    const a = { ...applySave(undefined, await saveOf(withWord('延長', 0)!, '延長'), 'default', 1000), note: 'START' };
    const b = { ...applySave(undefined, await saveOf(withWord('延長', 1)!, '延長'), 'kokkai', 2000), note: '2021' };
    const merged = mergeWords(a, b);
    expect(merged.lists).toEqual(['default', 'kokkai']);
    expect(merged.sentences).toHaveLength(2);
    expect(merged.note).toBe('START\n2021');
    expect(merged.createdAt).toBe(1000);
    expect(merged.updatedAt).toBe(2000);
    expect(mergeWords(merged, b)).toEqual(merged);
    expect(mergeWords(merged, a)).toEqual(merged);
  });

  it('takes the status of the copy changed last', async () => {
    const save = await saveOf(withWord('合意')!, '合意');
    const known = { ...applySave(undefined, save, 'default', 5000), status: 'known' as const };
    const older = applySave(undefined, save, 'default', 1000);
    expect(mergeWords(older, known).status).toBe('known');
    expect(mergeWords(known, older).status).toBe('known');
  });
});

describe('patches from the list page', () => {
  it('moves a word from one list to another', async () => {
    const word = applySave(undefined, await saveOf(withWord('条約')!, '条約'), 'default', 1);
    const moved = applyPatch(word, { addLists: ['gunshuku'], removeLists: ['default'] }, 2);
    expect(moved.lists).toEqual(['gunshuku']);
    expect(applyPatch(moved, { note: '新START', status: 'learning' }, 3)).toMatchObject({
      note: '新START',
      status: 'learning',
      lists: ['gunshuku'],
      updatedAt: 3,
    });
  });
});

describe('helpers', () => {
  it('names the site without www', () => {
    expect(siteOf('https://www.asahi.com/articles/x.html')).toBe('asahi.com');
    expect(siteOf('https://www3.nhk.or.jp/news/')).toBe('www3.nhk.or.jp');
    expect(siteOf('not a url')).toBe('');
  });

  it('numbers the senses of a word with several', async () => {
    const word = applySave(undefined, await saveOf(withWord('延長')!, '延長'), 'default', 1);
    expect(word.senses.length).toBeGreaterThan(1);
    expect(meaningText(word.senses)).toMatch(/^1\. .*extension.* 2\. /);
  });
});
