/**
 * What may stand inside a set phrase after one of its particles without breaking it: an adverb or a short adverbial
 * (理解を強く求める, 懸念を改めて表明した, 溝が一段と深まった, 理解を国民に求めた). Japanese news puts such words
 * between the particle and the verb all the time, and a reader still sees the phrase. Text-only rules, so the matcher
 * needs no tokenizer: a listed adverb, an adjective's -く form, or a short kanji word with に.
 */
import { isKanjiCode } from '../text/chars';

/** Particles inside a phrase after which an insert may stand. */
const SLOT_PARTICLES = new Set([...'をがはもにと']);

/** Adverbs of news writing that are not of the regular shapes below. */
const ADVERBS = [
  '改めて',
  'あらためて',
  '重ねて',
  '再び',
  '再度',
  '再三',
  '一段と',
  '一層',
  'いっそう',
  'さらに',
  '更に',
  '直接',
  '引き続き',
  '初めて',
  '事実上',
  '既に',
  'すでに',
  'まだ',
  'なお',
  '依然',
  '依然として',
  '繰り返し',
  '相次いで',
  '一斉に',
  '暗に',
  '今後も',
  'あくまで',
  'いち早く',
  'ようやく',
  'それぞれ',
  'これまで',
  'かねて',
  '一貫して',
  '真っ向から',
  '公然と',
];

/** The longest insert tried, in UTF-16 units. */
const MAX_INSERT = 8;

/** True when an insert may follow `particle` inside a phrase. */
export function opensSlot(particle: string): boolean {
  return SLOT_PARTICLES.has(particle);
}

/** The lengths of the inserts that can stand at `at` in `text`, longest first; none when the text goes on plainly. */
export function insertLengths(text: string, at: number): number[] {
  const out = new Set<number>();
  for (const adverb of ADVERBS) if (text.startsWith(adverb, at)) out.add(adverb.length);
  let k = at;
  while (k < text.length && k - at < 5 && isKanjiCode(text.charCodeAt(k))) k++;
  const kanji = k - at;
  if (kanji >= 1) {
    // 強く, 大きく, 厳しく, 激しく: an adjective's adverbial form.
    if (kanji <= 2 && text[k] === 'く') out.add(kanji + 1);
    // 大きく, 細かく, 少なく, 厳しく: the same with the kana the adjective keeps before く.
    if (kanji <= 2 && /^[きかなしたろ]く/.test(text.slice(k, k + 2))) out.add(kanji + 2);
    // 正式に, 明確に, 積極的に, 国民に: a short kanji word with に.
    if (kanji >= 2 && kanji <= 4 && text[k] === 'に') out.add(kanji + 1);
  }
  return [...out].filter((n) => n <= MAX_INSERT).sort((a, b) => b - a);
}

/**
 * Words that stand before a phrase's first noun and only weigh it (強い懸念を示した, 重大な関心を持っている): the
 * reader who points at 強い there meets the phrase, said strongly. Adjectives of degree only: 新たな or 同様の change
 * what the noun means and are words to look up on their own.
 */
const LEADING_MODIFIERS = [
  '強い',
  '深い',
  '深刻な',
  '重大な',
  '大きな',
  '強烈な',
  '強硬な',
  '一定の',
  '最大限の',
  '極めて強い',
  '極めて深刻な',
];

/** The length of a modifier of degree at `at` in `text`, or 0. */
export function leadingModifierLength(text: string, at: number): number {
  let best = 0;
  for (const m of LEADING_MODIFIERS) if (m.length > best && text.startsWith(m, at)) best = m.length;
  return best;
}
