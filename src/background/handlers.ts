import type { Engine } from '../core/engine';
import type { Envelope, Reply, RequestName, RequestOf, Responses } from '../messages';
import { answerVocabRequest, VOCAB_REQUESTS } from './vocab/requests';

/** The requests the engine answers; the rest are the router's own. */
export const ENGINE_REQUESTS = new Set<RequestName>(['lookup', 'lookupMany', 'tokens', 'status', 'annotate']);

// The vocabulary store lives where the engine does (always alive, one place for writes), so its requests travel
// the same way: the offscreen document in Chrome, the background page in Firefox.
for (const name of VOCAB_REQUESTS) ENGINE_REQUESTS.add(name);

export async function answerEngineRequest(engine: Engine, msg: Envelope): Promise<Reply<RequestName>> {
  if (VOCAB_REQUESTS.has(msg.type)) return answerVocabRequest(msg);
  try {
    const value = await engineValue(engine, msg.type, msg.payload);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function engineValue(engine: Engine, type: RequestName, payload: unknown): Promise<Responses[RequestName]> {
  switch (type) {
    case 'lookup': {
      const p = payload as RequestOf<'lookup'>;
      return engine.lookup(p.text, p.at);
    }
    case 'lookupMany': {
      const p = payload as RequestOf<'lookupMany'>;
      return Promise.all(p.ats.map((at) => engine.lookup(p.text, at)));
    }
    case 'tokens':
      return engine.tokens((payload as RequestOf<'tokens'>).text);
    case 'status':
      return engine.status();
    case 'annotate':
      return engine.annotate((payload as RequestOf<'annotate'>).texts);
    default:
      throw new Error(`not an engine request: ${type}`);
  }
}
