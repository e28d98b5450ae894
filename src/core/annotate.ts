/**
 * What reading mode needs to know about a text, in one pass over its tokens: the furigana of every kanji word and
 * whether the dictionary marks it common, the glossary terms written in it, the content words the dictionary knows
 * but does not mark common, and how many words it has.
 */
import { SENTENCE_WITH_END } from './text/sentence';
import { toHiragana } from './text/kana';
import { readingsOf } from './dict/readings';
import type { WordIndex } from './dict/word-index';
import { furiganaWords, hasKanjiRun, tokenReading, type TermReading } from './furigana';
import type { GlossaryIndex } from './glossary/match';
import { aliasAsWritten } from './lookup/candidates/glossary';
import { normalize, normalizeKey } from './glossary/normalize';
import { isChanceTerm } from './text/word-boundaries';
import type { Annotation, TermSpan, UncommonWord } from './reading-types';
import type { Token, WordEntry } from './types';
import type { KanjiIndex } from './kanji/kanjidic';

interface AnnotateDeps {
  words: WordIndex;
  glossary?: GlossaryIndex;
  /** KANJIDIC2: how hard a word's kanji are (school grade, newspaper rank), to rank the words to learn. */
  kanji?: KanjiIndex;
}

/**
 * How advanced a word is for a learner, 1–10: its hardest kanji (school grades 1–6; 7 the other jōyō kanji, 8 the
 * jinmeiyō ones, 9 any other), a step up for a kanji beyond the 1,500 most frequent in newspapers, and two for a word
 * EDICT does not mark common.
 */
export function wordLevel(word: string, common: boolean, kanji: KanjiIndex | undefined): number {
  let level = 0;
  for (const ch of word) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    const k = kanji?.grading(ch);
    const grade = k?.grade === undefined ? 9 : k.grade <= 6 ? k.grade : k.grade === 8 ? 7 : 8;
    level = Math.max(level, grade + ((k?.freq ?? 2501) > 1500 ? 1 : 0));
  }
  return Math.min(10, level + (common ? 0 : 2));
}

/** Common words whose kanji are this advanced are listed to learn too (so the list is never empty on real news). */
const LEARN_COMMON_FROM = 5;

interface TermScan {
  /** First two characters (normalised) of every term and variant, and the one-character terms. */
  heads: Set<string>;
}

const scans = new WeakMap<GlossaryIndex, TermScan>();

function termScan(glossary: GlossaryIndex): TermScan {
  let scan = scans.get(glossary);
  if (!scan) {
    scan = { heads: new Set() };
    for (const e of glossary.entries) {
      for (const form of [e.term, ...(e.variants ?? []).map((v) => v.text)]) {
        const key = normalizeKey(form);
        if (!key) continue;
        for (const k of [key, withoutParentheticals(key)]) scan.heads.add(head(k));
      }
    }
    scans.set(glossary, scan);
  }
  return scan;
}

const withoutParentheticals = (key: string) => key.replace(/\([^()]*\)/g, '');

/** The first two code points of a normalised key: where a term can start is where the text starts like one. */
function head(key: string): string {
  const first = String.fromCodePoint(key.codePointAt(0)!);
  const second = key.length > first.length ? String.fromCodePoint(key.codePointAt(first.length)!) : '';
  return first + second;
}

/**
 * Glossary terms in the text, longest first at each place, left to right, not overlapping. Each sentence is
 * normalised once, and the matcher is asked only where a term can start. A term spelled by chance across kuromoji's
 * words (国政 of 全国|政党, ドバイ of アドバイザー) is passed over as the hover passes it over: reading mode must not
 * tint a term the popup does not show there, and a real term may start inside it (政党).
 */
function findTerms(
  text: string,
  tokens: readonly Token[],
  glossary: GlossaryIndex,
): { span: TermSpan; exact: boolean }[] {
  const { heads } = termScan(glossary);
  const found: { span: TermSpan; exact: boolean }[] = [];
  for (const m of text.matchAll(SENTENCE_WITH_END)) {
    const sentence = m[0];
    const n = normalize(sentence);
    const t = n.text;
    for (let p = 0; p < t.length;) {
      // A unit that goes on from its source character (a surrogate's second half, 々 written out) starts nothing.
      const startsNothing = p > 0 && n.starts[p] === n.starts[p - 1];
      const first = startsNothing ? '' : head(t.slice(p, p + 4));
      // One-character terms (with a context rule) and a parenthetical right after the first character are rare:
      // the matcher decides those.
      if (startsNothing || (!heads.has(first) && !heads.has(first.slice(0, 1)) && t[p + 1] !== '(')) {
        p++;
        continue;
      }
      const hit = glossary
        .matchFrom(sentence, n, p)
        .find((h) => !isChanceTerm(text, tokens, m.index + h.start, m.index + h.end));
      if (!hit) {
        p++;
        continue;
      }
      const form = sentence.slice(hit.start, hit.end);
      const e = hit.entry;
      const start = m.index + hit.start;
      const alias = aliasAsWritten(hit);
      found.push({
        span: {
          start,
          end: start + form.length,
          term: e.term,
          form,
          reading: e.reading,
          en: e.en[0] ?? '',
          category: e.category,
          ...(alias && { alias: { text: alias.text, reading: alias.reading } }),
        },
        // The glossary's reading is the headword's: it fits the text only where the text writes the headword
        // (領空開放(オープンスカイ)条約 does, 新START does not).
        exact: withoutParentheticals(normalizeKey(form)) === withoutParentheticals(normalizeKey(e.term)),
      });
      while (p < t.length && n.starts[p]! < hit.end) p++;
    }
  }
  return found;
}

/** Entries that write `spelling` (kanji or kana) exactly. */
function entriesWriting(words: WordIndex, spelling: string): WordEntry[] {
  return words.lookup(spelling).filter((e) => [...e.kanji, ...e.kana].some((f) => f.text === spelling));
}

/**
 * The entry the token is, when the dictionary has one: its spelling, and (for a word not inflected) a reading that
 * agrees with kuromoji's, so that 米 read べい is not the common word 米 read こめ.
 */
function entryOf(words: WordIndex, token: Token): { entry: WordEntry; reading: string } | null {
  const base = token.baseForm;
  const entries = entriesWriting(words, base);
  if (entries.length === 0) return null;
  const heard = token.surface === base ? tokenReading(token) : null;
  for (const entry of entries) {
    const readings = readingsOf(entry, base);
    const kana = heard && hasKanjiRun(base) ? readings.find((k) => toHiragana(k.text) === heard) : readings[0];
    if (kana) return { entry, reading: toHiragana(kana.text) };
  }
  return null;
}

function isCommonEntry(entry: WordEntry, spelling: string): boolean {
  return [...entry.kanji, ...entry.kana].some((f) => f.text === spelling && f.common === true);
}

/** Parts of speech a learner studies: not numbers, pronouns, suffixes, names or grammar words. */
function isContentWord(t: Token): boolean {
  switch (t.pos) {
    case '名詞':
      return !['数', '代名詞', '非自立', '接尾', '固有名詞', '特殊'].includes(t.posDetail);
    case '動詞':
    case '形容詞':
      return t.posDetail === '自立';
    case '副詞':
      return true;
    default:
      return false;
  }
}

const WORDLIKE = /[\p{L}\p{N}]/u;

export function annotateText(text: string, tokens: readonly Token[], deps: AnnotateDeps): Annotation {
  const found = deps.glossary ? findTerms(text, tokens, deps.glossary) : [];
  const terms = found.map((f) => f.span);
  const termReadings: TermReading[] = found.map(({ span, exact }, index) => ({
    start: span.start,
    end: span.end,
    reading: exact ? span.reading : null,
    base: span.term,
    common: entriesWriting(deps.words, span.term).some((e) => isCommonEntry(e, span.term)),
    index,
  }));

  const entryCache = new Map<Token, ReturnType<typeof entryOf>>();
  const entry = (t: Token) => {
    if (!entryCache.has(t)) entryCache.set(t, entryOf(deps.words, t));
    return entryCache.get(t)!;
  };
  const words = furiganaWords(text, tokens, {
    terms: termReadings,
    isCommon: (t) => {
      const e = entry(t);
      return !!e && isCommonEntry(e.entry, t.baseForm);
    },
    fallbackReading: (t) => {
      if (t.surface !== t.baseForm) return null;
      const e = entry(t);
      return e && e.reading !== t.surface ? e.reading : null;
    },
  });

  const uncommon: UncommonWord[] = [];
  let wordCount = 0;
  let k = 0;
  for (const t of tokens) {
    if (WORDLIKE.test(t.surface)) wordCount++;
    while (k < terms.length && terms[k]!.end <= t.start) k++;
    // A word inside a glossary term is listed as the term.
    if (k < terms.length && terms[k]!.start < t.start + t.surface.length) continue;
    if (!isContentWord(t)) continue;
    const e = entry(t);
    if (!e) continue;
    const common = isCommonEntry(e.entry, t.baseForm);
    const level = wordLevel(t.baseForm, common, deps.kanji);
    if (common && (level < LEARN_COMMON_FROM || !deps.kanji)) continue;
    uncommon.push({
      start: t.start,
      end: t.start + t.surface.length,
      base: t.baseForm,
      reading: e.reading,
      gloss: e.entry.senses[0]?.glosses[0] ?? '',
      level,
      common,
    });
  }
  return { words, terms, uncommon, wordCount };
}
