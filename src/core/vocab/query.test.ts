import { ALL_WORDS, queryWords, sitesOf } from './query';
import { realSaves } from '../../../tests/support/real-saves';
import { applySave, type VocabWord } from './word';

let words: VocabWord[];

beforeAll(async () => {
  const saves = await realSaves(2000);
  words = saves.map((save, i) => {
    const w = applySave(undefined, save, i % 2 ? 'default' : 'l-gunshuku', 1_700_000_000_000 + i * 60_000);
    return i % 4 === 0 ? { ...w, status: 'known' as const } : w;
  });
});

const heads = (found: VocabWord[]) => found.map((w) => w.headword);

describe('vocabulary search', () => {
  it('finds a word by kanji, hiragana, katakana, romaji and English', () => {
    for (const text of ['延長', 'えんちょう', 'エンチョウ', 'enchou', 'prolongation']) {
      expect(heads(queryWords(words, { ...ALL_WORDS, text })), text).toContain('延長');
    }
  });

  it('finds nothing for text no word has', () => {
    expect(queryWords(words, { ...ALL_WORDS, text: 'zzqxv' })).toEqual([]);
  });

  it('filters by list, status, site and date together', () => {
    const since = 1_700_000_000_000 + 1000 * 60_000;
    const found = queryWords(words, { ...ALL_WORDS, list: 'l-gunshuku', status: 'known', since });
    expect(found.length).toBeGreaterThan(0);
    for (const w of found) {
      expect(w.lists).toContain('l-gunshuku');
      expect(w.status).toBe('known');
      expect(w.createdAt).toBeGreaterThanOrEqual(since);
    }
    const [top] = sitesOf(words);
    const bySite = queryWords(words, { ...ALL_WORDS, site: top!.site });
    expect(bySite).toHaveLength(top!.count);
    expect(bySite.every((w) => w.sentences.some((s) => s.site === top!.site))).toBe(true);
  });

  it('sorts newest first by default, and by reading in kana order', () => {
    const recent = queryWords(words, ALL_WORDS);
    expect(recent[0]).toBe(words[words.length - 1]);
    const byReading = queryWords(words, { ...ALL_WORDS, sort: 'reading' }).map((w) => w.reading);
    const collator = new Intl.Collator('ja');
    for (let i = 1; i < 200; i++) expect(collator.compare(byReading[i - 1]!, byReading[i]!)).toBeLessThanOrEqual(0);
  });
});
