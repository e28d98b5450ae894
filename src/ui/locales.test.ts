import { readFileSync } from 'node:fs';
import { DIALECT_CODES, FIELD_CODES, MISC_CODES, POS_CODES } from '../core/dict/edict-tags';
import { INFLECTION_CODES } from '../core/dict/inflection';
import { messageKey } from './message-key';

type Messages = Record<string, { message: string; description?: string }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const en = load('en');
const ja = load('ja');

const placeholders = (message: string) => (message.match(/\$\d/g) ?? []).sort().join();

describe('locales', () => {
  it('en and ja hold the same keys, with the same substitutions, and no empty message', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(en[key]!.message.trim(), key).not.toBe('');
      expect(ja[key]!.message.trim(), key).not.toBe('');
      expect(placeholders(ja[key]!.message), key).toBe(placeholders(en[key]!.message));
    }
  });

  it('counts with a KEY_one and a KEY_other message, and never puts a bare number before an English plural', () => {
    for (const key of Object.keys(en)) {
      const pair = /^(\w+)_(one|other)$/.exec(key);
      if (pair) expect(en[`${pair[1]}_${pair[2] === 'one' ? 'other' : 'one'}`], key).toBeDefined();
      // "1 words": a count before a plural noun belongs in a KEY_other message only (or a KEY…Many one, whose
      // KEY…One twin names the single thing).
      if (!/(?:_other|Many)$/.test(key)) expect(en[key]!.message, key).not.toMatch(/\$\d (?:new )?[a-z]+s\b/);
    }
  });

  it('uses key names browsers accept, unique even case-insensitively (Chrome folds case)', () => {
    const lower = new Set<string>();
    for (const key of Object.keys(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(lower.has(key.toLowerCase()), key).toBe(false);
      lower.add(key.toLowerCase());
    }
  });

  it('has every message the manifest names', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    const used = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThanOrEqual(4);
    for (const key of used) expect(en[key!], key).toBeDefined();
  });

  it('labels every EDICT part of speech and sense tag the dictionary can carry', () => {
    for (const code of POS_CODES) expect(en[messageKey('pos_', code)], code).toBeDefined();
    for (const code of [...FIELD_CODES, ...MISC_CODES, ...DIALECT_CODES]) {
      expect(en[messageKey('tag_', code)], code).toBeDefined();
    }
  });

  it('explains every conjugation step the deinflector can report, in both languages', () => {
    for (const code of INFLECTION_CODES) {
      const key = messageKey('infl_', code);
      expect(en[key], code).toBeDefined();
      expect(ja[key]!.message, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
