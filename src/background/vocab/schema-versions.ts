/**
 * The vocabulary database's schema, version by version. Each step upgrades the version before it, so a profile that
 * skipped releases climbs every step in order inside one upgrade transaction (all or nothing).
 *
 * Version 1 (the first schema): `words` keyed by id, each word with `known: boolean`; `lists` keyed by id.
 * Version 2: a word's `known` flag becomes `status` ('new' | 'learning' | 'known') and gains `note`; indexes for the
 * questions asked often (words of a list, known words, recent saves); `meta` holds the last chosen list.
 */
import { DEFAULT_LIST_ID } from '../../core/vocab/word';

export const DB_NAME = 'kiji-vocab';
export const DB_VERSION = 2;

export const WORDS = 'words';
export const LISTS = 'lists';
export const META = 'meta';
export const BY_LIST = 'byList';
export const BY_STATUS = 'byStatus';
export const BY_UPDATED = 'byUpdated';
export const LAST_LIST_KEY = 'lastListId';

type Step = (db: IDBDatabase, tx: IDBTransaction, now: number) => void;

const steps: Record<number, Step> = {
  1: (db, _tx, now) => {
    db.createObjectStore(WORDS, { keyPath: 'id' });
    const lists = db.createObjectStore(LISTS, { keyPath: 'id' });
    lists.put({ id: DEFAULT_LIST_ID, name: '', createdAt: now });
  },
  2: (db, tx, now) => {
    const words = tx.objectStore(WORDS);
    words.createIndex(BY_LIST, 'lists', { multiEntry: true });
    words.createIndex(BY_STATUS, 'status');
    words.createIndex(BY_UPDATED, 'updatedAt');
    db.createObjectStore(META);
    const cursor = words.openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const { known, ...rest } = c.value as Record<string, unknown> & { known?: boolean };
      c.update({ ...rest, status: known ? 'known' : 'new', note: typeof rest.note === 'string' ? rest.note : '' });
      c.continue();
    };
    // A version-1 profile always has the default list; make sure anyway, saves rely on it.
    tx.objectStore(LISTS).get(DEFAULT_LIST_ID).onsuccess = (e) => {
      if (!(e.target as IDBRequest).result)
        tx.objectStore(LISTS).put({ id: DEFAULT_LIST_ID, name: '', createdAt: now });
    };
  },
};

/** Runs the steps from `oldVersion` + 1 to `target` (tests stop at 1 to make a version-1 profile). */
export function upgrade(
  db: IDBDatabase,
  tx: IDBTransaction,
  oldVersion: number,
  target = DB_VERSION,
  now = Date.now(),
): void {
  for (let v = oldVersion + 1; v <= target; v++) {
    const step = steps[v];
    if (!step) throw new Error(`No migration step to vocabulary schema version ${v}`);
    step(db, tx, now);
  }
}
