/**
 * The vocabulary store: IndexedDB in the one context that owns it (Chrome's offscreen document, Firefox's background
 * page). Every change is one readwrite transaction that reads the record and writes the result, and IndexedDB runs
 * transactions over the same store one after another: saves arriving from many tabs at once are never lost. A failed
 * transaction (storage full, say) writes nothing and its error reaches the caller.
 */
import { defaultList } from '../../core/vocab/import';
import {
  applyPatch,
  applySave,
  DEFAULT_LIST_ID,
  mergeWords,
  type SaveInput,
  type VocabList,
  type VocabWord,
  type WordPatch,
} from '../../core/vocab/word';
import {
  BY_LIST,
  BY_STATUS,
  BY_UPDATED,
  DB_NAME,
  DB_VERSION,
  LAST_LIST_KEY,
  LISTS,
  META,
  upgrade,
  WORDS,
} from './schema-versions';
import type {
  ImportOutcome,
  ListEdit,
  SaveOutcome,
  VocabDump,
  VocabErrorCode,
  VocabListsReply,
  VocabSummary,
  WordState,
} from '../../core/vocab/store-types';

export class VocabError extends Error {
  constructor(
    readonly code: VocabErrorCode,
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

interface StoreOptions {
  idb?: IDBFactory;
  name?: string;
  now?: () => number;
  /** Storage use and quota, as navigator.storage.estimate() gives them. */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Share of the quota past which saves carry a warning. */
const NEAR_QUOTA = 0.9;
/** How long a quota estimate is trusted: estimate() is not free, and saves come in bursts. */
const ESTIMATE_TTL_MS = 5000;

function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(String((err as Error | null)?.message ?? err));
}

function toVocabError(err: unknown): Error {
  if (err instanceof VocabError) return err;
  if (isQuotaError(err)) return new VocabError('quota');
  return new VocabError('storage', String((err as Error | null)?.message ?? err));
}

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export class VocabStore {
  private db: Promise<IDBDatabase> | null = null;
  private readonly idb: IDBFactory;
  private readonly name: string;
  private readonly now: () => number;
  private readonly estimate?: StoreOptions['estimate'];
  private quotaChecked = 0;
  private quotaShare = 0;
  /**
   * The known headwords, kept between writes. Reading mode asks for them before each article; in Chrome the store
   * shares its thread with the engine, and a read of the database was answered only after the article's batches.
   */
  private known: Promise<string[]> | null = null;

  constructor(options: StoreOptions = {}) {
    this.idb = options.idb ?? indexedDB;
    this.name = options.name ?? DB_NAME;
    this.now = options.now ?? Date.now;
    this.estimate = options.estimate ?? globalThis.navigator?.storage?.estimate?.bind(globalThis.navigator.storage);
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = this.idb.open(this.name, DB_VERSION);
      r.onupgradeneeded = (e) => upgrade(r.result, r.transaction!, e.oldVersion, DB_VERSION, this.now());
      r.onsuccess = () => {
        const db = r.result;
        // Another copy of the extension (after an update) wants a newer schema: let it, reopen on the next call.
        db.onversionchange = () => {
          db.close();
          this.db = null;
          this.known = null;
        };
        db.onclose = () => {
          this.db = null;
          this.known = null;
        };
        resolve(db);
      };
      r.onerror = () => {
        this.db = null;
        reject(toVocabError(r.error));
      };
      r.onblocked = () => {
        // An older connection has not closed yet; onversionchange above makes ours close promptly.
      };
    });
    return this.db;
  }

  /**
   * Runs `body` in one transaction and resolves once it has committed (not merely once the requests succeeded):
   * a quota error surfaces at commit time, and the caller must not report a save that was rolled back.
   */
  private async run<T>(
    stores: string[],
    mode: IDBTransactionMode,
    body: (tx: IDBTransaction) => Promise<T>,
  ): Promise<T> {
    // Dropped before a write and after it: a read begun meanwhile may hold the words as they were.
    if (mode !== 'readonly') this.known = null;
    try {
      return await this.transact(stores, mode, body);
    } finally {
      if (mode !== 'readonly') this.known = null;
    }
  }

  private async transact<T>(
    stores: string[],
    mode: IDBTransactionMode,
    body: (tx: IDBTransaction) => Promise<T>,
  ): Promise<T> {
    const db = await this.open();
    const tx = db.transaction(stores, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    });
    try {
      const value = await body(tx);
      await done;
      return value;
    } catch (err) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      await done.catch(() => {});
      throw toVocabError(err);
    }
  }

  private async nearQuota(): Promise<boolean> {
    if (!this.estimate) return false;
    const now = Date.now();
    if (now - this.quotaChecked > ESTIMATE_TTL_MS) {
      this.quotaChecked = now;
      try {
        const { usage = 0, quota = 0 } = await this.estimate();
        this.quotaShare = quota > 0 ? usage / quota : 0;
      } catch {
        this.quotaShare = 0;
      }
    }
    return this.quotaShare >= NEAR_QUOTA;
  }

  private static async listsById(tx: IDBTransaction): Promise<Map<string, VocabList>> {
    const lists = await req(tx.objectStore(LISTS).getAll() as IDBRequest<VocabList[]>);
    return new Map(lists.map((l) => [l.id, l]));
  }

  private static stateOf(word: VocabWord, lists: Map<string, VocabList>): WordState {
    return {
      status: word.status,
      lists: word.lists.filter((id) => lists.has(id)).map((id) => ({ id, name: lists.get(id)!.name })),
    };
  }

  /**
   * Saves (or marks) the word from the popup. `list` absent: the last chosen list; a list id: that list, which
   * becomes the last chosen; null: no list (a known/learning mark only).
   */
  async save(input: SaveInput): Promise<SaveOutcome> {
    const outcome = await this.run([WORDS, LISTS, META], 'readwrite', async (tx) => {
      const lists = await VocabStore.listsById(tx);
      const meta = tx.objectStore(META);
      let listId: string | null;
      if (input.list === null) listId = null;
      else if (input.list !== undefined) {
        if (!lists.has(input.list)) throw new VocabError('unknownList', input.list);
        listId = input.list;
        meta.put(listId, LAST_LIST_KEY);
      } else {
        const last = (await req(meta.get(LAST_LIST_KEY))) as string | undefined;
        listId = last && lists.has(last) ? last : DEFAULT_LIST_ID;
      }
      const words = tx.objectStore(WORDS);
      const id = `${input.entry.headword}\t${input.entry.reading}`;
      const existing = (await req(words.get(id))) as VocabWord | undefined;
      const word = applySave(existing, input, listId, this.now());
      words.put(word);
      return { word, state: VocabStore.stateOf(word, lists) };
    });
    return { ...outcome, nearQuota: await this.nearQuota() };
  }

  /** Saved state of each id that is saved; ids not saved are absent. */
  async status(ids: string[]): Promise<Record<string, WordState>> {
    return this.run([WORDS, LISTS], 'readonly', async (tx) => {
      const lists = await VocabStore.listsById(tx);
      const words = tx.objectStore(WORDS);
      const found = await Promise.all(ids.map((id) => req(words.get(id)) as Promise<VocabWord | undefined>));
      const out: Record<string, WordState> = {};
      for (const w of found) if (w) out[w.id] = VocabStore.stateOf(w, lists);
      return out;
    });
  }

  async dump(): Promise<VocabDump> {
    return this.run([WORDS, LISTS, META], 'readonly', async (tx) => {
      const [words, lists, last] = await Promise.all([
        req(tx.objectStore(WORDS).getAll() as IDBRequest<VocabWord[]>),
        req(tx.objectStore(LISTS).getAll() as IDBRequest<VocabList[]>),
        req(tx.objectStore(META).get(LAST_LIST_KEY)) as Promise<string | undefined>,
      ]);
      lists.sort((a, b) => (a.id === DEFAULT_LIST_ID ? -1 : b.id === DEFAULT_LIST_ID ? 1 : a.createdAt - b.createdAt));
      const lastListId = last && lists.some((l) => l.id === last) ? last : DEFAULT_LIST_ID;
      return { words, lists, lastListId };
    });
  }

  /** Counts and the `limit` most recently saved or changed words, for the toolbar popup. */
  async summary(limit: number): Promise<VocabSummary> {
    return this.run([WORDS, LISTS, META], 'readonly', async (tx) => {
      const words = tx.objectStore(WORDS);
      const last = (await req(tx.objectStore(META).get(LAST_LIST_KEY))) as string | undefined;
      const lists = [...(await VocabStore.listsById(tx)).values()].sort((a, b) =>
        a.id === DEFAULT_LIST_ID ? -1 : b.id === DEFAULT_LIST_ID ? 1 : a.createdAt - b.createdAt,
      );
      const [total, known, learning, counts] = await Promise.all([
        req(words.count()),
        req(words.index(BY_STATUS).count('known')),
        req(words.index(BY_STATUS).count('learning')),
        Promise.all(lists.map((l) => req(words.index(BY_LIST).count(l.id)))),
      ]);
      const recent: VocabWord[] = [];
      await new Promise<void>((resolve, reject) => {
        const cursor = words.index(BY_UPDATED).openCursor(null, 'prev');
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || recent.length >= limit) return resolve();
          recent.push(c.value as VocabWord);
          c.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      });
      return {
        total,
        known,
        learning,
        lists: lists.map((l, i) => ({ id: l.id, name: l.name, count: counts[i] ?? 0 })),
        lastListId: last && lists.some((l) => l.id === last) ? last : DEFAULT_LIST_ID,
        recent,
      };
    });
  }

  async update(ids: string[], patch: WordPatch): Promise<VocabWord[]> {
    return this.run([WORDS, LISTS], 'readwrite', async (tx) => {
      const lists = await VocabStore.listsById(tx);
      const unknown = patch.addLists?.find((id) => !lists.has(id));
      if (unknown) throw new VocabError('unknownList', unknown);
      const words = tx.objectStore(WORDS);
      const now = this.now();
      const out: VocabWord[] = [];
      for (const id of ids) {
        const word = (await req(words.get(id))) as VocabWord | undefined;
        if (!word) continue;
        const next = applyPatch(word, patch, now);
        words.put(next);
        out.push(next);
      }
      return out;
    });
  }

  /** Deletes words and returns them as they were, so the page can undo. */
  async remove(ids: string[]): Promise<VocabWord[]> {
    return this.run([WORDS], 'readwrite', async (tx) => {
      const words = tx.objectStore(WORDS);
      const out: VocabWord[] = [];
      for (const id of ids) {
        const word = (await req(words.get(id))) as VocabWord | undefined;
        if (!word) continue;
        words.delete(id);
        out.push(word);
      }
      return out;
    });
  }

  /** Puts deleted words back (undo), merged with any copy saved since; lists deleted meanwhile are dropped. */
  async restore(restored: VocabWord[]): Promise<number> {
    return this.run([WORDS, LISTS], 'readwrite', async (tx) => {
      const lists = await VocabStore.listsById(tx);
      const words = tx.objectStore(WORDS);
      for (const w of restored) {
        const word = { ...w, lists: w.lists.filter((id) => lists.has(id)) };
        const now = (await req(words.get(word.id))) as VocabWord | undefined;
        words.put(now ? mergeWords(now, word) : word);
      }
      return restored.length;
    });
  }

  async editList(edit: ListEdit): Promise<VocabListsReply> {
    await this.run([WORDS, LISTS, META], 'readwrite', async (tx) => {
      const lists = await VocabStore.listsById(tx);
      const store = tx.objectStore(LISTS);
      const meta = tx.objectStore(META);
      const nameTaken = (name: string, except: string) =>
        [...lists.values()].some((l) => l.id !== except && l.name.trim().toLowerCase() === name.trim().toLowerCase());
      switch (edit.op) {
        case 'create':
          // Creating the same list twice (a message delivered twice) is not an error.
          if (lists.has(edit.id)) return;
          if (nameTaken(edit.name, edit.id)) throw new VocabError('listExists', edit.name);
          store.put({ id: edit.id, name: edit.name.trim(), createdAt: this.now() });
          meta.put(edit.id, LAST_LIST_KEY);
          return;
        case 'rename': {
          const list = lists.get(edit.id);
          if (!list) throw new VocabError('unknownList', edit.id);
          if (nameTaken(edit.name, edit.id)) throw new VocabError('listExists', edit.name);
          store.put({ ...list, name: edit.name.trim() });
          return;
        }
        case 'delete': {
          if (edit.id === DEFAULT_LIST_ID) throw new VocabError('defaultList');
          if (!lists.has(edit.id)) return;
          store.delete(edit.id);
          // The words stay (in their other lists, or as marked words): deleting a list never loses a sentence.
          const words = tx.objectStore(WORDS);
          const ids = (await req(words.index(BY_LIST).getAllKeys(edit.id))) as string[];
          const now = this.now();
          for (const id of ids) {
            const word = (await req(words.get(id))) as VocabWord;
            words.put({ ...word, lists: word.lists.filter((l) => l !== edit.id), updatedAt: now });
          }
          if ((await req(meta.get(LAST_LIST_KEY))) === edit.id) meta.put(DEFAULT_LIST_ID, LAST_LIST_KEY);
          return;
        }
        case 'choose':
          if (!lists.has(edit.id)) throw new VocabError('unknownList', edit.id);
          meta.put(edit.id, LAST_LIST_KEY);
          return;
      }
    });
    const { lists, lastListId } = await this.dump();
    return { lists, lastListId };
  }

  /**
   * Imports checked data in one transaction: everything or, on any error (storage full included), nothing.
   * 'merge' keeps what is stored and merges duplicates (a list with the same name is the same list);
   * 'replace' makes the store hold exactly the data (restoring a backup).
   */
  async importData(
    data: { lists: VocabList[]; words: VocabWord[]; lastListId?: string },
    mode: 'merge' | 'replace',
  ): Promise<ImportOutcome> {
    return this.run([WORDS, LISTS, META], 'readwrite', async (tx) => {
      const words = tx.objectStore(WORDS);
      const listStore = tx.objectStore(LISTS);
      const meta = tx.objectStore(META);
      if (mode === 'replace') {
        words.clear();
        listStore.clear();
        meta.clear();
      }
      const lists = mode === 'replace' ? new Map<string, VocabList>() : await VocabStore.listsById(tx);
      if (!lists.has(DEFAULT_LIST_ID) && !data.lists.some((l) => l.id === DEFAULT_LIST_ID)) {
        const d = defaultList(this.now());
        listStore.put(d);
        lists.set(d.id, d);
      }
      const remap = new Map<string, string>();
      let listsAdded = 0;
      for (const list of data.lists) {
        if (lists.has(list.id)) continue;
        const sameName = list.name
          ? [...lists.values()].find((l) => l.name.trim().toLowerCase() === list.name.trim().toLowerCase())
          : undefined;
        if (sameName) {
          remap.set(list.id, sameName.id);
          continue;
        }
        listStore.put(list);
        lists.set(list.id, list);
        listsAdded++;
      }
      let added = 0;
      let merged = 0;
      for (const incoming of data.words) {
        const word = { ...incoming, lists: [...new Set(incoming.lists.map((id) => remap.get(id) ?? id))] };
        const stored = mode === 'replace' ? undefined : ((await req(words.get(word.id))) as VocabWord | undefined);
        if (stored) {
          words.put(mergeWords(stored, word));
          merged++;
        } else {
          words.put(word);
          added++;
        }
      }
      if (data.lastListId && lists.has(data.lastListId)) meta.put(data.lastListId, LAST_LIST_KEY);
      return { added, merged, listsAdded };
    });
  }

  /** Headwords the reader marked known: reading mode leaves them without furigana and highlighting. */
  async knownWords(): Promise<string[]> {
    if (!this.known) {
      const read = this.run([WORDS], 'readonly', async (tx) => {
        const known = (await req(tx.objectStore(WORDS).index(BY_STATUS).getAll('known'))) as VocabWord[];
        return [...new Set(known.map((w) => w.headword))];
      });
      this.known = read;
      read.catch(() => {
        if (this.known === read) this.known = null;
      });
    }
    return [...(await this.known)];
  }

  close(): void {
    void this.db?.then((db) => db.close());
    this.db = null;
  }
}
