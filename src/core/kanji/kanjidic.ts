/**
 * Kanji information from KANJIDIC2: meanings, on and kun readings, strokes, school grade and rank in newspaper
 * frequency (KANJIDIC's frequency counts come from Japanese newspapers, the text Kiji is for). Only the kanji with a
 * grade, a frequency rank or a JLPT level are kept: the jōyō and jinmeiyō kanji, about 3,000 of 13,000.
 */

export interface KanjiInfo {
  literal: string;
  /** English meanings, KANJIDIC's order. */
  meanings: string[];
  /** On readings in katakana. */
  on: string[];
  /** Kun readings in hiragana, okurigana after a dot (の.びる). */
  kun: string[];
  strokes: number;
  /** 1–6 elementary school, 8 the rest of the jōyō kanji, 9–10 jinmeiyō. */
  grade?: number;
  /** Rank among the 2,500 most frequent kanji in newspapers. */
  freq?: number;
}

const FORMAT_VERSION = 1;

function all(block: string, pattern: RegExp): string[] {
  return [...block.matchAll(pattern)].map((m) => unescapeXml(m[1]!));
}

function first(block: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(block);
  return m ? Number(m[1]) : undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Reads KANJIDIC2's XML (one <character> element per kanji); the kanji worth keeping, in file order. */
export function parseKanjidic(xml: string): KanjiInfo[] {
  const out: KanjiInfo[] = [];
  for (const m of xml.matchAll(/<character>([\s\S]*?)<\/character>/g)) {
    const block = m[1]!;
    const literal = /<literal>([^<]+)<\/literal>/.exec(block)?.[1];
    const grade = first(block, /<grade>(\d+)<\/grade>/);
    const freq = first(block, /<freq>(\d+)<\/freq>/);
    const jlpt = first(block, /<jlpt>(\d+)<\/jlpt>/);
    if (!literal || (grade === undefined && freq === undefined && jlpt === undefined)) continue;
    const info: KanjiInfo = {
      literal,
      // English meanings carry no m_lang attribute.
      meanings: all(block, /<meaning>([^<]+)<\/meaning>/g),
      on: all(block, /<reading r_type="ja_on">([^<]+)<\/reading>/g),
      kun: all(block, /<reading r_type="ja_kun">([^<]+)<\/reading>/g),
      strokes: first(block, /<stroke_count>(\d+)<\/stroke_count>/) ?? 0,
    };
    if (grade !== undefined) info.grade = grade;
    if (freq !== undefined) info.freq = freq;
    out.push(info);
  }
  return out;
}

type Row = [literal: string, strokes: number, grade: number, freq: number, on: string, kun: string, meanings: string];

/** One compact JSON line: a row per kanji, lists joined with a separator no reading or meaning holds. */
export function serializeKanji(list: readonly KanjiInfo[]): string {
  const rows: Row[] = list.map((k) => [
    k.literal,
    k.strokes,
    k.grade ?? 0,
    k.freq ?? 0,
    k.on.join('\t'),
    k.kun.join('\t'),
    k.meanings.join('\t'),
  ]);
  return JSON.stringify({ v: FORMAT_VERSION, k: rows });
}

export interface KanjiIndex {
  get(literal: string): KanjiInfo | undefined;
  /** Only the school grade and the newspaper rank, without building the whole record: reading mode asks per word. */
  grading(literal: string): Pick<KanjiInfo, 'grade' | 'freq'> | undefined;
  readonly size: number;
}

const split = (s: string) => (s ? s.split('\t') : []);

export function openKanji(json: string): KanjiIndex {
  const parsed = JSON.parse(json) as { v: number; k: Row[] };
  if (parsed.v !== FORMAT_VERSION) throw new Error(`kanji.json: format ${parsed.v}, expected ${FORMAT_VERSION}`);
  const byLiteral = new Map(parsed.k.map((row) => [row[0], row]));
  return {
    size: byLiteral.size,
    get(literal) {
      const row = byLiteral.get(literal);
      if (!row) return undefined;
      const [, strokes, grade, freq, on, kun, meanings] = row;
      const info: KanjiInfo = { literal, meanings: split(meanings), on: split(on), kun: split(kun), strokes };
      if (grade) info.grade = grade;
      if (freq) info.freq = freq;
      return info;
    },
    grading(literal) {
      const row = byLiteral.get(literal);
      return row && { grade: row[2] || undefined, freq: row[3] || undefined };
    },
  };
}

/** Most kanji described for one hover: a longer match is a term or phrase, whose kanji are not the point. */
export const MAX_KANJI = 4;

/** The distinct kanji of `text` the index knows, in order; none when there are more than MAX_KANJI. */
export function kanjiOf(text: string, index: KanjiIndex): KanjiInfo[] {
  const seen = [...new Set(Array.from(text).filter((ch) => index.get(ch) !== undefined))];
  if (seen.length > MAX_KANJI) return [];
  return seen.map((ch) => index.get(ch)!);
}
