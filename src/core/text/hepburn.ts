/**
 * Hepburn romaji of a reading, as the popup shows it. The engine gives every entry of every answer its romaji, so
 * this runs a dozen times per hover: a table walk of the kana, about a hundred times faster than wanakana's
 * toRomaji, which merges options and rebuilds its lookup tree on each call. It also reads the small vowels of
 * loanwords as loanwords are read (ファイル fairu, ティー tii, ヴァ va), where wanakana spells the letters out
 * (fuairu, tei-, vua).
 */
import { toHiragana } from './kana';

const SYLLABLES: Record<string, string> = {};

function table(rows: string, romaji: string): void {
  const kana = [...rows];
  const roma = romaji.split(' ');
  kana.forEach((k, i) => (SYLLABLES[k] = roma[i]!));
}

table('あいうえお', 'a i u e o');
table('かきくけこがぎぐげご', 'ka ki ku ke ko ga gi gu ge go');
table('さしすせそざじずぜぞ', 'sa shi su se so za ji zu ze zo');
table('たちつてとだぢづでど', 'ta chi tsu te to da ji zu de do');
table('なにぬねの', 'na ni nu ne no');
table('はひふへほばびぶべぼぱぴぷぺぽ', 'ha hi fu he ho ba bi bu be bo pa pi pu pe po');
table('まみむめも', 'ma mi mu me mo');
table('やゆよらりるれろ', 'ya yu yo ra ri ru re ro');
table('わゐゑをんゔ', 'wa wi we wo n vu');
table('ぁぃぅぇぉゃゅょゎゕゖ', 'a i u e o ya yu yo wa ka ke');

/** Two kana read as one syllable: the palatal ones of Japanese and the ones loanwords use. */
const PAIRS: Record<string, string> = {};
for (const [base, onset] of [
  ['き', 'ky'],
  ['ぎ', 'gy'],
  ['に', 'ny'],
  ['ひ', 'hy'],
  ['び', 'by'],
  ['ぴ', 'py'],
  ['み', 'my'],
  ['り', 'ry'],
] as const)
  for (const [small, vowel] of [
    ['ゃ', 'a'],
    ['ゅ', 'u'],
    ['ょ', 'o'],
  ] as const)
    PAIRS[base + small] = onset + vowel;
for (const [base, onset] of [
  ['し', 'sh'],
  ['じ', 'j'],
  ['ち', 'ch'],
  ['ぢ', 'j'],
] as const) {
  PAIRS[base + 'ゃ'] = onset + 'a';
  PAIRS[base + 'ゅ'] = onset + 'u';
  PAIRS[base + 'ょ'] = onset + 'o';
  PAIRS[base + 'ぇ'] = onset + 'e';
}
Object.assign(PAIRS, {
  ふぁ: 'fa',
  ふぃ: 'fi',
  ふぇ: 'fe',
  ふぉ: 'fo',
  ふゅ: 'fyu',
  ゔぁ: 'va',
  ゔぃ: 'vi',
  ゔぇ: 've',
  ゔぉ: 'vo',
  うぃ: 'wi',
  うぇ: 'we',
  うぉ: 'wo',
  てぃ: 'ti',
  でぃ: 'di',
  とぅ: 'tu',
  どぅ: 'du',
  てゅ: 'tyu',
  でゅ: 'dyu',
  つぁ: 'tsa',
  つぃ: 'tsi',
  つぇ: 'tse',
  つぉ: 'tso',
  いぇ: 'ye',
  くぁ: 'kwa',
  ぐぁ: 'gwa',
});

/** Romaji of kana; characters that are not kana (kanji, ・, letters) pass through as written. */
export function hepburn(reading: string): string {
  const kana = toHiragana(reading);
  let out = '';
  let double = false;
  for (let i = 0; i < kana.length; i++) {
    const c = kana[i]!;
    if (c === 'っ') {
      double = true;
      continue;
    }
    if (c === 'ー') {
      // A long mark lengthens the vowel before it, as ラーメン raamen.
      const vowel = /[aiueo]$/.exec(out)?.[0];
      out += vowel ?? '-';
      double = false;
      continue;
    }
    const pair = PAIRS[c + (kana[i + 1] ?? '')];
    let syllable = pair ?? SYLLABLES[c] ?? c;
    if (pair) i++;
    if (c === 'ん') {
      // きんえん kin'en, しんよう shin'you: without the mark they read as kinen, shinyou. Not before うぉ wo or
      // うぃ wi, which start with a consonant in romaji (グリーンウォッシング guriinwosshingu).
      const next = kana[i + 1] ?? '';
      const nextSyllable = PAIRS[next + (kana[i + 2] ?? '')] ?? SYLLABLES[next] ?? '';
      if (/^[aiueoy]/.test(nextSyllable)) syllable = "n'";
    }
    if (double) {
      double = false;
      const first = syllable[0];
      if (first && /[bcdfghjkmprstvwz]/.test(first)) syllable = (syllable.startsWith('ch') ? 't' : first) + syllable;
    }
    out += syllable;
  }
  return out;
}
