/**
 * A surname followed by a title is a person (林官房長官, 茂木外相, 山口代表 — Komeito's leader, not the city): the
 * glossary's card of the person the title fits, else the surname from the names dictionary; never the kanji's
 * common-noun sense (林 "wood") first.
 */
import type { GlossaryEntry } from '../glossary/entry';
import type { GlossaryIndex } from '../glossary/match';
import { isKanji, isKatakanaLetter } from '../text/chars';
import type { GlossaryLookupEntry, LookupEntry, LookupResult, NameLookupEntry, Token } from '../types';

/** What the card of a person news calls a suspect or a defendant says of them. */
const ACCUSED = /arrest|indict|charged|convict|sentenc|trial|suspect|defendant/i;

/** Titles that say nothing of an office: the surname alone must name one person of the glossary. */
const BARE_TITLES = new Set(['氏', '被告', '容疑者']);

/**
 * A minister's title the list does not hold (デジタル相, 少子化相, 万博相): a word of two to five kanji or katakana
 * and 相, where no kanji follows (相手, 相場 are other words).
 */
const MINISTER = /^[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,5}相(?![\u3400-\u9fff])/;
/**
 * Which office such a title names the cards cannot tell (加藤少子化相 is not 加藤勝信 the finance minister) unless the
 * dictionary's word for its portfolio names a minister in a card (デジタル "digital": "Digital Minister 2022–2024"):
 * else no card fits, and the surname is read as the glossary's people with it are (平 たいら, not 平 "flat").
 */
const NO_CARD = /(?!)/;

/** The office a card names, as "<portfolio> Minister" or "minister for <portfolio>" (up to three words before it). */
function ministerOf(words: readonly string[]): RegExp | null {
  const portfolio = words.filter((w) => /^[a-z]{4,}$/.test(w)).join('|');
  if (!portfolio) return null;
  return new RegExp(
    `\\b(?:${portfolio})\\w*\\s+minister|\\bminister\\s+(?:of|for)\\s+(?:[\\w'-]+\\s+){0,3}(?:${portfolio})`,
    'i',
  );
}

/** Titles news writes after a surname, each with what the person's card says of such an office. */
const TITLES: readonly [string, RegExp][] = [
  ['官房長官', /chief cabinet secretary/i],
  ['官房副長官', /deputy chief cabinet secretary/i],
  ['首相', /prime minister/i],
  ['総理', /prime minister/i],
  ['副首相', /deputy prime minister/i],
  ['主席', /president|general secretary|chair/i],
  ['国家主席', /president/i],
  ['総書記', /general secretary/i],
  ['総統', /president/i],
  ['外相', /foreign minister|foreign affairs/i],
  ['外務大臣', /foreign minister|foreign affairs/i],
  ['防衛大臣', /defen[cs]e minister/i],
  ['経済安保相', /economic security/i],
  ['防衛相', /defen[cs]e minister/i],
  ['財務相', /financ/i],
  ['財務大臣', /financ/i],
  ['経産相', /economy|trade and industry/i],
  ['経済産業相', /economy|trade and industry/i],
  ['経済産業大臣', /economy|trade and industry/i],
  ['国務長官', /secretary of state/i],
  ['国防長官', /secretary of defen[cs]e|defen[cs]e secretary/i],
  ['財務長官', /treasury/i],
  ['長官', /secretary|director|commissioner|chief/i],
  ['外務次官', /vice[- ]minister/i],
  ['官房長', /./],
  ['上院議員', /senator/i],
  ['下院議長', /speaker/i],
  ['首席補佐官', /chief of staff/i],
  ['補佐官', /advis|assistant|aide/i],
  ['農相', /agricultur/i],
  ['農水相', /agricultur/i],
  ['厚労相', /health|labou?r/i],
  ['文科相', /education/i],
  ['国交相', /transport|land, infrastructure/i],
  ['環境相', /environment/i],
  ['法相', /justice/i],
  ['総務相', /internal affairs/i],
  ['経済再生相', /economic revitali[sz]ation/i],
  ['幹事長', /secretary[- ]general/i],
  ['幹事長代行', /secretary[- ]general/i],
  ['副総裁', /vice[- ]president/i],
  ['共同代表', /co-?leader|leader/i],
  ['政調会長', /policy/i],
  ['総務会長', /general council/i],
  ['代表', /leader|head|representative|president/i],
  ['党首', /leader|head|president/i],
  [
    '選手',
    /player|athlete|pitcher|batter|skater|swimmer|runner|wrestler|champion|baseball|football|soccer|tennis|golf|olympi/i,
  ],
  ['投手', /pitcher/i],
  ['監督', /manager|coach|director/i],
  ['総裁', /president|governor/i],
  ['委員長', /chair|head|leader/i],
  ['議長', /speaker|chair|president/i],
  ['知事', /governor/i],
  ['市長', /mayor/i],
  ['大統領', /president/i],
  ['副大統領', /vice president/i],
  ['大使', /ambassador/i],
  ['報道官', /spokes/i],
  ['氏', /./],
  ['被告', ACCUSED],
  ['容疑者', ACCUSED],
  ['議員', /lawmaker|member|senator|representative/i],
  ['理事長', /chair|president|director/i],
  ['会長', /chair|president/i],
  ['社長', /president|ceo|chief executive/i],
  ['区議', /ward/i],
  ['市議', /city/i],
  ['県議', /prefectural/i],
  ['都議', /metropolitan/i],
];

/** Written between a name and its title: a former or the previous holder (山田元外相, 前司法相). */
const FORMER = new Set(['元', '前']);

const MAX_SURNAME = 3;
const PERSON_TAGS = new Set(['surname', 'person', 'given', 'fem', 'male']);

const peopleBySurname = new WeakMap<GlossaryIndex, Map<string, GlossaryEntry[]>>();

/** Japanese people of the glossary by the first one to three kanji of their names. */
function people(glossary: GlossaryIndex): Map<string, GlossaryEntry[]> {
  let map = peopleBySurname.get(glossary);
  if (!map) {
    map = new Map();
    for (const e of glossary.entries) {
      if (e.category !== 'person' || !isKanji(e.term)) continue;
      for (let n = 1; n <= MAX_SURNAME && n < e.term.length; n++) {
        const key = e.term.slice(0, n);
        const list = map.get(key);
        if (list) list.push(e);
        else map.set(key, [e]);
      }
    }
    peopleBySurname.set(glossary, map);
  }
  return map;
}

/** The title that follows text[start, end), longest first. */
function titleAt(text: string, end: number, deps: PersonDeps): [string, RegExp] | null {
  const from = FORMER.has(text[end] ?? '') ? end + 1 : end;
  let found: [string, RegExp] | null = null;
  for (const entry of TITLES)
    if (text.startsWith(entry[0], from) && (!found || entry[0].length > found[0].length)) found = entry;
  if (found) return found;
  const minister = MINISTER.exec(text.slice(from, from + 8));
  if (!minister) return null;
  const words = deps.portfolioWords?.(minister[0].slice(0, -1)) ?? [];
  return [minister[0], ministerOf(words) ?? NO_CARD];
}

function latestYear(e: GlossaryEntry): number {
  let latest = 0;
  for (const m of (e.note ?? '').matchAll(/(?:19|20)\d\d/g)) latest = Math.max(latest, Number(m[0]));
  return latest;
}

export interface PersonDeps {
  glossary?: GlossaryIndex;
  /** Names of ENAMDICT and kuromoji written from `from` to `end`, as the answer finds them. */
  namesAt(from: number, end: number): NameLookupEntry[];
  tokens?: readonly Token[];
  /** The English words of a portfolio as the dictionary glosses it (デジタル: digital), for a title the list lacks. */
  portfolioWords?(portfolio: string): string[];
}

/** The person when the pointer is on a surname before a title; the answer as it was otherwise. */
export function withTitledPerson(
  text: string,
  at: number,
  result: LookupResult | null,
  deps: PersonDeps,
): LookupResult | null {
  if (isKatakanaLetter(text[at] ?? '')) return foreignPersonAt(text, at, result, deps) ?? result;
  if (!isKanji(text[at] ?? '')) return result;
  // The surname holds the pointer and ends where a title starts: 林|官房長官, 茂木|外相.
  for (let start = at; start >= 0 && at - start < MAX_SURNAME && isKanji(text[start] ?? ''); start--) {
    for (let end = at + 1; end - start <= MAX_SURNAME && isKanji(text[end - 1] ?? ''); end++) {
      const title = titleAt(text, end, deps);
      // The surname starts a run of kanji: 政府高官 is not a surname.
      if (!title || (start > 0 && isKanji(text[start - 1] ?? ''))) continue;
      const answer = personAt(text, start, end, title, result, deps);
      if (answer) return answer;
    }
  }
  return result;
}

/**
 * A foreign name in katakana before a title that names a person's office (ラング元文化相, a former culture minister):
 * the glossary's person of that name, else the name from the names dictionary, before the dictionary's word spelled
 * the same (ラング "language"). Not before an office any group has (チーム代表), nor for an everyday word.
 */
function foreignPersonAt(text: string, at: number, result: LookupResult | null, deps: PersonDeps): LookupResult | null {
  const inName = (i: number) =>
    isKatakanaLetter(text[i] ?? '') || (text[i] === '・' && isKatakanaLetter(text[i + 1] ?? ''));
  let start = at;
  while (start > 0 && inName(start - 1) && text[start - 1] !== '・') start--;
  let end = at + 1;
  while (end < text.length && inName(end)) end++;
  const title = titleAt(text, end, deps);
  if (!title || !PERSONAL_OFFICE.test(title[0])) return null;
  const first0 = result?.entries[0];
  // An everyday word (チーム of チーム代表) is the word, unless kuromoji knows the name (ラング, not "language").
  const proper = deps.tokens?.some(
    (t) => t.start <= start && start < t.start + t.surface.length && t.posDetail === '固有名詞',
  );
  if (first0?.source === 'glossary' || (first0?.source === 'words' && first0.common && !proper)) return null;
  const name = text.slice(start, end);
  const person = deps.glossary?.entries.find(
    (e) => e.category === 'person' && (e.term === name || e.term.endsWith(`・${name}`)),
  );
  // ENAMDICT leaves most foreign names unclassified (ラング "Rang"); the title says it is a person.
  const names = deps
    .namesAt(start, end)
    .filter(
      (n) =>
        n.matchLength === name.length &&
        n.senses.some((s) => s.tags?.some((t) => PERSON_TAGS.has(t) || t === 'unclass')),
    );
  const first: LookupEntry | undefined = person ? personCard(person, name.length) : names[0];
  if (!first) return null;
  return { start, end, match: name, entries: personFirst(first, names, result, name.length) };
}

/** Titles only a person holds: a minister, a head of state or government, a spokesperson; 氏. */
const PERSONAL_OFFICE = /相$|大臣|長官|首相|大統領|主席|総統|報道官|大使|氏/;

function personCard(person: GlossaryEntry, matchLength: number): GlossaryLookupEntry {
  const card: GlossaryLookupEntry = {
    source: 'glossary',
    headword: person.term,
    reading: person.reading,
    senses: [{ pos: [], glosses: [...person.en] }],
    matchLength,
    category: person.category,
  };
  if (person.note) card.note = person.note;
  return card;
}

function personAt(
  text: string,
  start: number,
  end: number,
  [title, fits]: [string, RegExp],
  result: LookupResult | null,
  deps: PersonDeps,
): LookupResult | null {
  const surname = text.slice(start, end);
  const first0 = result?.entries[0];
  // A glossary term there already (米大統領, 中国 the country) is what the text says; and the title must not be part
  // of a longer word the answer found (代表団 "delegation" is no 代表).
  if (first0?.source === 'glossary' && first0.category !== 'person' && result!.start <= start && result!.end >= end) {
    return null;
  }
  // Where the title starts: after 元 or 前 (菅|元|首相), which a name of the dictionary may swallow (菅元 すがもと).
  const from = FORMER.has(text[end] ?? '') && text.startsWith(title, end + 1) ? end + 1 : end;
  if (result && result.start <= end && result.end > from && result.end < from + title.length) return null;
  // A card that starts inside the would-be surname and runs through the title reads the text another way:
  // 前|司法相 (the former justice minister), not a surname 前司 before 法相.
  if (
    first0?.source === 'glossary' &&
    result!.start > start &&
    result!.start < end &&
    result!.end >= end + title.length
  ) {
    return null;
  }
  const candidates = (deps.glossary && people(deps.glossary).get(surname)) ?? [];
  // Several people may have held the office (菅 Naoto Kan and Yoshihide Suga as prime minister): news means the
  // latest, so the one whose note reaches the latest year comes first.
  const fitting = candidates
    .filter((e) => fits.test(`${e.en.join(' ')} ${e.note ?? ''}`))
    .sort((a, b) => latestYear(b) - latestYear(a));
  // 田中容疑者 is not whichever 田中 the glossary holds: a title without an office names one only when it is the sole
  // person of the glossary with that surname.
  const named = BARE_TITLES.has(title) ? candidates.length === 1 : fitting.length === 1 || title.length > 1;
  const person = named ? fitting[0] : undefined;
  // One kanji with no card for the office is a surname only where kuromoji hears one (森|外相, 岸|防衛相): 新代表,
  // 前首相 and 同大統領 are "the new leader", "the former prime minister", "the same president".
  if (
    surname.length === 1 &&
    !person &&
    !deps.tokens?.some((t) => t.start === start && t.surface === surname && t.posDetail3 === '姓')
  ) {
    return null;
  }
  const names = deps
    .namesAt(start, end)
    .filter((n) => n.matchLength === surname.length && n.senses.some((s) => s.tags?.some((t) => PERSON_TAGS.has(t))));
  let first: LookupEntry | undefined;
  if (person) {
    first = personCard(person, surname.length);
  } else {
    // The reading the glossary's people with this surname have (茂木 もてぎ, not もぎ), else the names dictionary's.
    const known = candidates.map((c) => c.reading);
    first = names.find((n) => known.some((r) => r.startsWith(n.reading))) ?? names[0];
  }
  if (!first) return null;
  return { start, end, match: surname, entries: personFirst(first, names, result, surname.length) };
}

/** The person, the names, then the answer's entries, each once and none guessed through the title. */
function personFirst(
  first: LookupEntry,
  names: readonly NameLookupEntry[],
  result: LookupResult | null,
  nameLength: number,
): LookupEntry[] {
  // kuromoji's name and ENAMDICT's are found again by the answer under the pointer: each is shown once.
  const shown = new Set<string>();
  // A compound guessed through the surname and the title (平 "flat" + デジタル + 相) is what the title rules out.
  const guessed = (e: LookupEntry) => e.source === 'words' && !!e.parts && e.matchLength > nameLength;
  return [first, ...names, ...(result?.entries ?? [])].filter((e) => {
    if (guessed(e)) return false;
    const key = `${e.source}\u0000${e.headword}\u0000${e.reading}\u0000${e.senses[0]?.glosses[0] ?? ''}`;
    return !shown.has(key) && !!shown.add(key);
  });
}
