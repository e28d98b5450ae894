/**
 * Candidates from the names dictionary (ENAMDICT), and a person's name kuromoji hears that the trimmed ENAMDICT
 * lacks (given names alone are left out of it: 雅子 of 赤木雅子さん).
 */
import type { WordIndex } from '../../dict/word-index';
import { readingsOf } from '../../dict/readings';
import { isFullWidthAlnumCode, isKanjiWord, isKatakana, isKatakanaLetter, isWordChar } from '../../text/chars';
import { toHiragana } from '../../text/kana';
import { hepburn } from '../../text/hepburn';
import type { LookupEntry, NameLookupEntry, Token } from '../../types';
import { heardReading, splitsKatakanaToken } from '../context';

const MAX_NAMES = 5;
/** Longest name tried from the pointer. */
const MAX_NAME_LENGTH = 16;
const NAME_SEPARATORS = new Set(['・', '･', '＝', '=']);

function isNameChar(ch: string): boolean {
  // Full-width Latin and digits: ＡＢＣ, ３Ｍ are written that way in ENAMDICT.
  return isWordChar(ch) || isFullWidthAlnumCode(ch.codePointAt(0) ?? 0);
}

/**
 * The longest name written at the pointer, matched by its spelling only: a kanji name's reading is no way to find it
 * (さき in running hiragana is not the name 佐紀). Readings kuromoji agrees with come first (長谷川 はせがわ).
 */
export function lookupNames(text: string, at: number, names: WordIndex, tokens?: readonly Token[]): NameLookupEntry[] {
  // ENAMDICT writes full names without the ・ news puts between their parts (エイブラハム・リンカーン).
  const chars: { ch: string; end: number }[] = [];
  for (let i = at; i < text.length && chars.length < MAX_NAME_LENGTH;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const separator = chars.length > 0 && NAME_SEPARATORS.has(ch);
    if (!separator && !isNameChar(ch)) break;
    i += ch.length;
    if (!separator) chars.push({ ch, end: i });
  }
  // A name longer than the start some key has cannot be found: only the lengths within it are looked up.
  const reach = names.prefixReach(chars.map((c) => c.ch).join(''));
  for (let count = chars.length; count >= 1; count--) {
    const written = chars
      .slice(0, count)
      .map((c) => c.ch)
      .join('');
    if (written.length > reach) continue;
    const end = chars[count - 1]!.end;
    const found = names
      .lookup(written)
      .filter((e) => e.kanji.some((f) => f.text === written) || (e.kanji.length === 0 && e.kana[0]?.text === written));
    if (found.length === 0) continue;
    // A katakana name ending inside a longer katakana word is a false friend (ミン of ミンスク). kuromoji knows
    // where katakana words part (トムソン|ロイター); without its tokens, a following katakana letter must do.
    const split = splitsKatakanaToken(text, end, tokens) ?? (end < text.length && isKatakanaLetter(text[end]!));
    if (isKatakana(written) && split) continue;
    const heard = tokens ? heardReading(tokens, at, end) : null;
    const ranked = found.map((e, order) => ({ e, order, reading: toHiragana(readingsOf(e, written)[0]!.text) }));
    ranked.sort((a, b) => Number(b.reading === heard) - Number(a.reading === heard) || a.order - b.order);
    return ranked.slice(0, MAX_NAMES).map(({ e, reading }) => ({
      source: 'names',
      headword: e.kanji[0]?.text ?? e.kana[0]!.text,
      reading,
      senses: e.senses,
      matchLength: end - at,
    }));
  }
  return [];
}

/**
 * A person's name kuromoji knows at `at`, with kuromoji's reading, marked as a guess. One kanji is a name only where
 * the caller knows more (a title after it): alone, kuromoji hears 森 the surname in many a forest.
 */
export function heardName(at: number, tokens: readonly Token[] | undefined, minLength = 2): NameLookupEntry | null {
  const token = tokens?.find((t) => t.start === at);
  if (!token || token.posDetail2 !== '人名' || token.surface.length < minLength || !isKanjiWord(token.surface)) {
    return null;
  }
  const reading = toHiragana(token.reading);
  if (reading === token.surface) return null;
  const romaji = hepburn(reading);
  return {
    source: 'names',
    headword: token.surface,
    reading,
    senses: [
      {
        pos: [],
        glosses: [romaji.charAt(0).toUpperCase() + romaji.slice(1)],
        // Names are read many ways (山本一太 is いちた, kuromoji says かずた): the chip says this one is a guess.
        tags: [token.posDetail3 === '姓' ? 'surname' : token.posDetail3 === '名' ? 'given' : 'person', 'guessed'],
      },
    ],
    matchLength: token.surface.length,
  };
}

/** Names that only repeat what the dictionary said (ホワイトハウス: The White House) add nothing. */
export function withoutWordGlosses(names: NameLookupEntry[], words: LookupEntry[]): NameLookupEntry[] {
  const plain = (g: string) =>
    g
      .toLowerCase()
      .replace(/^the /, '')
      .replace(/\s*\(.*\)$/, '');
  const known = new Set(words.flatMap((w) => w.senses.flatMap((s) => s.glosses.map(plain))));
  return names.filter((n) => !n.senses.every((s) => s.glosses.every((g) => known.has(plain(g)))));
}
