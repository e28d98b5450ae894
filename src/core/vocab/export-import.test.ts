import {
  ankiNote,
  ANKI_COLUMNS,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  formatAnkiFile,
  formatBackup,
  type Backup,
} from './export';
import { parseImport, type ImportOptions } from './import';
import { realSaves, seedSentences, saveOf } from '../../../tests/support/real-saves';
import { applySave, DEFAULT_LIST_ID, wordId, type VocabList, type VocabWord } from './word';

const lists: VocabList[] = [
  { id: DEFAULT_LIST_ID, name: '', createdAt: 1 },
  { id: 'l-gunshuku', name: '軍縮', createdAt: 2 },
  { id: 'l-kokkai', name: '国会 2024', createdAt: 3 },
];
const listName = (id: string) => {
  const l = lists.find((x) => x.id === id);
  return l ? l.name || 'Default' : undefined;
};
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  now: 99_000,
  targetList: DEFAULT_LIST_ID,
  lists,
  listName: (l) => l.name || 'Default',
  ...over,
});

/** 300 real words spread over the lists, some known or learning, some with notes and two sentences. */
async function vocabulary(): Promise<VocabWord[]> {
  const saves = await realSaves(300);
  return saves.map((save, i) => {
    let w = applySave(undefined, save, lists[i % 3]!.id, 1_700_000_000_000 + i);
    if (i % 7 === 0)
      w = applySave(
        w,
        { ...save, context: { ...save.context, url: save.context.url + '#2' } },
        'l-gunshuku',
        1_700_000_100_000 + i,
      );
    if (i % 5 === 0)
      w = { ...w, status: i % 10 === 0 ? 'known' : 'learning', note: `note ${i}: "quoted", <b>not bold</b>` };
    return w;
  });
}

function backupOf(words: VocabWord[]): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2024-05-01T00:00:00.000Z',
    lastListId: 'l-gunshuku',
    settings: { enabled: true, theme: 'dark' },
    lists,
    words,
  };
}

describe('JSON backup', () => {
  it('round trip: export then import gives back exactly the lists, words, settings and last list', async () => {
    const words = await vocabulary();
    const parsed = parseImport(formatBackup(backupOf(words)), options());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.kind).toBe('backup');
    expect(parsed.data.words).toEqual(words);
    expect(parsed.data.lists).toEqual(lists);
    expect(parsed.data.settings).toEqual({ enabled: true, theme: 'dark' });
    expect(parsed.data.lastListId).toBe('l-gunshuku');
    // And exporting what was imported writes the same file.
    expect(formatBackup(backupOf(parsed.data.words))).toBe(formatBackup(backupOf(words)));
  });

  it('is plain JSON, one word per line', async () => {
    const words = await vocabulary();
    const text = formatBackup(backupOf(words));
    expect(JSON.parse(text).words).toEqual(words);
    expect(text.split('\n').length).toBeGreaterThan(words.length);
  });

  it('reports a broken word with its line and imports nothing', async () => {
    const words = await vocabulary();
    const text = formatBackup(backupOf(words));
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes(`"id":${JSON.stringify(words[120]!.id)}`));
    lines[at] = lines[at]!.replace('"status":"new"', '"status":"forgotten"')
      .replace('"status":"learning"', '"status":"forgotten"')
      .replace('"status":"known"', '"status":"forgotten"');
    const parsed = parseImport(lines.join('\n'), options());
    expect(parsed).toEqual({ ok: false, errors: [{ line: at + 1, code: 'badWord', detail: 'status' }] });
  });

  it('reports a JSON syntax error with its line', async () => {
    const words = (await vocabulary()).slice(0, 20);
    const lines = formatBackup(backupOf(words)).split('\n');
    lines[15] = lines[15]!.replace(/,$/, '');
    const parsed = parseImport(lines.join('\n'), options());
    expect(parsed).toMatchObject({ ok: false, errors: [{ line: 17, code: 'jsonSyntax' }] });
  });

  it('refuses a word whose list the file does not have, a file from a newer version, and other JSON', async () => {
    const words = (await vocabulary()).slice(0, 5);
    const orphan = { ...words[2]!, lists: ['l-missing'] };
    const parsed = parseImport(formatBackup(backupOf([...words.slice(0, 2), orphan])), options());
    expect(parsed).toMatchObject({ ok: false, errors: [{ code: 'unknownList', detail: 'l-missing' }] });
    expect(parseImport(JSON.stringify({ ...backupOf(words), version: 99 }), options())).toMatchObject({
      ok: false,
      errors: [{ code: 'newerVersion' }],
    });
    expect(parseImport('{"hello": "world"}', options())).toMatchObject({ ok: false, errors: [{ code: 'notBackup' }] });
  });

  it('merges a word that appears twice in one file', async () => {
    const a = (await vocabulary())[0]!;
    const b = {
      ...a,
      sentences: [{ ...a.sentences[0]!, url: 'https://www.asahi.com/x', site: 'asahi.com', savedAt: a.updatedAt + 5 }],
      updatedAt: a.updatedAt + 5,
      lists: ['l-kokkai'],
    };
    const parsed = parseImport(formatBackup(backupOf([a, b])), options());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.words).toHaveLength(1);
    expect(parsed.data.words[0]!.sentences).toHaveLength(a!.sentences.length + 1);
    expect(parsed.data.words[0]!.lists).toEqual([...a!.lists, 'l-kokkai']);
  });
});

describe('Anki TSV and CSV', () => {
  it('writes Anki headers and the nine columns, with furigana, cloze and list tags', async () => {
    const sentence = seedSentences().find((s) => s.includes('話し合っ'))!;
    const word = applySave(undefined, await saveOf(sentence, '話し合っ'), 'l-kokkai', 1);
    const [tsv] = [formatAnkiFile([word], listName, '\t')];
    const lines = tsv.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:true',
      '#tags column:9',
      `#columns:${ANKI_COLUMNS.join('\t')}`,
    ]);
    const cells = lines[4]!.split('\t');
    expect(cells[0]).toBe('話し合う');
    expect(cells[1]).toBe('はなしあう');
    expect(cells[2]).toBe('話[はな]し 合[あ]う');
    expect(cells[3]).toMatch(/discuss/);
    expect(cells[4]).toContain('<b>話し合った</b>');
    expect(cells[5]).toContain('{{c1::話し合った}}');
    expect(cells[7]).toMatch(/^https:\/\/www\.newsweekjapan\.jp\//);
    expect(cells[8]).toBe('kiji 国会_2024');
  });

  for (const [name, sep] of [
    ['TSV', '\t'],
    ['CSV', ','],
  ] as const) {
    it(`${name} read back gives the same words, readings, meanings and marked sentences`, async () => {
      const words = await vocabulary();
      const parsed = parseImport(formatAnkiFile(words, listName, sep), options());
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.data.words).toHaveLength(words.length);
      parsed.data.words.forEach((got, i) => {
        const want = words[i]!;
        expect(got.id).toBe(want.id);
        expect(got.senses.map((s) => s.glosses)).toEqual(want.senses.map((s) => s.glosses));
        const last = want.sentences.at(-1)!;
        expect(got.sentences).toEqual([{ ...last, savedAt: 99_000 }]);
        // Tags bring back the lists that exist by name; the rows land in the target list too.
        expect(new Set(got.lists)).toEqual(new Set([DEFAULT_LIST_ID, ...want.lists]));
      });
    });
  }

  it('exports a katakana word with its reading in katakana, and reads it back as the same word', async () => {
    const [base] = await vocabulary();
    if (!base) throw new Error('no vocabulary');
    const russia = { ...base, id: wordId('ロシア', 'ろしあ'), headword: 'ロシア', reading: 'ろしあ' };
    const note = ankiNote(russia, listName);
    expect(note.Reading).toBe('ロシア');
    expect(note.Furigana).toBe('ロシア');
    expect(ankiNote(base, listName).Reading).toBe(base.reading);
    const parsed = parseImport(formatAnkiFile([russia], listName, '\t'), options());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.words[0]!.id).toBe(russia.id);
  });

  it('reads a plain sheet with its own header row', () => {
    const parsed = parseImport('Word,Meaning\n延長,extension\n"合意","agreement; consent"\n', options());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.words.map((w) => [w.headword, w.senses[0]!.glosses])).toEqual([
      ['延長', ['extension']],
      ['合意', ['agreement', 'consent']],
    ]);
  });

  it('names the line of every row without an expression, and imports nothing', () => {
    const text =
      '#separator:comma\n#columns:Expression,Reading,Meaning\n延長,えんちょう,extension\n,ごうい,agreement\n条約,じょうやく,treaty\n,,\n';
    expect(parseImport(text, options())).toEqual({
      ok: false,
      errors: [
        { line: 4, code: 'emptyExpression' },
        { line: 6, code: 'emptyExpression' },
      ],
    });
  });

  it('merges duplicate rows', () => {
    const text =
      'Expression\tReading\tSentence\tURL\n延長\tえんちょう\t<b>延長</b>で合意\thttps://a.jp/1\n延長\tえんちょう\t<b>延長</b>を協議\thttps://b.jp/2\n';
    const parsed = parseImport(text, options());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.data.read).toBe(2);
    expect(parsed.data.words).toHaveLength(1);
    expect(parsed.data.words[0]!.sentences.map((s) => s.site)).toEqual(['a.jp', 'b.jp']);
  });

  it('says a file is empty', () => {
    expect(parseImport('  \n', options())).toEqual({ ok: false, errors: [{ line: 1, code: 'empty' }] });
  });
});
