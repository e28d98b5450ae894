/**
 * Kiji's content script: thin on purpose. It finds the text under the pointer, asks the background for the word and
 * shows the answer; no dictionary and no tokenizer live here.
 */
import browser, { type Storage } from 'webextension-polyfill';
import { ENGINE_PORT, envelope, type Envelope } from '../messages';
import { afterPaint } from './after-paint';
import { EnginePortClient } from './engine-port';
import { readSettings, SETTINGS_KEY, type Settings } from '../settings';
import { HoverController } from './hover';
import { LookupClient } from './lookup-client';
import { PopupHost } from './popup-host';
import type { PopupVocabController } from './vocab-client';
import { ReadingLoader } from './reading-mode/loader';

/** Set on <html> once the script listens (end-to-end tests wait for it); its value names the running copy. */
export const READY_ATTRIBUTE = 'data-kiji-ready';

async function loadSettings(): Promise<Settings> {
  try {
    return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    // Storage unreadable (a private window's quirk, a corrupt profile): hovering still works with the defaults.
    return readSettings(undefined);
  }
}

/**
 * Starts Kiji in this document. `pointer` gives the latest mouse move that a frame waited for (see below), which
 * the controller then answers as if it had seen it.
 */
async function main(instance: string, pointer?: () => MouseEvent | null): Promise<void> {
  const html = document.documentElement;
  const enginePort = new EnginePortClient(() => {
    const port = browser.runtime.connect({ name: ENGINE_PORT });
    // Read, so Chrome knows that no engine to connect to (not created yet, or gone) was expected.
    port.onDisconnect.addListener(() => void browser.runtime.lastError);
    return port;
  });
  // Lookups and vocabulary requests, all answered where the engine lives: by the port when it is open; else, or
  // when it closes under the request, by a one-off message (which wakes Chrome's worker to recreate the engine).
  const toEngine = (msg: Envelope): Promise<unknown> => {
    const viaMessage = () => browser.runtime.sendMessage(msg) as Promise<unknown>;
    return enginePort.request(msg)?.catch(viaMessage) ?? viaMessage();
  };
  const client = new LookupClient(
    (text, at) => toEngine(envelope('lookup', { text, at })),
    undefined,
    undefined,
    // Asking ahead is worth doing only the cheap way.
    (text, ats) => enginePort.request(envelope('lookupMany', { text, ats })),
  );
  const popup = new PopupHost(window);
  const onStorage = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      const next = readSettings(changes[SETTINGS_KEY].newValue);
      controller.updateSettings(next);
      reading.updateSettings(next);
    }
  };
  let stopped = false;
  const stop = () => {
    stopped = true;
    controller.stop();
    enginePort.close();
    reading.stop();
    popup.destroy();
    try {
      browser.storage.onChanged.removeListener(onStorage);
    } catch {
      // The extension context is already gone; nothing left to unregister.
    }
  };
  const settings = await loadSettings();
  const reading = new ReadingLoader(window, settings);
  const controller = new HoverController(window, settings, client, popup, {
    isCurrent: () => html.getAttribute(READY_ATTRIBUTE) === instance,
    onOrphaned: stop,
  });
  browser.storage.onChanged.addListener(onStorage);
  // On a page in Japanese the engine's port opens now and the popup's styles and fonts come into use at idle, not at
  // the first hover (see EnginePortClient.warm and PopupHost.prepare).
  if (settings.enabled) {
    const prepare = () => {
      enginePort.warm();
      const run = () => !stopped && popup.prepare();
      // Called on window: Firefox refuses these methods detached from it in a content script.
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2000 });
      else window.setTimeout(run, 200);
    };
    if (window.top === window && html.lang.toLowerCase().startsWith('ja')) prepare();
    else reading.onJapanese = prepare;
  }
  controller.start(pointer?.() ?? undefined);
  reading.start();
  // Hovering works at once; saving joins a few milliseconds later, when its module has loaded.
  await loadVocab().then(
    ({ PopupVocabController: Vocab }) =>
      controller.attachVocab(new Vocab(toEngine, document, stop, (fn) => afterPaint(window, fn))),
    () => undefined,
  );
  html.setAttribute(READY_ATTRIBUTE, instance);
}

const VOCAB_MODULE = 'vocab-ui.js';
const loadVocab = (): Promise<{ PopupVocabController: typeof PopupVocabController }> =>
  import(/* @vite-ignore */ browser.runtime.getURL(VOCAB_MODULE));

// A copy of this script from before an extension reload may still listen in this page; it sees the new value and
// stops, so only the newest copy answers the pointer.
const instance = Math.random().toString(36).slice(2);

/**
 * A frame (an ad, a widget, an embedded post; some pages hold hundreds) costs next to nothing until the pointer
 * moves in it: reading settings, the extension API's first use and the vocabulary module cost a few ms per frame,
 * which 200 frames starting at once made tasks of 60–140 ms. The frame says it listens at once.
 */
function startWhenPointed(): void {
  const html = document.documentElement;
  html.setAttribute(READY_ATTRIBUTE, instance);
  let latest: MouseEvent | null = null;
  const onMove = (e: MouseEvent) => {
    const first = latest === null;
    latest = e;
    if (!first) return;
    if (html.getAttribute(READY_ATTRIBUTE) !== instance) {
      window.removeEventListener('mousemove', onMove, true);
      return;
    }
    void main(instance, () => {
      window.removeEventListener('mousemove', onMove, true);
      return latest;
    });
  };
  window.addEventListener('mousemove', onMove, { capture: true, passive: true });
}

if (window !== window.top) startWhenPointed();
else void main(instance);
