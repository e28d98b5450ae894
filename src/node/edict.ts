/**
 * EDICT parser. EDICT writes one line per spelling/reading pair, so a word with two spellings appears on two lines
 * with the same senses; `groupEdictLines` folds those back into one WordEntry. Decoding EUC-JP is the caller's job.
 * Also reads the EDICT2 variants of a headword (`A;B [a;b]`, inline `漢字(iK)`, `かな(P)`).
 */
import type { Form, Sense, WordEntry } from '../core/types';
import { DIALECT_CODES, KANA_FORM_TAGS, KANJI_FORM_TAGS, POS_CODES, isSenseTag } from '../core/dict/edict-tags';

/** One source line, before grouping. */
export interface EdictLine {
  kanji: Form[];
  kana: Form[];
  senses: Sense[];
}

const HEADER_PREFIX = '\u3000？？？ ';
const COMMON_MARK = '(P)';
const LEADING_PAREN = /^\(([^()]*)\)\s*/;
const SENSE_NUMBER = /^\d+$/;
const ENTRY_SEQUENCE = /^EntL\d+X?$/;

type CodeKind = 'number' | 'pos' | 'formKanji' | 'formKana' | 'sense' | null;

function classifyCode(content: string): { kind: CodeKind; codes: string[] } {
  if (SENSE_NUMBER.test(content)) return { kind: 'number', codes: [content] };
  const codes = content.split(',');
  if (codes.every((c) => POS_CODES.has(c))) return { kind: 'pos', codes };
  if (codes.every((c) => KANJI_FORM_TAGS.has(c))) return { kind: 'formKanji', codes };
  if (codes.every((c) => KANA_FORM_TAGS.has(c))) return { kind: 'formKana', codes };
  const senseCodes = codes.map((c) => (c.endsWith(':') && DIALECT_CODES.has(c.slice(0, -1)) ? c.slice(0, -1) : c));
  if (senseCodes.every((c) => isSenseTag(c) || DIALECT_CODES.has(c))) return { kind: 'sense', codes: senseCodes };
  return { kind: null, codes };
}

function addTags(form: Form, tags: readonly string[]): void {
  for (const tag of tags) {
    if (tag === 'P') {
      form.common = true;
      continue;
    }
    form.tags ??= [];
    if (!form.tags.includes(tag)) form.tags.push(tag);
  }
}

/** `漢字(iK)`, `かな(P)`, `かな(漢字)`: trailing groups of codes; a group of kanji is an EDICT2 restriction, dropped. */
function parseHeadForms(field: string): Form[] {
  return field
    .split(';')
    .filter((part) => part.length > 0)
    .map((part) => {
      let text = part;
      const tags: string[] = [];
      for (let m = /\(([^()]*)\)$/.exec(text); m && m.index > 0; m = /\(([^()]*)\)$/.exec(text)) {
        const codes = m[1]!.split(',');
        if (codes.every((c) => c === 'P' || KANJI_FORM_TAGS.has(c) || KANA_FORM_TAGS.has(c))) tags.unshift(...codes);
        text = text.slice(0, m.index);
      }
      const form: Form = { text };
      addTags(form, tags);
      return form;
    });
}

/** Parses one EDICT line; returns null for the header and for anything that is not a dictionary line. */
export function parseEdictLine(line: string): EdictLine | null {
  if (line.startsWith(HEADER_PREFIX)) return null;
  const split = line.indexOf(' /');
  if (split <= 0) return null;
  const head = line.slice(0, split);
  const bracket = head.indexOf(' [');
  const kanji = bracket > 0 ? parseHeadForms(head.slice(0, bracket)) : [];
  const kana = bracket > 0 ? parseHeadForms(head.slice(bracket + 2, head.endsWith(']') ? -1 : undefined)) : [];
  if (bracket <= 0) kana.push(...parseHeadForms(head));

  const parts = line.slice(split + 2).split('/');
  let lineCommon = false;
  const senses: Sense[] = [];
  let current: Sense | null = null;
  let lastPos: string[] = [];
  const kanjiTags: string[] = [];
  const kanaTags: string[] = [];

  for (const raw of parts) {
    if (raw === '') continue;
    if (raw === COMMON_MARK) {
      lineCommon = true;
      continue;
    }
    if (ENTRY_SEQUENCE.test(raw)) continue;
    let text = raw;
    let pos: string[] | null = null;
    let startsSense = false;
    const senseTags: string[] = [];
    for (let m = LEADING_PAREN.exec(text); m; m = LEADING_PAREN.exec(text)) {
      const { kind, codes } = classifyCode(m[1]!);
      if (kind === null) break;
      if (kind === 'number') startsSense = true;
      else if (kind === 'pos') pos = codes;
      else if (kind === 'formKanji') kanjiTags.push(...codes);
      else if (kind === 'formKana') kanaTags.push(...codes);
      else senseTags.push(...codes);
      text = text.slice(m[0].length);
    }
    if (current === null || ((startsSense || pos !== null) && current.glosses.length > 0)) {
      if (pos !== null) lastPos = pos;
      current = { pos: [...lastPos], glosses: [] };
      senses.push(current);
    } else if (pos !== null) {
      // Codes before the first gloss of a sense, split over several "/" fields.
      lastPos = pos;
      current.pos = [...pos];
    }
    if (senseTags.length > 0) {
      current.tags ??= [];
      for (const tag of senseTags) if (!current.tags.includes(tag)) current.tags.push(tag);
    }
    if (text.length > 0) current.glosses.push(text.trimEnd());
  }

  const inlineCommon = [...kanji, ...kana].some((f) => f.common);
  for (const form of kanji) {
    addTags(form, kanjiTags);
    if (lineCommon && !inlineCommon) form.common = true;
  }
  for (const form of kana) {
    addTags(form, kanji.length > 0 ? kanaTags : [...kanaTags, ...kanjiTags]);
    if (lineCommon && !inlineCommon) form.common = true;
  }
  return { kanji, kana, senses: senses.filter((s) => s.glosses.length > 0) };
}

/** Parses a whole decoded EDICT file, skipping the header line and blank lines. */
export function parseEdict(text: string): EdictLine[] {
  const lines: EdictLine[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    const parsed = parseEdictLine(line);
    if (parsed) lines.push(parsed);
  }
  return lines;
}

/** Separators that EDICT text never holds, so different senses never produce the same key. */
function sensesKey(senses: readonly Sense[]): string {
  let key = '';
  for (const s of senses)
    key += `${s.pos.join(',')}\u0001${(s.tags ?? []).join(',')}\u0001${s.glosses.join('\u0002')}\u0003`;
  return key;
}

function mergeForm(into: Map<string, Form>, form: Form): void {
  const existing = into.get(form.text);
  if (!existing) {
    into.set(form.text, { text: form.text, ...(form.common ? { common: true } : {}), ...tagsOf(form) });
    return;
  }
  if (form.common) existing.common = true;
  addTags(existing, form.tags ?? []);
}

function tagsOf(form: Form): { tags?: string[] } {
  return form.tags && form.tags.length > 0 ? { tags: [...form.tags] } : {};
}

/** Common spellings first, then plain ones, then irregular/rare ones; otherwise source order. */
function rankForms(forms: Iterable<Form>): Form[] {
  const rank = (f: Form) => (f.common ? 0 : f.tags && f.tags.length > 0 ? 2 : 1);
  return [...forms]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Folds lines that are spellings of one word into one entry: same senses (form tags and (P) are per form, so they do
 * not count) and a shared reading, or a shared spelling. Entry ids follow the order of each word's first line.
 */
export function groupEdictLines(lines: readonly EdictLine[]): WordEntry[] {
  const parent = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // senses → (prefixed spelling → first line with both); the prefix keeps kanji and kana spellings apart.
  const firstLineWith = new Map<string, Map<string, number>>();
  lines.forEach((line, i) => {
    const key = sensesKey(line.senses);
    let byForm = firstLineWith.get(key);
    if (!byForm) firstLineWith.set(key, (byForm = new Map()));
    for (const form of line.kanji) {
      const first = byForm.get(`j${form.text}`);
      if (first === undefined) byForm.set(`j${form.text}`, i);
      else union(first, i);
    }
    for (const form of line.kana) {
      const first = byForm.get(`k${form.text}`);
      if (first === undefined) byForm.set(`k${form.text}`, i);
      else union(first, i);
    }
  });

  interface Group {
    kanji: Map<string, Form>;
    kana: Map<string, Form>;
    /** Reading → the spellings it was written with on the same line. */
    pairs: Map<string, Set<string>>;
    senses: Sense[];
  }
  const groups = new Map<number, Group>();
  lines.forEach((line, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) {
      group = { kanji: new Map(), kana: new Map(), pairs: new Map(), senses: line.senses };
      groups.set(root, group);
    }
    for (const form of line.kanji) mergeForm(group.kanji, form);
    for (const form of line.kana) {
      mergeForm(group.kana, form);
      let with_ = group.pairs.get(form.text);
      if (!with_) group.pairs.set(form.text, (with_ = new Set()));
      for (const k of line.kanji) with_.add(k.text);
    }
  });

  const entries: WordEntry[] = [];
  for (const group of groups.values()) {
    const kanji = rankForms(group.kanji.values());
    const kana = rankForms(group.kana.values());
    // EDICT writes one line per spelling and reading: a reading never written with some spelling does not read it.
    for (const form of kana) {
      const with_ = group.pairs.get(form.text)!;
      if (with_.size > 0 && with_.size < kanji.length) form.only = kanji.map((k) => k.text).filter((t) => with_.has(t));
    }
    entries.push({ id: entries.length, kanji, kana, senses: group.senses });
  }
  return entries;
}

/** Decoded EDICT text → grouped entries. */
export function parseEdictEntries(text: string): WordEntry[] {
  return groupEdictLines(parseEdict(text));
}
