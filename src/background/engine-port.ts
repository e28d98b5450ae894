/**
 * The engine's end of ENGINE_PORT: wherever the engine lives (Chrome's offscreen document, Firefox's background
 * page), content scripts of this extension may keep a port open and send engine requests over it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  ENGINE_PORT,
  parsePortRequest,
  type Envelope,
  type PortReply,
  type Reply,
  type RequestName,
} from '../messages';
import { ENGINE_REQUESTS } from './handlers';

export function listenOnEnginePort(answer: (msg: Envelope) => Promise<Reply<RequestName>>): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== ENGINE_PORT) return;
    // Only Kiji's own content scripts: another extension's connect carries its own id.
    if (port.sender?.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const request = parsePortRequest(message);
      if (!request) return;
      const reply: Promise<Reply<RequestName>> = ENGINE_REQUESTS.has(request.msg.type)
        ? answer(request.msg)
        : Promise.resolve({ ok: false, error: `not an engine request: ${request.msg.type}` });
      void reply.then((r) => {
        try {
          port.postMessage({ id: request.id, reply: r } satisfies PortReply);
        } catch {
          // The tab went away while we worked: nobody is waiting.
        }
      });
    });
  });
}
