/**
 * The ranking stage: how well each dictionary candidate fits kuromoji's reading of the text, as a judgement that is
 * returned, never written into the candidate. Longest first; among equals, a form EDICT lists as its own word
 * (一貫して, not 一貫 conjugated), then agreement with the tokens, then EDICT's
 * common mark, then a spelling as written, then fewer conjugation steps; of two entries that split one word
 * (云う, 言う), the one with more senses first.
 */
import { isKatakana } from '../text/chars';
import { toHiragana } from '../text/kana';
import type { WordEntry } from '../types';
import type { WordMatch } from './candidates/words';
import type { TokenContext } from '../text/word-boundaries';
import { readingOfSpan } from './context';
import { readingFor } from './readings';

interface Judgement {
  /** 0–3: reading agrees 2, part of speech 1. */
  score: number;
  /** The reading to show when kuromoji's decides it (版 of 日本版 is ばん); else the entry's usual one. */
  reading?: string;
  /** kuromoji takes the match for a suffix or counter (日 of 数日, 離れ of トランプ離れ): those senses go first. */
  suffix: boolean;
  /**
   * A form EDICT lists as a word of its own, written as in the text over several of kuromoji's tokens and read as
   * kuromoji reads them (一貫|し|て, 辞さ|ない): the word the writer used, before its stem's conjugation (一貫 する).
   */
  ownWord?: boolean;
}

export interface RankedMatch extends Judgement {
  match: WordMatch;
}

/** The matches best first, one per dictionary entry. */
export function rankMatches(matches: readonly WordMatch[], context: TokenContext | null): RankedMatch[] {
  const ranked = matches.map((match) => ({ match, ...judge(match, context) }));
  ranked.sort(
    (a, b) =>
      b.match.length - a.match.length ||
      Number(!!b.ownWord) - Number(!!a.ownWord) ||
      b.score - a.score ||
      Number(katakanaAsWritten(b.match)) - Number(katakanaAsWritten(a.match)) ||
      Number(isCommon(b.match)) - Number(isCommon(a.match)) ||
      Number(writtenAsMatched(b.match)) - Number(writtenAsMatched(a.match)) ||
      a.match.candidate.reasons.length - b.match.candidate.reasons.length ||
      a.match.order - b.match.order,
  );
  const kept = new Set<number>();
  return mainTwinFirst(ranked.filter((r) => !kept.has(r.match.entry.id) && kept.add(r.match.entry.id)));
}

/**
 * EDICT keeps some spellings of one word apart when their senses differ (云う with two senses, 言う with three):
 * matched by the same kana, the split-off spelling would come first, ahead of the word a reader knows. Of two
 * entries matched by the same kana with the same first gloss, the one with more senses is the word itself: it takes
 * the better place, the other keeps its own further down.
 */
function mainTwinFirst(ranked: RankedMatch[]): RankedMatch[] {
  const out = [...ranked];
  const firstAt = new Map<string, number>();
  out.forEach((r, i) => {
    if (r.match.byKanji) return;
    const key = `${r.match.length}|${r.match.form.text}|${r.match.entry.senses[0]?.glosses[0] ?? ''}`;
    const j = firstAt.get(key);
    if (j === undefined) {
      firstAt.set(key, i);
      return;
    }
    const earlier = out[j]!;
    if (r.match.entry.senses.length > earlier.match.entry.senses.length) {
      out[j] = r;
      out[i] = earlier;
    }
  });
  return out;
}

function isCommon(m: WordMatch): boolean {
  return !!m.form.common;
}

/**
 * A kanji spelling that matched, or a kana match of a word usually written in kana: は the particle before 歯 read は.
 */
function writtenAsMatched(m: WordMatch): boolean {
  if (m.byKanji) return true;
  // サキ (a name) in the text is not さき (先) of the dictionary.
  if (m.form.text !== m.candidate.word) return false;
  return m.entry.kanji.length === 0 || m.entry.senses.some((s) => s.tags?.includes('uk'));
}

/**
 * Katakana in the text spelled so in the dictionary (メモリ "memory"): a loanword, before a kanji word whose reading
 * it happens to spell (目盛り めもり), however common that word is; news writes such words in kanji.
 */
function katakanaAsWritten(m: WordMatch): boolean {
  return m.form.text === m.candidate.word && isKatakana(m.candidate.word);
}

/** How well an entry fits kuromoji's reading of the text. */
function judge(m: WordMatch, context: TokenContext | null): Judgement {
  if (!context) return { score: 0, suffix: false };
  const token = context.token;
  if (context.offset !== 0) {
    // The pointer is inside a token (略 of 戦略): kuromoji has no reading for the part, but the part's reading must
    // sit inside the token's (せんりゃく holds りゃく, not ほぼ).
    if (!m.byKanji || context.offset + m.length > token.surface.length) return { score: 0, suffix: false };
    const reading = readingFor(m.entry, m.form, m.byKanji, null);
    return { score: reading && toHiragana(token.reading).includes(reading) ? 2 : 0, suffix: false };
  }
  // A dependent noun (うえ of 相談のうえで, こと, ため) is a formal noun: 上 "after; upon", not 飢え "hunger".
  const formal = token.pos === '名詞' && token.posDetail === '非自立';
  const pos = posAgrees(token.pos, m.entry) && (!formal || isFormalNoun(m.entry)) ? 1 : 0;
  const suffix = token.posDetail === '接尾' && m.length === token.surface.length && !m.conjugated;
  const spanReading = readingOfSpan(context, m.length);
  const reading = readingFor(m.entry, m.form, m.byKanji, m.conjugated ? null : spanReading);
  if (spanReading !== null && readingAgrees(reading, spanReading, m)) {
    // A lone kanji is read by where it stands (日本版 ばん, ユーロ高 だか), and kuromoji knows; for a longer word the
    // dictionary's usual reading is the safer one (強面 is こわもて, kuromoji says こわおもて).
    const ownWord = !m.conjugated && m.length > token.surface.length;
    return m.length === 1 ? { score: pos + 2, suffix, reading } : { score: pos + 2, suffix, ownWord };
  }
  if (m.conjugated && m.candidate.word === token.baseForm) {
    // kuromoji conjugated the same word but read it otherwise (入っ as はいっ, not 入る read いる).
    return { score: pos + 1, suffix };
  }
  if (spanReading !== null && token.posDetail === '接尾' && isRendaku(reading, spanReading)) {
    // A suffix voiced after the word it follows: トランプ離れ is ばなれ, not はなれ.
    return { score: pos + 2, suffix, reading: spanReading };
  }
  return { score: pos, suffix };
}

/** Whether `heard` is `reading` with its first kana voiced (はなれ → ばなれ, かた → がた). */
function isRendaku(reading: string, heard: string): boolean {
  if (reading.length !== heard.length || reading.length < 2 || reading.slice(1) !== heard.slice(1)) return false;
  const first = heard[0]!.normalize('NFD');
  return first.length === 2 && first[0] === reading[0] && /[\u3099\u309a]/.test(first[1]!);
}

function readingAgrees(reading: string, spanReading: string, m: WordMatch): boolean {
  if (!m.conjugated) return reading === spanReading;
  // Conjugation changes the last kana of a verb or adjective (かわす → かわされ); a サ変 noun keeps all of it.
  const stem = m.candidate.types.includes('vs-noun') ? reading : reading.slice(0, -1);
  return stem.length > 0 && spanReading.startsWith(stem);
}

const POS_BY_KUROMOJI: Record<string, (p: string) => boolean> = {
  名詞: (p) => /^(n|pn|vs|adj-na|adj-no|ctr|num|suf|pref)/.test(p),
  // A noun that takes する (vs) is no verb on its own: 見直し read as a verb is 見直す, not the noun. A continuative
  // that is also an adverb stays one (繰り返し主張する: "repeatedly").
  動詞: (p) => (p.startsWith('v') && p !== 'vs') || p === 'aux-v' || p.includes('adv'),
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

/** An entry that serves as a formal noun: an adverbial or suffix sense, or usually written in kana (事 こと, 為 ため). */
function isFormalNoun(entry: WordEntry): boolean {
  return entry.senses.some(
    (s) => s.pos.some((p) => p === 'n-adv' || p === 'n-suf' || p === 'suf') || !!s.tags?.includes('uk'),
  );
}
