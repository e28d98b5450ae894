import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './dictionaries';
import { compileGlossary, formatProblem, serializeGlossary, type GlossarySource } from './glossary-compile';
import { CATEGORIES, parseGlossaryFile } from '../core/glossary/entry';
import { compileGlossaryFiles } from './glossary';
import { kuromojiReading } from './reading';

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

  it('gives every variant a reading made only of kana', () => {
    const variants = glossary.entries.flatMap((e) => (e.variants ?? []).map((v) => ({ term: e.term, ...v })));
    expect(variants.length).toBeGreaterThan(1500);
    const bad = variants.filter((v) => !/^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fb-\u30fe]+$/.test(v.reading));
    expect(bad).toEqual([]);
  });

  it('has at least 500 set phrases, each with a Japanese example sentence', () => {
    const phrases = glossary.entries.filter((e) => e.category === 'phrase');
    expect(phrases.length).toBeGreaterThanOrEqual(500);
    const without = phrases.filter((e) => !e.example || !/[\u3041-\u30ff\u3400-\u9fff]/.test(e.example));
    expect(without.map((e) => e.term)).toEqual([]);
  });
});

/** The first entry of a real domain file, so that each check breaks one thing in data an author wrote. */
const arms = sources.find((s) => s.file === 'arms-control.yaml')!;
const firstEntry = /^- term: 新戦略兵器削減条約\n(?: {2}.*\n)+/m.exec(arms.text)![0];
const lineOfFirst = arms.text.slice(0, arms.text.indexOf(firstEntry)).split('\n').length;

function compileWith(edit: (entry: string) => string, options = {}) {
  const changed = { file: arms.file, text: arms.text.replace(firstEntry, edit(firstEntry)) };
  const result = compileGlossary([changed, ...sources.filter((s) => s !== arms)], {
    readingOf: kuromojiReading,
    ...options,
  });
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
    expect(errors[0]!.message).toMatch(/unknown category "treaties"/);
  });

  it('fails on a variant another entry already has, once widths and case are folded', () => {
    // START is 戦略兵器削減条約's abbreviation; ＳＴＡＲＴ is the same spelling in full width.
    const { problems } = compileWith((e) =>
      e.replace('variants: [', 'variants: [{ text: ＳＴＡＲＴ, reading: スタート }, '),
    );
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
    const { problems } = compileGlossary([...sources, copy], { readingOf: kuromojiReading });
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

  it('fails on a variant whose reading is neither written nor derivable', () => {
    // 核軍縮条約 is not part of the term, and not kana: its reading must be written out.
    const { errors } = compileWith((e) => e.replace('variants: [', 'variants: [核軍縮条約, '));
    expect(errors.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^error: arms-control\\.yaml:${lineOfFirst} 「新戦略兵器削減条約」: variant "核軍縮条約" needs a reading`,
        ),
      ),
    ]);
  });

  it('fails on a part of the term that kuromoji reads otherwise than the term does', () => {
    const { errors } = compileWith((e) => e.replace('reading: しんせんりゃく', 'reading: あらたせんりゃく'));
    expect(errors).toEqual([]);
    const { errors: wrong } = compileWith((e) =>
      e.replace('reading: しんせんりゃく', 'reading: あらたせんりゃく').replace('variants: [', 'variants: [新戦略, '),
    );
    expect(wrong.map((p) => p.message)).toEqual([expect.stringMatching(/variant "新戦略" needs a reading .*not part/)]);
  });

  it('fails on a written reading that is not kana', () => {
    const { errors } = compileWith((e) =>
      e.replace('variants: [', 'variants: [{ text: 新条約, reading: しんjōyaku }, '),
    );
    expect(errors.map((p) => p.message)).toEqual([
      'variant "新条約": reading "しんjōyaku" is not kana (hiragana, katakana, ー, ・)',
    ]);
  });

  it('fails on a gloss with unbalanced brackets: a comma inside brackets of an unquoted flow list', () => {
    const edit = (gloss: string) => (e: string) => e.replace(/ {2}en: .*\n/, `  en: [${gloss}]\n`);
    const { errors } = compileWith(edit('New START, New START (treaty, 2010)'));
    expect(errors.map((p) => p.message)).toEqual([
      expect.stringMatching(/^en "New START \(treaty" has unbalanced brackets/),
      expect.stringMatching(/^en "2010\)" has unbalanced brackets/),
    ]);
    expect(compileWith(edit("New START, 'New START (treaty, 2010)'")).errors).toEqual([]);
    expect(compileWith(edit('New START [（2010）]')).errors).toEqual([]);
    expect(compileWith(edit("'New START (2010]'")).errors).toHaveLength(1);
  });

  it('fails on a phrase without an example, and on an example that is not Japanese', () => {
    const phrase = (e: string) => e.replace('category: treaty', 'category: phrase');
    expect(compileWith(phrase).errors.map((p) => p.message)).toEqual([
      'missing example (every phrase has a Japanese example sentence)',
    ]);
    const withExample = (example: string) => (e: string) =>
      phrase(e).replace('category:', `example: ${example}\n  category:`);
    expect(compileWith(withExample('新STARTは2026年2月に失効した。')).errors).toEqual([]);
    expect(compileWith(withExample('New START expired.')).errors.map((p) => p.message)).toEqual([
      'example must be a Japanese sentence',
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
  it('gives a variant its reading: written, its own when all kana, or read inside the term', () => {
    const { glossary, errors } = compileWith((e) =>
      e.replace('variants: [', 'variants: [削減条約, しんすたーと, { text: 新条約, reading: しんじょうやく }, '),
    );
    expect(errors).toEqual([]);
    const treaty = glossary.entries.find((e) => e.term === '新戦略兵器削減条約')!;
    expect(treaty.variants).toEqual(
      expect.arrayContaining([
        { text: '削減条約', reading: 'さくげんじょうやく' },
        { text: 'しんすたーと', reading: 'しんすたーと' },
        { text: '新条約', reading: 'しんじょうやく' },
        { text: '新START', reading: 'しんスタート' },
      ]),
    );
  });

  it('is one compact JSON line the extension reads back as it was written', () => {
    const { glossary } = compileGlossary(sources, { readingOf: kuromojiReading });
    const json = serializeGlossary(glossary);
    expect(json).not.toMatch(/\n|": /);
    const back = parseGlossaryFile(new TextEncoder().encode(json));
    expect(back.entries.length).toBe(glossary.entries.length);
    const treaty = back.entries.find((e) => e.term === '新戦略兵器削減条約')!;
    expect(treaty.en[0]).toBe('New Strategic Arms Reduction Treaty');
    expect(treaty.variants).toContainEqual({ text: '新START', reading: 'しんスタート' });
    expect(treaty.category).toBe('treaty');
  });
});
