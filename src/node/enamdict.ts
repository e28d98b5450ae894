/**
 * ENAMDICT (the EDRDG's names dictionary) → names entries for the hover's "Names" section, trimmed to what a news
 * reader meets. The full file has 740,000 lines (26 MB): mostly Japanese given names with many readings each and
 * minor place names, which a hover could only guess between. Kept:
 *   - foreign names, places and organisations written in katakana or Latin letters (≥ 2 characters): the names a
 *     learner cannot read and EDICT does not have (ナワリヌイ, ペスコフ);
 *   - companies (c), organisations (o) and products (pr);
 *   - surnames of two or three characters (longer ones when also a place), at most three readings each, those
 *     ENAMDICT also lists as a place first (岸田 きしだ before きした);
 *   - full names of people born since 1920 (ENAMDICT gives the birth date of notable people);
 *   - places whose name says what they are: prefectures, cities, wards, towns, villages, districts (…県 …市 …町),
 *     islands, bays, lakes, peninsulas, straits, states and countries.
 * Dropped: given names alone (g, f, m), unclassified kanji names (u), stations (st), works (wk), other places.
 * Decoding EUC-JP is the caller's job.
 */
import type { Form, Sense, WordEntry } from '../core/types';

/** ENAMDICT's name types, spelled as the JMnedict tags the popup has labels for. */
const NAME_TAGS: Readonly<Record<string, string>> = {
  s: 'surname',
  p: 'place',
  u: 'unclass',
  g: 'given',
  f: 'fem',
  m: 'male',
  h: 'person',
  pr: 'product',
  c: 'company',
  o: 'organization',
  st: 'station',
  wk: 'work',
  dei: 'myth',
  ev: 'ev',
  fict: 'fict',
  obj: 'obj',
  oth: 'oth',
  serv: 'serv',
  leg: 'leg',
  group: 'group',
  char: 'char',
  creat: 'creat',
  doc: 'doc',
  relig: 'relig',
};

interface NameLine {
  /** Spelling as written: kanji, or katakana/Latin when the line has no reading. */
  head: string;
  /** Hiragana/katakana reading; null when the head is itself kana. */
  reading: string | null;
  /** ENAMDICT codes of all senses (s, p, h …). */
  types: Set<string>;
  senses: Sense[];
}

const LINE = /^(\S+)(?: \[([^\]]*)\])? \/(.*)\/\s*$/;
const TYPE_GROUP = /^\(([a-z]+(?:,[a-z]+)*)\)\s*/;

export function parseEnamdictLine(line: string): NameLine | null {
  const m = LINE.exec(line);
  if (!m || line.startsWith('\u3000')) return null;
  const [, head, reading, body] = m;
  const types = new Set<string>();
  const senses: Sense[] = [];
  for (const field of body!.split('/')) {
    if (!field) continue;
    const group = TYPE_GROUP.exec(field);
    let gloss = field;
    if (group && group[1]!.split(',').every((c) => c in NAME_TAGS)) {
      const codes = group[1]!.split(',');
      codes.forEach((c) => types.add(c));
      senses.push({ pos: [], glosses: [], tags: codes.map((c) => NAME_TAGS[c]!) });
      gloss = field.slice(group[0].length);
    } else if (senses.length === 0) {
      senses.push({ pos: [], glosses: [] });
    }
    if (gloss.trim()) senses[senses.length - 1]!.glosses.push(gloss.trim());
  }
  return { head: head!, reading: reading ?? null, types, senses: senses.filter((s) => s.glosses.length > 0) };
}

const KANJI = /[\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]|[\ud840-\ud87f][\udc00-\udfff]/;
const HIRAGANA = /[\u3041-\u3096]/;
// Not 町: most of ENAMDICT's 28,000 …町 are neighbourhoods, not towns.
const PLACE_SUFFIX = /(都|道|府|県|市|区|村|郡|島|湾|湖|半島|海峡|州|国)$/;
/** People of the last century and this one: the ones news writes about. */
const MIN_BIRTH_YEAR = 1920;
const BIRTH_YEAR = /\((\d{4})[.\d]*-/;
const WHOLE_NAME_TYPES = ['c', 'o', 'pr'];
/** ENAMDICT does not say which reading is usual (長谷川 lists はせかわ before はせがわ): keep a few, the hover ranks them by kuromoji's reading. */
const MAX_SURNAME_READINGS = 3;

function length(text: string): number {
  return [...text].length;
}

/** Why a line is kept, or null; surnames are capped per spelling afterwards. */
function keepReason(line: NameLine): 'foreign' | 'whole' | 'surname' | 'place' | null {
  const useful = [...line.types].filter((t) => t !== 'st' && t !== 'wk' && t !== 'dei');
  if (useful.length === 0 || line.senses.length === 0) return null;
  const written = !KANJI.test(line.head) && !HIRAGANA.test(line.head);
  if (written) return length(line.head) >= 2 ? 'foreign' : null;
  if (line.types.has('h')) return bornSince(line, MIN_BIRTH_YEAR) ? 'whole' : null;
  if (WHOLE_NAME_TYPES.some((t) => line.types.has(t))) return 'whole';
  const chars = length(line.head);
  if (chars < 2) return null;
  // Longer surnames are mostly rare; those ENAMDICT also knows as places are the common ones.
  if (line.types.has('s') && (chars <= 3 || line.types.size > 1)) return 'surname';
  if (line.types.has('p') && PLACE_SUFFIX.test(line.head)) return 'place';
  return null;
}

function bornSince(line: NameLine, year: number): boolean {
  return line.senses.some((s) => s.glosses.some((g) => Number(BIRTH_YEAR.exec(g)?.[1] ?? 0) >= year));
}

function toEntry(line: NameLine, id: number): WordEntry {
  const kanji: Form[] = line.reading === null ? [] : [{ text: line.head }];
  const kana: Form[] = [{ text: line.reading ?? line.head }];
  return { id, kanji, kana, senses: line.senses };
}

interface NamesTrimReport {
  lines: number;
  kept: Record<'foreign' | 'whole' | 'surname' | 'place', number>;
}

/** Parses a whole decoded ENAMDICT file into the kept names entries, ids 0..n-1. */
export function parseEnamdictEntries(text: string, report?: NamesTrimReport): WordEntry[] {
  const byHead = new Map<string, { line: NameLine; order: number; reason: string }[]>();
  let lines = 0;
  let order = 0;
  const kept = { foreign: 0, whole: 0, surname: 0, place: 0 };
  for (const raw of text.split('\n')) {
    const line = parseEnamdictLine(raw.replace(/\r$/, ''));
    if (!line) continue;
    lines++;
    const reason = keepReason(line);
    if (!reason) continue;
    let group = byHead.get(line.head);
    if (!group) byHead.set(line.head, (group = []));
    group.push({ line, order: order++, reason });
  }
  const entries: WordEntry[] = [];
  for (const group of byHead.values()) {
    // More name types on one reading (place and surname) is the best hint ENAMDICT gives of the usual reading.
    group.sort((a, b) => b.line.types.size - a.line.types.size || a.order - b.order);
    let surnames = 0;
    for (const { line, reason } of group) {
      if (reason === 'surname' && ++surnames > MAX_SURNAME_READINGS) continue;
      kept[reason as keyof typeof kept]++;
      entries.push(toEntry(line, entries.length));
    }
  }
  if (report) {
    report.lines = lines;
    report.kept = kept;
  }
  return entries;
}
