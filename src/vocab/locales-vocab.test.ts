import { readdirSync, readFileSync } from 'node:fs';
import { ANKI_COLUMNS } from '../core/vocab/export';
import { IMPORT_ERROR_CODES } from '../core/vocab/import';
import { WORD_STATUSES } from '../core/vocab/word';
import { SINCE_PRESETS } from './format';

vi.mock('webextension-polyfill', () => import('../ui/test-support/fake-browser'));

const { SORTS } = await import('./Filters');

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;
const ja = JSON.parse(readFileSync('public/_locales/ja/messages.json', 'utf8')) as Record<string, unknown>;

const SOURCES = [
  ...readdirSync('src/vocab')
    .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
    .map((f) => `src/vocab/${f}`),
  'src/ui/popup/VocabBar.tsx',
  'src/content/vocab-client.ts',
  'src/popup/RecentSaves.tsx',
];

describe('vocabulary strings', () => {
  it('every key the vocabulary UI names exists in English and Japanese', () => {
    const keys = new Set<string>();
    for (const file of SOURCES) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(60);
    for (const key of keys) {
      expect(en[key], key).toBeDefined();
      expect(ja[key], key).toBeDefined();
    }
  });

  it('has a message for every value of the keys built from data (marks, dates, sorts, import errors)', () => {
    const families: [string, readonly string[]][] = [
      ['vocabStatus_', WORD_STATUSES],
      ['vocabMark_', WORD_STATUSES],
      ['vocabSince_', SINCE_PRESETS],
      ['vocabSort_', SORTS],
      ['vocabImportError_', IMPORT_ERROR_CODES],
      ['vocabAnkiCol_', ANKI_COLUMNS.map((c) => c.replace(/\s+/g, ''))],
    ];
    for (const [prefix, values] of families) {
      for (const v of values) {
        expect(en[prefix + v], prefix + v).toBeDefined();
        expect(ja[prefix + v], prefix + v).toBeDefined();
      }
    }
  });
});
