/** Candidates from the curated glossary: the term under the pointer and terms crossing it, as cards. */
import type { GlossaryVariant } from '../../glossary/entry';
import type { GlossaryHit } from '../../glossary/match';
import type { GlossaryLookupEntry } from '../../types';
import { hasKanji, isKanjiWord } from '../../text/chars';
import { deinflect } from '../../dict/deinflect';

/** Glossary cards shown for one hover: the best term and terms crossing it (日米|首脳会談 read two ways). */
const MAX_CARDS = 3;

/**
 * The alias the text wrote, when it is a name of its own (新START, 日銀, 経団連): shown as written, with its own
 * reading; a phrase's variant in other words too, in its dictionary form (全力で取り組む of 全力を尽くす). Not a longer
 * form holding the term in another script (ウォロディミル・ゼレンスキー), not the term with its abbreviation in
 * brackets (新戦略兵器削減条約(新START)).
 */
export function aliasAsWritten(hit: GlossaryHit): GlossaryVariant | null {
  const e = hit.entry;
  // A phrase's variant in other words (極めて遺憾 of 強い遺憾; 全力で取り組んでいる of 全力を尽くす, conjugated) is
  // what the text says: shown in its own dictionary form, with its own reading.
  if (hit.form === e.term || (e.category === 'phrase' && !hasKanji(hit.form))) return null;
  // Not when the term is that variant conjugated (を巡り of を巡る): the term is the form news writes.
  if (hit.inflection && deinflect(e.term).some((d) => d.word === hit.form)) return null;
  const variant = e.variants?.find((v) => v.text === hit.form);
  if (
    !variant ||
    /[(（]/.test(variant.text) ||
    (variant.text.includes(e.term) && !kanjiAffixed(variant.text, e.term))
  ) {
    return null;
  }
  // Nor a conjugation listed with the particle before it (と述べた of 述べる).
  if (e.category === 'phrase' && deinflect(variant.text).some((d) => d.word.endsWith(e.term))) return null;
  return variant;
}

/**
 * The term with kanji before or after it (米国防総省, 史上最高値, 固体燃料式) is a word of its own, read as a whole: a
 * reader who sees 米国防総省 wants べいこくぼうそうしょう, not the shorter term's reading.
 */
function kanjiAffixed(text: string, term: string): boolean {
  if (text.startsWith(term)) return isKanjiWord(text.slice(term.length));
  if (text.endsWith(term)) return isKanjiWord(text.slice(0, -term.length));
  return false;
}

/** The best hit, and hits that are not just part of it (戦略兵器削減条約 inside 新戦略兵器削減条約 is not shown). */
export function chooseCards(hits: readonly GlossaryHit[]): GlossaryHit[] {
  const [best, ...rest] = hits;
  if (!best) return [];
  const crossing = rest.filter((h) => h.start < best.start || h.end > best.end);
  return [best, ...crossing].slice(0, MAX_CARDS);
}

export function glossaryCard(hit: GlossaryHit): GlossaryLookupEntry {
  const e = hit.entry;
  const alias = aliasAsWritten(hit);
  const card: GlossaryLookupEntry = {
    source: 'glossary',
    headword: alias?.text ?? e.term,
    reading: alias?.reading ?? e.reading,
    senses: [{ pos: [], glosses: [...e.en] }],
    matchLength: hit.end - hit.start,
    category: e.category,
  };
  if (alias) card.standsFor = { term: e.term, reading: e.reading };
  if (hit.inflection) card.inflection = [...hit.inflection];
  if (e.note) card.note = e.note;
  if (e.variants?.length) card.aliases = e.variants.map((v) => v.text);
  if (e.related?.length) card.related = [...e.related];
  return card;
}
