/**
 * Chrome service worker: makes sure the engine's offscreen document exists, and otherwise stays out of the way.
 *
 * The engine (kuromoji ~160 MB, the dictionaries) lives in an offscreen document, which survives the worker being
 * stopped after 30 s idle. A content script's lookup reaches every extension context, so the offscreen document
 * answers it directly: one IPC hop each way instead of two. The worker answers only while it cannot be sure the
 * document exists (first hover after the browser starts, or after the worker restarted): then it creates the
 * document if needed and forwards the request, so a lookup is never dropped; a double answer is harmless, the first
 * one wins.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { envelope, parseEnvelope, type Envelope, type Reply, type RequestName } from '../messages';
import { ENGINE_REQUESTS } from './handlers';
import { listenForCommands } from './commands';

const OFFSCREEN_URL = 'offscreen.html';
// Chrome-only APIs the polyfill passes through untouched (they return promises in MV3).
const chromeOnly = browser as unknown as {
  offscreen: typeof chrome.offscreen;
  runtime: typeof chrome.runtime;
};
let creating: Promise<void> | null = null;
/** Known to exist since this worker started: engine requests need nothing from us. */
let offscreenAlive = false;
/** Hovers come many a second: asking Chrome whether the document still exists once in a while is enough. */
const RECHECK_MS = 5_000;
let lastCheck = 0;

async function offscreenExists(): Promise<boolean> {
  const contexts = await chromeOnly.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
  });
  return contexts.length > 0;
}

async function ensureOffscreen(): Promise<void> {
  if (await offscreenExists()) {
    offscreenAlive = true;
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
  if (offscreenAlive) {
    // The document answers this one itself. Now and then, check behind its back that it is still there (Chrome
    // may have closed it); if not, the sender's retry finds a new one.
    const now = Date.now();
    if (now - lastCheck > RECHECK_MS) {
      lastCheck = now;
      void offscreenExists().then((alive) => {
        offscreenAlive = alive;
        if (!alive) void ensureOffscreen();
      });
    }
    return undefined;
  }
  return forward(msg);
});

// Warm the engine as soon as the browser starts, not at the first hover.
browser.runtime.onStartup.addListener(() => void ensureOffscreen());
browser.runtime.onInstalled.addListener(() => void ensureOffscreen());

listenForCommands();
