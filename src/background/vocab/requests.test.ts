import { IDBFactory } from 'fake-indexeddb';
import { envelope, parseEnvelope, type Envelope, type Reply } from '../../messages';
import { seedSentences, saveOf } from '../../../tests/support/real-saves';
import { answerEngineRequest, ENGINE_REQUESTS } from '../handlers';
import type { Engine } from '../../core/engine';
import { answerVocabRequest, setVocabStore } from './requests';
import { VocabStore } from './store';

const sentence = seedSentences().find((s) => s.includes('延長'))!;
// The vocabulary never touches the engine: a stand-in that fails loudly if it is used.
const noEngine = new Proxy({}, { get: () => () => Promise.reject(new Error('engine used')) }) as Engine;

let store: VocabStore;
beforeEach(() => {
  store = new VocabStore({ idb: new IDBFactory(), estimate: async () => ({ usage: 0, quota: 1 }) });
  setVocabStore(store);
});
afterEach(() => store.close());

/** A message as another context sends it, after the router's validation. */
function wire<N extends Envelope['type']>(msg: Envelope<N>): Envelope {
  const parsed = parseEnvelope(JSON.parse(JSON.stringify(msg)));
  if (!parsed) throw new Error(`rejected: ${msg.type}`);
  return parsed;
}

describe('vocabulary requests', () => {
  it('are engine requests, answered without the engine', async () => {
    expect(ENGINE_REQUESTS.has('vocabSave')).toBe(true);
    expect(ENGINE_REQUESTS.has('knownWords')).toBe(true);
    const save = await saveOf(sentence, '延長');
    const reply = (await answerEngineRequest(
      noEngine,
      wire(envelope('vocabSave', { rid: 'rid-00000001', save })),
    )) as Reply<'vocabSave'>;
    expect(reply.ok && reply.value.state.lists).toEqual([{ id: 'default', name: '' }]);
    const listed = (await answerEngineRequest(noEngine, wire(envelope('vocabList', {})))) as Reply<'vocabList'>;
    expect(listed.ok && listed.value.words.map((w) => w.headword)).toEqual(['延長']);
  });

  it('apply a write delivered twice once (Chrome forwards while the offscreen document also answers)', async () => {
    const save = await saveOf(sentence, '延長');
    await store.save(save);
    const del = wire(envelope('vocabDelete', { rid: 'rid-delete-1', ids: ['延長\tえんちょう'] }));
    const [a, b] = await Promise.all([answerVocabRequest(del), answerVocabRequest(del)]);
    expect(a).toEqual(b);
    // Undo, then the late duplicate of the delete arrives: the word must stay restored.
    const deleted = a as Reply<'vocabDelete'>;
    const removed = deleted.ok ? deleted.value : [];
    expect(removed).toHaveLength(1);
    await answerVocabRequest(wire(envelope('vocabRestore', { rid: 'rid-restore-1', words: removed })));
    await answerVocabRequest(del);
    expect((await store.dump()).words).toHaveLength(1);
  });

  it('are rejected by the router when malformed', () => {
    expect(parseEnvelope(envelope('vocabStatus', { ids: Array(51).fill('x') }))).toBeNull();
    expect(parseEnvelope({ kiji: 1, type: 'vocabSave', payload: { rid: 'short', save: {} } })).toBeNull();
    expect(
      parseEnvelope(envelope('vocabLists', { rid: 'rid-lists-1', edit: { op: 'create', id: 'l-1', name: '   ' } })),
    ).toBeNull();
  });

  it('report storage errors as codes the UI can word', async () => {
    const save = await saveOf(sentence, '延長');
    const reply = await answerVocabRequest(
      wire(envelope('vocabSave', { rid: 'rid-00000002', save: { ...save, list: 'l-gone' } })),
    );
    expect(reply).toEqual({ ok: false, error: 'unknownList: l-gone' });
  });
});
