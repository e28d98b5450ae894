/**
 * Shapes of reading mode that cross message boundaries: what the engine says about a text (annotate), what the
 * content script tells the toolbar popup about the article, and the per-site reading-mode state kept in settings.
 */

/** Which kanji words get furigana: all, those not marked known, those the dictionary does not mark common, none. */
export const FURIGANA_LEVELS = ['all', 'unknown', 'uncommon', 'off'] as const;
export type FuriganaLevel = (typeof FURIGANA_LEVELS)[number];

export interface ReadingState {
  on: boolean;
  furigana: FuriganaLevel;
}

export const DEFAULT_READING_STATE: ReadingState = { on: false, furigana: 'unknown' };

/** A reading over text[start, end) of the annotated text, in hiragana. */
export interface RubyPart {
  start: number;
  end: number;
  reading: string;
}

/** A word with kanji: where its ruby goes, and what decides whether a level shows it. */
export interface AnnotatedWord {
  start: number;
  end: number;
  /** Dictionary form (交わす for 交わさ); the glossary term for a term. */
  base: string;
  /** Kanji runs and their readings; okurigana and kana stay outside. */
  ruby: RubyPart[];
  /** The dictionary marks this spelling common (EDICT (P)). */
  common: boolean;
  /** Index into Annotation.terms when the word is a glossary term. */
  term?: number;
}

/** A glossary term found in the text. */
export interface TermSpan {
  start: number;
  end: number;
  /** The glossary's headword (新戦略兵器削減条約), which may differ from the text (新START). */
  term: string;
  /** As written in the text. */
  form: string;
  /** The headword's reading, in hiragana. */
  reading: string;
  /** Official English name. */
  en: string;
  category: string;
  /** The other name of the entry the text wrote (新START), with its own reading; absent for the headword. */
  alias?: { text: string; reading: string };
}

/**
 * A word to learn: a content word the dictionary knows but does not mark common, or a common one with advanced kanji
 * (see annotate.ts, wordLevel).
 */
export interface UncommonWord {
  start: number;
  end: number;
  /** Dictionary form. */
  base: string;
  /** Reading of the dictionary form, in hiragana. */
  reading: string;
  gloss: string;
  /** 1–10, how advanced (wordLevel). */
  level: number;
  /** EDICT marks it common. */
  common: boolean;
}

export interface Annotation {
  /** Words with kanji, in text order. */
  words: AnnotatedWord[];
  terms: TermSpan[];
  uncommon: UncommonWord[];
  /** Tokens that are words (not punctuation or spaces). */
  wordCount: number;
}

/** One line of the "This article" panel. */
export interface ArticleItem {
  /**
   * What is shown: the dictionary form of a word; for a glossary term, the name the article writes most (新START, or
   * the headword), as the popup shows it and saves it.
   */
  text: string;
  /** A glossary term's headword, whatever name `text` is: what the page is searched for. */
  term?: string;
  /** As first written in the article (a term's variant, a conjugated verb). */
  form: string;
  reading: string;
  en: string;
  /** Times it occurs in the article. */
  count: number;
  /** The sentence of its first occurrence, and where it is in it (saved with the word). */
  sentence: { text: string; start: number; end: number };
  /** A glossary term's category (treaty, person, place…). */
  category?: string;
  /** A word's level, 1–10, and whether EDICT marks it common (annotate.ts, wordLevel). */
  level?: number;
  common?: boolean;
}

export interface ArticleInfo {
  found: boolean;
  title: string;
  /** Hostname whose reading mode this is. */
  site: string;
  /** The page, without its fragment. */
  url: string;
  /** Characters of the body text, spaces not counted. */
  chars: number;
  words: number;
  terms: ArticleItem[];
  uncommon: ArticleItem[];
  readingMode: ReadingState;
}

/** What a click in the panel points at: the first occurrence of a term or a word. */
export interface ArticleTarget {
  kind: 'term' | 'word';
  text: string;
}
