import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './dictionaries';
import { compileGlossary, formatProblem, serializeGlossary, type GlossarySource } from './glossary-compile';
import { CATEGORIES, parseGlossaryFile } from '../core/glossary/entry';
import { compileGlossaryFiles } from './glossary';

const dir = path.join(repoRoot(), 'data', 'glossary');
const sources: GlossarySource[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));

describe('the glossary data (strict validation of every entry)', () => {
  const { glossary, problems } = compileGlossaryFiles({ strict: true });

  it('has every entry valid: kana reading, English, known category, no duplicate, related terms that exist', () => {
    const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors, `${errors.length} problems:\n${errors.join('\n')}`).toEqual([]);
  });

  it('covers every domain file with entries', () => {
    expect(glossary.entries.length).toBeGreaterThan(500);
    for (const { file } of sources) expect(problems.some((p) => p.file === file && /YAML/.test(p.message))).toBe(false);
    const categories = new Set(glossary.entries.map((e) => e.category));
    for (const c of categories) expect(CATEGORIES).toContain(c);
  });
});

/** The first entry of a real domain file, so that each check breaks one thing in data an author wrote. */
const arms = sources.find((s) => s.file === 'arms-control.yaml')!;
const firstEntry = /^- term: 新戦略兵器削減条約\n(?: {2}.*\n)+/m.exec(arms.text)![0];
const lineOfFirst = arms.text.slice(0, arms.text.indexOf(firstEntry)).split('\n').length;

function compileWith(edit: (entry: string) => string, options = {}) {
  const changed = { file: arms.file, text: arms.text.replace(firstEntry, edit(firstEntry)) };
  const result = compileGlossary([changed, ...sources.filter((s) => s !== arms)], options);
  const mine = result.problems.filter((p) => p.file === arms.file && p.line === lineOfFirst);
  return {
    ...result,
    errors: mine.filter((p) => p.severity === 'error'),
    warnings: mine.filter((p) => p.severity === 'warning'),
  };
}

describe('compileGlossary: a mistake fails the build, naming the file, the line and the entry', () => {
  it('fails on a reading that is not kana', () => {
    const { errors } = compileWith((e) => e.replace('reading: しんせんりゃく', 'reading: 新せんりゃく'));
    expect(errors.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(`^error: arms-control\\.yaml:${lineOfFirst} 「新戦略兵器削減条約」: reading .* not kana`),
      ),
    ]);
  });

  it('fails on a missing English name', () => {
    const { errors } = compileWith((e) => e.replace(/ {2}en: .*\n/, ''));
    expect(errors.map((p) => p.message)).toEqual(['missing en (English name)']);
  });

  it('fails on a category outside the list', () => {
    const { errors } = compileWith((e) => e.replace('category: treaty', 'category: treaties'));
    expect(errors[0].message).toMatch(/unknown category "treaties"/);
  });

  it('fails on a variant another entry already has, once widths and case are folded', () => {
    // START is 戦略兵器削減条約's abbreviation; ＳＴＡＲＴ is the same spelling in full width.
    const { problems } = compileWith((e) => e.replace('variants: [', 'variants: [ＳＴＡＲＴ, '));
    const duplicates = problems.filter((p) => p.severity === 'error' && /duplicate/.test(p.message));
    expect(duplicates.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^error: arms-control\\.yaml:\\d+ 「戦略兵器削減条約」: duplicate: "START" is already .*:${lineOfFirst} `,
        ),
      ),
    ]);
  });

  it('fails on the same term in two files', () => {
    const copy = { file: 'zz-copy.yaml', text: firstEntry };
    const { problems } = compileGlossary([...sources, copy]);
    expect(problems.filter((p) => p.file === 'zz-copy.yaml' && p.severity === 'error').map((p) => p.message)).toEqual([
      expect.stringMatching(/duplicate: "新戦略兵器削減条約" is already an entry or variant at arms-control\.yaml/),
      expect.stringMatching(/duplicate: "新START"/),
      expect.stringMatching(/duplicate: "新スタート"/),
      expect.stringMatching(/duplicate: "新戦略兵器削減条約\(新START\)"/),
    ]);
  });

  it('reports a related term that names no entry: a warning while authors write, an error when strict', () => {
    const edit = (e: string) => e.replace('related: [', 'related: [存在しない条約, ');
    const loose = compileWith(edit);
    expect(loose.errors).toEqual([]);
    expect(loose.warnings.map((p) => p.message)).toContain(
      'related "存在しない条約" is not a term or variant of any entry',
    );
    const strict = compileWith(edit, { strict: true });
    expect(strict.errors.map((p) => p.message)).toContain(
      'related "存在しない条約" is not a term or variant of any entry',
    );
  });

  it('fails on a field the format does not have, and on an unknown context', () => {
    const { errors } = compileWith((e) =>
      e.replace('category:', 'context: headline\n  varients: [新条約]\n  category:'),
    );
    expect(errors.map((p) => p.message).sort()).toEqual([
      'unknown context "headline" (byline, or before:<text>)',
      'unknown field "varients"',
    ]);
  });

  it('fails on a YAML syntax error with its line', () => {
    const { problems } = compileWith((e) => e.replace('variants: [', 'variants: [[['));
    expect(
      problems.some((p) => p.severity === 'error' && p.file === arms.file && /^YAML/.test(p.message) && p.line),
    ).toBe(true);
  });
});

describe('the compiled file', () => {
  it('is one compact JSON line the extension reads back as it was written', () => {
    const { glossary } = compileGlossary(sources);
    const json = serializeGlossary(glossary);
    expect(json).not.toMatch(/\n|": /);
    const back = parseGlossaryFile(new TextEncoder().encode(json));
    expect(back.entries.length).toBe(glossary.entries.length);
    const treaty = back.entries.find((e) => e.term === '新戦略兵器削減条約')!;
    expect(treaty.en[0]).toBe('New Strategic Arms Reduction Treaty');
    expect(treaty.variants).toContain('新START');
    expect(treaty.category).toBe('treaty');
  });
});
