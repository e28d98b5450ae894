/**
 * The hover lookup: the longest dictionary word that starts where the pointer is, then the shorter ones.
 *
 * Dictionary longest-match with deinflection answers on its own (the engine may still be loading kuromoji); when the
 * tokens of the text are at hand they rank homographs (交わさ → 交わす, は the particle rather than 歯) and let a noun
 * compound the dictionary lacks (電話会談) be shown, composed from its parts.
 */
import { acceptsEntry, deinflect, type Deinflection } from './dict/deinflect';
import { kanaKey } from './dict/kana-key';
import { readingsOf } from './dict/readings';
import type { WordIndex } from './dict/word-index';
import { isWordChar } from './text/kana';
import type { Form, LookupEntry, LookupResult, Sense, Token, WordEntry } from './types';

export interface LookupDeps {
  words: WordIndex;
  /** Tokens of the whole `text`, when kuromoji is ready. */
  tokens?: readonly Token[];
}

/** Longest text tried from the pointer; EDICT headwords are shorter. */
const MAX_MATCH = 20;
/** Entries returned; the popup shows the first few, the rest is for "more". */
const MAX_ENTRIES = 16;
/** A compound made of more parts than this is a phrase, not a word. */
const MAX_PARTS = 6;

interface Match {
  entry: WordEntry;
  candidate: Deinflection;
  length: number;
  /** Whether the text is a conjugated form of the candidate (入っ of 入る), not the word as written. */
  conjugated: boolean;
  /** The form the text matched: a spelling of the entry, or one of its readings. */
  form: Form;
  byKanji: boolean;
  score: number;
  order: number;
  /** The reading shown when kuromoji's decides it (版 of 日本版 is ばん); else the entry's usual one. */
  reading?: string;
  /** kuromoji takes the match for a suffix or counter (日 of 数日, 離れ of トランプ離れ): those senses go first. */
  suffix?: boolean;
}

export function lookupAt(text: string, at: number, deps: LookupDeps): LookupResult | null {
  if (at < 0 || at >= text.length) return null;
  const first = text.codePointAt(at)!;
  // The pointer on the second half of a surrogate pair: nothing starts there.
  if (first >= 0xdc00 && first <= 0xdfff) return null;
  const window = wordWindow(text, at);
  if (window.length === 0) return null;

  const start = wordStart(text, at, deps.tokens);
  if (start !== at) return lookupAt(text, start, deps);
  const context = deps.tokens ? tokenContext(text, deps.tokens, at) : null;
  const matches = findMatches(window, deps.words, context);
  const entries = rank(matches, context).map(toLookupEntry);

  if (context) {
    const compound = composeCompound(text, at, context, deps.words);
    if (compound && compound.matchLength > (entries[0]?.matchLength ?? 0)) entries.unshift(compound);
  }
  if (entries.length === 0) return null;
  const end = at + entries[0].matchLength;
  return { start: at, end, match: text.slice(at, end), entries: entries.slice(0, MAX_ENTRIES) };
}

/** The run of word characters from `at`, at most MAX_MATCH code units, never cutting a surrogate pair. */
function wordWindow(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < MAX_MATCH) {
    const ch = String.fromCodePoint(text.codePointAt(end)!);
    if (!isWordChar(ch) || end - at + ch.length > MAX_MATCH) break;
    end += ch.length;
  }
  return text.slice(at, end);
}

// ---------------------------------------------------------------------------------------------------------------
// Dictionary matches

function findMatches(window: string, words: WordIndex, context: TokenContext | null): Match[] {
  const matches: Match[] = [];
  const seen = new Set<string>();
  for (let length = window.length; length >= 1; length--) {
    const code = window.charCodeAt(length - 1);
    if (code >= 0xd800 && code <= 0xdbff) continue; // would split a surrogate pair
    for (const candidate of deinflect(window.slice(0, length))) {
      for (const entry of words.lookup(candidate.word)) {
        if (!acceptsEntry(candidate, entry)) continue;
        const key = `${entry.id}:${length}`;
        if (seen.has(key)) continue;
        const matched = matchedForm(entry, candidate.word);
        if (!matched) continue;
        seen.add(key);
        const conjugated = candidate.word !== window.slice(0, length);
        matches.push({ entry, candidate, length, conjugated, ...matched, score: 0, order: matches.length });
      }
    }
  }
  if (!context) return matches;
  addTokenBaseForm(matches, words, context, seen);
  const token = context.tokens[context.index];
  // A katakana name (サキ) is not the hiragana reading of a kanji word (先): only spellings as written count for it.
  const name = token.posDetail === '固有名詞' && isKatakana(token.surface);
  const kept = matches.filter(
    (m) => !endsInsideKatakanaToken(context, m.length) && !(name && !m.byKanji && m.form.text !== m.candidate.word),
  );
  // From inside a noun, a word running on past its end is a false friend: 生 of 発生した is not 生す "to grow
  // (of moss)", 故 of 事故に not 故に "therefore". Kept when nothing else is found.
  if (context.offset === 0 || token.pos !== '名詞') return kept;
  const inside = kept.filter((m) => m.length <= token.surface.length - context.offset);
  return inside.length > 0 ? inside : kept;
}

/**
 * kuromoji splits katakana runs into the loanwords it knows (オープン|スカイ) and keeps a name whole (プーチン), so a
 * match ending inside a katakana token is a false friend: プー (toot) in プーチン.
 */
/**
 * Where the words under the pointer start: inside a katakana word (サ of ミサイル) its tail is not a word (イル is
 * not いる), so the whole word is shown.
 */
export function wordStart(text: string, at: number, tokens: readonly Token[] | undefined): number {
  const context = tokens ? tokenContext(text, tokens, at) : null;
  if (!context || context.offset === 0) return at;
  const surface = context.tokens[context.index].surface;
  if (!isKatakana(surface)) return at;
  // kuromoji keeps ロイター・ジャパン as one token: ジャパン is still a word of its own.
  const dot = surface.lastIndexOf('・', context.offset - 1);
  return at - context.offset + (dot < 0 ? 0 : Math.min(dot + 1, context.offset));
}

/** Whether text[0, end) stops inside a katakana token of kuromoji's (ミン of ミンスク); null without tokens. */
export function splitsKatakanaToken(text: string, end: number, tokens: readonly Token[] | undefined): boolean | null {
  if (!tokens || end <= 0 || end >= text.length) return tokens ? false : null;
  const context = tokenContext(text, tokens, end);
  return !!context && context.offset > 0 && isKatakana(context.tokens[context.index].surface);
}

function endsInsideKatakanaToken(context: TokenContext, length: number): boolean {
  const { tokens, index, offset } = context;
  const end = tokens[index].start + offset + length;
  for (let i = index; i < tokens.length && tokens[i].start < end; i++) {
    const t = tokens[i];
    const tokenEnd = t.start + t.surface.length;
    if (end < tokenEnd) return isKatakana(t.surface);
  }
  return false;
}

function isKatakana(text: string): boolean {
  return /^[\u30a1-\u30ff]+$/.test(text);
}

/** kuromoji's reading in hiragana; for katakana, the surface itself (kuromoji cuts long readings: ホワイ). */
function tokenReading(token: Token): string {
  return kanaKey(isKatakana(token.surface) ? token.surface : token.reading);
}

function matchedForm(entry: WordEntry, word: string): { form: Form; byKanji: boolean } | null {
  const kanji = entry.kanji.find((f) => f.text === word);
  if (kanji) return { form: kanji, byKanji: true };
  const key = kanaKey(word);
  const kana = entry.kana.find((f) => kanaKey(f.text) === key);
  return kana ? { form: kana, byKanji: false } : null;
}

/**
 * When kuromoji knows the dictionary form of a conjugated verb or adjective the rules did not reach, show it for the
 * token's span rather than nothing.
 */
function addTokenBaseForm(matches: Match[], words: WordIndex, context: TokenContext, seen: Set<string>): void {
  const token = context.tokens[context.index];
  if (context.offset !== 0 || token.baseForm === token.surface) return;
  if (token.pos !== '動詞' && token.pos !== '形容詞') return;
  if (matches.some((m) => m.candidate.word === token.baseForm)) return;
  const candidate: Deinflection = { word: token.baseForm, reasons: [], pos: null, types: [] };
  for (const entry of words.lookup(token.baseForm)) {
    const matched = matchedForm(entry, token.baseForm);
    if (!matched || seen.has(`${entry.id}:${token.surface.length}`)) continue;
    if (!entry.senses.some((s) => s.pos.some((p) => p.startsWith('v') || p.startsWith('adj-i')))) continue;
    const length = token.surface.length;
    matches.push({ entry, candidate, length, conjugated: true, ...matched, score: 0, order: matches.length });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking

function rank(matches: Match[], context: TokenContext | null): Match[] {
  for (const m of matches) m.score = tokenAgreement(m, context);
  matches.sort(
    (a, b) =>
      b.length - a.length ||
      b.score - a.score ||
      Number(isCommon(b)) - Number(isCommon(a)) ||
      Number(writtenAsMatched(b)) - Number(writtenAsMatched(a)) ||
      a.candidate.reasons.length - b.candidate.reasons.length ||
      a.order - b.order,
  );
  const kept = new Set<number>();
  return matches.filter((m) => !kept.has(m.entry.id) && kept.add(m.entry.id));
}

function isCommon(m: Match): boolean {
  return !!m.form.common;
}

/**
 * A kanji spelling that matched, or a kana match of a word usually written in kana: は the particle before 歯 read は.
 */
function writtenAsMatched(m: Match): boolean {
  if (m.byKanji) return true;
  // サキ (a name) in the text is not さき (先) of the dictionary.
  if (m.form.text !== m.candidate.word) return false;
  return m.entry.kanji.length === 0 || m.entry.senses.some((s) => s.tags?.includes('uk'));
}

/** 0–3: how well an entry fits kuromoji's reading of the text (reading 2, part of speech 1). */
function tokenAgreement(m: Match, context: TokenContext | null): number {
  if (!context) return 0;
  const token = context.tokens[context.index];
  if (context.offset !== 0) {
    // The pointer is inside a token (略 of 戦略): kuromoji has no reading for the part, but the part's reading must
    // sit inside the token's (せんりゃく holds りゃく, not ほぼ).
    if (!m.byKanji || context.offset + m.length > token.surface.length) return 0;
    const reading = readingFor(m.entry, m.form, m.byKanji, null);
    return reading && kanaKey(token.reading).includes(reading) ? 2 : 0;
  }
  let score = posAgrees(token.pos, m.entry) ? 1 : 0;
  m.suffix = token.posDetail === '接尾' && m.length === token.surface.length && !m.conjugated;
  const spanReading = readingOfSpan(context, m.length);
  const reading = readingFor(m.entry, m.form, m.byKanji, m.conjugated ? null : spanReading);
  if (spanReading !== null && readingAgrees(reading, spanReading, m)) {
    score += 2;
    // A lone kanji is read by where it stands (日本版 ばん, ユーロ高 だか), and kuromoji knows; for a longer word the
    // dictionary's usual reading is the safer one (強面 is こわもて, kuromoji says こわおもて).
    if (m.length === 1) m.reading = reading;
  } else if (m.conjugated && m.candidate.word === token.baseForm) {
    // kuromoji conjugated the same word but read it otherwise (入っ as はいっ, not 入る read いる).
    score += 1;
  } else if (spanReading !== null && token.posDetail === '接尾' && isRendaku(reading, spanReading)) {
    // A suffix voiced after the word it follows: トランプ離れ is ばなれ, not はなれ.
    score += 2;
    m.reading = spanReading;
  }
  return score;
}

/** Whether `heard` is `reading` with its first kana voiced (はなれ → ばなれ, かた → がた). */
function isRendaku(reading: string, heard: string): boolean {
  if (reading.length !== heard.length || reading.length < 2 || reading.slice(1) !== heard.slice(1)) return false;
  const first = heard[0].normalize('NFD');
  return first.length === 2 && first[0] === reading[0] && /[\u3099\u309a]/.test(first[1]);
}

function readingAgrees(reading: string, spanReading: string, m: Match): boolean {
  if (!m.conjugated) return reading === spanReading;
  // Conjugation changes the last kana of a verb or adjective (かわす → かわされ); a サ変 noun keeps all of it.
  const stem = m.candidate.types.includes('vs-noun') ? reading : reading.slice(0, -1);
  return stem.length > 0 && spanReading.startsWith(stem);
}

const POS_BY_KUROMOJI: Record<string, (p: string) => boolean> = {
  名詞: (p) => /^(n|pn|vs|adj-na|adj-no|ctr|num|suf|pref)/.test(p),
  動詞: (p) => p.startsWith('v') || p === 'aux-v',
  形容詞: (p) => p.startsWith('adj-i'),
  助詞: (p) => p === 'prt',
  助動詞: (p) => p.startsWith('aux') || p === 'cop',
  副詞: (p) => p.startsWith('adv'),
  連体詞: (p) => p === 'adj-pn',
  接続詞: (p) => p === 'conj',
  感動詞: (p) => p === 'int',
  接頭詞: (p) => p === 'pref' || p === 'n-pref',
};

function posAgrees(kuromojiPos: string, entry: WordEntry): boolean {
  const test = POS_BY_KUROMOJI[kuromojiPos];
  return !!test && entry.senses.some((s) => s.pos.some(test));
}

// ---------------------------------------------------------------------------------------------------------------
// Building entries

function toLookupEntry(m: Match): LookupEntry {
  const reading = m.reading ?? readingFor(m.entry, m.form, m.byKanji, null);
  const headword = m.byKanji ? m.form.text : (usualSpelling(m) ?? m.form.text);
  const otherForms = [...m.entry.kanji, ...m.entry.kana]
    .map((f) => f.text)
    .filter((t, i, all) => t !== headword && kanaKey(t) !== reading && all.indexOf(t) === i);
  const entry: LookupEntry = {
    source: 'words',
    headword,
    reading,
    senses: m.suffix ? suffixFirst(sensesFor(m.entry, m.candidate)) : sensesFor(m.entry, m.candidate),
    inflection: m.candidate.reasons.length > 0 ? [...m.candidate.reasons] : null,
    common: !!m.form.common,
    matchLength: m.length,
  };
  if (otherForms.length > 0) entry.otherForms = otherForms;
  return entry;
}

const IRREGULAR_SPELLING = new Set(['iK', 'ik', 'oK', 'ok', 'rK']);

/**
 * The spelling a word matched through its reading is usually written in (えんちょう is 延長), so that it shows and is
 * saved as a reader will meet it; none for a word usually written in kana, or with no kanji.
 */
function usualSpelling(m: Match): string | null {
  if (m.entry.kanji.length === 0 || m.entry.senses.some((s) => s.tags?.includes('uk'))) return null;
  const only = m.form.only;
  const fitting = m.entry.kanji.filter(
    (k) => (!only || only.includes(k.text)) && !k.tags?.some((t) => IRREGULAR_SPELLING.has(t)),
  );
  return (fitting.find((k) => k.common) ?? fitting[0])?.text ?? null;
}

/** 日 after 数 is "counter for days" before "Sunday"; 離れ after トランプ "loss of interest in" before "annex". */
function suffixFirst(senses: Sense[]): Sense[] {
  const isSuffix = (s: Sense) => s.pos.some((p) => p === 'ctr' || p === 'suf' || p === 'n-suf');
  return [...senses.filter(isSuffix), ...senses.filter((s) => !isSuffix(s))];
}

/** For a conjugated match, the senses of that part of speech (延長した: not the era name 延長). */
function sensesFor(entry: WordEntry, candidate: Deinflection): Sense[] {
  const pos = candidate.pos;
  if (pos === null) return entry.senses;
  const fitting = entry.senses.filter((s) => s.pos.some((p) => pos.includes(p)));
  return fitting.length > 0 ? fitting : entry.senses;
}

/** The reading in hiragana: of the kana that matched, or the entry's reading for a spelling (kuromoji's if listed). */
function readingFor(entry: WordEntry, form: Form, byKanji: boolean, preferred: string | null): string {
  if (!byKanji) return kanaKey(form.text);
  const kana = readingsOf(entry, form.text);
  const readings = kana.map((f) => kanaKey(f.text));
  if (preferred !== null) {
    const wanted = kanaKey(preferred);
    if (readings.includes(wanted)) return wanted;
  }
  const usual = kana.find((f) => !f.tags?.some((t) => t === 'ok' || t === 'ik'));
  return kanaKey((usual ?? kana[0])?.text ?? form.text);
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

interface TokenContext {
  tokens: readonly Token[];
  /** Token holding the pointer. */
  index: number;
  /** Pointer offset inside that token. */
  offset: number;
}

/** The token under the pointer; null when the tokens are not those of this text (a stale tokenization). */
function tokenContext(text: string, tokens: readonly Token[], at: number): TokenContext | null {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (at < t.start) hi = mid - 1;
    else if (at >= t.start + t.surface.length) lo = mid + 1;
    else return text.startsWith(t.surface, t.start) ? { tokens, index: mid, offset: at - t.start } : null;
  }
  return null;
}

/** kuromoji's reading (hiragana) of `length` characters from the pointer, when they end on a token boundary. */
function readingOfSpan(context: TokenContext, length: number): string | null {
  const { tokens, index } = context;
  const end = tokens[index].start + length;
  let reading = '';
  for (let i = index; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start + t.surface.length > end) return null;
    reading += tokenReading(t);
    if (t.start + t.surface.length === end) return reading;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Compounds the dictionary lacks: 電話会談 = 電話 + 会談

const COMPOUND_NOUN_DETAILS = new Set([
  '一般',
  '固有名詞',
  'サ変接続',
  '形容動詞語幹',
  '接尾',
  '副詞可能',
  'ナイ形容詞語幹',
]);

function isCompoundPart(token: Token): boolean {
  if (!Array.from(token.surface).every(isWordChar)) return false;
  if (token.pos === '接頭詞') return token.posDetail === '名詞接続';
  return token.pos === '名詞' && COMPOUND_NOUN_DETAILS.has(token.posDetail);
}

interface Part {
  text: string;
  reading: string;
  gloss: string;
}

/**
 * The noun run kuromoji finds from the pointer, split into the longest dictionary words on token boundaries. Only
 * from the start of a token: a reading for half a token would be a guess.
 */
function composeCompound(text: string, at: number, context: TokenContext, words: WordIndex): LookupEntry | null {
  if (context.offset !== 0) return null;
  const { tokens } = context;
  // A suffix (的, 氏, 間) belongs to the word before it: a compound cannot start there (的安定協議).
  if (tokens[context.index].posDetail === '接尾') return null;
  let last = context.index;
  while (last < tokens.length && isCompoundPart(tokens[last]) && last - context.index < MAX_MATCH) last++;
  // A prefix cannot end a compound (新 alone before a particle).
  while (last > context.index && tokens[last - 1].pos === '接頭詞') last--;
  // One token can be a compound too, when kuromoji knows it and EDICT does not (北関東, 財務局).
  if (last === context.index || (last - context.index === 1 && tokens[last - 1].surface.length < 2)) return null;

  const parts: Part[] = [];
  for (let i = context.index; i < last && parts.length < MAX_PARTS;) {
    let found: { parts: Part[]; next: number } | null = null;
    for (let j = last; j > i && !found; j--) {
      const run = tokens.slice(i, j);
      const surface = run.map((t) => t.surface).join('');
      const reading = run.map(tokenReading).join('');
      const part = describePart(surface, reading, run, words);
      if (part) found = { parts: [part], next: j };
    }
    const split = found ? null : splitToken(tokens[i], words);
    if (split) found = { parts: split, next: i + 1 };
    if (!found) break;
    parts.push(...found.parts);
    i = found.next;
  }
  if (parts.length < 2) return null;
  const headword = parts.map((p) => p.text).join('');
  // The dictionary knew the whole run after all: the ordinary match shows it.
  if (words.lookup(headword).length > 0) return null;
  const oneToken = headword === tokens[context.index].surface;
  return {
    source: 'words',
    headword,
    // kuromoji's reading of a whole token beats the parts' (北関東 is きたかんとう, and 局 of 財務局 reads きょく).
    reading: oneToken ? tokenReading(tokens[context.index]) : parts.map((p) => p.reading).join(''),
    senses: [{ pos: ['n'], glosses: [parts.map((p) => p.gloss).join(' + ')] }],
    inflection: null,
    common: false,
    matchLength: headword.length,
    parts: parts.map((p) => p.text),
  };
}

/**
 * A kanji token the dictionary lacks, cut into the longest dictionary words that cover it all (財務局 = 財務 + 局).
 * Never a person's name (岩本 is not "rock + book"), nor katakana: a whole katakana token is mostly a foreign name
 * (プーチン is not プー + チン).
 */
function splitToken(token: Token, words: WordIndex): Part[] | null {
  if (token.posDetail2 === '人名' || token.surface.length < 2 || !/^[\u3400-\u9fff々]+$/.test(token.surface))
    return null;
  const parts: Part[] = [];
  for (let i = 0; i < token.surface.length;) {
    let part: Part | null = null;
    for (let j = token.surface.length - (i === 0 ? 1 : 0); j > i && !part; j--) {
      part = describePart(token.surface.slice(i, j), '', [], words);
    }
    if (!part) return null;
    parts.push(part);
    i += part.text.length;
  }
  // Two lone kanji are a guess at an abbreviation (総連 is not 総 "whole" + 連 "reams"): one may stand, as 局 does.
  return parts.length >= 2 && parts.filter((p) => p.text.length === 1).length <= 1 ? parts : null;
}

function describePart(surface: string, tokenReading: string, run: Token[], words: WordIndex): Part | null {
  // Only a spelling as written: サキ (a name) must not become 先 through its reading.
  const entries = words.lookup(surface).filter((e) => matchedForm(e, surface)?.form.text === surface);
  if (entries.length === 0) return null;
  const role = run.length === 1 ? run[0].posDetail : '';
  const affix = run.length === 1 && run[0].pos === '接頭詞' ? 'pref' : role === '接尾' ? 'suf' : null;
  const fits = (s: Sense) => affix !== null && s.pos.some((p) => p === affix || p === `n-${affix}`);
  const readsAs = (e: WordEntry) => e.kana.some((f) => kanaKey(f.text) === tokenReading);
  // One character inside a compound is mostly an abbreviation used as an affix: ロ of 米ロ is Russia.
  const affixLike = (e: WordEntry) =>
    e.senses.some((s) => s.pos.some((p) => /^(n-)?(pref|suf)$/.test(p))) && (affix !== null || surface.length === 1);
  const common = (e: WordEntry) => [...e.kanji, ...e.kana].some((f) => f.text === surface && f.common);
  const score = (e: WordEntry) =>
    (readsAs(e) ? 4 : 0) +
    (affix !== null && e.senses.some(fits) ? 2 : 0) +
    (affixLike(e) ? 2 : 0) +
    (common(e) ? 1 : 0);
  const best = entries.reduce((a, b) => (score(b) > score(a) ? b : a));
  const matched = matchedForm(best, surface)!;
  // kuromoji's reading when the dictionary agrees; otherwise the dictionary's (kuromoji reads 米 in 米大統領 as まい).
  const reading = readsAs(best) ? tokenReading : readingFor(best, matched.form, matched.byKanji, null);
  const sense = best.senses.find(fits) ?? best.senses[0];
  return { text: surface, reading, gloss: sense.glosses[0] };
}
