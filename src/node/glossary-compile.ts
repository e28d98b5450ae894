/**
 * Validates the hand-written glossary sources (data/glossary/*.yaml) and turns them into the one file the extension
 * loads. Build-time only (it needs the `yaml` parser); no file system access: the caller reads and writes files.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import {
  CATEGORIES,
  GLOSSARY_FORMAT_VERSION,
  isCategory,
  parseContext,
  type GlossaryEntry,
  type GlossaryFile,
  type GlossaryVariant,
} from '../core/glossary/entry';
import { normalizeKey } from '../core/glossary/normalize';

export interface GlossarySource {
  /** File name as reported in problems, e.g. arms-control.yaml. */
  file: string;
  text: string;
}

interface Problem {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  term?: string;
  message: string;
}

/** A tokenizer's reading of a text (kana), or null when it has none. */
export type ReadingOf = (text: string) => string | null;

interface CompileOptions {
  /** Dangling `related` terms are errors rather than warnings. */
  strict?: boolean;
  /**
   * Reads a variant written inside its term (kuromoji at build time: node-reading.ts). Without it, such a variant
   * needs its reading written out.
   */
  readingOf?: ReadingOf;
}

export interface CompileResult {
  glossary: GlossaryFile;
  problems: Problem[];
}

const KNOWN_FIELDS = new Set([
  'term',
  'reading',
  'variants',
  'en',
  'category',
  'note',
  'related',
  'context',
  'example',
]);

function isHiraganaReading(ch: number): boolean {
  return (ch >= 0x3041 && ch <= 0x3096) || ch === 0x30fc || ch === 0x309d || ch === 0x309e;
}

function isKatakanaLetter(ch: number): boolean {
  return (ch >= 0x30a1 && ch <= 0x30fa) || ch === 0x30fd || ch === 0x30fe;
}

/** Hiragana, katakana, ー and ・: what a variant's reading may hold (katakana for Latin or katakana parts). */
const VARIANT_READING = /^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fb\u30fc\u30fd\u30fe]+$/;
const KANA_ONLY = VARIANT_READING;

/** Katakana folded to hiragana, one code unit for one: positions stay the same. */
function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const BRACKETS: Record<string, string> = { ')': '(', ']': '[', '）': '（' };
const OPENING = new Set(Object.values(BRACKETS));

/** Whether every (, [ and （ in a gloss is closed, in order: a flow list split at a comma inside brackets is not. */
function balancedBrackets(text: string): boolean {
  const open: string[] = [];
  for (const ch of text) {
    if (OPENING.has(ch)) open.push(ch);
    else if (ch in BRACKETS && open.pop() !== BRACKETS[ch]) return false;
  }
  return open.length === 0;
}

const JAPANESE = /[\u3041-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * A variant's reading: the one written ({text, reading}), or one derived from a plain string that is all kana (its own
 * reading) or is part of the term and reads as part of the term's reading. A string when the variant is wrong.
 */
function variantOf(
  value: unknown,
  term: string,
  termReading: string,
  readingOf: ReadingOf | undefined,
): GlossaryVariant | string {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) return 'a variant is empty';
    if (KANA_ONLY.test(text)) return { text, reading: text };
    if (term.includes(text) && termReading && readingOf) {
      const read = readingOf(text);
      const at = read ? toHiragana(termReading).indexOf(toHiragana(read)) : -1;
      if (read && at >= 0) return { text, reading: termReading.slice(at, at + read.length) };
    }
    const why = !term.includes(text)
      ? 'it is neither all kana nor part of the term'
      : "its reading is not part of the term's reading";
    return `variant "${text}" needs a reading (${why}): write {text: ${text}, reading: …}`;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { text, reading, ...rest } = value as Record<string, unknown>;
    const shown = typeof text === 'string' ? text : JSON.stringify(value);
    if (Object.keys(rest).length > 0) return `variant "${shown}" has unknown fields: ${Object.keys(rest).join(', ')}`;
    if (typeof text !== 'string' || !text.trim()) return `a variant has no text: ${JSON.stringify(value)}`;
    if (typeof reading !== 'string' || !reading.trim()) return `variant "${text.trim()}" has no reading`;
    if (!VARIANT_READING.test(reading.trim())) {
      return `variant "${text.trim()}": reading "${reading.trim()}" is not kana (hiragana, katakana, ー, ・)`;
    }
    return { text: text.trim(), reading: reading.trim() };
  }
  return `variants holds a value that is neither text nor {text, reading} (quote it): ${JSON.stringify(value)}`;
}

interface Located {
  file: string;
  line?: number;
  term: string;
}

function where(p: { file: string; line?: number }): string {
  return p.line ? `${p.file}:${p.line}` : p.file;
}

export function formatProblem(p: Problem): string {
  return `${p.severity}: ${where(p)}${p.term ? ` 「${p.term}」` : ''}: ${p.message}`;
}

/** A list of non-empty strings; a single string is taken as a list of one. */
function stringList(value: unknown): { list: string[]; bad: unknown[] } {
  const raw = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  const list: string[] = [];
  const bad: unknown[] = [];
  for (const v of raw) {
    if (typeof v === 'string' && v.trim() !== '') list.push(v.trim());
    else bad.push(v);
  }
  return { list, bad };
}

export function compileGlossary(sources: readonly GlossarySource[], options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const entries: GlossaryEntry[] = [];
  const places: Located[] = [];
  /** Every normalised term and variant → where it was first defined. */
  const owners = new Map<string, Located & { index: number }>();

  for (const source of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source.text, { lineCounter, prettyErrors: false });
    const report = (severity: Problem['severity'], message: string, line?: number, term?: string) =>
      problems.push({ severity, file: source.file, line, term, message });
    for (const err of doc.errors) report('error', `YAML: ${err.message}`, lineCounter.linePos(err.pos[0]).line);
    if (doc.errors.length > 0) continue;
    const contents = doc.contents;
    if (contents === null) continue;
    if (!isSeq(contents)) {
      report('error', 'the file must be a YAML list of entries');
      continue;
    }
    for (const item of contents.items) {
      const line =
        item && typeof item === 'object' && 'range' in item && item.range
          ? lineCounter.linePos(item.range[0]).line
          : undefined;
      if (!isMap(item)) {
        report('error', 'an entry must be a mapping (term, reading, en, category …)', line);
        continue;
      }
      const raw = item.toJSON() as Record<string, unknown>;
      const term = typeof raw.term === 'string' ? raw.term.trim() : '';
      const fail = (message: string) => report('error', message, line, term || undefined);
      const warn = (message: string) => report('warning', message, line, term || undefined);
      if (!term) {
        fail('missing term');
        continue;
      }
      for (const field of Object.keys(raw)) if (!KNOWN_FIELDS.has(field)) fail(`unknown field "${field}"`);

      const reading = typeof raw.reading === 'string' ? raw.reading.trim() : '';
      if (!reading) fail('missing reading');
      else {
        const codes = [...reading].map((c) => c.codePointAt(0)!);
        const nonKana = [...reading].filter((_, i) => !isHiraganaReading(codes[i]!) && !isKatakanaLetter(codes[i]!));
        if (nonKana.length > 0) fail(`reading "${reading}" is not kana (${[...new Set(nonKana)].join(' ')})`);
        else if (codes.some(isKatakanaLetter)) warn(`reading "${reading}" should be hiragana`);
      }

      const en = stringList(raw.en);
      if (en.list.length === 0) fail('missing en (English name)');
      if (en.bad.length > 0) fail(`en holds a non-text value: ${JSON.stringify(en.bad)}`);
      for (const gloss of en.list) {
        if (!balancedBrackets(gloss)) {
          fail(`en "${gloss}" has unbalanced brackets (a comma inside brackets in [a, b]? quote that gloss)`);
        }
      }

      if (!isCategory(raw.category)) {
        fail(
          raw.category === undefined
            ? 'missing category'
            : `unknown category "${String(raw.category)}" (one of: ${CATEGORIES.join(', ')})`,
        );
      }

      const variants: GlossaryVariant[] = [];
      const rawVariants = raw.variants === undefined || raw.variants === null ? [] : raw.variants;
      for (const value of Array.isArray(rawVariants) ? rawVariants : [rawVariants]) {
        const variant = variantOf(value, term, reading, options.readingOf);
        if (typeof variant === 'string') fail(variant);
        else variants.push(variant);
      }
      const related = stringList(raw.related);
      if (related.bad.length > 0) fail(`related holds a non-text value (quote it): ${JSON.stringify(related.bad)}`);

      let context: string | undefined;
      if (raw.context !== undefined) {
        if (typeof raw.context !== 'string' || !parseContext(raw.context.trim())) {
          fail(`unknown context "${String(raw.context)}" (byline, or before:<text>)`);
        } else context = raw.context.trim();
      }

      let note: string | undefined;
      if (typeof raw.note === 'string' && raw.note.trim()) note = raw.note.trim();
      else if (raw.note !== undefined && raw.note !== null) fail('note must be text');
      else warn('missing note');

      let example: string | undefined;
      if (typeof raw.example === 'string' && JAPANESE.test(raw.example)) example = raw.example.trim();
      else if (raw.example !== undefined) fail('example must be a Japanese sentence');
      else if (raw.category === 'phrase') fail('missing example (every phrase has a Japanese example sentence)');

      const index = entries.length;
      const located: Located = { file: source.file, line, term };
      const ownKeys = new Set<string>();
      for (const form of [term, ...variants.map((v) => v.text)]) {
        const key = normalizeKey(form);
        if (!key) {
          fail(`"${form}" is empty once normalised`);
          continue;
        }
        if (ownKeys.has(key)) {
          warn(`"${form}" repeats another form of this entry once widths, case, ・ and dashes are folded`);
          continue;
        }
        ownKeys.add(key);
        const owner = owners.get(key);
        if (owner) {
          const same = form === owner.term ? '' : ` (as "${owner.term}")`;
          fail(`duplicate: "${form}" is already an entry or variant at ${where(owner)}${same}`);
        } else owners.set(key, { ...located, index });
      }
      entries.push({
        term,
        reading,
        en: en.list,
        category: (isCategory(raw.category) ? raw.category : 'phrase') as GlossaryEntry['category'],
        ...(note ? { note } : {}),
        ...(variants.length > 0 ? { variants } : {}),
        ...(related.list.length > 0 ? { related: related.list } : {}),
        ...(context ? { context } : {}),
        ...(example ? { example } : {}),
      });
      places.push(located);
    }
  }

  // Related terms may name an entry defined in any file, so they are checked once all are read.
  entries.forEach((entry, i) => {
    for (const rel of entry.related ?? []) {
      const owner = owners.get(normalizeKey(rel));
      const p = places[i]!;
      if (!owner) {
        problems.push({
          severity: options.strict ? 'error' : 'warning',
          file: p.file,
          line: p.line,
          term: entry.term,
          message: `related "${rel}" is not a term or variant of any entry`,
        });
      } else if (owner.index === i) {
        problems.push({
          severity: 'warning',
          file: p.file,
          line: p.line,
          term: entry.term,
          message: `related "${rel}" is this entry itself`,
        });
      }
    }
  });

  return { glossary: { version: GLOSSARY_FORMAT_VERSION, entries }, problems };
}

/** The compiled file as written to build/data: one line, no spaces. */
export function serializeGlossary(glossary: GlossaryFile): string {
  return JSON.stringify(glossary);
}
