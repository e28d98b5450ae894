/**
 * Numbers as news writes them, with the counter after them: 26日, ９月, 3万5000人, 1.5兆円, 54歳. The dictionary has no
 * entry for them, and their readings are where learners slip (5日 いつか, 20歳 はたち, 6本 ろっぽん, 3千 さんぜん), so
 * the reading is built by rule and the value is spelled in English (12億 is 1.2 billion).
 */
import type { WordLookupEntry } from './types';
import { toHalfWidthAscii } from './text/width';

// toLocaleString builds a formatter on every call (tens of µs each); a hover over a number asks several times.
const GROUPED = new Intl.NumberFormat('en-US');
const PRECISE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const grouped = (n: number) => GROUPED.format(n);

/** The longest number read, in characters: beyond it the text is an ID or a phone number, not a quantity. */
const MAX_NUMBER_CHARS = 24;

const DIGITS = ['ぜろ', 'いち', 'に', 'さん', 'よん', 'ご', 'ろく', 'なな', 'はち', 'きゅう'];

function digitValue(ch: string): number {
  const c = toHalfWidthAscii(ch).charCodeAt(0);
  return c >= 0x30 && c <= 0x39 ? c - 0x30 : -1;
}

function isDigit(ch: string): boolean {
  return digitValue(ch) >= 0;
}

const GROUP_SEPARATORS = new Set([',', '，']);
const DECIMAL_POINTS = new Set(['.', '．']);
const UNITS: Record<string, number> = { 兆: 1e12, 億: 1e8, 万: 1e4, 千: 1e3 };
const UNIT_KANA: Record<string, string> = { 兆: 'ちょう', 億: 'おく', 万: 'まん' };

/** How a counter's first sound changes the number before it. */
type Row = 'k' | 's' | 't' | 'h' | 'other';

interface Counter {
  kana: string;
  row: Row;
  /** Its forms after a geminate (1本 いっぽん) and after さん, せん, まん (3本 さんぼん, 3階 さんがい). */
  p?: string;
  b?: string;
  /** Whole readings that break the rules, by value (5日 いつか, 20歳 はたち). */
  special?: Record<number, string>;
  /** Readings of a last digit and the counter together that break the rules (4時 よじ, 9時 くじ, 34日 …よっか). */
  last?: Record<number, string>;
  /** The value must be a whole number in this range for the counter to apply (13月 is no month). */
  range?: [number, number];
  gloss: (n: number, text: string) => string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const plural = (n: number, one: string, many: string) => `${n === 1 ? 'one' : grouped(n)} ${n === 1 ? one : many}`;

const DAYS_OF_MONTH: Record<number, string> = {
  1: 'ついたち',
  2: 'ふつか',
  3: 'みっか',
  4: 'よっか',
  5: 'いつか',
  6: 'むいか',
  7: 'なのか',
  8: 'ようか',
  9: 'ここのか',
  10: 'とおか',
  14: 'じゅうよっか',
  20: 'はつか',
  24: 'にじゅうよっか',
};

const MONTHS_OF_COUNT = { kana: 'かげつ', row: 'k' as Row, gloss: (n: number) => plural(n, 'month', 'months') };
const COUNTRIES = { kana: 'かこく', row: 'k' as Row, gloss: (n: number) => plural(n, 'country', 'countries') };

const YEAR: Counter = { kana: 'ねん', row: 'other', last: { 4: 'よねん' }, gloss: yearGloss };
const DAY: Counter = {
  kana: 'にち',
  row: 'other',
  special: DAYS_OF_MONTH,
  last: { 4: 'よっか', 7: 'しちにち', 9: 'くにち' },
  gloss: (n) => (n >= 1 && n <= 31 ? `the ${ordinal(n)} (day of the month)` : plural(n, 'day', 'days')),
};
const HOUR: Counter = {
  kana: 'じ',
  row: 'other',
  last: { 4: 'よじ', 7: 'しちじ', 9: 'くじ' },
  range: [0, 24],
  gloss: (n) => `${n} o'clock`,
};
const MINUTE: Counter = {
  kana: 'ふん',
  row: 'h',
  p: 'ぷん',
  b: 'ぷん',
  last: { 4: 'よんぷん' },
  gloss: (n) => plural(n, 'minute', 'minutes'),
};
const SECOND: Counter = { kana: 'びょう', row: 'other', gloss: (n) => plural(n, 'second', 'seconds') };

/**
 * A length of time (年間, 日間, 時間, 分間, 秒間): the point-in-time counter's readings with かん, without its range
 * (30時間 is a length, 30時 no time of day).
 */
function span(point: Counter, gloss: Counter['gloss'], special: Record<number, string> = {}): Counter {
  const kan = (readings: Record<number, string> = {}) =>
    Object.fromEntries(Object.entries(readings).map(([n, r]) => [n, `${r}かん`]));
  const counter: Counter = {
    kana: `${point.kana}かん`,
    row: point.row,
    special: { ...kan(point.special), ...special },
    last: kan(point.last),
    gloss,
  };
  if (point.p) counter.p = `${point.p}かん`;
  if (point.b) counter.b = `${point.b}かん`;
  return counter;
}

/** Counters of news text, longest spelling first where one is the start of another (日間 before 日). */
const COUNTERS: [string, Counter][] = [
  ['年間', span(YEAR, (n) => plural(n, 'year', 'years'))],
  ['年', YEAR],
  ['か月', MONTHS_OF_COUNT],
  ['カ月', MONTHS_OF_COUNT],
  ['ヶ月', MONTHS_OF_COUNT],
  ['ヵ月', MONTHS_OF_COUNT],
  ['か国', COUNTRIES],
  ['カ国', COUNTRIES],
  ['ヶ国', COUNTRIES],
  ['ヵ国', COUNTRIES],
  [
    '月',
    {
      kana: 'がつ',
      row: 'other',
      last: { 4: 'しがつ', 7: 'しちがつ', 9: 'くがつ' },
      range: [1, 12],
      gloss: (n) => MONTHS[n - 1]!,
    },
  ],
  // One day long is いちにち, not the first of the month.
  ['日間', span(DAY, (n) => plural(n, 'day', 'days'), { 1: 'いちにちかん' })],
  ['日', DAY],
  ['時間', span(HOUR, (n) => plural(n, 'hour', 'hours'))],
  [
    '時半',
    {
      kana: 'じはん',
      row: 'other',
      last: { 4: 'よじはん', 7: 'しちじはん', 9: 'くじはん' },
      range: [0, 24],
      gloss: (n) => `half past ${n}`,
    },
  ],
  ['時', HOUR],
  ['分間', span(MINUTE, (n) => plural(n, 'minute', 'minutes'))],
  ['分', MINUTE],
  ['秒間', span(SECOND, (n) => plural(n, 'second', 'seconds'))],
  ['秒', SECOND],
  ['週間', { kana: 'しゅうかん', row: 's', gloss: (n) => plural(n, 'week', 'weeks') }],
  [
    '人',
    {
      kana: 'にん',
      row: 'other',
      special: { 1: 'ひとり', 2: 'ふたり' },
      last: { 4: 'よにん', 7: 'しちにん' },
      gloss: (n) => plural(n, 'person', 'people'),
    },
  ],
  [
    '歳',
    {
      kana: 'さい',
      row: 's',
      special: { 20: 'はたち' },
      gloss: (n) => `${grouped(n)} ${n === 1 ? 'year' : 'years'} old`,
    },
  ],
  ['円', { kana: 'えん', row: 'other', last: { 4: 'よえん' }, gloss: (_n, text) => `¥${text}` }],
  ['ドル', { kana: 'どる', row: 'other', gloss: (_n, text) => `$${text}` }],
  ['ユーロ', { kana: 'ゆーろ', row: 'other', gloss: (_n, text) => `€${text}` }],
  ['回', { kana: 'かい', row: 'k', gloss: (n) => plural(n, 'time', 'times') }],
  ['件', { kana: 'けん', row: 'k', gloss: (n) => plural(n, 'case', 'cases') }],
  ['個', { kana: 'こ', row: 'k', gloss: (n) => plural(n, 'piece', 'pieces') }],
  ['社', { kana: 'しゃ', row: 's', gloss: (n) => plural(n, 'company', 'companies') }],
  ['倍', { kana: 'ばい', row: 'other', gloss: (n) => `${grouped(n)} times as much` }],
  ['位', { kana: 'い', row: 'other', gloss: (n) => `${ordinal(n)} place` }],
  ['割', { kana: 'わり', row: 'other', range: [0, 10], gloss: (n) => `${Math.round(n * 100) / 10}%` }],
  ['%', { kana: 'ぱーせんと', row: 'other', gloss: (_n, text) => `${text}%` }],
  ['％', { kana: 'ぱーせんと', row: 'other', gloss: (_n, text) => `${text}%` }],
  ['度', { kana: 'ど', row: 'other', gloss: (n) => `${grouped(n)} degrees; the ${ordinal(n)} time` }],
  ['本', { kana: 'ほん', row: 'h', p: 'ぽん', b: 'ぼん', gloss: (n) => `${grouped(n)} (long objects)` }],
  ['台', { kana: 'だい', row: 'other', gloss: (n) => `${grouped(n)} (machines, vehicles)` }],
  ['機', { kana: 'き', row: 'k', gloss: (n) => `${grouped(n)} (aircraft, machines)` }],
  ['票', { kana: 'ひょう', row: 'h', p: 'ぴょう', b: 'びょう', gloss: (n) => plural(n, 'vote', 'votes') }],
  ['議席', { kana: 'ぎせき', row: 'other', gloss: (n) => plural(n, 'seat', 'seats') }],
  ['階', { kana: 'かい', row: 'k', b: 'がい', gloss: (n) => `${ordinal(n)} floor` }],
  ['条', { kana: 'じょう', row: 'other', gloss: (n) => `Article ${n}` }],
  ['基', { kana: 'き', row: 'k', gloss: (n) => `${grouped(n)} (reactors, missiles, installations)` }],
  ['棟', { kana: 'とう', row: 't', gloss: (n) => plural(n, 'building', 'buildings') }],
  ['級', { kana: 'きゅう', row: 'k', gloss: (n) => `grade ${n}; class ${n}` }],
  ['段目', { kana: 'だんめ', row: 'other', gloss: (n) => `${ordinal(n)} stage` }],
  ['項目', { kana: 'こうもく', row: 'other', gloss: (n) => plural(n, 'item', 'items') }],
  ['代', { kana: 'だい', row: 'other', gloss: (n) => (n % 10 === 0 ? `in their ${n}s` : `${ordinal(n)} generation`) }],
  ['カ所', { kana: 'かしょ', row: 'k', gloss: (n) => plural(n, 'place', 'places') }],
  ['か所', { kana: 'かしょ', row: 'k', gloss: (n) => plural(n, 'place', 'places') }],
  ['隻', { kana: 'せき', row: 's', gloss: (n) => plural(n, 'ship', 'ships') }],
];

function yearGloss(n: number): string {
  return Number.isInteger(n) && n >= 1000 && n <= 2999 ? `the year ${n}` : plural(n, 'year', 'years');
}

/** Hundreds and thousands whose sound changes (300 さんびゃく, 8000 はっせん); 1000 is いっせん before 万. */
const HUNDREDS: Record<number, string> = { 1: 'ひゃく', 3: 'さんびゃく', 6: 'ろっぴゃく', 8: 'はっぴゃく' };
const THOUSANDS: Record<number, string> = { 1: 'せん', 3: 'さんぜん', 8: 'はっせん' };

/** The reading of 0–9999 as words, most significant first; `beforeUnit` for 1000 before 万 (いっせんまん). */
function readUnder10000(n: number, beforeUnit: boolean): string[] {
  const out: string[] = [];
  const th = Math.floor(n / 1000);
  const hu = Math.floor(n / 100) % 10;
  const te = Math.floor(n / 10) % 10;
  const on = n % 10;
  if (th > 0) out.push(th === 1 && beforeUnit && n % 1000 === 0 ? 'いっせん' : (THOUSANDS[th] ?? `${DIGITS[th]}せん`));
  if (hu > 0) out.push(HUNDREDS[hu] ?? `${DIGITS[hu]}ひゃく`);
  if (te > 0) out.push(te === 1 ? 'じゅう' : `${DIGITS[te]}じゅう`);
  if (on > 0) out.push(DIGITS[on]!);
  return out;
}

/** Words of a whole number, with the big units (万, 億, 兆) as their own words. */
function readInteger(n: number, beforeUnit = false): string[] {
  if (n === 0) return ['ぜろ'];
  const out: string[] = [];
  for (const [unit, size] of [
    ['ちょう', 1e12],
    ['おく', 1e8],
    ['まん', 1e4],
  ] as const) {
    const group = Math.floor(n / size) % 10000;
    if (group === 0) continue;
    const words = readUnder10000(group, true);
    // 1兆 is いっちょう, 8兆 はっちょう, 10兆 じゅっちょう.
    if (unit === 'ちょう') geminate(words, 't');
    out.push(...words, unit);
  }
  out.push(...readUnder10000(n % 10000, beforeUnit));
  return out;
}

/** The sound change of a number's last word before a k-, s-, t- or h-row sound (いち → いっ). */
function geminate(words: string[], row: Row): boolean {
  const last = words[words.length - 1];
  const small: Record<string, Row[]> = {
    いち: ['k', 's', 't', 'h'],
    はち: ['k', 's', 't', 'h'],
    じゅう: ['k', 's', 't', 'h'],
    ろく: ['k', 'h'],
    ひゃく: ['k', 'h'],
  };
  for (const [word, rows] of Object.entries(small)) {
    if (last?.endsWith(word) && rows.includes(row)) {
      words[words.length - 1] = `${last.slice(0, -word.length)}${word.slice(0, -1)}っ`;
      return true;
    }
  }
  return false;
}

interface ParsedNumber {
  end: number;
  value: number;
  /** Reading of the number alone, as words. */
  words: string[];
  /** The number as a reader of English writes it: 35,000; 1.5. */
  english: string;
  /** Its last digit as written (a unit's value counts as 0): what counter readings key on. */
  lastDigit: number;
  /** Whether it ends in a big unit (万, 億…), after which counters keep their plain reading. */
  endsInUnit: boolean;
}

/** A number from `start`: digits with commas and a decimal point, then 万, 億, 兆 or 千 with more digits. */
function parseNumber(text: string, start: number): ParsedNumber | null {
  let i = start;
  let value = 0;
  const words: string[] = [];
  let lastDigit = 0;
  let endsInUnit = false;
  let any = false;
  while (i < text.length && i - start < MAX_NUMBER_CHARS) {
    let intPart = '';
    let frac = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (isDigit(ch)) intPart += String(digitValue(ch));
      else if (GROUP_SEPARATORS.has(ch) && intPart && isThousands(text, i + 1)) {
        // A comma is part of the number only before a group of three digits (1,000), not a list's comma (3,4).
      } else break;
      i++;
    }
    if (DECIMAL_POINTS.has(text[i] ?? '') && intPart && isDigit(text[i + 1] ?? '')) {
      i++;
      while (i < text.length && isDigit(text[i]!)) frac += String(digitValue(text[i++]!));
    }
    if (!intPart) break;
    any = true;
    const whole = Number(intPart);
    const unit = UNITS[text[i] ?? ''];
    if (unit !== undefined && (unit > 1e3 || (whole < 10 && !frac))) {
      value += Number(`${intPart}${frac ? `.${frac}` : ''}`) * unit;
      if (unit === 1e3) {
        // 3千 reads as 3000 does: さんぜん (8千 はっせん, 1千 せん).
        words.push(...readUnder10000(whole * 1000, false));
      } else {
        const head = whole === 0 && frac ? ['れい'] : readInteger(whole, true);
        if (frac) pushFraction(head, frac);
        if (unit === 1e12) geminate(head, 't');
        words.push(...head, UNIT_KANA[text[i]!]!);
      }
      i++;
      lastDigit = 0;
      endsInUnit = unit > 1e3;
      continue;
    }
    value += Number(`${intPart}${frac ? `.${frac}` : ''}`);
    words.push(...(whole === 0 && words.length > 0 ? [] : readInteger(whole)));
    if (frac) pushFraction(words, frac);
    lastDigit = Number((frac || intPart).slice(-1));
    endsInUnit = false;
    break;
  }
  if (!any) return null;
  return { end: i, value, words, english: englishNumber(value), lastDigit, endsInUnit };
}

/** 1.5 is いってんご: the point geminates the digit before it as a t-row sound does. */
function pushFraction(words: string[], frac: string): void {
  geminate(words, 't');
  words.push('てん', ...[...frac].map((d) => DIGITS[Number(d)]!));
}

function isThousands(text: string, at: number): boolean {
  return [0, 1, 2].every((k) => isDigit(text[at + k] ?? '')) && !isDigit(text[at + 3] ?? '');
}

function englishNumber(value: number): string {
  const big: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [size, name] of big) {
    if (value >= size) {
      const scaled = Math.round((value / size) * 1000) / 1000;
      return `${grouped(scaled)} ${name}`;
    }
  }
  return PRECISE.format(value);
}

/** The counter written at `at`, if any. */
function counterAt(text: string, at: number): [string, Counter] | null {
  return COUNTERS.find(([written]) => text.startsWith(written, at)) ?? null;
}

/**
 * A number read with its counter: as one word where the pair breaks the rules (5日 いつか, 4人 よにん), else the
 * number and the counter each with their sound change (3本: さん + ぼん, 10回: じゅっ + かい).
 */
type Counted = { whole: string } | { number: string; counter: string };

function readWithCounter(
  parsed: Pick<ParsedNumber, 'value' | 'words' | 'lastDigit' | 'endsInUnit'>,
  counter: Counter,
): Counted {
  const n = parsed.value;
  if (Number.isInteger(n) && counter.special?.[n]) return { whole: counter.special[n] };
  const words = [...parsed.words];
  const lastWord = words[words.length - 1] ?? '';
  const digit = parsed.endsInUnit ? -1 : parsed.lastDigit;
  const override = counter.last?.[digit];
  if (override !== undefined && lastWord === DIGITS[digit]) return { whole: words.slice(0, -1).join('') + override };
  let kana = counter.kana;
  if (counter.row !== 'other' && geminate(words, counter.row)) kana = counter.p ?? kana;
  else if (/(さん|せん|まん)$/.test(lastWord)) kana = counter.b ?? kana;
  return { number: words.join(''), counter: kana };
}

const joined = (c: Counted) => ('whole' in c ? c.whole : c.number + c.counter);

/**
 * How furigana reads a whole number of this value before the counter written `counterText` (the value may come
 * from kanji, 二十歳); null for a counter this module does not know, or a value it does not count (13月).
 */
export function countedReading(value: number, counterText: string): Counted | null {
  const counter = COUNTERS.find(([written]) => written === counterText)?.[1];
  if (!counter || !Number.isInteger(value) || value < 0 || value > 9999) return null;
  if (counter.range && (value < counter.range[0] || value > counter.range[1])) return null;
  return readWithCounter({ value, words: readInteger(value), lastDigit: value % 10, endsInUnit: false }, counter);
}

/** Where a number around `at` starts: its first digit (the pointer may be on any digit, comma, point or 万 of it). */
function numberStart(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    const ch = text[start - 1]!;
    const joins = GROUP_SEPARATORS.has(ch) || DECIMAL_POINTS.has(ch) || UNITS[ch] !== undefined;
    if (isDigit(ch) || (joins && isDigit(text[start - 2] ?? ''))) start--;
    else break;
  }
  return start;
}

/**
 * A digit of the number the pointer is on: the pointer's own character, or the last digit before the 万 or the
 * counter under it (日 of 26日 is not "Sunday" there); -1 when the pointer is on no number.
 */
function digitBefore(text: string, at: number): number {
  if (isDigit(text[at] ?? '')) return at;
  if (UNITS[text[at] ?? ''] !== undefined && isDigit(text[at - 1] ?? '')) return at - 1;
  for (let from = at; from >= 1 && at - from < 3; from--) {
    if (!isDigit(text[from - 1] ?? '')) continue;
    const found = counterAt(text, from);
    return found && at < from + found[0].length ? from - 1 : -1;
  }
  return -1;
}

/** The number (and counter) around the pointer, as an entry the popup shows like a dictionary word; null elsewhere. */
export function lookupNumber(text: string, at: number): { start: number; entry: WordLookupEntry } | null {
  // The pointer on 第 of 第4回.
  const anchor = text[at] === '第' && isDigit(text[at + 1] ?? '') ? at + 1 : digitBefore(text, at);
  if (anchor < 0) return null;
  const start = numberStart(text, anchor);
  // The day of a date: the whole date (18 of 6月18日).
  if (text[start - 1] === '月' && isDigit(text[start - 2] ?? '')) {
    const date = lookupNumber(text, start - 2);
    if (date && date.start + date.entry.matchLength > at) return date;
  }
  // Part of a Latin word or code (G7, COVID19, 5G): not a quantity.
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(text[start - 1] ?? '')) return null;
  const parsed = parseNumber(text, start);
  if (!parsed) return null;
  const found = counterAt(text, parsed.end);
  const range = found?.[1].range;
  const counter =
    found && (!range || (Number.isInteger(parsed.value) && parsed.value >= range[0] && parsed.value <= range[1]))
      ? found
      : null;
  let end = parsed.end + (counter?.[0].length ?? 0);
  let reading = counter ? joined(readWithCounter(parsed, counter[1])) : parsed.words.join('');
  let gloss = counter ? counter[1].gloss(parsed.value, parsed.english) : parsed.english;
  // A date is one word: 6月18日 ろくがつじゅうはちにち, "June 18".
  const day = counter?.[0] === '月' ? dayAfter(text, end) : null;
  if (day) {
    reading += day.reading;
    gloss = `${gloss} ${day.value}`;
    end = day.end;
  }
  // An ordinal: 第4回 だいよんかい.
  const ordinalStart = text[start - 1] === '第' ? start - 1 : start;
  if (ordinalStart < start) reading = `だい${reading}`;
  const entry: WordLookupEntry = {
    source: 'words',
    headword: text.slice(ordinalStart, end),
    reading,
    senses: [
      { pos: [counter ? 'ctr' : 'num'], glosses: [ordinalStart < start ? `the ${ordinal(parsed.value)}` : gloss] },
    ],
    inflection: null,
    common: false,
    matchLength: end - ordinalStart,
  };
  return { start: ordinalStart, entry };
}

/** The day of the month written right after a month (18日 of 6月18日). */
function dayAfter(text: string, at: number): { reading: string; value: number; end: number } | null {
  if (!isDigit(text[at] ?? '')) return null;
  const parsed = parseNumber(text, at);
  if (!parsed || !text.startsWith('日', parsed.end) || text.startsWith('日間', parsed.end)) return null;
  if (!Number.isInteger(parsed.value) || parsed.value < 1 || parsed.value > 31) return null;
  return { reading: joined(readWithCounter(parsed, DAY)), value: parsed.value, end: parsed.end + 1 };
}
