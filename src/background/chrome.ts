/**
 * Chrome service worker: a thin router. The engine (kuromoji ~160 MB, dictionaries) lives in an offscreen document
 * so that it survives the worker being stopped after 30 s idle; a restarted worker only re-attaches to it.
 */
import browser from 'webextension-polyfill';
import type { Envelope, Reply, RequestName } from '../messages';
import { startRouter } from './router';

const OFFSCREEN_URL = 'offscreen.html';
// Chrome-only APIs the polyfill passes through untouched (they return promises in MV3).
const chromeOnly = browser as unknown as {
  offscreen: typeof chrome.offscreen;
  runtime: typeof chrome.runtime;
};
let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  const contexts = await chromeOnly.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
  });
  if (contexts.length > 0) return;
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
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function callEngine(msg: Envelope): Promise<Reply<RequestName>> {
  for (let attempt = 0; ; attempt++) {
    await ensureOffscreen();
    try {
      const reply = (await browser.runtime.sendMessage({ ...msg, to: 'engine' })) as Reply<RequestName> | undefined;
      if (reply) return reply;
    } catch (err) {
      // The document is still starting and has not registered its listener yet: wait and retry, never drop.
      if (attempt >= 40) return { ok: false, error: String(err) };
    }
    await sleep(25);
  }
}

startRouter(callEngine);
// Warm the engine as soon as the browser starts, not at the first hover.
browser.runtime.onStartup.addListener(() => void ensureOffscreen());
browser.runtime.onInstalled.addListener(() => void ensureOffscreen());
