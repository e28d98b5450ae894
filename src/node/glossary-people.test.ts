import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './dictionaries';
import type { GlossaryHit } from '../core/glossary/match';
import { loadNodeGlossary } from './glossary';

const dir = path.join(repoRoot(), 'data', 'glossary');

interface SourceEntry {
  term: string;
  category?: string;
  note?: string;
}

/** Every entry of data/glossary/people-world*.yaml: the people in the news outside Japan. */
const worldPeople: (SourceEntry & { file: string })[] = readdirSync(dir)
  .filter((f) => /^people-world.*\.yaml$/.test(f))
  .flatMap((file) =>
    (parse(readFileSync(path.join(dir, file), 'utf8')) as SourceEntry[]).map((entry) => ({ ...entry, file })),
  );

/**
 * Entries of people-world.yaml written before notes had to give years. Another pass over that file dates them; remove
 * a term here once its note has a year (an entry listed here that has one already passes too).
 */
const glossary = loadNodeGlossary();

/** The best glossary hit with the pointer on the first character of `target` in `text`. */
function hover(text: string, target: string): GlossaryHit | undefined {
  const at = text.indexOf(target);
  if (at < 0) throw new Error(`${target} is not in ${text}`);
  return glossary.match(text, at)[0];
}

describe('the glossary of people in the news outside Japan', () => {
  it('holds at least 800 people, every one of them with category person', () => {
    const people = worldPeople.filter((e) => e.category === 'person');
    expect(people.length).toBeGreaterThanOrEqual(800);
    const others = worldPeople.filter((e) => e.category !== 'person').map((e) => `${e.file}: ${e.term}`);
    expect(others).toEqual([]);
  });

  it('gives every person a note that dates them: office and years', () => {
    const undated = worldPeople.filter((e) => !/\b(19|20)\d\d\b/.test(e.note ?? '')).map((e) => `${e.file}: ${e.term}`);
    expect(undated).toEqual([]);
  });

  it('finds one person under the spellings outlets use: バンス and ヴァンス', () => {
    const vance = hover('バンス副大統領は記者団に語った。', 'バンス');
    expect(vance?.entry.en[0]).toBe('JD Vance');
    expect(hover('ヴァンス副大統領は記者団に語った。', 'ヴァンス')?.entry).toBe(vance?.entry);
    expect(hover('米国のJ・D・バンス氏', 'バンス')?.entry).toBe(vance?.entry);
  });

  it('finds a person by surname and by full name, and a Korean name by its kanji and its katakana', () => {
    const warsh = hover('ウォーシュ氏を指名', 'ウォーシュ');
    expect(warsh?.entry.en[0]).toBe('Kevin Warsh');
    expect(hover('ケビン・ウォーシュ元理事', 'ケビン')?.entry).toBe(warsh?.entry);
    expect(hover('ケヴィン・ウォーシュ元理事', 'ケヴィン')?.entry).toBe(warsh?.entry);

    const ahn = hover('安圭伯国防相が訪日した', '安圭伯');
    expect(ahn?.entry.en[0]).toBe('Ahn Gyu-back');
    expect(hover('アン・ギュベク国防相が訪日した', 'アン')?.entry).toBe(ahn?.entry);
  });
});
