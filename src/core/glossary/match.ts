/**
 * Finds the glossary terms under the pointer. The pointer may be anywhere inside a term (条 of 領空開放条約), terms cross
 * kuromoji's token boundaries and scripts (新START, 対ロ制裁), and news inserts readings and abbreviations in
 * parentheses (領空開放(オープンスカイ)条約, 新戦略兵器削減条約(新START)): the matcher walks a trie over normalised
 * terms from every start that could reach the pointer, stepping over one balanced parenthetical inside a term.
 *
 * A set phrase is written in its dictionary form (明言を避ける) and met conjugated (明言を避けた, 懸念を表明していた):
 * its stem goes into the trie, and the text after the stem must deinflect back to the dictionary form. Its particles
 * vary as Japanese varies them (理解を求める, 理解も求める; 余地がある, 余地のある).
 */
import { deinflect } from '../dict/deinflect';
import type { InflectionCode } from '../dict/inflection';
import { parseContext, type ContextRule, type GlossaryEntry } from './entry';
import { normalize, normalizeKey, type Normalized } from './normalize';
import { hasJapanese, isKanjiCode } from '../text/chars';
import { insertLengths, leadingModifierLength, opensSlot } from './phrase-insert';

export interface GlossaryHit {
  entry: GlossaryEntry;
  /** Position of the entry in the glossary. */
  index: number;
  /** The span of the original text the term covers (UTF-16 offsets). */
  start: number;
  end: number;
  /** The term or variant that matched, as the glossary writes it. */
  form: string;
  /** How the text conjugates a phrase's dictionary form (明言を避けた: past); absent when written as listed. */
  inflection?: InflectionCode[];
}

export interface GlossaryIndex {
  readonly entries: readonly GlossaryEntry[];
  /** Every term covering `at`, best first: the longest, then the one starting closest to the pointer. */
  match(text: string, at: number): GlossaryHit[];
  /**
   * Every term starting at unit `s` of `n`, the normalised `text`, best first. Reading mode normalises a sentence
   * once and asks at each place, where asking `match` would normalise a window and walk back from every place.
   */
  matchFrom(text: string, n: Normalized, s: number): GlossaryHit[];
  /** The entry whose term or variant is `term` (after normalisation). */
  find(term: string): GlossaryEntry | undefined;
  /**
   * Forms that hover never matches on their own: one character without a context rule (米, 露); a country's is
   * matched only where it stands alone as a headline's subject (比、中国船に抗議).
   */
  readonly unmatchable: readonly string[];
}

interface Terminal {
  index: number;
  form: string;
  context: ContextRule | null;
  /** An all-Latin acronym written in capitals (NPT, START): lower-case text is English, not the term. */
  needsCapital: boolean;
  latinStart: boolean;
  latinEnd: boolean;
  /** A Latin name of three letters or more may take a number straight after it: its edition (COP29, APEC2025). */
  numberMayFollow: boolean;
  /** A phrase keyed by its stem (明言を避け): the text after it must deinflect to `base` (明言を避ける). */
  conjugates: Conjugates | null;
  /** A country's one-kanji abbreviation: a term only as a headline's subject (比、…) or standing alone. */
  headlineOnly: boolean;
}

/**
 * A node of the key trie. Its children by code point: most nodes have one (the trie's keys are terms, mostly without
 * shared stems), kept in place under `unit`; a Map only from the second child on. With a Map at every node, Firefox
 * held 5.6 MB of Maps for the glossary (its Maps are larger than V8's); now 1.2 MB, and 0.4 MB more of nodes.
 */
interface TrieNode {
  unit: string | null;
  only: TrieNode | null;
  next: Map<string, TrieNode> | null;
  terminals: Terminal[] | null;
  /** A set phrase's key goes on from here after a particle: an adverb may stand in the text (理解を強く求める). */
  slot: boolean;
}

const newNode = (): TrieNode => ({ unit: null, only: null, next: null, terminals: null, slot: false });

const childOf = (node: TrieNode, unit: string): TrieNode | undefined =>
  node.unit === unit ? node.only! : node.next?.get(unit);

function addChild(node: TrieNode, unit: string): TrieNode {
  const found = childOf(node, unit);
  if (found) return found;
  const child = newNode();
  if (node.next) node.next.set(unit, child);
  else if (!node.only) [node.unit, node.only] = [unit, child];
  else {
    node.next = new Map([
      [node.unit!, node.only],
      [unit, child],
    ]);
    [node.unit, node.only] = [null, null];
  }
  return child;
}

interface Conjugates {
  stem: string;
  base: string;
  /**
   * A phrase written with its verb negated (溝が埋まらない) is keyed by the verb's stem as well (溝が埋ま), `base`
   * being the affirmative (溝が埋まる): the text must negate it its own way (埋まっていない, 崩さず, 崩していなかった).
   */
  negated?: boolean;
}

/** The steps that negate a verb; the one a negated phrase's dictionary form already says is not reported. */
const NEGATIONS: readonly InflectionCode[] = ['negative', 'negative-continuative'];

/**
 * The affirmative of a phrase that ends in a negated verb (慎重な姿勢を崩さない → 慎重な姿勢を崩す), or null. The verb
 * must stand after the phrase's last particle with a stem of its own: 余地がない, 頭の片隅にもない end in the
 * adjective ない, not in a verb.
 */
function affirmativeOf(key: string): string | null {
  if (!key.endsWith('ない')) return null;
  const afterParticle = key.length - 1 - Math.max(...[...'をがはもにでとの'].map((p) => key.lastIndexOf(p)));
  if (afterParticle <= 'ない'.length || afterParticle > key.length - 2) return null;
  const found = deinflect(key).find((d) => d.reasons.length === 1 && d.reasons[0] === 'negative');
  return found && conjugationStem(found.word) ? found.word : null;
}

/** The longest conjugated ending tried after a phrase's stem (ていなかった, させられていた). */
const MAX_TAIL = 10;
/** Endings of a dictionary form that conjugation changes: する, and the last kana of a verb or an i-adjective. */
const CONJUGABLE_LAST = new Set([...'うくぐすつぬぶむるい']);

/** The stem a conjugated form of `key` always starts with (避け of 避ける, 醸 of 醸す, 表明 of 表明する), or null. */
function conjugationStem(key: string): string | null {
  if (key.endsWith('する') && key.length > 2) return key.slice(0, -2);
  const last = key[key.length - 1];
  return last && CONJUGABLE_LAST.has(last) && key.length > 2 ? key.slice(0, -1) : null;
}

/** The forms of a phrase with its particles varied: を also は or も, が also の, は or も (after a word, not inside one). */
function particleVariants(key: string): string[] {
  const out = new Set([key]);
  for (const [from, tos] of [
    ['を', ['は', 'も']],
    ['が', ['の', 'は', 'も']],
  ] as const) {
    for (const form of [...out]) {
      for (let i = form.indexOf(from); i > 0; i = form.indexOf(from, i + 1)) {
        const before = form.charCodeAt(i - 1);
        if (from === 'が' && before >= 0x3041 && before <= 0x3096) continue;
        for (const to of tos) out.add(form.slice(0, i) + to + form.slice(i + 1));
      }
    }
  }
  return [...out];
}

/**
 * How far the text after a phrase's stem conjugates its dictionary form: the longest tail that deinflects back to
 * it, with the steps; null when the text goes another way (明言を避難 is not 明言を避ける).
 */
function conjugatedTail(
  text: string,
  at: number,
  conj: Conjugates,
): { length: number; inflection: InflectionCode[] } | null {
  for (let length = Math.min(MAX_TAIL, text.length - at); length >= 0; length--) {
    const form = conj.stem + text.slice(at, at + length);
    if (conj.negated) {
      const found = deinflect(form).find((d) => d.word === conj.base && d.reasons.some((r) => NEGATIONS.includes(r)));
      if (found) return { length, inflection: found.reasons.filter((r) => r !== 'negative') };
      continue;
    }
    if (form === conj.base) return { length, inflection: [] };
    const found = deinflect(form).find((d) => d.word === conj.base);
    if (found) return { length, inflection: found.reasons };
  }
  if (conj.negated) return null;
  // Headlines drop する: 首相、遺憾の意を表明 / 懸念を表明へ.
  if (conj.base === `${conj.stem}する` && HEADLINE_END.test(text[at] ?? '')) return { length: 0, inflection: [] };
  return null;
}

/** What may follow a する phrase written without する: the end, punctuation, a space, へ "(is) to". */
const HEADLINE_END = /^$|[\s、。，．,.!?！？」』）)】へ…]/;

/** Longest parenthetical stepped over: a reading or an abbreviation, never a clause. */
const MAX_PAREN = 24;
/** Parentheticals stepped over inside one term. */
const MAX_SKIPS = 2;
/** How far back from a byline term its opening bracket may be: the place name. */
const MAX_BYLINE_PLACE = 16;

const OPENERS: Record<string, string> = { '】': '【', ')': '(', '〕': '〔', ']': '[' };

const isDigit = (text: string, at: number) => /[0-9]/.test(text[at] ?? '');

function isLatin(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Kana, kanji, Latin, digits, the long vowel and spaces: what a name or a reading is made of. */
function isNameChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    isLatin(c) ||
    c === 0x20 ||
    c === 0x2d ||
    (c >= 0x3041 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0x3005
  );
}

/** The index of the `)` closing the group opened at `open`, or -1 when it is not a short parenthetical. */
function closeParen(text: string, open: number): number {
  const limit = Math.min(text.length, open + MAX_PAREN + 2);
  for (let j = open + 1; j < limit; j++) {
    const ch = text[j]!;
    if (ch === ')') return j > open + 1 ? j : -1;
    if (!isNameChar(ch)) return -1;
  }
  return -1;
}

/** Removes balanced short parentheticals from a key: 領空開放(オープンスカイ)条約 → 領空開放条約. */
function withoutParentheticals(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    if (key[i] === '(') {
      const j = closeParen(key, i);
      if (j > 0) {
        i = j;
        continue;
      }
    }
    out += key[i];
  }
  return out;
}

export function createGlossaryIndex(entries: readonly GlossaryEntry[]): GlossaryIndex {
  const root = newNode();
  const byKey = new Map<string, number>();
  const unmatchable: string[] = [];
  let maxKeyLength = 1;

  const insert = (key: string, terminal: Terminal, phrase = false): void => {
    let node = root;
    let depth = 0;
    for (const unit of key) {
      // Code points, so that a surrogate pair is one step: keys and text are walked the same way below.
      node = addChild(node, unit);
      depth += unit.length;
      if (phrase && depth > 1 && depth < key.length && opensSlot(unit)) node.slot = true;
    }
    node.terminals ??= [];
    // One terminal per entry and way of ending: a noun term (空転) and its する form (空転する) share a key, the stem.
    const same = (t: Terminal) => t.index === terminal.index && t.conjugates?.base === terminal.conjugates?.base;
    if (!node.terminals.some(same)) node.terminals.push(terminal);
    maxKeyLength = Math.max(maxKeyLength, key.length);
  };

  entries.forEach((entry, index) => {
    const context = entry.context ? parseContext(entry.context) : null;
    const termKey = normalizeKey(entry.term);
    for (const form of [entry.term, ...(entry.variants ?? []).map((v) => v.text)]) {
      const key = normalizeKey(form);
      if (key.length === 0) continue;
      if (!byKey.has(key)) byKey.set(key, index);
      // A listed conjugation of a phrase (明言を避けた) is found through the dictionary form, with its steps.
      if (entry.category === 'phrase' && key !== termKey && conjugationStem(termKey)) {
        if (deinflect(key).some((d) => d.word === termKey)) continue;
      }
      // One character alone is no term (米 rice, 中 middle), except a country's in a headline: 比、中国船に抗議.
      const headlineOnly = [...key].length === 1 && !context;
      if (headlineOnly) {
        unmatchable.push(form);
        if (entry.category !== 'place') continue;
      }
      const plain = form.normalize('NFKC');
      const terminal: Terminal = {
        index,
        form,
        context,
        needsCapital: !hasJapanese(plain) && /[A-Z]/.test(plain),
        latinStart: isLatin(key.charCodeAt(0)),
        latinEnd: isLatin(key.charCodeAt(key.length - 1)),
        numberMayFollow: /^[a-z]{3,}$/.test(key),
        conjugates: null,
        headlineOnly,
      };
      if (entry.category === 'phrase') {
        for (const variant of particleVariants(key)) {
          const stem = conjugationStem(variant);
          if (stem) insert(stem, { ...terminal, conjugates: { stem, base: variant } }, true);
          else if (variant !== key) insert(variant, terminal, true);
          const affirmative = affirmativeOf(variant);
          const verbStem = affirmative && conjugationStem(affirmative);
          if (affirmative && verbStem) {
            insert(verbStem, { ...terminal, conjugates: { stem: verbStem, base: affirmative, negated: true } }, true);
          }
        }
        if (conjugationStem(key)) continue;
      }
      insert(key, terminal, entry.category === 'phrase');
      const bare = withoutParentheticals(key);
      if (bare !== key && bare.length > 1) {
        insert(bare, terminal);
        if (!byKey.has(bare)) byKey.set(bare, index);
      }
    }
  });

  // A term covering the pointer starts at most this far before it, in normalised units.
  const reach = maxKeyLength + MAX_SKIPS * (MAX_PAREN + 2);
  // Original text around the pointer that is normalised: removed separators make the original longer.
  const radius = 2 * reach + MAX_BYLINE_PLACE + 4;

  function contextHolds(rule: ContextRule, text: string, start: number, end: number): boolean {
    if (rule.kind === 'before') return text.startsWith(normalizeKey(rule.text), end);
    const opener = OPENERS[text[end] ?? ''];
    if (!opener) return false;
    for (let k = start - 1; k >= 0 && start - k <= MAX_BYLINE_PLACE + 1; k--) {
      if (text[k] === opener) return true;
      if (!isNameChar(text[k]!)) return false;
    }
    return false;
  }

  // Hovers along a paragraph send the same text again and again: it is normalised once, unless it is so long that
  // the window around the pointer is cheaper.
  let lastText = '';
  let lastNormalized: Normalized | null = null;
  function normalizedAround(text: string, at: number): Normalized {
    if (text.length <= WHOLE_TEXT_LIMIT) {
      if (text !== lastText || !lastNormalized) {
        lastNormalized = normalize(text);
        lastText = text;
      }
      return lastNormalized;
    }
    let from = Math.max(0, at - radius);
    if (from > 0 && text.charCodeAt(from) >= 0xdc00 && text.charCodeAt(from) <= 0xdfff) from--;
    let to = Math.min(text.length, at + radius);
    if (to < text.length && text.charCodeAt(to) >= 0xdc00 && text.charCodeAt(to) <= 0xdfff) to++;
    return normalize(text, from, to);
  }

  function match(text: string, at: number): GlossaryHit[] {
    if (!(at >= 0 && at < text.length)) return [];
    const n = normalizedAround(text, at);
    // The first normalised unit at or after the pointer.
    const p = firstEndingAfter(n.ends, at);
    if (p >= n.text.length) return [];
    return rank(collect(text, n, at, Math.max(0, p - reach), p), at);
  }

  function matchFrom(text: string, n: Normalized, s: number): GlossaryHit[] {
    if (!(s >= 0 && s < n.text.length)) return [];
    const at = n.starts[s]!;
    return rank(collect(text, n, at, s, s), at);
  }

  /** Terms covering `at` whose keys start at a unit from `first` to `last`. */
  function collect(text: string, n: Normalized, at: number, first: number, last: number): GlossaryHit[] {
    const t = n.text;
    const hits: GlossaryHit[] = [];
    // Set while walking from after a modifier of degree that stands at unit `s` (強い|懸念を示した).
    let modified = false;
    const record = (s: number, stemEnd: number, terminals: Terminal[]): void => {
      for (const term of terminals) {
        if (modified && !startsWithNoun(entries[term.index]!)) continue;
        let e = stemEnd;
        let inflection: InflectionCode[] | undefined;
        if (term.conjugates) {
          const tail = conjugatedTail(t, stemEnd, term.conjugates);
          if (!tail) continue;
          e += tail.length;
          if (tail.inflection.length > 0) inflection = tail.inflection;
        }
        if (term.latinStart && s > 0 && isLatin(t.charCodeAt(s - 1))) continue;
        if (term.latinEnd && e < t.length && isLatin(t.charCodeAt(e)) && !(term.numberMayFollow && isDigit(t, e))) {
          continue;
        }
        if (term.context && !contextHolds(term.context, t, s, e)) continue;
        let end = e;
        // 新戦略兵器削減条約(新START): the abbreviation in parentheses right after a term belongs to it.
        if (t[e] === '(') {
          const close = closeParen(t, e);
          if (close > 0 && byKey.get(t.slice(e + 1, close)) === term.index) end = close + 1;
        }
        const start = n.starts[s]!;
        const stop = n.ends[end - 1]!;
        if (term.headlineOnly && !standsAlone(text, start, stop)) continue;
        if (!(start <= at && at < stop)) continue;
        if (term.needsCapital && !/[A-ZＡ-Ｚ]/.test(text.slice(start, stop))) continue;
        const hit: GlossaryHit = { entry: entries[term.index]!, index: term.index, start, end: stop, form: term.form };
        if (inflection) hit.inflection = inflection;
        hits.push(hit);
      }
    };

    const walk = (
      node: TrieNode,
      s: number,
      i: number,
      skips: number,
      justSkipped: boolean,
      mayInsert = true,
    ): void => {
      for (;;) {
        if (node.terminals && !justSkipped) record(s, i, node.terminals);
        if (i >= t.length || (!node.only && !node.next)) return;
        if (t[i] === '(' && node !== root && skips < MAX_SKIPS) {
          const close = closeParen(t, i);
          if (close > 0) walk(node, s, close + 1, skips + 1, true, mayInsert);
        }
        if (node.slot && mayInsert) {
          // One adverb inside a phrase; the plain walk goes on too, for text where the key simply continues.
          for (const length of insertLengths(t, i)) walkAfterInsert(node, s, i + length, skips);
        }
        const code = t.codePointAt(i)!;
        const unit = code > 0xffff ? t.slice(i, i + 2) : t[i]!;
        const child = childOf(node, unit);
        if (!child) return;
        node = child;
        i += unit.length;
        justSkipped = false;
      }
    };

    const walkAfterModifier = (s: number, i: number): void => {
      const child = childOf(root, t[i]!);
      if (child) walk(child, s, i + 1, 0, false);
    };

    const walkAfterInsert = (node: TrieNode, s: number, i: number, skips: number): void => {
      // The key must go on right after the insert: an insert never ends a phrase.
      const code = t.codePointAt(i);
      if (code === undefined) return;
      const child = childOf(node, code > 0xffff ? t.slice(i, i + 2) : t[i]!);
      if (child) walk(child, s, i + (code > 0xffff ? 2 : 1), skips, false, false);
    };

    for (let s = first; s <= last; s++) {
      const c = t.charCodeAt(s);
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      walk(root, s, s, 0, false);
      // Only for a pointer on the modifier itself: on 懸 of 強い懸念, the phrase starts at 懸.
      const m = leadingModifierLength(t, s);
      if (m > 0 && s + m < t.length && at < n.starts[s + m]!) {
        modified = true;
        walkAfterModifier(s, s + m);
        modified = false;
      }
    }
    return hits;
  }

  return {
    entries,
    match,
    matchFrom,
    find: (term) => {
      const index = byKey.get(normalizeKey(term));
      return index === undefined ? undefined : entries[index];
    },
    unmatchable,
  };
}

/**
 * Whether text[start, end) stands as a word of its own: after the start, a space, punctuation or a bracket, and
 * before a comma, a space, a closing bracket or the end (比、中国船に抗議; 比 alone). Never before a particle or a noun:
 * 米を炊く is rice, 前年比で a ratio.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (
    (before === undefined || /[\s、。，．,.!?！？「『【（(\]】」』)）・:：]/.test(before)) &&
    (after === undefined || /[\s、，,」』）)】]/.test(after))
  );
}

/** A set phrase that opens with a noun a modifier of degree can weigh (懸念を示す, 遺憾の意を表明する). */
function startsWithNoun(entry: GlossaryEntry): boolean {
  return entry.category === 'phrase' && isKanjiCode(entry.term.charCodeAt(0));
}

/** Texts up to this length are normalised whole and kept for the next hover. */
const WHOLE_TEXT_LIMIT = 4096;

/** The first unit whose source ends after `at` (ends never decrease). */
function firstEndingAfter(ends: Int32Array, at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Longest span first, then the one starting closest to the pointer; one hit per entry. */
function rank(hits: GlossaryHit[], at: number): GlossaryHit[] {
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || at - a.start - (at - b.start) || a.index - b.index);
  const seen = new Set<number>();
  return hits.filter((h) => !seen.has(h.index) && seen.add(h.index));
}
