import browser, { type Runtime } from 'webextension-polyfill';
import { parseEnvelope, type Envelope, type Reply, type RequestName } from '../messages';
import { ENGINE_REQUESTS } from './handlers';

/** How this background answers engine requests. */
type EngineCall = (msg: Envelope) => Promise<Reply<RequestName>>;

/**
 * Accepts only well-formed messages from Kiji's own contexts. Page scripts cannot reach runtime.onMessage, and
 * other extensions are rejected by id.
 */
export function startRouter(callEngine: EngineCall): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseEnvelope(message);
    if (!msg || !ENGINE_REQUESTS.has(msg.type)) return undefined;
    return callEngine(msg);
  });
}
