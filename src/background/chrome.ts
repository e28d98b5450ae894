/**
 * Chrome service worker: makes sure the engine's offscreen document exists, and otherwise stays out of the way.
 *
 * The engine (kuromoji and the dictionaries, about 90 MB) lives in an offscreen document, which survives the worker being
 * stopped after 30 s idle. A content script's lookup reaches every extension context, so the offscreen document
 * answers it directly: one IPC hop each way instead of two. The worker answers only while it cannot be sure the
 * document exists (first hover after the browser starts, after the worker restarted, or once the port it keeps open
 * to the document has closed because the document went away): then it creates the document if needed and forwards
 * the request, so a lookup is never dropped; a double answer is harmless, the first one wins.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { ENGINE_WATCH_PORT, envelope, parseEnvelope, type Envelope, type Reply, type RequestName } from '../messages';
import { ENGINE_REQUESTS } from './handlers';
import { listenForCommands } from './commands';
import { openWelcomeOnInstall } from './welcome';

const OFFSCREEN_URL = 'offscreen.html';
// Chrome-only APIs the polyfill passes through untouched (they return promises in MV3).
const chromeOnly = browser as unknown as {
  offscreen: typeof chrome.offscreen;
  runtime: typeof chrome.runtime;
};
let creating: Promise<void> | null = null;
/** Known to exist (and watched) since this worker started: engine requests need nothing from us. */
let offscreenAlive = false;
/** A port to the engine document, only to hear when it goes away; the worker then answers again. */
let watch: Runtime.Port | null = null;

function watchOffscreen(): void {
  if (watch) return;
  const port = browser.runtime.connect({ name: ENGINE_WATCH_PORT });
  port.onDisconnect.addListener(() => {
    // Read, so Chrome knows a document still starting (no listener yet) was expected.
    void browser.runtime.lastError;
    if (watch === port) watch = null;
    offscreenAlive = false;
  });
  watch = port;
}

async function offscreenExists(): Promise<boolean> {
  const contexts = await chromeOnly.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
  });
  return contexts.length > 0;
}

async function ensureOffscreen(): Promise<void> {
  if (await offscreenExists()) {
    offscreenAlive = true;
    watchOffscreen();
    return;
  }
  creating ??= chromeOnly.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['WORKERS' as chrome.offscreen.Reason],
      justification: 'Keeps the Japanese tokenizer and dictionaries loaded for all tabs.',
    })
    .catch((err: unknown) => {
      // Two wake-ups racing: the document exists, which is all we wanted.
      if (!String(err).includes('single offscreen')) throw err;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
  offscreenAlive = true;
  watchOffscreen();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function forward(msg: Envelope): Promise<Reply<RequestName>> {
  for (let attempt = 0; ; attempt++) {
    await ensureOffscreen();
    try {
      const reply = (await browser.runtime.sendMessage({ ...envelope(msg.type, msg.payload), to: 'engine' })) as
        Reply<RequestName> | undefined;
      if (reply) return reply;
    } catch (err) {
      // The document is still starting and has not registered its listener yet: wait and retry, never drop.
      if (attempt >= 40) return { ok: false, error: String(err) };
    }
    await sleep(25);
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = parseEnvelope(message);
  if (!msg || msg.to === 'engine' || !ENGINE_REQUESTS.has(msg.type)) return undefined;
  // The document answers this one itself; if it has gone, the watch port has said so.
  if (offscreenAlive) return undefined;
  return forward(msg);
});

// Warm the engine as soon as the browser starts, not at the first hover.
browser.runtime.onStartup.addListener(() => void ensureOffscreen());
browser.runtime.onInstalled.addListener(() => void ensureOffscreen());

listenForCommands();
openWelcomeOnInstall();
