/**
 * Kiji's content script: thin on purpose. It finds the text under the pointer, asks the background for the word and
 * shows the answer; no dictionary and no tokenizer live here.
 */
import browser from 'webextension-polyfill';
import { envelope, type Reply } from '../messages';
import { readSettings, SETTINGS_KEY, type Settings } from '../settings';
import { HoverController } from './hover';
import { LookupClient } from './lookup-client';
import { PopupHost } from './popup-host';

/** Set on <html> once the script listens; end-to-end tests wait for it. */
export const READY_ATTRIBUTE = 'data-kiji-ready';

interface Running {
  stop(): void;
}

const GLOBAL_KEY = '__kijiContent';

async function main(): Promise<void> {
  const scope = globalThis as unknown as Record<string, Running | undefined>;
  // Injected twice (manifest and "enable in this tab", or an extension reload): the newest copy takes over.
  scope[GLOBAL_KEY]?.stop();

  const win = window;
  const client = new LookupClient(
    (text, at) => browser.runtime.sendMessage(envelope('lookup', { text, at })) as Promise<Reply<'lookup'>>,
  );
  const popup = new PopupHost(win);
  let settings: Settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);

  const onStorage = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    settings = readSettings(changes[SETTINGS_KEY].newValue);
    controller.updateSettings(settings);
  };
  const running: Running = {
    stop() {
      controller.stop();
      popup.destroy();
      try {
        browser.storage.onChanged.removeListener(onStorage);
      } catch {
        // The extension context is already gone; nothing left to unregister.
      }
      if (scope[GLOBAL_KEY] === running) scope[GLOBAL_KEY] = undefined;
    },
  };
  const controller = new HoverController(win, settings, client, popup, () => running.stop());
  browser.storage.onChanged.addListener(onStorage);
  controller.start();
  scope[GLOBAL_KEY] = running;
  document.documentElement.setAttribute(READY_ATTRIBUTE, '');
}

void main();
