/**
 * Chrome offscreen document: hosts the engine. It answers engine requests from content scripts directly (on their
 * engine port, or as one-off messages) and those the service worker forwards while it makes sure this document exists.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createEngine } from '../core/engine';
import { ENGINE_WATCH_PORT, parseEnvelope } from '../messages';
import { extensionAssets } from '../background/assets';
import { answerEngineRequest, ENGINE_REQUESTS } from '../background/handlers';
import { listenOnEnginePort } from '../background/engine-port';
import { warmVocabStore } from '../background/vocab/requests';

const engine = createEngine(extensionAssets);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = parseEnvelope(message);
  if (!msg || !ENGINE_REQUESTS.has(msg.type)) return undefined;
  return answerEngineRequest(engine, msg);
});

listenOnEnginePort((msg) => answerEngineRequest(engine, msg));
warmVocabStore();

// The worker's watch port: held here, so it closes only when this document goes away.
const watchers = new Set<Runtime.Port>();
browser.runtime.onConnect.addListener((port: Runtime.Port) => {
  if (port.name !== ENGINE_WATCH_PORT || port.sender?.id !== browser.runtime.id) return;
  watchers.add(port);
  port.onDisconnect.addListener(() => watchers.delete(port));
});
