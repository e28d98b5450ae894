/**
 * Vocabulary requests, answered in the context that owns the store (Chrome's offscreen document, Firefox's
 * background page): one store, one place where writes are ordered.
 */
import type { Envelope, Reply, RequestName, RequestOf, Responses } from '../../messages';
import { VocabStore } from './store';

export const VOCAB_REQUESTS = new Set<RequestName>([
  'vocabSave',
  'vocabStatus',
  'vocabList',
  'vocabSummary',
  'vocabUpdate',
  'vocabDelete',
  'vocabRestore',
  'vocabLists',
  'vocabImport',
  'knownWords',
]);

/** Recent write replies by request id: a message delivered twice is answered twice but applied once. */
const RECENT_WRITES = 500;

let store: VocabStore | null = null;
const recent = new Map<string, Promise<Reply<RequestName>>>();

/** The store this context owns, opened at the first request. Tests pass their own. */
function vocabStore(): VocabStore {
  store ??= new VocabStore();
  return store;
}

/**
 * Reads the known words once as the context starts: reading mode asks for them first on every article, and the
 * first read of the database would otherwise wait behind the engine's work on that article.
 */
export function warmVocabStore(): void {
  vocabStore()
    .knownWords()
    .catch(() => {});
}

export function setVocabStore(s: VocabStore): void {
  store = s;
  recent.clear();
}

async function valueOf(s: VocabStore, msg: Envelope): Promise<Responses[RequestName]> {
  const p = msg.payload;
  switch (msg.type) {
    case 'vocabSave':
      return s.save((p as RequestOf<'vocabSave'>).save);
    case 'vocabStatus':
      return s.status((p as RequestOf<'vocabStatus'>).ids);
    case 'vocabList':
      return s.dump();
    case 'vocabSummary':
      return s.summary((p as RequestOf<'vocabSummary'>).limit);
    case 'vocabUpdate': {
      const { ids, patch } = p as RequestOf<'vocabUpdate'>;
      return s.update(ids, patch);
    }
    case 'vocabDelete':
      return s.remove((p as RequestOf<'vocabDelete'>).ids);
    case 'vocabRestore':
      return s.restore((p as RequestOf<'vocabRestore'>).words);
    case 'vocabLists':
      return s.editList((p as RequestOf<'vocabLists'>).edit);
    case 'vocabImport': {
      const { data, mode } = p as RequestOf<'vocabImport'>;
      return s.importData(data, mode);
    }
    case 'knownWords':
      return s.knownWords();
    default:
      throw new Error(`not a vocabulary request: ${msg.type}`);
  }
}

async function answer(msg: Envelope): Promise<Reply<RequestName>> {
  try {
    return { ok: true, value: await valueOf(vocabStore(), msg) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function answerVocabRequest(msg: Envelope): Promise<Reply<RequestName>> {
  const rid = (msg.payload as { rid?: unknown }).rid;
  if (typeof rid !== 'string') return answer(msg);
  const key = `${msg.type}:${rid}`;
  const seen = recent.get(key);
  if (seen) return seen;
  const reply = answer(msg);
  recent.set(key, reply);
  if (recent.size > RECENT_WRITES) recent.delete(recent.keys().next().value as string);
  return reply;
}
