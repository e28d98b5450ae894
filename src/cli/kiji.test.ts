import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const kiji = (args: string[], input?: string) =>
  execFileSync(process.execPath, [join(root, 'bin/kiji.mjs'), ...args], { cwd: root, input, encoding: 'utf8' });

describe('npx kiji', () => {
  it('lookup --json prints what the popup shows at the pointer, with the conjugation explained', () => {
    const out = JSON.parse(kiji(['lookup', '外交文書が26日に交わされ、', '--at', '9', '--json']));
    expect(out).toMatchObject({ start: 9, end: 13, match: '交わされ' });
    expect(out.entries[0]).toMatchObject({ source: 'words', headword: '交わす', reading: 'かわす' });
    expect(out.entries[0].inflection).toMatch(/passive/);
    expect(out.entries[0].senses[0].glosses[0]).toMatch(/exchange/);
    expect(out.entries[0].senses[0].pos).toContain('v5s');
  });

  it('answers JSON lines from stdin, one result per line, loading the data once', () => {
    const input = [
      '{"text":"新START延長で合意","at":6}',
      '{"text":"【モスクワ共同】ロシア大統領府は","at":5}',
      'not json',
    ].join('\n');
    const lines = kiji(['lookup', '--json'], input)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].entries[0]).toMatchObject({ headword: '延長', reading: 'えんちょう' });
    expect(lines[1].entries[0]).toMatchObject({ source: 'glossary', category: 'media' });
    expect(lines[1].entries[0].senses[0].glosses[0]).toMatch(/Kyodo/);
    expect(lines[2]).toEqual({ error: 'invalid JSON line' });
  });

  it('returns glossary cards with category, note and aliases', () => {
    const out = JSON.parse(kiji(['lookup', '新STARTの5年延長', '--at', '2', '--json']));
    const card = out.entries[0];
    expect(card).toMatchObject({
      source: 'glossary',
      headword: '新START',
      reading: 'しんスタート',
      standsFor: { term: '新戦略兵器削減条約' },
      category: 'treaty',
    });
    expect(card.senses[0].glosses[0]).toBe('New Strategic Arms Reduction Treaty');
    expect(card.aliases).toContain('新START');
    expect(card.note).toMatch(/2026/);
  });

  it('marks in its text output a compound it composed and an alias with the term it stands for', () => {
    expect(kiji(['lookup', '滑空弾を発射'])).toMatch(/^滑空弾 【かっくうだん】 .*\(composed: 滑空 \+ 弾\)$/m);
    expect(kiji(['lookup', '日銀が利上げ'])).toMatch(
      /^日銀 【にちぎん】 \[glossary\]\s+= 日本銀行 【にっぽんぎんこう】$/m,
    );
  });

  it('glossary --stats counts entries per category', () => {
    const stats = JSON.parse(kiji(['glossary', '--stats', '--json']));
    expect(stats.total).toBeGreaterThanOrEqual(3000);
    expect(stats.categories.treaty).toBeGreaterThan(20);
    expect(stats.errors).toBe(0);
  });

  it('article prints the detected body of a real page, and nothing for a members-only page', () => {
    const page = JSON.parse(kiji(['article', 'tests/fixtures/pages/asahi-1.html', '--json']));
    expect(page.found).toBe(true);
    expect(page.text).toContain('学校法人森友学園（大阪市）の国有地売却を');
    const locked = JSON.parse(kiji(['article', 'tests/fixtures/pages/yomiuri-3.html', '--json']));
    expect(locked).toMatchObject({ found: false, text: '' });
  });

  it('tokens prints kuromoji segmentation with readings', () => {
    const out = kiji(['tokens', '電話会談した']);
    expect(out).toMatch(/^電話\tデンワ/m);
    expect(out).toMatch(/^会談\tカイダン/m);
  });
});
