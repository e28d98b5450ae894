/**
 * Candidates from the general dictionary: every entry whose spelling or reading (after deinflection) is a prefix of
 * the text at the pointer, longest first. Tokens, when at hand, only filter out false friends here; ranking is a
 * stage of its own (rank.ts).
 */
import { acceptsEntry, deinflect, type Deinflection } from '../../dict/deinflect';
import type { WordIndex } from '../../dict/word-index';
import { isHighSurrogate, isKatakana, isKatakanaLetter } from '../../text/chars';
import { toHiragana } from '../../text/kana';
import type { Form, WordEntry } from '../../types';
import { endsInsideLaterKanjiNoun, type TokenContext } from '../../text/word-boundaries';
import { endsInsideKatakanaToken, runsIntoGrammar } from '../context';

export interface WordMatch {
  entry: WordEntry;
  candidate: Deinflection;
  length: number;
  /** Whether the text is a conjugated form of the candidate (入っ of 入る), not the word as written. */
  conjugated: boolean;
  /** The form the text matched: a spelling of the entry, or one of its readings. */
  form: Form;
  byKanji: boolean;
  /** Order found in: longest first, then deinflection order; the last tie-break. */
  order: number;
}

export function matchedForm(entry: WordEntry, word: string): { form: Form; byKanji: boolean } | null {
  const kanji = entry.kanji.find((f) => f.text === word);
  if (kanji) return { form: kanji, byKanji: true };
  const key = toHiragana(word);
  const kana = entry.kana.find((f) => toHiragana(f.text) === key);
  return kana ? { form: kana, byKanji: false } : null;
}

export function wordMatches(window: string, words: WordIndex, context: TokenContext | null): WordMatch[] {
  const matches: WordMatch[] = [];
  const seen = new Set<string>();
  for (let length = conjugationReach(window, words); length >= 1; length--) {
    if (isHighSurrogate(window.charCodeAt(length - 1))) continue; // would split a surrogate pair
    for (const candidate of deinflect(window.slice(0, length))) {
      for (const entry of words.lookup(candidate.word)) {
        if (!acceptsEntry(candidate, entry)) continue;
        const key = `${entry.id}:${length}`;
        if (seen.has(key)) continue;
        const matched = matchedForm(entry, candidate.word);
        if (!matched) continue;
        seen.add(key);
        const conjugated = candidate.word !== window.slice(0, length);
        matches.push({ entry, candidate, length, conjugated, ...matched, order: matches.length });
      }
    }
  }
  if (!context) return matches;
  matches.push(...tokenBaseForms(matches, words, context, seen));
  const token = context.token;
  // A katakana name (サキ) is not the hiragana reading of a kanji word (先): only spellings as written count for it.
  const name = token.posDetail === '固有名詞' && isKatakana(token.surface);
  // Nor is a katakana word cut short, whatever kuromoji made of it, a word read in another script: ジャ of
  // ジャ|ニーズ is no 蛇 "snake".
  const cutsKatakana = (m: WordMatch) =>
    isKatakanaLetter(window[m.length - 1] ?? '') && isKatakanaLetter(window[m.length] ?? '');
  const plausible = matches.filter(
    (m) =>
      !endsInsideKatakanaToken(context, m.length) &&
      !((name || cutsKatakana(m)) && !m.byKanji && m.form.text !== m.candidate.word),
  );
  // 定例会 of 定例会見 cuts kuromoji's 会見 in two: the shorter words go first. Kept when nothing else is found.
  const whole = plausible.filter((m) => !endsInsideLaterKanjiNoun(context, m.length) && !misreadsGrammar(context, m));
  const kept = whole.length > 0 ? whole : plausible;
  // From inside a noun, a word running on past its end is a false friend: 生 of 発生した is not 生す "to grow
  // (of moss)", 故 of 事故に not 故に "therefore". Kept when nothing else is found.
  if (context.offset === 0 || token.pos !== '名詞') return kept;
  const inside = kept.filter((m) => m.length <= token.surface.length - context.offset);
  return inside.length > 0 ? inside : kept;
}

/**
 * How far into the window a word can reach: a dictionary form shares its start with a key, and a conjugation only
 * changes kana after it (and 来 of 来る). Past that, no deinflection can find anything, so no length beyond is tried.
 */
function conjugationReach(window: string, words: WordIndex): number {
  let end = words.prefixReach(window);
  while (end < window.length && isConjugationChar(window.charCodeAt(end))) end++;
  return end;
}

function isConjugationChar(code: number): boolean {
  return (code >= 0x3041 && code <= 0x309f) || code === 0x6765; // hiragana, 来
}

/**
 * When kuromoji knows the dictionary form of a conjugated verb or adjective the rules did not reach, show it for the
 * token's span rather than nothing.
 */
function tokenBaseForms(matches: WordMatch[], words: WordIndex, context: TokenContext, seen: Set<string>): WordMatch[] {
  const token = context.token;
  if (context.offset !== 0 || token.baseForm === token.surface) return [];
  if (token.pos !== '動詞' && token.pos !== '形容詞' && token.pos !== '助動詞') return [];
  if (matches.some((m) => m.candidate.word === token.baseForm)) return [];
  const candidate: Deinflection = { word: token.baseForm, reasons: [], pos: null, types: [] };
  const added: WordMatch[] = [];
  for (const entry of words.lookup(token.baseForm)) {
    const matched = matchedForm(entry, token.baseForm);
    if (!matched || seen.has(`${entry.id}:${token.surface.length}`)) continue;
    if (!entry.senses.some((s) => s.pos.some((p) => p.startsWith('v') || p.startsWith('adj-i') || p === 'aux-v'))) {
      continue;
    }
    const length = token.surface.length;
    added.push({ entry, candidate, length, conjugated: true, ...matched, order: matches.length + added.length });
  }
  return added;
}

/**
 * Kana the text writes as grammar, matched as a word of another script. Kept when nothing else is found, like the
 * filters above.
 */
function misreadsGrammar(context: TokenContext, m: WordMatch): boolean {
  // Hiragana read as a word written only in katakana: なの of 誰なのか is no ナノ "nano-".
  if (writtenOnlyInKatakana(m)) return true;
  // A kanji word read across a particle or an auxiliary: 数日のうち|に is no 打ち荷 "jettisoned cargo".
  if (!m.conjugated && readAsOtherScript(m) && runsIntoGrammar(context, m.length)) return true;
  if (context.offset !== 0) return false;
  const { pos, surface } = context.token;
  // A particle or an auxiliary read as a kanji word: でし of でした is no 弟子, まし of ました no 増す. One kana stays
  // listed (歯 after the particle は): it cannot win by length.
  if ((pos === '助詞' || pos === '助動詞') && m.length > 1 && readAsOtherScript(m)) return true;
  // A particle runs on into the next word only as an expression written in kana (には, によると, つつある): は of
  // けが人はいません is no はい "yes", て of していない no 亭 "arbor".
  return pos === '助詞' && m.length > surface.length && (readAsOtherScript(m) || !isExpression(m.entry));
}

/** Kana in the text matched through the reading of a word written in kanji (うちに as 打ち荷) or in katakana (ナノ). */
function readAsOtherScript(m: WordMatch): boolean {
  if (m.byKanji) return false;
  if (m.form.text !== m.candidate.word) return true;
  return m.entry.kanji.length > 0 && !m.entry.senses.some((s) => s.tags?.includes('uk'));
}

function writtenOnlyInKatakana(m: WordMatch): boolean {
  return !m.byKanji && m.entry.kanji.length === 0 && !m.entry.kana.some((f) => f.text === m.candidate.word);
}

function isExpression(entry: WordEntry): boolean {
  return entry.senses.some((s) => s.pos.some((p) => /^(exp|prt|conj|aux|adv|cop|suf)/.test(p)));
}
