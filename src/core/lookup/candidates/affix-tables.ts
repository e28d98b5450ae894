/**
 * Data for composing what news writes as one word but no dictionary lists: a country abbreviation before an
 * institution (米国防総省, 比沿岸警備隊), a suffix after a term (税制改正案), and the sense a kanji has at the end of a
 * compound (滑空弾: "shell", never "egg").
 */

export interface Affix {
  reading: string;
  /** English, with `{}` where the word it attaches to goes. */
  en: string;
}

/** Countries as news abbreviates them before an institution, and written in full; longest first when matched. */
export const COUNTRY_PREFIXES: Readonly<Record<string, Affix>> = {
  米: { reading: 'べい', en: 'US {}' },
  米国: { reading: 'べいこく', en: 'US {}' },
  中: { reading: 'ちゅう', en: 'Chinese {}' },
  中国: { reading: 'ちゅうごく', en: 'Chinese {}' },
  露: { reading: 'ろ', en: 'Russian {}' },
  ロ: { reading: 'ろ', en: 'Russian {}' },
  ロシア: { reading: 'ロシア', en: 'Russian {}' },
  韓: { reading: 'かん', en: 'South Korean {}' },
  韓国: { reading: 'かんこく', en: 'South Korean {}' },
  朝: { reading: 'ちょう', en: 'North Korean {}' },
  北朝鮮: { reading: 'きたちょうせん', en: 'North Korean {}' },
  比: { reading: 'ひ', en: 'Philippine {}' },
  英: { reading: 'えい', en: 'British {}' },
  英国: { reading: 'えいこく', en: 'British {}' },
  仏: { reading: 'ふつ', en: 'French {}' },
  独: { reading: 'どく', en: 'German {}' },
  豪: { reading: 'ごう', en: 'Australian {}' },
  豪州: { reading: 'ごうしゅう', en: 'Australian {}' },
  印: { reading: 'いん', en: 'Indian {}' },
  台: { reading: 'たい', en: 'Taiwanese {}' },
  台湾: { reading: 'たいわん', en: 'Taiwanese {}' },
  伊: { reading: 'い', en: 'Italian {}' },
  加: { reading: 'か', en: 'Canadian {}' },
  欧: { reading: 'おう', en: 'European {}' },
  欧州: { reading: 'おうしゅう', en: 'European {}' },
  越: { reading: 'えつ', en: 'Vietnamese {}' },
  日: { reading: 'にち', en: 'Japanese {}' },
  日本: { reading: 'にほん', en: 'Japanese {}' },
  ウクライナ: { reading: 'ウクライナ', en: 'Ukrainian {}' },
  イスラエル: { reading: 'イスラエル', en: 'Israeli {}' },
  イラン: { reading: 'イラン', en: 'Iranian {}' },
  インド: { reading: 'インド', en: 'Indian {}' },
  ドイツ: { reading: 'ドイツ', en: 'German {}' },
  フランス: { reading: 'フランス', en: 'French {}' },
  トルコ: { reading: 'トルコ', en: 'Turkish {}' },
  フィリピン: { reading: 'フィリピン', en: 'Philippine {}' },
  ベトナム: { reading: 'ベトナム', en: 'Vietnamese {}' },
  インドネシア: { reading: 'インドネシア', en: 'Indonesian {}' },
  サウジアラビア: { reading: 'サウジアラビア', en: 'Saudi {}' },
  ブラジル: { reading: 'ブラジル', en: 'Brazilian {}' },
  パレスチナ: { reading: 'パレスチナ', en: 'Palestinian {}' },
};

/**
 * A house of a parliament before one of its bodies reads with it as the country does before a ministry (衆院予算委員会
 * "Lower House Budget Committee", 参院本会議, 米下院外交委員会).
 */
export const CHAMBER_PREFIXES: Readonly<Record<string, Affix>> = {
  衆院: { reading: 'しゅういん', en: 'Lower House {}' },
  参院: { reading: 'さんいん', en: 'Upper House {}' },
  衆議院: { reading: 'しゅうぎいん', en: 'House of Representatives {}' },
  参議院: { reading: 'さんぎいん', en: 'House of Councillors {}' },
  米下院: { reading: 'べいかいん', en: 'US House {}' },
  米上院: { reading: 'べいじょういん', en: 'US Senate {}' },
};

/**
 * Prefixes news puts before a name to say when it held (旧安倍派 "the former Abe faction", 元日銀総裁, 前駐米大使,
 * 新政権); the whole reads as one word (きゅうあべは).
 */
export const STATUS_PREFIXES: Readonly<Record<string, Affix>> = {
  旧: { reading: 'きゅう', en: 'former {}' },
  元: { reading: 'もと', en: 'former {}' },
  前: { reading: 'ぜん', en: 'former {}' },
  新: { reading: 'しん', en: 'new {}' },
  現: { reading: 'げん', en: 'current {}' },
};

/** Suffixes that make a new term of the term before them; the whole reads as one word (ぜいせいかいせいあん). */
export const TERM_SUFFIXES: Readonly<Record<string, Affix>> = {
  法案: { reading: 'ほうあん', en: '{} bill' },
  改正案: { reading: 'かいせいあん', en: 'amendment to {}' },
  案: { reading: 'あん', en: 'draft {}; proposed {}' },
  会合: { reading: 'かいごう', en: '{} meeting' },
  会議: { reading: 'かいぎ', en: '{} conference' },
  協議: { reading: 'きょうぎ', en: '{} talks' },
  交渉: { reading: 'こうしょう', en: '{} negotiations' },
  側: { reading: 'がわ', en: '{} side' },
  政権: { reading: 'せいけん', en: '{} administration' },
  陣営: { reading: 'じんえい', en: '{} camp' },
  問題: { reading: 'もんだい', en: '{} issue' },
  関係者: { reading: 'かんけいしゃ', en: 'person involved in {}' },
  報道官: { reading: 'ほうどうかん', en: '{} spokesperson' },
  当局: { reading: 'とうきょく', en: '{} authorities' },
  相: { reading: 'しょう', en: '{} minister' },
  法: { reading: 'ほう', en: '{} act' },
  製: { reading: 'せい', en: 'made in {}' },
  関税: { reading: 'かんぜい', en: '{} tariffs' },
  率: { reading: 'りつ', en: '{} rate' },
  費: { reading: 'ひ', en: 'cost of {}' },
  額: { reading: 'がく', en: 'amount of {}' },
};

/** The sense a kanji has at the end of a compound, where the dictionary's first sense is another word. */
export const COMPOUND_FINALS: Readonly<Record<string, Affix>> = {
  弾: { reading: 'だん', en: 'bullet; shell; missile' },
  型: { reading: 'がた', en: '-type; model' },
  性: { reading: 'せい', en: '-ity; -ness; nature' },
  化: { reading: 'か', en: '-ization' },
  的: { reading: 'てき', en: '-ic; -al' },
  側: { reading: 'がわ', en: 'side' },
  派: { reading: 'は', en: 'faction; camp' },
  省: { reading: 'しょう', en: 'ministry' },
  庁: { reading: 'ちょう', en: 'agency' },
  相: { reading: 'しょう', en: 'minister' },
  案: { reading: 'あん', en: 'plan; draft' },
  法: { reading: 'ほう', en: 'law; act' },
  権: { reading: 'けん', en: 'right; authority' },
  率: { reading: 'りつ', en: 'rate' },
  党: { reading: 'とう', en: 'party' },
  軍: { reading: 'ぐん', en: 'forces; army' },
  艦: { reading: 'かん', en: 'warship' },
  機: { reading: 'き', en: 'aircraft; machine' },
  網: { reading: 'もう', en: 'network' },
  界: { reading: 'かい', en: 'world; circles' },
  費: { reading: 'ひ', en: 'costs; expenses' },
  税: { reading: 'ぜい', en: 'tax' },
  策: { reading: 'さく', en: 'measures; policy' },
  力: { reading: 'りょく', en: 'power; capability' },
  圏: { reading: 'けん', en: 'sphere; zone' },
  層: { reading: 'そう', en: 'class; stratum' },
  者: { reading: 'しゃ', en: 'person; -er' },
  局: { reading: 'きょく', en: 'bureau; office' },
  間: { reading: 'かん', en: 'between; among' },
  製: { reading: 'せい', en: 'made in; made of' },
  度: { reading: 'ど', en: 'degree; -ness' },
  級: { reading: 'きゅう', en: '-level; class' },
  庁舎: { reading: 'ちょうしゃ', en: 'government office building' },
};

/**
 * Words that end the name of an institution: a place or a name before them makes one proper noun that a reader takes
 * whole (大阪地検特捜部, 種子島宇宙センター, 中央規律検査委員会), though no dictionary lists it; each with its sense
 * as an institution (機構 is an organization there, not a mechanism).
 */
export const INSTITUTION_FINALS: Readonly<Record<string, string>> = {
  委員会: 'committee; commission',
  審議会: 'council',
  協議会: 'council',
  評議会: 'council',
  研究所: 'research institute',
  研究会: 'study group',
  研究機構: 'research organization',
  機構: 'organization; agency',
  センター: 'center',
  大学: 'university',
  医大: 'medical university',
  大学院: 'graduate school',
  本部: 'headquarters',
  協会: 'association',
  財団: 'foundation',
  連合: 'federation; union',
  連盟: 'league; federation',
  総連: 'federation of unions',
  事務所: 'office',
  事務局: 'secretariat',
  特捜部: 'special investigation department',
  地検: 'district public prosecutors office',
  地裁: 'district court',
  高裁: 'high court',
  家裁: 'family court',
  裁判所: 'court',
  検察庁: 'public prosecutors office',
  警察署: 'police station',
  病院: 'hospital',
  銀行: 'bank',
  公社: 'public corporation',
  組合: 'union; association',
  学会: 'academic society',
  会議所: 'chamber',
  振興会: 'promotion association',
  基金: 'fund',
};

export function affixGloss(affix: Affix, word: string): string {
  return affix.en.replaceAll('{}', word);
}

/**
 * The one kanji news keeps of an institution's last word (第三者委 of 第三者委員会, 法制審 of 法制審議会): the word in
 * full, and the reading kept of it.
 */
export const SHORTENED_FINALS: Readonly<Record<string, { full: string; reading: string; fullReading: string }>> = {
  委: { full: '委員会', reading: 'い', fullReading: 'いいんかい' },
  審: { full: '審議会', reading: 'しん', fullReading: 'しんぎかい' },
};
