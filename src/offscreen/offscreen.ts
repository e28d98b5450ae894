/** Chrome offscreen document: hosts the engine and answers what the service worker forwards. */
import browser, { type Runtime } from 'webextension-polyfill';
import { createEngine } from '../core/engine';
import { parseEnvelope } from '../messages';
import { extensionAssets } from '../background/assets';
import { answerEngineRequest, ENGINE_REQUESTS } from '../background/handlers';

const engine = createEngine(extensionAssets);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = parseEnvelope(message);
  // Content scripts' messages reach every extension page too; only the worker's forwards are ours.
  if (!msg || msg.to !== 'engine' || !ENGINE_REQUESTS.has(msg.type)) return undefined;
  return answerEngineRequest(engine, msg);
});
