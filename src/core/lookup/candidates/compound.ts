/**
 * Candidates the dictionary lacks, composed from its words: the noun run kuromoji finds from the pointer, split into
 * the longest dictionary words on token boundaries (電話会談 = 電話 + 会談), or one kanji token cut into words
 * (財務局 = 財務 + 局).
 */
import type { WordIndex } from '../../dict/word-index';
import { isKanjiWord, isWordChar } from '../../text/chars';
import { toHiragana } from '../../text/kana';
import type { Sense, Token, WordEntry, WordLookupEntry } from '../../types';
import type { TokenContext } from '../../text/word-boundaries';
import { tokenReading } from '../context';
import { readingFor } from '../readings';
import { COMPOUND_FINALS, INSTITUTION_FINALS } from './affix-tables';
import { matchedForm } from './words';

/** Longest run of tokens tried. */
const MAX_TOKENS = 20;
/** A compound made of more parts than this is a phrase, not a word. */
const MAX_PARTS = 6;

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
  /** A prefix token of kuromoji's (新 of 新校舎, 元 of 元職員). */
  prefix?: boolean;
}

export interface Compound {
  entry: WordLookupEntry;
  /**
   * Whether a reader would take it for the word: one token of kuromoji's (北関東), a word with a word-forming ending
   * (近畿財務局, 生活困窮者, 中国製) or a prefix and its noun (新校舎). Two words side by side (訪問予定, 現行モデル)
   * are two words: the first comes first, the compound after it.
   */
  first: boolean;
}

/** Only from the start of a token: a reading for half a token would be a guess. */
export function composeCompound(context: TokenContext, words: WordIndex): Compound | null {
  if (context.offset !== 0) return null;
  const { tokens } = context;
  // A suffix (的, 氏, 間) belongs to the word before it: a compound cannot start there (的安定協議).
  if (context.token.posDetail === '接尾') return null;
  let last = context.index;
  // A prefix after the first token starts the next word: ラング|元|文化|相 is Lang, the former culture minister, not
  // one compound "Lang former culture minister".
  while (
    last < tokens.length &&
    isCompoundPart(tokens[last]!) &&
    (last === context.index || tokens[last]!.pos !== '接頭詞') &&
    last - context.index < MAX_TOKENS
  ) {
    last++;
  }
  // A prefix cannot end a compound (新 alone before a particle).
  while (last > context.index && tokens[last - 1]!.pos === '接頭詞') last--;
  // One token can be a compound too, when kuromoji knows it and EDICT does not (北関東, 財務局).
  if (last === context.index || (last - context.index === 1 && tokens[last - 1]!.surface.length < 2)) return null;

  const parts: Part[] = [];
  for (let i = context.index; i < last && parts.length < MAX_PARTS;) {
    let found: { parts: Part[]; next: number } | null = null;
    for (let j = last; j > i && !found; j--) {
      const run = tokens.slice(i, j);
      const surface = run.map((t) => t.surface).join('');
      const reading = run.map(tokenReading).join('');
      const part = describePart(surface, reading, run, words);
      if (part) found = { parts: [{ ...part, prefix: run.length === 1 && run[0]!.pos === '接頭詞' }], next: j };
    }
    const split = found ? null : splitToken(tokens[i]!, words);
    if (split) found = { parts: split, next: i + 1 };
    if (!found) break;
    parts.push(...found.parts);
    i = found.next;
  }
  if (parts.length < 2) return null;
  // Up to its last word-forming ending (近畿財務局 of 近畿財務局職員) or institution (大阪地検特捜部 of 大阪地検特捜部長),
  // or a prefix and its noun (新校舎 of 新校舎建設).
  const endsWord = (part: Part) =>
    (part.text.length === 1 && !!COMPOUND_FINALS[part.text]) || !!INSTITUTION_FINALS[part.text];
  let cut = parts.length;
  while (cut >= 2 && !endsWord(parts[cut - 1]!)) cut--;
  const suffixed = cut >= 2;
  const prefixed = !suffixed && !!parts[0]!.prefix;
  if (suffixed) parts.length = cut;
  else if (prefixed) parts.length = 2;
  const end = parts[parts.length - 1]!;
  const final = end.text.length === 1 ? COMPOUND_FINALS[end.text] : undefined;
  // A kanji ending a compound takes its sense as an ending (滑空弾: "shell", not "egg"), read as it is there.
  if (final) parts[parts.length - 1] = { ...end, reading: final.reading, gloss: final.en };
  const institution = INSTITUTION_FINALS[end.text];
  if (institution) parts[parts.length - 1] = { ...end, gloss: institution };
  const headword = parts.map((p) => p.text).join('');
  // The dictionary knew the whole run after all: the ordinary match shows it.
  if (words.lookup(headword).length > 0) return null;
  const oneToken = headword === context.token.surface;
  const entry: WordLookupEntry = {
    source: 'words',
    headword,
    // kuromoji's reading of a whole token beats the parts' (北関東 is きたかんとう, and 局 of 財務局 reads きょく).
    reading: oneToken ? tokenReading(context.token) : parts.map((p) => p.reading).join(''),
    senses: [{ pos: ['n'], glosses: [parts.map((p) => p.gloss).join(' + ')] }],
    inflection: null,
    common: false,
    matchLength: headword.length,
    parts: parts.map((p) => p.text),
  };
  return { entry, first: oneToken || suffixed || prefixed };
}

/**
 * A kanji token the dictionary lacks, cut into the longest dictionary words that cover it all (財務局 = 財務 + 局).
 * Never a person's name (岩本 is not "rock + book"), nor katakana: a whole katakana token is mostly a foreign name
 * (プーチン is not プー + チン).
 */
function splitToken(token: Token, words: WordIndex): Part[] | null {
  if (token.posDetail2 === '人名' || token.surface.length < 2 || !isKanjiWord(token.surface)) return null;
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

function describePart(surface: string, heard: string, run: Token[], words: WordIndex): Part | null {
  // Only a spelling as written: サキ (a name) must not become 先 through its reading.
  const entries = words.lookup(surface).filter((e) => matchedForm(e, surface)?.form.text === surface);
  if (entries.length === 0) return null;
  const only = run.length === 1 ? run[0]! : null;
  const affix = only?.pos === '接頭詞' ? 'pref' : only?.posDetail === '接尾' ? 'suf' : null;
  const fits = (s: Sense) => affix !== null && s.pos.some((p) => p === affix || p === `n-${affix}`);
  const readsAs = (e: WordEntry) => e.kana.some((f) => toHiragana(f.text) === heard);
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
  const reading = readsAs(best) ? heard : readingFor(best, matched.form, matched.byKanji, null);
  const sense = best.senses.find(fits) ?? best.senses[0]!;
  return { text: surface, reading, gloss: sense.glosses[0]! };
}
