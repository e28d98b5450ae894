/**
 * Answers news writes as one word and no data lists whole, composed from a listed part: a country abbreviation
 * before an institution (米国防総省, 比沿岸警備隊: the institution, with its country, wherever the pointer is after
 * the prefix, and on a one-kanji prefix that would otherwise pair with the next kanji: 米国 of 米+国防総省), and a
 * suffix after a glossary term (税制改正案: a draft tax reform, ぜいせいかいせいあん), and a prefix of time before a
 * glossary term (旧安倍派: the former Abe faction).
 */
import type { GlossaryEntry } from '../glossary/entry';
import type { GlossaryIndex } from '../glossary/match';
import type { GlossaryLookupEntry, LookupEntry, LookupResult, NameLookupEntry, Token, WordLookupEntry } from '../types';
import {
  affixGloss,
  CHAMBER_PREFIXES,
  COUNTRY_PREFIXES,
  SHORTENED_FINALS,
  STATUS_PREFIXES,
  TERM_SUFFIXES,
  type Affix,
} from './candidates/affix-tables';
import { glossaryCard } from './candidates/glossary';
import { splitsKatakanaToken } from './context';
import { isJapaneseLetterCode } from '../text/chars';

const INSTITUTION =
  /\b(ministry|ministries|department|agency|guard|forces?|army|navy|air force|marines|military|police|office|bureau|commission|council|government|embassy|parliament|congress|senate|cabinet|court|bank|news agency|state media|news|administration|authorit(y|ies)|command|headquarters|plenary|intelligence|prosecutors?|customs|institute|committee|secretariat|president|prime minister|minister|spokes\w*)\b/i;

/** The longest institution name searched back over for its country prefix. */
const MAX_INSTITUTION = 10;

/** What names the body after it: a country (米国防総省) or a house of a parliament (衆院予算委員会). */
const BODY_PREFIXES: Readonly<Record<string, Affix>> = { ...COUNTRY_PREFIXES, ...CHAMBER_PREFIXES };

const PREFIX_LENGTHS = [...new Set(Object.keys(BODY_PREFIXES).map((p) => p.length))].sort((a, b) => b - a);

function isInstitution(e: LookupEntry): boolean {
  if (e.source === 'names') return false;
  if (e.source === 'glossary') {
    // A sitting is named after its house too (衆院本会議), though the glossary files it as an event.
    const sitting = e.category === 'event' && e.senses.some((s) => s.glosses.some((g) => /\bplenary\b/.test(g)));
    if (!sitting && !['organization', 'office', 'military', 'media', 'party'].includes(e.category)) return false;
  }
  return e.senses.some((s) => s.glosses.some((g) => INSTITUTION.test(g)));
}

/**
 * What a country abbreviation kuromoji reads as a country (英|シェル, 米|アップル) names after it besides an
 * institution: a company or an organization, by the glossary's card or ENAMDICT's mark (米アップル is Apple, not
 * "US + apple"). Only at a word's end as kuromoji cuts the text, so that the name is the word written there.
 */
function namedBody(
  result: LookupResult,
  from: number,
  tokens: readonly Token[] | undefined,
  namesFrom: ((from: number) => readonly NameLookupEntry[]) | undefined,
): LookupEntry | undefined {
  const end = result.start + (result.entries[0]?.matchLength ?? 0);
  const prefix = tokens?.find((t) => t.start + t.surface.length === from);
  if (!prefix || prefix.posDetail3 !== '国' || !tokens!.some((t) => t.start + t.surface.length === end)) {
    return undefined;
  }
  const length = end - result.start;
  const card = result.entries.find(
    (e) => e.source === 'glossary' && e.matchLength === length && ['organization', 'media'].includes(e.category),
  );
  // The answer may have left out a company whose name is a word's gloss (Apple, "apple").
  return (
    card ??
    namesFrom?.(result.start).find(
      (n) =>
        n.matchLength === length && n.senses.some((s) => s.tags?.some((t) => t === 'company' || t === 'organization')),
    )
  );
}

function withAffix(
  e: LookupEntry,
  headword: string,
  reading: string,
  gloss: (g: string) => string,
  length: number,
  /** Say what the whole is made from (税制改正案: 税制改正); a country needs no such line (米大使館). */
  sayBase: boolean,
) {
  const senses = [{ pos: [] as string[], glosses: [gloss(e.senses[0]?.glosses[0] ?? '')] }];
  if (e.source === 'glossary') {
    const card: GlossaryLookupEntry = { ...e, headword, reading, senses, matchLength: length };
    // An abbreviation keeps what it stands for (衆院|憲法審: 憲法審査会); a country needs no such line (米大使館).
    if (sayBase) card.standsFor = { term: e.headword, reading: e.reading };
    else if (!e.standsFor) delete card.standsFor;
    return card;
  }
  const word: WordLookupEntry = {
    source: 'words',
    headword,
    reading,
    senses,
    inflection: null,
    common: false,
    matchLength: length,
    parts: e.source === 'words' && e.parts ? e.parts : [e.headword],
  };
  return word;
}

function countryGloss(affix: Affix, gloss: string): string {
  const country = affix.en.replace(' {}', '');
  // The glossary often says it already: "US Department of Defense".
  return gloss.includes(country) ? gloss : affixGloss(affix, gloss);
}

/**
 * The institution after a country prefix (or the body after a house of a parliament, 衆院|本会議), with the prefix. `lookupAt` answers the text from a position; the result
 * for the pointer is `result`.
 */
export function withCountryPrefix(
  text: string,
  at: number,
  result: LookupResult | null,
  lookupAt: (from: number) => LookupResult | null,
  tokens?: readonly Token[],
  /** ENAMDICT's names written from a position. */
  namesFrom?: (from: number) => readonly NameLookupEntry[],
): LookupResult | null {
  const compose = (from: number, after: LookupResult) => composeAt(text, from, after, tokens, namesFrom);
  // With the pointer on the prefix, the prefix's own word (英国 "the UK", 米 "USA") comes right after the whole,
  // before the institution's shorter words, which start right of the pointer (政 of 英国|政府); its likeliest
  // reading is enough (not 米 "rice" too).
  const prefixFirst = (composed: LookupResult | null, from: number) => {
    if (!composed || !result || result.start !== composed.start) return composed;
    const own = result.entries.filter((e) => e.source !== 'names' && e.matchLength <= from - result.start).slice(0, 1);
    const [whole, ...rest] = composed.entries;
    return { ...composed, entries: [whole!, ...own, ...rest.filter((e) => !own.includes(e))] };
  };
  // The pointer after the prefix, anywhere in the institution (岸 of 比沿岸警備隊): it starts where a prefix ends,
  // at the start of the answer or, with kuromoji's tokens, of a noun of the run of nouns holding the pointer.
  const starts = new Set(result ? [result.start] : []);
  for (const t of nounRunBefore(at, tokens)) starts.add(t.start);
  for (const from of [...starts].sort((x, y) => y - x)) {
    if (from <= 0 || !PREFIX_LENGTHS.some((n) => BODY_PREFIXES[text.slice(from - n, from)])) continue;
    const after = from === result?.start ? result : lookupAt(from);
    if (!after || after.start !== from || after.end <= at) continue;
    const composed = compose(from, after);
    if (composed) return composed;
  }
  // The pointer on a country written in full whose answer is the country alone (韓国 of 韓国大統領府).
  for (const length of PREFIX_LENGTHS) {
    if (length < 2 || !result || result.end - result.start !== length || result.start > at) continue;
    if (!BODY_PREFIXES[text.slice(result.start, result.end)] || !mayNameInstitution(text, result.end)) continue;
    const after = lookupAt(result.end);
    if (after && after.start === result.end) {
      const composed = prefixFirst(compose(result.end, after), result.end);
      if (composed) return composed;
    }
  }
  // The pointer on a one-kanji prefix whose answer runs into the institution after it (米国 of 米国防総省).
  const prefix = text[at];
  if (prefix && COUNTRY_PREFIXES[prefix] && (!result || result.start === at) && mayNameInstitution(text, at + 1)) {
    const after = lookupAt(at + 1);
    // A compound guessed from the prefix's other sense (比 "ratio" + 沿岸警備隊) gives way too.
    const guessed = result?.entries[0]?.source === 'words' && result.entries[0].parts?.[0] === prefix;
    if (
      after &&
      after.start === at + 1 &&
      (after.end > (result?.end ?? at + 1) || (guessed && after.end === result.end))
    ) {
      const composed = prefixFirst(compose(at + 1, after), at + 1);
      if (composed) return composed;
    }
  }
  return result;
}

/**
 * Whether an institution's name may start at `i`: never with kana of grammar or punctuation (ロシアに対し, 米の), so
 * the common case, a country followed by a particle, costs no second lookup.
 */
function mayNameInstitution(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return !Number.isNaN(c) && !(c >= 0x3041 && c <= 0x309f) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xff08;
}

/** The tokens of the run of nouns (and prefixes) that holds `at`, back to MAX_INSTITUTION characters before it. */
function nounRunBefore(at: number, tokens: readonly Token[] | undefined): Token[] {
  if (!tokens) return [];
  let i = tokens.findIndex((t) => t.start <= at && at < t.start + t.surface.length);
  const run: Token[] = [];
  for (; i >= 0 && at - tokens[i]!.start < MAX_INSTITUTION; i--) {
    const t = tokens[i]!;
    if (t.pos !== '名詞' && t.pos !== '接頭詞') break;
    run.push(t);
  }
  return run;
}

function composeAt(
  text: string,
  from: number,
  result: LookupResult,
  tokens: readonly Token[] | undefined,
  namesFrom: ((from: number) => readonly NameLookupEntry[]) | undefined,
): LookupResult | null {
  const head = result.entries[0];
  const first = head && isInstitution(head) ? head : namedBody(result, from, tokens, namesFrom);
  if (!first) return null;
  for (const length of PREFIX_LENGTHS) {
    const prefix = text.slice(from - length, from);
    const affix = prefix.length === length ? BODY_PREFIXES[prefix] : undefined;
    if (!affix) continue;
    const span = first.matchLength + length;
    const entry = withAffix(
      first,
      prefix + first.headword,
      affix.reading + first.reading,
      (g) => countryGloss(affix, g),
      span,
      false,
    );
    const start = from - length;
    const end = from + first.matchLength;
    return {
      ...result,
      start,
      end,
      match: text.slice(start, end),
      entries: [entry, ...result.entries.filter((e) => e !== first)],
    };
  }
  return null;
}

const SUFFIXES = Object.keys(TERM_SUFFIXES).sort((a, b) => b.length - a.length);
/** The suffixes a person's name takes in the news (トランプ政権 "the Trump administration", 石破陣営, トランプ関税). */
const PERSON_SUFFIXES: ReadonlySet<string> = new Set(['政権', '陣営', '側', '関税']);

/** A glossary term followed by a suffix it does not list (税制改正 + 案): the whole, read as one word. */
export function withTermSuffix(
  text: string,
  result: LookupResult | null,
  tokens?: readonly Token[],
): LookupResult | null {
  const card = result?.entries[0];
  if (
    !result ||
    card?.source !== 'glossary' ||
    card.category === 'phrase' ||
    card.inflection ||
    result.end - result.start !== card.matchLength
  ) {
    return result;
  }
  for (const suffix of SUFFIXES) {
    if (!text.startsWith(suffix, result.end)) continue;
    if (card.category === 'person' && !PERSON_SUFFIXES.has(suffix)) continue;
    const end = result.end + suffix.length;
    // The suffix must end where a word ends (案内 "guide" is no 案); without tokens, trust the table.
    if (tokens && !tokens.some((t) => t.start + t.surface.length === end)) continue;
    if (splitsKatakanaToken(text, end, tokens)) continue;
    const affix = TERM_SUFFIXES[suffix]!;
    const entry = withAffix(
      card,
      card.headword + suffix,
      card.reading + affix.reading,
      (g) => affixGloss(affix, g),
      end - result.start,
      true,
    );
    // The term it is made of comes second: the card may have taken in the dictionary's word for it (関税 of
    // 関税交渉), which would otherwise be lost with it.
    return { ...result, end, match: text.slice(result.start, end), entries: [entry, card, ...result.entries.slice(1)] };
  }
  return result;
}

/**
 * The pointer on a prefix of time before a glossary term (旧 of 旧安倍派, 元 of 元日銀総裁): the term with its prefix,
 * not the prefix alone nor a word it happens to begin (元日 "New Year's Day"). `lookupAt` answers from a position.
 */
export function withStatusPrefix(
  text: string,
  at: number,
  result: LookupResult | null,
  lookupAt: (from: number) => LookupResult | null,
  tokens?: readonly Token[],
): LookupResult | null {
  const prefix = text[at] ?? '';
  const affix = STATUS_PREFIXES[prefix];
  if (!affix) return result;
  // kuromoji's word there must be the prefix alone: 元日 of 元日に is New Year's Day, 新た of 新たな a word.
  if (tokens && !tokens.some((t) => t.start === at && t.surface === prefix)) return result;
  const first = result?.entries[0];
  // A term the glossary lists with its prefix (旧統一教会) is as the glossary writes it; a name that runs from the
  // prefix into the word after it (前司 of 前|司法相) is a chance spelling.
  if (!result || !first || first.source === 'glossary') return result;
  const after = lookupAt(at + 1);
  const card = after?.entries[0];
  if (!after || after.start !== at + 1 || card?.source !== 'glossary') return result;
  // A phrase or a person takes no such prefix (前 of 前向き, 新 of 新浪).
  if (card.category === 'phrase' || card.category === 'person') return result;
  // A word EDICT has whole (元首相) reaches as far: it stays; a guess composed from words (元日銀) gives way.
  if ((first.source === 'names' || !first.parts) && result.end >= after.end) return result;
  const end = after.start + card.matchLength;
  // 元, 前, 現 and 新 before a longer noun qualify its last word (元自民党幹事長, a former secretary-general of the
  // LDP), not the term; 旧 names what a group or a place was (旧安倍派議員, lawmakers of the former Abe faction).
  const nounAfter = (t: Token) => t.start === end && t.pos === '名詞' && isJapaneseLetterCode(t.surface.charCodeAt(0));
  if (prefix !== '旧' && tokens?.some(nounAfter)) return result;
  const entry = withAffix(
    card,
    prefix + card.headword,
    affix.reading + card.reading,
    (g) => affixGloss(affix, g),
    end - at,
    true,
  );
  // The words' guess at the same span (元日銀 "former + Bank of Japan") says less than the card.
  const rest = result.entries.filter((e) => e.source !== 'words' || !e.parts);
  return { ...after, start: at, end, match: text.slice(at, end), entries: [entry, ...rest] };
}

/**
 * An institution written with one kanji of its last word (第三者委 of 第三者委員会, 選管委 of the glossary's 選管,
 * 調査委 of EDICT's 調査委員会): the card or the word for the name in full, as the text writes it and read so. kuromoji
 * reads that kanji as a suffix of its own (第三者|委); the name in full must be listed, so a 委 after a noun that
 * names no institution stays the suffix it was. `wordAt` answers the dictionary's words written exactly so.
 */
export function withShortenedFinal(
  text: string,
  at: number,
  result: LookupResult | null,
  glossary: GlossaryIndex | undefined,
  wordAt: (word: string) => WordLookupEntry | undefined,
  tokens?: readonly Token[],
): LookupResult | null {
  if (!tokens) return result;
  let i = tokens.findIndex((t) => t.start <= at && at < t.start + t.surface.length);
  if (i < 0) return result;
  // The suffix is the pointer's token or follows it in the same run of nouns (第|三者 before 委).
  let k = i;
  while (k < tokens.length && k - i < 3 && !isShortenedFinal(tokens[k]!)) {
    if (tokens[k]!.pos !== '名詞' || tokens[k + 1]?.start !== tokens[k]!.start + tokens[k]!.surface.length)
      return result;
    k++;
  }
  const suffix = tokens[k];
  if (!suffix || !isShortenedFinal(suffix)) return result;
  const final = SHORTENED_FINALS[suffix.surface]!;
  const end = suffix.start + suffix.surface.length;
  const first = result?.entries[0];
  if (result && first?.source === 'glossary' && result.start <= at && result.end >= end) return result;
  // From the earliest noun of the run before it: the longest name first.
  for (i = Math.min(i, k - 1); i > 0 && k - i < 4 && isNounBefore(tokens[i - 1]!, tokens[i]!); i--);
  for (; i < k; i++) {
    const start = tokens[i]!.start;
    if (start > at) break;
    const base = text.slice(start, suffix.start);
    const written = base + suffix.surface;
    const entry = shortenedCard(glossary, base, final, written, end - start);
    const word = entry ? null : wordAt(base + final.full);
    if (!entry && (!word || word.parts || !word.reading.endsWith(final.fullReading))) continue;
    const shown: LookupEntry = entry ?? {
      ...word!,
      headword: written,
      reading: word!.reading.slice(0, -final.fullReading.length) + final.reading,
      matchLength: end - start,
      otherForms: [word!.headword],
    };
    // The card of the abbreviation it was written with (選管 of 選管委) says it again.
    const rest = (result?.entries ?? []).filter((e) => !(e.source === 'glossary' && entry && sameCard(e, entry)));
    return { start, end, match: written, entries: [shown, ...rest] };
  }
  return result;
}

function sameCard(a: GlossaryLookupEntry, b: GlossaryLookupEntry): boolean {
  return (a.standsFor?.term ?? a.headword) === b.standsFor?.term;
}

function isShortenedFinal(t: Token): boolean {
  return t.posDetail === '接尾' && SHORTENED_FINALS[t.surface] !== undefined;
}

function isNounBefore(t: Token, next: Token): boolean {
  return (
    (t.pos === '名詞' || t.pos === '接頭詞') && t.posDetail !== '接尾' && t.start + t.surface.length === next.start
  );
}

/** The glossary's card for `base` with the final in full (第三者委員会), or for `base` itself when it is (選管). */
function shortenedCard(
  glossary: GlossaryIndex | undefined,
  base: string,
  final: (typeof SHORTENED_FINALS)[string],
  written: string,
  length: number,
): GlossaryLookupEntry | null {
  const full = glossary?.find(base + final.full);
  const alias = full ? null : glossary?.find(base);
  const entry: GlossaryEntry | undefined = full ?? (alias?.term.endsWith(final.full) ? alias : undefined);
  if (!entry) return null;
  const form = full ? base + final.full : base;
  const formReading = form === entry.term ? entry.reading : entry.variants?.find((v) => v.text === form)?.reading;
  if (!formReading) return null;
  const reading = full
    ? formReading.endsWith(final.fullReading)
      ? formReading.slice(0, -final.fullReading.length) + final.reading
      : null
    : formReading + final.reading;
  if (!reading) return null;
  const card = glossaryCard({ entry, index: -1, start: 0, end: length, form: entry.term });
  return { ...card, headword: written, reading, standsFor: { term: entry.term, reading: entry.reading } };
}
