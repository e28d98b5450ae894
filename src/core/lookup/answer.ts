/**
 * The answer: what the popup shows for a hover. The glossary card of the term under the pointer, then what the
 * general dictionary says about the term's words, then the names dictionary in its own section when it knows a
 * longer name than the dictionary does (ナワリヌイ, 長谷川) — never a split of a name the glossary holds (プーチン is
 * not プー + チン). A number under the pointer is read with its counter (numbers.ts).
 */
import { deinflect } from '../dict/deinflect';
import type { WordIndex } from '../dict/word-index';
import type { GlossaryHit, GlossaryIndex } from '../glossary/match';
import { lookupNumber } from '../numbers';
import { hasHiragana, hasKanji } from '../text/chars';
import type {
  FoldedCard,
  GlossaryLookupEntry,
  LookupEntry,
  LookupResult,
  NameLookupEntry,
  WordLookupEntry,
} from '../types';
import { INSTITUTION_FINALS } from './candidates/affix-tables';
import { chooseCards, glossaryCard } from './candidates/glossary';
import { katakanaCompound, unknownKatakana } from './candidates/latin-and-katakana';
import { heardName, lookupNames, withoutWordGlosses } from './candidates/names';
import { withCountryPrefix, withShortenedFinal, withStatusPrefix, withTermSuffix } from './composed';
import { isChanceTerm } from '../text/word-boundaries';
import { isProperNoun, wordStart } from './context';
import { withTitledPerson } from './titled-person';
import { lookupWords, type WordDeps } from './word-lookup';

export interface LookupDeps extends WordDeps {
  glossary?: GlossaryIndex;
  /** The names dictionary (ENAMDICT), in the words format. */
  names?: WordIndex;
}

/** Dictionary words shown for the term's first word, before the words at the pointer. */
const MAX_START_WORDS = 3;

export function lookup(text: string, at: number, deps: LookupDeps): LookupResult | null {
  // The composing steps ask again for the terms at a position already answered (the word's start, the prefix's end).
  const answered = new Map<number, LookupResult | null>();
  const termsAt = (from: number) => {
    let result = answered.get(from);
    if (result === undefined) answered.set(from, (result = lookupTerms(text, from, deps)));
    return result;
  };
  // The institution after a country prefix starts where kuromoji starts a word (英|国防省): a glossary term that
  // began left of it and ends inside that word (英国) is the prefix's chance pairing, not the answer there.
  const startsFrom = new Map<number, LookupResult | null>();
  const termsFrom = (from: number) => {
    const around = termsAt(from);
    const word = deps.tokens?.find((t) => t.start === from);
    if (!around || !word || around.start >= from || around.end >= from + word.surface.length) return around;
    let result = startsFrom.get(from);
    if (result === undefined) startsFrom.set(from, (result = lookupTerms(text, from, deps, true)));
    return result;
  };
  const terms = withTermSuffix(text, termsAt(at), deps.tokens);
  const withCountry = withCountryPrefix(text, at, terms, termsFrom, deps.tokens, (from) =>
    deps.names ? lookupNames(text, from, deps.names, deps.tokens) : [],
  );
  // The term after the prefix with its own suffix: 前|司法相 is the former justice minister, not 前 + 司法.
  const termFrom = (from: number) => withTermSuffix(text, termsFrom(from), deps.tokens);
  const withStatus = withStatusPrefix(text, at, withCountry, termFrom, deps.tokens);
  const shortened = withShortenedFinal(
    text,
    at,
    withStatus,
    deps.glossary,
    (word) => lookupWords(word, 0, { words: deps.words })?.entries.find((e) => e.matchLength === word.length),
    deps.tokens,
  );
  const titled = withTitledPerson(text, at, shortened, {
    glossary: deps.glossary,
    // The names written exactly there: 森 of 森外相, which ENAMDICT's longer 森外 would otherwise hide.
    namesAt: (from, end) => namesAt(text.slice(0, end), from, deps),
    tokens: deps.tokens,
    portfolioWords: (portfolio) => portfolioWords(portfolio, deps),
  });
  // A katakana word no data has still gets an answer: its romanization, a guess from its parts, and a mark. One made
  // of known loanwords (ファクトチェック) is shown whole before the answer for its first word.
  const compound = titled?.entries[0]?.source === 'words' ? katakanaCompound(text, at, titled, deps.words) : null;
  const unknown = titled ? (compound?.first ? compound : null) : unknownKatakana(text, at, deps.words);
  const result = unknown
    ? {
        start: unknown.start,
        end: unknown.start + unknown.entry.matchLength,
        match: unknown.entry.headword,
        entries: [unknown.entry, ...(titled?.entries ?? [])],
      }
    : compound && titled
      ? { ...titled, entries: [titled.entries[0]!, compound.entry, ...titled.entries.slice(1)] }
      : titled;
  // A number with its counter (26日, 3万5000人), even with the pointer on the counter (日 there is not "Sunday",
  // nor 月 of 3月撮影 a "moon"), unless a term or a name at least as long is written there (G7, ３Ｍ).
  const number = lookupNumber(text, at);
  if (!number) return result;
  const end = number.start + number.entry.matchLength;
  if (result && result.entries[0]?.source !== 'words' && result.end - result.start >= end - number.start) return result;
  return { start: number.start, end, match: text.slice(number.start, end), entries: [number.entry] };
}

function lookupTerms(text: string, at: number, deps: LookupDeps, startingHere = false): LookupResult | null {
  if (!(at >= 0 && at < text.length)) return null;
  // A term spelled by chance across kuromoji's words (国政 of 英国|政府, ドバイ of アドバイザー) is not what the text says.
  const found = (deps.glossary?.match(text, at) ?? []).filter((h) => !isChanceTerm(text, deps.tokens, h.start, h.end));
  const hits = startingHere ? found.filter((h) => h.start >= at) : found;
  let best: GlossaryHit | undefined = hits[0];

  // A compound composed from dictionary words is a guess: not wanted when it is the glossary term itself (the card
  // says more) nor when it runs past the term (トランプ政権 is not "playing cards + administration").
  const guessAgainstTerm = (e: WordLookupEntry, from: number) =>
    !!best &&
    !!e.parts &&
    (deps.glossary?.find(e.headword) === best.entry || from + e.matchLength > best.end) &&
    !placeBeforeInstitution(best, e);
  const atResult = lookupWords(text, at, deps);
  // Inside a katakana word the words start where the word does (ミサイル for the pointer on サ).
  const wordAt = atResult?.start ?? wordStart(text, at, deps.tokens);
  // A term that starts with the word under the pointer is the longest word there, not the set phrase that began left
  // of it: 認 of との認識を示した reads 認識を示す, and と of it との認識を示す.
  const ownTerm = startsLeftAsPhrase(best, wordAt)
    ? hits.find((h) => h.start === wordAt && h.end - h.start >= (atResult?.entries[0]?.matchLength ?? 0))
    : undefined;
  if (ownTerm) best = ownTerm;
  const atWords = (atResult?.entries ?? []).filter((e) => !guessAgainstTerm(e, wordAt));
  let fromStart: WordLookupEntry[] = [];
  if (best && best.start < at) {
    const termStart = best.start;
    fromStart = (lookupWords(text, termStart, deps)?.entries ?? []).filter((e) => !guessAgainstTerm(e, termStart));
  } else if (best) fromStart = atWords;

  // The term may be only the start of a longer dictionary word: ローマ字 is not Rome, ベトナム語 not Vietnam.
  const termLength = best ? best.end - best.start : 0;
  const longerWord = fromStart.find(
    (e) => (!e.parts || (!!best && placeBeforeInstitution(best, e))) && e.matchLength > termLength,
  );
  const chosen = withoutRepeatedTerms(chooseCards(ownTerm ? [ownTerm, ...hits.filter((h) => h !== ownTerm)] : hits));
  const cards = chosen.map(glossaryCard);
  if (longerWord) best = undefined;

  const words: WordLookupEntry[] = [];
  if (fromStart !== atWords) {
    const top = fromStart[0]?.matchLength ?? 0;
    // One kanji read three ways (新 しん, あら, さら) under a card is clutter: its likeliest reading is enough.
    words.push(...fromStart.filter((e) => e.matchLength === top).slice(0, top === 1 ? 1 : MAX_START_WORDS));
  }
  words.push(...atWords);
  const dictionary = dedupe(words);

  const firstHit = hits[0];
  const wordLength = Math.max(
    atWords[0]?.matchLength ?? 0,
    longerWord && firstHit ? longerWord.matchLength - (wordAt - firstHit.start) : 0,
  );
  let names = deps.names ? lookupNames(text, wordAt, deps.names, deps.tokens) : [];
  // kuromoji's reading of a person's name goes first when the names kept lack it (米田 is よねだ; ENAMDICT's first
  // three readings of it, kept by the trimming, are こめだ, まいた, よねた).
  const heard = heardName(wordAt, deps.tokens);
  if (heard && !names.some((n) => n.matchLength === heard.matchLength && n.reading === heard.reading)) {
    if (names.length === 0 || names[0]!.matchLength === heard.matchLength) names = [heard, ...names];
  }
  const nameLength = names[0]?.matchLength ?? 0;
  const coveredByTerm = best && best.start <= wordAt && wordAt + nameLength <= best.end;
  if (nameLength < wordLength || coveredByTerm) names = [];
  else names = withoutWordGlosses(names, atWords);

  // A name longer than any word, which kuromoji also takes for a proper noun (岩本 over 岩 "rock"), is what the
  // highlight covers: it comes first. Without tokens a longer name may be a chance spelling, so it stays after.
  // As long as the word, it comes first when kuromoji hears a person's name (赤木 the surname, not 赤木 the tree).
  const nameFirst =
    names.length > 0 &&
    (nameLength > wordLength
      ? isProperNoun(deps.tokens, wordAt, wordAt + nameLength)
      : nameLength === wordLength && heard?.matchLength === nameLength);
  // A company or an organization named after a place (東京電力, 日本医師会) is what the text says, not the place.
  if (nameFirst && best?.entry.category === 'place' && best.start === wordAt && nameLength > best.end - best.start) {
    if (names[0]!.senses.some((s) => s.tags?.some((t) => t === 'company' || t === 'organization'))) best = undefined;
  }
  // The word under the pointer comes before a set phrase that started left of it (述 of と述べた: 述べる, then the
  // phrase), and an everyday word before a card that only repeats it or gives it a rarer sense (国民, 検討).
  const wordsFirst =
    !!best &&
    !longerWord &&
    ((startsLeftAsPhrase(best, wordAt) && atWords.length > 0) || everydayWord(best, atWords[0], wordAt));
  if (wordsFirst) best = undefined;
  const opened = chosen.findIndex((h) => h.start === wordAt - 1 && h.entry.category === 'phrase');
  const firstWords =
    wordsFirst || (!best && !longerWord && !nameFirst)
      ? withParticleExpression(text, wordAt, wordsFirst ? atWords : dictionary, cards[opened], deps)
      : dictionary;
  let entries: LookupEntry[] =
    longerWord || wordsFirst
      ? [...firstWords, ...cards.filter((c) => !firstWords.includes(c)), ...names]
      : nameFirst
        ? best || cards.length === 0
          ? [...cards, ...names, ...dictionary]
          : [...names, ...cards, ...dictionary]
        : [...cards.filter((c) => !firstWords.includes(c)), ...firstWords, ...names];
  if (entries.length === 0) return null;
  entries = mergeRepeats(entries);
  // The glossary term's span when it stands; else the longest word or name, from where it starts.
  let start = longerWord && firstHit ? firstHit.start : wordAt;
  // A longer name the words come before (日内, a surname, after 数日) is not what the highlight shows.
  let end = wordAt + (nameFirst || wordLength === 0 ? Math.max(wordLength, names[0]?.matchLength ?? 0) : wordLength);
  if (best) ({ start, end } = best);
  return { start, end, match: text.slice(start, end), entries };
}

/** Particles that open a grammatical expression with the word after them (を巡り, に対し, によると, と述べる). */
const EXPRESSION_PARTICLES = new Set([...'をにと']);

/**
 * The word under the pointer, then the expression that its particle opens (巡 of を巡り: 巡る, then を巡り
 * "concerning"; 対 of に対し: 対する, then に対し "towards; against"), then the word's other entries. The expression
 * began left of the pointer, so it never comes first, but the sense the sentence uses is no further than second.
 */
function withParticleExpression(
  text: string,
  wordAt: number,
  atWords: readonly WordLookupEntry[],
  card: GlossaryLookupEntry | undefined,
  deps: LookupDeps,
): LookupEntry[] {
  const [first, ...rest] = atWords;
  const particle = text[wordAt - 1];
  if (!first || first.source !== 'words' || particle === undefined || !EXPRESSION_PARTICLES.has(particle)) {
    return [...atWords];
  }
  const reach = first.matchLength + 1;
  // Most particles open nothing with the word after them (を協…): no key starts so, and the lookup is skipped.
  const opens = !!card || deps.words.prefixReach(text.slice(wordAt - 1, wordAt + reach)) >= 2;
  const expression =
    card ??
    (opens ? lookupWords(text, wordAt - 1, deps) : null)?.entries.find(
      (e) =>
        e.headword.startsWith(particle) &&
        e.matchLength >= reach &&
        e.senses.some((sense) => sense.pos.some((pos) => pos === 'exp' || pos.startsWith('prt'))),
    );
  return expression ? [first, expression, ...rest] : [...atWords];
}

/**
 * A set phrase of news writing (with kana in it: と述べる, との認識を示す) that began left of the word at `wordAt`. The
 * form the text matched decides: 記者団の取材, a variant of 記者団, is a phrase whose 取材 is a word of its own.
 */
function startsLeftAsPhrase(hit: GlossaryHit | undefined, wordAt: number): hit is GlossaryHit {
  return !!hit && hit.entry.category === 'phrase' && hasHiragana(hit.form) && hit.start < wordAt;
}

/**
 * Names written at `from` before a title: kuromoji's person first when it hears one (a one-kanji surname too, which
 * the title confirms: 森 of 森外相), then ENAMDICT's.
 */
function namesAt(text: string, from: number, deps: LookupDeps): NameLookupEntry[] {
  const heard = heardName(from, deps.tokens, 1);
  const listed = deps.names ? lookupNames(text, from, deps.names, deps.tokens) : [];
  return heard ? [heard, ...listed.filter((n) => n.reading !== heard.reading)] : listed;
}

/** The words of the first gloss of the dictionary's word written exactly `portfolio` (デジタル: digital). */
function portfolioWords(portfolio: string, deps: LookupDeps): string[] {
  const word = lookupWords(portfolio, 0, { words: deps.words })?.entries[0];
  if (!word || word.matchLength !== portfolio.length) return [];
  return contentWords(word.senses[0]?.glosses[0] ?? '');
}

/**
 * A card on exactly an everyday word (EDICT's common mark) that is a set phrase of news writing (一方, 検討) or an
 * abbreviation in another sense (国民 for the Democratic Party for the People): the dictionary's word comes first.
 */
function everydayWord(hit: GlossaryHit, word: WordLookupEntry | undefined, wordAt: number): boolean {
  // A context rule that held (共同 in a byline is Kyodo News) says which sense the text means, as does a country's
  // one kanji standing alone as a headline's subject (中、米に反発).
  if (
    hit.entry.context ||
    [...hit.form].length === 1 ||
    !word?.common ||
    word.parts ||
    word.inflection ||
    hit.start !== wordAt
  )
    return false;
  // A foreign leader is who the news means (トランプ is Trump, not playing cards).
  if (hit.entry.category === 'person' && !hasKanji(hit.entry.term)) return false;
  if (word.matchLength !== hit.end - hit.start) return false;
  const plain = (gloss: string) =>
    gloss
      .toLowerCase()
      .replace(/\s*\(.*?\)\s*/g, ' ')
      .trim();
  // A phrase card for the word whose first sense is not the news sense (一時: "one o'clock" before "at one point")
  // is why the card exists: it comes first. When the first sense already says it (検討), the word does.
  if (hit.entry.category === 'phrase') {
    // A card under another headword (政府高官 for 高官, 説明する for a headline's 説明) does not displace the word;
    // a passive with a sense of its own (追い込まれる "be forced into" for 追い込む "to herd") is judged as the word.
    if (hit.entry.term !== word.headword && !isPassiveOf(hit.entry.term, word.headword)) return true;
    const first = new Set((word.senses[0]?.glosses ?? []).flatMap(contentWords));
    return hit.entry.en.some((g) => contentWords(g).some((w) => first.has(w)));
  }
  const dictionary = new Set(word.senses.flatMap((s) => s.glosses.map(plain)));
  return !hit.entry.en.some((g) => dictionary.has(plain(g)));
}

function isPassiveOf(term: string, verb: string): boolean {
  return deinflect(term).some((d) => d.word === verb && d.reasons.length === 1 && d.reasons[0] === 'passive');
}

const FUNCTION_WORDS = new Set(
  'a an the to of in on at for with by as be is it or and one someone something etc'.split(' '),
);

/** The words of a gloss that carry its meaning ("to state" → state; "assumption (of office)" → assumption). */
function contentWords(gloss: string): string[] {
  return gloss
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w));
}

/** A place's card before an institution (東京 of 東京地裁): the composed institution is the word, not a guess. */
function placeBeforeInstitution(hit: GlossaryHit, e: WordLookupEntry): boolean {
  const last = e.parts?.[e.parts.length - 1];
  return hit.entry.category === 'place' && last !== undefined && INSTITUTION_FINALS[last] !== undefined;
}

/** A gloss as compared across sources: "to state" and "State" are one; "Ministry of Defense (Japan)" its name. */
function sameGloss(gloss: string): string {
  return gloss
    .toLowerCase()
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .replace(/^(to|the) /, '')
    .trim();
}

/**
 * The stems of the words that carry a gloss's meaning: plural or not (documents, authorities), accented or not
 * (Bogotá), cut to six letters so that a word and its -ing form are one (restart, restarting).
 */
function meaningStems(gloss: string): string[] {
  return contentWords(gloss.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).map((w) =>
    w
      .replace(/ies$/, 'y')
      .replace(/([^s])s$/, '$1')
      .slice(0, 6),
  );
}

/**
 * Whether a card says what the word says: at least half the meaning words of one of its glosses are the word's
 * (外交文書 "diplomatic document" and "diplomatic papers or documents"; 警視庁 "Tokyo Metropolitan Police Department"
 * and "Metropolitan Police Department (esp. Tokyo)"), not one word of three (国民 "Democratic Party For the People"
 * and "people (of a country)").
 */
function saysTheSame(card: LookupEntry, word: LookupEntry): boolean {
  const known = new Set(word.senses.flatMap((s) => s.glosses.flatMap(meaningStems)));
  return card.senses.some((s) =>
    s.glosses.some((g) => {
      const stems = meaningStems(g);
      return stems.length > 0 && 2 * stems.filter((w) => known.has(w)).length >= stems.length;
    }),
  );
}

/**
 * The cards without one that holds the term of a card before it and says nothing more (に追い込まれる "be forced
 * into" after 追い込まれる "be driven into; be forced into"): every meaning word of its English is the earlier card's.
 * One that says more stays (辞任に追い込まれる "be forced to resign", 見解が一致 "shared the view" after 一致).
 */
function withoutRepeatedTerms(hits: GlossaryHit[]): GlossaryHit[] {
  const kept: GlossaryHit[] = [];
  for (const hit of hits) {
    const stems = hit.entry.en.flatMap(meaningStems);
    const repeats = kept.some((k) => {
      if (!hit.entry.term.includes(k.entry.term) && !k.entry.term.includes(hit.entry.term)) return false;
      const known = new Set(k.entry.en.flatMap(meaningStems));
      return stems.length > 0 && stems.every((w) => known.has(w));
    });
    if (!repeats) kept.push(hit);
  }
  return kept;
}

/**
 * A card and a dictionary word with the same headword and reading that say the same thing (述べる "say; state" and
 * "to state", 首相 "Prime Minister"), or a set phrase's card on the word itself, which says in other words how news
 * uses it (に関し "regarding" and "in relation to"), are one row where the ranking put the first of them: a card
 * first takes the word's other glosses after its own; a word first takes the card's category, note, other names and
 * the English it lacks. A card in another sense (国民 the party after 国民 "citizens") stays a row of its own.
 */
function mergeRepeats(entries: LookupEntry[]): LookupEntry[] {
  const out = [...entries];
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    if (a.source === 'names') continue;
    for (let j = out.length - 1; j > i; j--) {
      const b = out[j]!;
      if (b.source === 'names' || b.source === a.source || b.headword !== a.headword || b.reading !== a.reading) {
        continue;
      }
      const [card, word] = (a.source === 'glossary' ? [a, b] : [b, a]) as [GlossaryLookupEntry, WordLookupEntry];
      if (card.category !== 'phrase' && !saysTheSame(card, word)) continue;
      out[i] = a === card ? { ...card, senses: [...card.senses, ...unsaid(word, card)] } : foldCard(word, card);
      out.splice(j, 1);
    }
  }
  return out;
}

/** The senses of `from` with the glosses `known` already says left out. */
function unsaid(from: LookupEntry, known: LookupEntry): LookupEntry['senses'] {
  const said = new Set(known.senses.flatMap((s) => s.glosses.map(sameGloss)));
  return from.senses
    .map((s) => ({ ...s, glosses: s.glosses.filter((g) => !said.has(sameGloss(g))) }))
    .filter((s) => s.glosses.length > 0);
}

function foldCard(word: WordLookupEntry, card: GlossaryLookupEntry): WordLookupEntry {
  const folded: FoldedCard = { category: card.category };
  // Apart from the word's senses: what else would judge the word (an institution by its English?) judges EDICT's.
  const en = unsaid(card, word).flatMap((s) => s.glosses);
  if (en.length > 0) folded.en = en;
  if (card.note) folded.note = card.note;
  if (card.aliases?.length) folded.aliases = card.aliases;
  if (card.related?.length) folded.related = card.related;
  return { ...word, card: folded };
}

function dedupe<E extends LookupEntry>(entries: E[]): E[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.headword}\u0000${e.reading}\u0000${e.senses[0]?.glosses[0] ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
}
