import type { InflectionCode } from './dict/inflection';
import type { KanjiInfo } from './kanji/kanjidic';
/** Shapes shared by the core, the CLI, the background and the UI. Plain data only: they cross message boundaries. */

export type Source = 'words' | 'glossary' | 'names';

export interface Sense {
  /** Parts of speech as EDICT codes, e.g. ["v5s", "vt"]. */
  pos: string[];
  glosses: string[];
  /** Field tags (mil, law, econ …) and usage/misc tags (abbr, uk, hon …). */
  tags?: string[];
}

export interface Form {
  text: string;
  /** EDICT (P): a common word in this spelling. */
  common?: boolean;
  /** Form tags: iK, ik, io, oK, ok, ateji, gikun. */
  tags?: string[];
  /**
   * A reading that belongs to some of the entry's spellings only (れいさい is 零歳 and ０歳, never ゼロ歳): those
   * spellings. Absent when it reads every spelling.
   */
  only?: string[];
}

/** One word of the general dictionary after grouping EDICT lines that share their senses. */
export interface WordEntry {
  id: number;
  kanji: Form[];
  kana: Form[];
  senses: Sense[];
}

interface EntryBase {
  headword: string;
  reading: string;
  /** The reading in romaji (Hepburn), for learners who turned it on. */
  romaji?: string;
  senses: Sense[];
  /** How many characters of the text this entry covers from `start`. */
  matchLength: number;
}

/** A word of the general dictionary (or a number read with its counter, or a compound composed of words). */
export interface WordLookupEntry extends EntryBase {
  source: 'words';
  /** Steps of the conjugation, in reading order; null when the text is the dictionary form. */
  inflection: InflectionCode[] | null;
  common?: boolean;
  /** Other spellings and readings of the same entry. */
  otherForms?: string[];
  /**
   * Set when the dictionary lacks the word and the entry was composed from these dictionary words, in text order
   * (電話会談 → ["電話", "会談"]); its single sense joins the parts' first glosses.
   */
  parts?: string[];
  /**
   * The glossary's card for the same word, folded into this row when the word ranks first and the card says the same
   * (述べる, 速報): what the card adds, shown with the word.
   */
  card?: FoldedCard;
}

/** What a glossary card adds to the dictionary word it was folded into. */
export interface FoldedCard {
  category: string;
  /** The card's English that the word's senses do not say. */
  en?: string[];
  note?: string;
  aliases?: string[];
  related?: string[];
}

/** A card of the curated glossary. */
export interface GlossaryLookupEntry extends EntryBase {
  source: 'glossary';
  category: string;
  /** How the text conjugates a set phrase's dictionary form (明言を避けた → 明言を避ける: past). */
  inflection?: InflectionCode[];
  /**
   * The term an alias or abbreviation stands for, when the text wrote the alias: the card's headword and reading are
   * then the alias as written (新START しんスタート), and this is the full term (新戦略兵器削減条約).
   */
  standsFor?: { term: string; reading: string };
  note?: string;
  aliases?: string[];
  related?: string[];
}

/** A name of ENAMDICT, or a person's name kuromoji heard. */
export interface NameLookupEntry extends EntryBase {
  source: 'names';
}

export type LookupEntry = WordLookupEntry | GlossaryLookupEntry | NameLookupEntry;

export interface LookupResult {
  /** Offsets (UTF-16 code units) into the text that was looked up. */
  start: number;
  end: number;
  match: string;
  entries: LookupEntry[];
  /** Answered before every part of the engine had loaded (kuromoji, glossary, names): ask again shortly. */
  partial?: boolean;
  /** KANJIDIC2's information on the kanji of the match, when it has at most a few. */
  kanji?: KanjiInfo[];
}

export interface Token {
  surface: string;
  /** Offset of the token in the tokenized text (UTF-16 code units). */
  start: number;
  pos: string;
  posDetail: string;
  /** kuromoji's finer classes: 人名 then 姓 or 名 for a person's name, 地域 for a place, 組織 for a body. */
  posDetail2?: string;
  posDetail3?: string;
  conjugationType: string;
  conjugationForm: string;
  baseForm: string;
  /** Katakana reading, or the surface when kuromoji has none. */
  reading: string;
}
