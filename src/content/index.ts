/**
 * Kiji's content script: thin on purpose. It finds the text under the pointer, asks the background for the word and
 * shows the answer; no dictionary and no tokenizer live here.
 */
import browser, { type Storage } from 'webextension-polyfill';
import { envelope, type Reply } from '../messages';
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

async function main(): Promise<void> {
  const html = document.documentElement;
  // A copy of this script from before an extension reload may still listen in this page; it sees the new value
  // and stops, so only the newest copy answers the pointer.
  const instance = Math.random().toString(36).slice(2);
  const client = new LookupClient(
    (text, at) => browser.runtime.sendMessage(envelope('lookup', { text, at })) as Promise<Reply<'lookup'>>,
  );
  const popup = new PopupHost(window);
  const onStorage = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      const next = readSettings(changes[SETTINGS_KEY].newValue);
      controller.updateSettings(next);
      reading.updateSettings(next);
    }
  };
  const stop = () => {
    controller.stop();
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
  controller.start();
  reading.start();
  // Hovering works at once; saving joins a few milliseconds later, when its module has loaded.
  await loadVocab().then(
    ({ PopupVocabController: Vocab }) =>
      controller.attachVocab(new Vocab((m) => browser.runtime.sendMessage(m), document, stop)),
    () => undefined,
  );
  html.setAttribute(READY_ATTRIBUTE, instance);
}

const VOCAB_MODULE = 'vocab-ui.js';
const loadVocab = (): Promise<{ PopupVocabController: typeof PopupVocabController }> =>
  import(/* @vite-ignore */ browser.runtime.getURL(VOCAB_MODULE));

void main();
