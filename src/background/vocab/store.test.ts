import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { BACKUP_FORMAT, BACKUP_VERSION, formatBackup } from '../../core/vocab/export';
import { parseImport } from '../../core/vocab/import';
import { realSaves, seedSentences, saveOf } from '../../../tests/support/real-saves';
import { DEFAULT_LIST_ID, wordId, type SaveInput } from '../../core/vocab/word';
import { DB_NAME, LISTS, upgrade, WORDS } from './schema-versions';
import { VocabError, VocabStore } from './store';

let idb: IDBFactory;
let clock: number;
const stores: VocabStore[] = [];

function openStore(extra: ConstructorParameters<typeof VocabStore>[0] = {}): VocabStore {
  const s = new VocabStore({ idb, now: () => ++clock, estimate: async () => ({ usage: 1, quota: 100 }), ...extra });
  stores.push(s);
  return s;
}

beforeEach(() => {
  idb = new IDBFactory();
  clock = 1_700_000_000_000;
});

afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
});

const sentences = seedSentences();
const withWord = (word: string, nth = 0) => sentences.filter((s) => s.includes(word))[nth];

describe('vocabulary store: saving', () => {
  it('saves a word into the default list and tells the popup where it is', async () => {
    const store = openStore();
    const out = await store.save(await saveOf(withWord('延長')!, '延長'));
    expect(out.word.headword).toBe('延長');
    expect(out.state).toEqual({ status: 'new', lists: [{ id: DEFAULT_LIST_ID, name: '' }] });
    expect(out.nearQuota).toBe(false);
    const id = wordId('延長', 'えんちょう');
    expect(await store.status([id, wordId('合意', 'ごうい')])).toEqual({ [id]: out.state });
  });

  it('saving the same word again adds the sentence, never a second record', async () => {
    const store = openStore();
    await store.save(await saveOf(withWord('延長', 0)!, '延長'));
    await store.save(await saveOf(withWord('延長', 1)!, '延長'));
    const { words } = await store.dump();
    expect(words).toHaveLength(1);
    expect(words[0]!.sentences.map((s) => s.text)).toEqual([withWord('延長', 0), withWord('延長', 1)]);
  });

  it('loses nothing when three tabs save 100 words each at the same moment', async () => {
    const store = openStore();
    const saves = await realSaves(300);
    const tabs = [saves.slice(0, 100), saves.slice(100, 200), saves.slice(200, 300)];
    // Each tab fires its saves without waiting; the three run interleaved.
    await Promise.all(tabs.flatMap((tab) => tab.map((s) => store.save(s))));
    const { words } = await store.dump();
    expect(words).toHaveLength(300);
    expect(new Set(words.map((w) => w.id))).toEqual(
      new Set(saves.map((s) => `${s.entry.headword}\t${s.entry.reading}`)),
    );
  });

  it('keeps every sentence when tabs save the same word at once', async () => {
    const store = openStore();
    const base = await saveOf(withWord('合意')!, '合意');
    const fromTabs: SaveInput[] = [1, 2, 3, 4, 5, 6].map((n) => ({
      ...base,
      context: { ...base.context, url: `${base.context.url}?tab=${n}` },
    }));
    await Promise.all(fromTabs.map((s) => store.save(s)));
    const { words } = await store.dump();
    expect(words).toHaveLength(1);
    expect(words[0]!.sentences).toHaveLength(6);
  });

  it('remembers the last chosen list for the next save', async () => {
    const store = openStore();
    await store.editList({ op: 'create', id: 'l-gunshuku', name: '軍縮' });
    await store.editList({ op: 'choose', id: DEFAULT_LIST_ID });
    await store.save({ ...(await saveOf(withWord('核軍縮')!, '核軍縮')), list: 'l-gunshuku' });
    const next = await store.save(await saveOf(withWord('条約')!, '条約'));
    expect(next.state.lists).toEqual([{ id: 'l-gunshuku', name: '軍縮' }]);
    expect((await store.dump()).lastListId).toBe('l-gunshuku');
  });

  it('refuses a list that does not exist, and saves nothing', async () => {
    const store = openStore();
    await expect(store.save({ ...(await saveOf(withWord('延長')!, '延長')), list: 'l-gone' })).rejects.toMatchObject({
      code: 'unknownList',
    });
    expect((await store.dump()).words).toEqual([]);
  });

  it('marks a word known from the popup without putting it in a list, and lists it as known', async () => {
    const store = openStore();
    await store.save({ ...(await saveOf(withWord('大統領')!, '大統領')), list: null, status: 'known' });
    await store.save(await saveOf(withWord('延長')!, '延長'));
    expect(await store.knownWords()).toEqual(['大統領']);
    const summary = await store.summary(5);
    expect(summary).toMatchObject({ total: 2, known: 1, learning: 0 });
    expect(summary.lists).toEqual([{ id: DEFAULT_LIST_ID, name: '', count: 1 }]);
    expect(summary.recent.map((w) => w.headword)).toEqual(['延長', '大統領']);
  });

  it('known words follow every change: marking, unmarking, deleting, restoring, importing', async () => {
    const store = openStore();
    const treaty = await store.save({ ...(await saveOf(withWord('条約')!, '条約')), status: 'known' });
    const extension = await store.save(await saveOf(withWord('延長')!, '延長'));
    expect(await store.knownWords()).toEqual(['条約']);
    await store.update([extension.word.id], { status: 'known' });
    expect((await store.knownWords()).sort()).toEqual(['延長', '条約'].sort());
    await store.update([treaty.word.id], { status: 'learning' });
    expect(await store.knownWords()).toEqual(['延長']);
    const removed = await store.remove([extension.word.id]);
    expect(await store.knownWords()).toEqual([]);
    await store.restore(removed);
    expect(await store.knownWords()).toEqual(['延長']);
    await store.importData({ lists: [], words: [] }, 'replace');
    expect(await store.knownWords()).toEqual([]);
  });

  it('warns when storage is nearly full', async () => {
    const store = openStore({ estimate: async () => ({ usage: 95, quota: 100 }) });
    expect((await store.save(await saveOf(withWord('延長')!, '延長'))).nearQuota).toBe(true);
  });

  it('reports a full disk as "quota" and keeps nothing of the failed write', async () => {
    const store = openStore();
    await store.save(await saveOf(withWord('延長')!, '延長'));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const err = await store.save(await saveOf(withWord('合意')!, '合意')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VocabError);
      expect((err as VocabError).code).toBe('quota');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await store.dump()).words.map((w) => w.headword)).toEqual(['延長']);
  });
});

describe('vocabulary store: lists and marks', () => {
  it('moves and copies words between lists, renames and deletes lists without losing words', async () => {
    const store = openStore();
    await store.editList({ op: 'create', id: 'l-gunshuku', name: '軍縮' });
    await store.editList({ op: 'create', id: 'l-kokkai', name: '国会' });
    const a = (await store.save({ ...(await saveOf(withWord('核軍縮')!, '核軍縮')), list: DEFAULT_LIST_ID })).word;
    const b = (await store.save({ ...(await saveOf(withWord('条約')!, '条約')), list: DEFAULT_LIST_ID })).word;
    await store.update([a.id], { addLists: ['l-gunshuku'], removeLists: [DEFAULT_LIST_ID] });
    await store.update([b.id], { addLists: ['l-kokkai'] });
    let state = await store.status([a.id, b.id]);
    expect(state[a.id]!.lists.map((l) => l.name)).toEqual(['軍縮']);
    expect(state[b.id]!.lists.map((l) => l.name)).toEqual(['', '国会']);

    await store.editList({ op: 'rename', id: 'l-kokkai', name: '国会 2024' });
    await expect(store.editList({ op: 'rename', id: 'l-kokkai', name: '軍縮' })).rejects.toMatchObject({
      code: 'listExists',
    });
    state = await store.status([b.id]);
    expect(state[b.id]!.lists.map((l) => l.name)).toEqual(['', '国会 2024']);

    const after = await store.editList({ op: 'delete', id: 'l-gunshuku' });
    expect(after.lists.map((l) => l.id)).toEqual([DEFAULT_LIST_ID, 'l-kokkai']);
    const { words } = await store.dump();
    expect(words.find((w) => w.id === a.id)!.lists).toEqual([]);
    await expect(store.editList({ op: 'delete', id: DEFAULT_LIST_ID })).rejects.toMatchObject({ code: 'defaultList' });
  });

  it('marks known and learning, edits notes, deletes and undoes', async () => {
    const store = openStore();
    const w = (await store.save(await saveOf(withWord('延長')!, '延長'))).word;
    await store.update([w.id], { status: 'learning', note: '新STARTの延長' });
    expect((await store.status([w.id]))[w.id]!.status).toBe('learning');
    await store.update([w.id], { status: 'known' });
    expect(await store.knownWords()).toEqual(['延長']);
    const removed = await store.remove([w.id]);
    expect((await store.dump()).words).toEqual([]);
    await store.restore(removed);
    const { words } = await store.dump();
    expect(words).toEqual(removed);
    expect(words[0]!.note).toBe('新STARTの延長');
  });
});

describe('vocabulary store: import and backup', () => {
  it('round trip: export, wipe, import gives identical data', async () => {
    const store = openStore();
    await store.editList({ op: 'create', id: 'l-gunshuku', name: '軍縮' });
    const saves = await realSaves(120);
    for (const [i, s] of saves.entries()) await store.save({ ...s, list: i % 2 ? 'l-gunshuku' : DEFAULT_LIST_ID });
    const ids = (await store.dump()).words.map((w) => w.id);
    await store.update(ids.slice(0, 10), { status: 'known', note: 'メモ, "quoted"' });
    const before = await store.dump();

    const text = formatBackup({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: 'x',
      settings: {},
      ...before,
    });
    await store.importData({ lists: [], words: [] }, 'replace');
    expect((await store.dump()).words).toEqual([]);
    const parsed = parseImport(text, { now: 0, targetList: DEFAULT_LIST_ID, lists: [], listName: (l) => l.name });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await store.importData(parsed.data, 'replace');
    const after = await store.dump();
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.words)).toEqual(byId(before.words));
    expect(after.lists).toEqual(before.lists);
    expect(after.lastListId).toBe(before.lastListId);
  });

  it('merges an import into what is stored: same-named lists join, duplicates merge', async () => {
    const store = openStore();
    await store.editList({ op: 'create', id: 'l-mine', name: '軍縮' });
    await store.save({ ...(await saveOf(withWord('延長', 0)!, '延長')), list: 'l-mine' });
    const other = openStore({ name: 'other-profile' });
    await other.editList({ op: 'create', id: 'l-theirs', name: '軍縮' });
    await other.save({ ...(await saveOf(withWord('延長', 1)!, '延長')), list: 'l-theirs' });
    await other.save({ ...(await saveOf(withWord('合意')!, '合意')), list: 'l-theirs' });
    const theirs = await other.dump();
    expect(await store.importData(theirs, 'merge')).toEqual({ added: 1, merged: 1, listsAdded: 0 });
    const { words, lists } = await store.dump();
    expect(lists.map((l) => l.id)).toEqual([DEFAULT_LIST_ID, 'l-mine']);
    expect(words.find((w) => w.headword === '延長')!.sentences).toHaveLength(2);
    expect(words.every((w) => w.lists.includes('l-mine'))).toBe(true);
    // Importing the same file again changes nothing.
    await store.importData(theirs, 'merge');
    const again = await store.dump();
    expect(again.words.map((w) => w.sentences.length)).toEqual(words.map((w) => w.sentences.length));
  });

  it('imports all or nothing: a write failing half-way leaves the store as it was', async () => {
    const store = openStore();
    await store.save(await saveOf(withWord('延長')!, '延長'));
    const before = await store.dump();
    const other = openStore({ name: 'other-profile' });
    for (const s of await realSaves(50)) await other.save(s);
    const data = await other.dump();
    const put = IDBObjectStore.prototype.put;
    let n = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++n === 30) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(store.importData(data, 'merge')).rejects.toMatchObject({ code: 'quota' });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await store.dump()).toEqual(before);
  });
});

describe('vocabulary store: schema migration', () => {
  it('opens a version-1 profile and keeps every word, known flags becoming marks', async () => {
    const saves = await realSaves(20);
    // A profile as version 1 left it: `known` flags, no indexes, no meta store.
    await new Promise<void>((resolve, reject) => {
      const r = idb.open(DB_NAME, 1);
      r.onupgradeneeded = () => upgrade(r.result, r.transaction!, 0, 1, 1);
      r.onsuccess = () => {
        const db = r.result;
        const tx = db.transaction([WORDS, LISTS], 'readwrite');
        tx.objectStore(LISTS).put({ id: 'l-old', name: '古いリスト', createdAt: 2 });
        saves.forEach((s, i) => {
          tx.objectStore(WORDS).put({
            id: `${s.entry.headword}\t${s.entry.reading}`,
            headword: s.entry.headword,
            reading: s.entry.reading,
            source: s.entry.source,
            senses: s.entry.senses,
            lists: [i % 2 ? 'l-old' : DEFAULT_LIST_ID],
            known: i < 5,
            sentences: [
              {
                ...s.context.sentence,
                title: s.context.title,
                url: s.context.url,
                site: s.context.site,
                savedAt: 10 + i,
              },
            ],
            createdAt: 10 + i,
            updatedAt: 10 + i,
          });
        });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      r.onerror = () => reject(r.error);
    });

    const store = openStore();
    const { words, lists } = await store.dump();
    expect(words).toHaveLength(20);
    expect(lists.map((l) => l.name)).toEqual(['', '古いリスト']);
    expect(words.every((w) => !('known' in w) && w.note === '')).toBe(true);
    const knownHeadwords = new Set(saves.slice(0, 5).map((s) => s.entry.headword));
    expect((await store.knownWords()).sort()).toEqual([...knownHeadwords].sort());
    const summary = await store.summary(3);
    expect(summary).toMatchObject({ total: 20, known: 5 });
    expect(summary.lists.map((l) => l.count)).toEqual([10, 10]);
    // And it keeps working as a version-2 store.
    await store.save({ ...saves[0]!, list: 'l-old' });
    expect((await store.status([words[0]!.id]))[words[0]!.id]).toBeDefined();
  });
});
