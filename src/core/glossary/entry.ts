/**
 * A glossary entry as the compiler writes it to build/data/glossary.json and the matcher reads it. Shared by the build
 * (which validates the YAML sources) and the extension (which only trusts what the build wrote).
 */

export const CATEGORIES = [
  'treaty',
  'law',
  'organization',
  'office',
  'party',
  'person',
  'place',
  'event',
  'policy',
  'military',
  'economy',
  'election',
  'phrase',
  'media',
] as const;

type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** Another spelling of a term, with its own reading. */
export interface GlossaryVariant {
  text: string;
  /** Kana: hiragana, with katakana for Latin or katakana parts (新START しんスタート), ー and ・. */
  reading: string;
}

export interface GlossaryEntry {
  term: string;
  /** Hiragana. */
  reading: string;
  /** Official English name first. */
  en: string[];
  category: Category;
  note?: string;
  /** Other spellings news uses, as the authors wrote them, each with its reading. */
  variants?: GlossaryVariant[];
  /** Terms or variants of other entries. */
  related?: string[];
  /** `byline`, or `before:<text>`: the entry matches only there. */
  context?: string;
  /** A news-style Japanese sentence using the term (every `phrase` has one). */
  example?: string;
}

export const GLOSSARY_FORMAT_VERSION = 2;

/** build/data/glossary.json */
export interface GlossaryFile {
  version: number;
  entries: GlossaryEntry[];
}

export function parseGlossaryFile(json: string | ArrayBuffer | Uint8Array): GlossaryFile {
  const text = typeof json === 'string' ? json : new TextDecoder('utf-8').decode(json);
  const file = JSON.parse(text) as GlossaryFile;
  if (file.version !== GLOSSARY_FORMAT_VERSION || !Array.isArray(file.entries)) {
    throw new Error(`glossary: format version ${String(file.version)}, expected ${GLOSSARY_FORMAT_VERSION}`);
  }
  return file;
}

export type ContextRule = { kind: 'byline' } | { kind: 'before'; text: string };

/** Parses a `context` value; null when it is not one the matcher knows. */
export function parseContext(context: string): ContextRule | null {
  if (context === 'byline') return { kind: 'byline' };
  if (context.startsWith('before:') && context.length > 'before:'.length) {
    return { kind: 'before', text: context.slice('before:'.length) };
  }
  return null;
}
