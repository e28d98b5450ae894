/**
 * The deinflection rule table: word types as bits, the conjugation classes of verbs and adjectives, and the rules
 * that strip one suffix from a form of one type to give a form of another. Data for `deinflect.ts`, which walks it.
 */
import type { InflectionCode } from './inflection';

// ---------------------------------------------------------------------------------------------------------------
// Word types. Dictionary forms carry the EDICT codes they accept; the others exist only inside a chain.

const bit = (n: number) => 1 << n;
const V1 = bit(0);
const V5K = bit(1);
const V5K_S = bit(2); // 行く: 行って, 行った
const V5G = bit(3);
const V5S = bit(4);
const V5T = bit(5);
const V5N = bit(6);
const V5B = bit(7);
const V5M = bit(8);
const V5R = bit(9);
const V5U = bit(10);
const V5U_S = bit(11); // 問う: 問うて, 問うた
const V5ARU = bit(12); // なさる: なさいます, なさい
const VS = bit(13); // ends in する: する, 愛する, とする
const VK = bit(14);
const ADJ_I = bit(15);
const VS_NOUN = bit(16); // 合意 for 合意する
const MASU = bit(17);
const TE = bit(18);
const TE_INNER = bit(19); // a te-form an auxiliary was attached to: it adds no reason of its own
const TA = bit(20);
const TA_INNER = bit(21);
const STEM = bit(22); // continuative (連用形) standing on its own
const STEM_INNER = bit(23);
const TERMINAL = bit(24); // a form nothing conjugates from: 書けば, 書こう, 書かず …
const ADJ_T = bit(25); // 断固 for 断固たる

const ANY_VERB = V1 | V5K | V5G | V5S | V5T | V5N | V5B | V5M | V5R | V5U | VS | VK;
/** What the text as written may be: anything but a form that only exists under an auxiliary. */
export const SURFACE = ~(TE_INNER | TA_INNER | STEM_INNER | VS_NOUN | ADJ_T);

export interface FinalType {
  type: number;
  name: string;
  endings: readonly string[];
  accepts: readonly string[];
}

export const FINAL_TYPES: readonly FinalType[] = [
  { type: V1, name: 'v1', endings: ['る'], accepts: ['v1', 'v1-s'] },
  { type: V5K, name: 'v5k', endings: ['く'], accepts: ['v5k', 'v5k-s'] },
  { type: V5K_S, name: 'v5k-s', endings: ['く'], accepts: ['v5k-s'] },
  { type: V5G, name: 'v5g', endings: ['ぐ'], accepts: ['v5g'] },
  { type: V5S, name: 'v5s', endings: ['す'], accepts: ['v5s'] },
  { type: V5T, name: 'v5t', endings: ['つ'], accepts: ['v5t'] },
  { type: V5N, name: 'v5n', endings: ['ぬ'], accepts: ['v5n'] },
  { type: V5B, name: 'v5b', endings: ['ぶ'], accepts: ['v5b'] },
  { type: V5M, name: 'v5m', endings: ['む'], accepts: ['v5m'] },
  { type: V5R, name: 'v5r', endings: ['る'], accepts: ['v5r', 'v5r-i', 'v5aru'] },
  { type: V5U, name: 'v5u', endings: ['う'], accepts: ['v5u', 'v5u-s'] },
  { type: V5U_S, name: 'v5u-s', endings: ['う'], accepts: ['v5u-s'] },
  { type: V5ARU, name: 'v5aru', endings: ['る'], accepts: ['v5aru'] },
  { type: VS, name: 'vs', endings: ['する'], accepts: ['vs-i', 'vs-s'] },
  { type: VK, name: 'vk', endings: ['くる', '来る'], accepts: ['vk'] },
  { type: ADJ_I, name: 'adj-i', endings: ['い'], accepts: ['adj-i', 'adj-ix'] },
  { type: VS_NOUN, name: 'vs-noun', endings: [''], accepts: ['vs'] },
  { type: ADJ_T, name: 'adj-t', endings: [''], accepts: ['adj-t'] },
];
export const FINAL_MASK = FINAL_TYPES.reduce((m, t) => m | t.type, 0);

// ---------------------------------------------------------------------------------------------------------------
// The rule table.

interface Rule {
  from: string;
  to: string;
  /** Types the form ending in `from` may have. */
  in: number;
  /** Type of the form ending in `to`. */
  out: number;
  reasons: readonly InflectionCode[];
}

const RULES: Rule[] = [];

function rule(from: string, to: string, inType: number, out: number, ...reasons: InflectionCode[]): void {
  RULES.push({ from, to, in: inType, out, reasons });
}

/**
 * A te-form, ta-form or continuative is worth naming when the text ends there (交わされ: continuative), not when an
 * auxiliary hangs on it (交わされて-いる says progressive, not te-form + progressive), so such rules come in pairs.
 */
function formRule(from: string, to: string, form: 'te' | 'ta' | 'stem', out: number): void {
  const [outer, inner, reason]: [number, number, InflectionCode] =
    form === 'te' ? [TE, TE_INNER, 'te'] : form === 'ta' ? [TA, TA_INNER, 'past'] : [STEM, STEM_INNER, 'continuative'];
  rule(from, to, outer, out, reason);
  rule(from, to, inner, out);
}

/** How one conjugation class builds its forms; several spellings of a stem are listed where they exist. */
interface VerbClass {
  type: number;
  dict: string;
  /** Stem before ない (未然形). */
  nai: string;
  /** Stem before ず, ぬ, ん (suru: せ). */
  zu: string;
  /** Stem before れる / せる (suru: さ). */
  reru: string;
  /** Passive ending; for ichidan and kuru it is also the potential. */
  passive: string;
  passiveReason: InflectionCode;
  causative: string;
  potential: string[];
  stem: string;
  te: string;
  ta: string;
  ba: string;
  imperative: string[];
  volitional: string;
}

function godan(type: number, dict: string, a: string, i: string, e: string, o: string, te: string): VerbClass {
  const ta = te.slice(0, -1) + (te.endsWith('で') ? 'だ' : 'た');
  return {
    type,
    dict,
    nai: a,
    zu: a,
    reru: a,
    passive: a + 'れる',
    passiveReason: 'passive',
    causative: a + 'せる',
    potential: [e + 'る'],
    stem: i,
    te,
    ta,
    ba: e + 'ば',
    imperative: [e],
    volitional: o + 'う',
  };
}

const GODAN: VerbClass[] = [
  godan(V5K | V5K_S, 'く', 'か', 'き', 'け', 'こ', 'いて'),
  godan(V5G, 'ぐ', 'が', 'ぎ', 'げ', 'ご', 'いで'),
  godan(V5S, 'す', 'さ', 'し', 'せ', 'そ', 'して'),
  godan(V5T, 'つ', 'た', 'ち', 'て', 'と', 'って'),
  godan(V5N, 'ぬ', 'な', 'に', 'ね', 'の', 'んで'),
  godan(V5B, 'ぶ', 'ば', 'び', 'べ', 'ぼ', 'んで'),
  godan(V5M, 'む', 'ま', 'み', 'め', 'も', 'んで'),
  godan(V5R | V5ARU, 'る', 'ら', 'り', 'れ', 'ろ', 'って'),
  godan(V5U | V5U_S, 'う', 'わ', 'い', 'え', 'お', 'って'),
];

const ICHIDAN: VerbClass = {
  type: V1,
  dict: 'る',
  nai: '',
  zu: '',
  reru: '',
  passive: 'られる',
  passiveReason: 'passive-potential',
  causative: 'させる',
  potential: ['れる'], // ら抜き: 見れる, 食べれる
  stem: '',
  te: 'て',
  ta: 'た',
  ba: 'れば',
  imperative: ['ろ', 'よ'],
  volitional: 'よう',
};

const SURU: VerbClass = {
  type: VS,
  dict: 'する',
  nai: 'し',
  zu: 'せ',
  reru: 'さ',
  passive: 'される',
  passiveReason: 'passive',
  causative: 'させる',
  potential: ['できる'],
  stem: 'し',
  te: 'して',
  ta: 'した',
  ba: 'すれば',
  imperative: ['しろ', 'せよ'],
  volitional: 'しよう',
};

function kuru(k: string, ko: string, ki: string): VerbClass {
  return {
    type: VK,
    dict: k + 'る',
    nai: ko,
    zu: ko,
    reru: ko,
    passive: ko + 'られる',
    passiveReason: 'passive-potential',
    causative: ko + 'させる',
    potential: [ko + 'れる'],
    stem: ki,
    te: ki + 'て',
    ta: ki + 'た',
    ba: k + 'れば',
    imperative: [ko + 'い'],
    volitional: ko + 'よう',
  };
}

const KURU: VerbClass[] = [kuru('く', 'こ', 'き'), kuru('来', '来', '来')];

for (const c of [...GODAN, ICHIDAN, SURU, ...KURU]) {
  const d = c.dict;
  rule(c.nai + 'ない', d, ADJ_I, c.type, 'negative');
  rule(c.zu + 'ず', d, TERMINAL, c.type, 'negative-continuative');
  rule(c.zu + 'ずに', d, TERMINAL, c.type, 'negative-continuative');
  rule(c.zu + 'ぬ', d, TERMINAL, c.type, 'classical-negative');
  rule(c.zu + 'ざる', d, TERMINAL, c.type, 'classical-negative');
  rule(c.zu + 'ねば', d, TERMINAL, c.type, 'negative', 'conditional');
  rule(c.zu + 'ん', d, TERMINAL, c.type, 'negative');
  rule(c.passive, d, V1, c.type, c.passiveReason);
  rule(c.causative, d, V1, c.type, 'causative');
  for (const p of c.potential) rule(p, d, V1, c.type, 'potential');
  if (c.stem !== '' || c.type === V1) formRule(c.stem, d, 'stem', c.type);
  formRule(c.te, d, 'te', c.type);
  formRule(c.ta, d, 'ta', c.type);
  rule(c.ba, d, TERMINAL, c.type, 'conditional');
  for (const imp of c.imperative) rule(imp, d, TERMINAL, c.type, 'imperative');
  rule(c.volitional, d, TERMINAL, c.type, 'volitional');
}
// Godan short causative-passive (書かされる); す-verbs use the long form.
for (const c of GODAN) if (c.dict !== 'す') rule(c.reru + 'される', c.dict, V1, c.type, 'causative', 'passive');
// Irregular godan forms.
formRule('って', 'く', 'te', V5K_S);
formRule('った', 'く', 'ta', V5K_S);
formRule('うて', 'う', 'te', V5U_S);
formRule('うた', 'う', 'ta', V5U_S);
formRule('い', 'る', 'stem', V5ARU);
rule('い', 'る', TERMINAL, V5ARU, 'imperative');
// 合意する → 合意: the noun the lookup shows.
rule('する', '', VS, VS_NOUN, 'suru-verb');
// Taru-adjectives before a noun: 断固たる行動, 確固たる証拠 (EDICT lists the stem, 断固, as adj-t).
rule('たる', '', TERMINAL, ADJ_T, 'taru');

// i-adjectives.
rule('くない', 'い', ADJ_I, ADJ_I, 'negative');
formRule('かった', 'い', 'ta', ADJ_I);
formRule('くて', 'い', 'te', ADJ_I);
rule('く', 'い', TERMINAL, ADJ_I, 'adverbial');
rule('ければ', 'い', TERMINAL, ADJ_I, 'conditional');
rule('かろう', 'い', TERMINAL, ADJ_I, 'volitional');
rule('さ', 'い', TERMINAL, ADJ_I, 'noun-suffix-sa');
rule('そう', 'い', TERMINAL, ADJ_I, 'appearance');
rule('よさそう', 'よい', TERMINAL, ADJ_I, 'appearance');
rule('なさそう', 'ない', TERMINAL, ADJ_I, 'appearance');
rule('すぎる', 'い', V1, ADJ_I, 'excess');
rule('くなる', 'い', V5R, ADJ_I, 'become');
// 書かないで: "without writing".
formRule('ないで', 'ない', 'te', ADJ_I);

// Auxiliaries on the continuative stem.
rule('ます', '', MASU, STEM_INNER, 'polite');
rule('たい', '', ADJ_I, STEM_INNER, 'desire');
rule('ながら', '', TERMINAL, STEM_INNER, 'while');
rule('なさい', '', TERMINAL, STEM_INNER, 'polite-imperative');
rule('そう', '', TERMINAL, STEM_INNER, 'appearance');
rule('すぎる', '', V1, STEM_INNER, 'excess');
rule('やすい', '', ADJ_I, STEM_INNER, 'easy-to');
rule('にくい', '', ADJ_I, STEM_INNER, 'hard-to');

// ます conjugates on its own.
formRule('ました', 'ます', 'ta', MASU);
formRule('まして', 'ます', 'te', MASU);
rule('ません', 'ます', TERMINAL, MASU, 'negative');
rule('ませんでした', 'ます', TERMINAL, MASU, 'negative', 'past');
rule('ましょう', 'ます', TERMINAL, MASU, 'volitional');

// Auxiliaries on the te-form; each exists after て and after the voiced で (読んで).
const TE_AUXILIARIES: [string, number, InflectionCode][] = [
  ['いる', V1, 'progressive'],
  ['る', V1, 'progressive'], // 〜てる
  ['おる', V5R, 'progressive'], // 〜ており, 〜ておらず
  ['ある', V5R, 'resultative'],
  ['おく', V5K, 'preparation'],
  ['しまう', V5U, 'completion'],
  ['いく', V5K | V5K_S, 'te-iku'],
  ['くる', VK, 'te-kuru'],
  ['みる', V1, 'try'],
  ['もらう', V5U, 'benefactive'],
  ['くれる', V1, 'benefactive'],
  ['あげる', V1, 'benefactive'],
  ['いただく', V5K, 'benefactive'],
  ['くださる', V5ARU | V5R, 'benefactive'],
  ['も', TERMINAL, 'concessive'],
];
for (const [aux, type, reason] of TE_AUXILIARIES) {
  rule('て' + aux, 'て', type, TE_INNER, reason);
  rule('で' + aux, 'で', type, TE_INNER, reason);
}
// Spoken contractions: 〜ちゃう (てしまう), 〜とく (ておく).
rule('ちゃう', 'て', V5U, TE_INNER, 'completion');
rule('じゃう', 'で', V5U, TE_INNER, 'completion');
rule('とく', 'て', V5K, TE_INNER, 'preparation');
rule('どく', 'で', V5K, TE_INNER, 'preparation');

// Auxiliaries on the ta-form.
for (const [aux, reason] of [
  ['ら', 'conditional-tara'],
  ['り', 'tari'],
] as const) {
  rule('た' + aux, 'た', TERMINAL, TA_INNER, reason);
  rule('だ' + aux, 'だ', TERMINAL, TA_INNER, reason);
}

// べき follows the dictionary form; する has the classical す.
rule('べき', '', TERMINAL, ANY_VERB, 'should');
rule('すべき', 'する', TERMINAL, VS, 'should');

/** Rules by the last character of `from`; the ichidan stem rule (empty `from`) applies to every form. */
export const RULES_BY_LAST = new Map<string, Rule[]>();
export const RULES_ANY_END: Rule[] = [];
for (const r of RULES) {
  if (r.from === '') {
    RULES_ANY_END.push(r);
    continue;
  }
  const last = r.from[r.from.length - 1]!;
  const list = RULES_BY_LAST.get(last);
  if (list) list.push(r);
  else RULES_BY_LAST.set(last, [r]);
}
