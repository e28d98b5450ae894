/**
 * The EDICT/JMdict codes that may open a gloss in parentheses. Anything else in leading parentheses, such as
 * "(of a person)", is part of the English gloss and must stay there.
 */

export const POS_CODES: ReadonlySet<string> = new Set(
  (
    'adj-f adj-i adj-ix adj-kari adj-ku adj-na adj-nari adj-no adj-pn adj-shiku adj-t adv adv-to aux aux-adj aux-v ' +
    'conj cop cop-da ctr exp int n n-adv n-pr n-pref n-suf n-t num pn pref prt suf unc v-unspec v1 v1-s v2a-s v2b-k ' +
    'v2b-s v2d-k v2d-s v2g-k v2g-s v2h-k v2h-s v2k-k v2k-s v2m-k v2m-s v2n-s v2r-k v2r-s v2s-s v2t-k v2t-s v2w-s ' +
    'v2y-k v2y-s v2z-s v4b v4g v4h v4k v4m v4n v4r v4s v4t v5 v5aru v5b v5g v5k v5k-s v5m v5n v5r v5r-i v5s v5t v5u ' +
    'v5u-s v5uru vi vk vn vr vs vs-c vs-i vs-s vt vz'
  ).split(' '),
);

/** Field of application (mil, law, econ …). */
export const FIELD_CODES: ReadonlySet<string> = new Set(
  (
    'agric anat archeol archit art astron audvid aviat baseb biochem biol bot Buddh bus chem Christn cloth comp ' +
    'cryst ecol econ elec electr embryo engr ent finc fish food gardn genet geogr geol geom go golf gramm grmyth ' +
    'hanaf horse law ling logic MA mahj math mech med met mil music ornith paleo pathol pharm phil photo physics ' +
    'physiol print psy psych rail Shinto shogi sports stat sumo telec tradem vidg zool'
  ).split(' '),
);

/** Usage and register (abbr, uk, hon, arch, obs …). */
export const MISC_CODES: ReadonlySet<string> = new Set(
  (
    'abbr arch char chn col company creat dated derog doc ev fam fem fict form given group hist hon hum id joc leg ' +
    'litf m-sl male myth net-sl obj obs obsc on-mim organization oth person place poet pol product proverb quote ' +
    'rare relig sens serv sl station surname uk unclass vulg work X yoji'
  ).split(' '),
);

/** Dialects, written "(ksb:)" in EDICT; stored without the colon. */
export const DIALECT_CODES: ReadonlySet<string> = new Set(
  'bra hob ksb ktb kyb kyu nab osb rkb thb tsb tsug'.split(' '),
);

/** Tags describing a spelling: they belong to the kanji form of the line. */
export const KANJI_FORM_TAGS: ReadonlySet<string> = new Set(['ateji', 'iK', 'io', 'oK', 'rK', 'sK']);

/** Tags describing a reading: they belong to the kana form of the line. */
export const KANA_FORM_TAGS: ReadonlySet<string> = new Set(['gikun', 'ik', 'ok', 'rk', 'sk', 'uK']);

export function isSenseTag(code: string): boolean {
  return FIELD_CODES.has(code) || MISC_CODES.has(code);
}
