import { IDBFactory } from 'fake-indexeddb';
import { setVocabStore } from '../background/vocab/requests';
import { VocabStore } from '../background/vocab/store';
import { loadDump } from './api';

vi.mock('webextension-polyfill', () => import('./test-support/page-browser'));

describe('vocabulary page: reading every word', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("asks the store's owner when the page's own database connection does not answer", async () => {
    const owner = new VocabStore({ idb: new IDBFactory() });
    await owner.editList({ op: 'create', id: 'news', name: 'ニュース' });
    setVocabStore(owner);
    // The page's own open request never completes (as when another connection holds it up).
    const stuck = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    vi.stubGlobal('indexedDB', stuck);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const dump = loadDump();
    await vi.advanceTimersByTimeAsync(5_000);
    vi.useRealTimers();
    expect((await dump).lists.map((l) => l.name)).toContain('ニュース');
  }, 10_000);
});
