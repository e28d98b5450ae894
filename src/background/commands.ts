/**
 * Keyboard shortcuts that act on the page: the background hears the command and passes it to the content script of
 * the active tab's top frame, which owns the page's reading mode. Shared by the Chrome worker and the Firefox page.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { envelope } from '../messages';
import { readSettings, SETTINGS_KEY } from '../settings';

export const READING_MODE_COMMAND = 'toggle-reading-mode';
export const ENABLED_COMMAND = 'toggle-enabled';

/** Turns the hover on or off everywhere; every content script follows the setting through storage.onChanged. */
export async function toggleEnabled(): Promise<boolean> {
  const settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const enabled = !settings.enabled;
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, enabled } });
  return enabled;
}

async function activeTabId(tab: Tabs.Tab | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** Passes the reading-mode shortcut to the page; a page without Kiji's content script simply does not answer. */
export async function relayReadingToggle(tab?: Tabs.Tab): Promise<void> {
  const tabId = await activeTabId(tab);
  if (tabId === undefined) return;
  try {
    await browser.tabs.sendMessage(tabId, envelope('readingToggle', {}), { frameId: 0 });
  } catch {
    // No content script there (a browser page, a site Kiji is not on): nothing to toggle.
  }
}

/** Registers the listener; call at the top level of the background so a wake-up by the shortcut finds it. */
export function listenForCommands(): void {
  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    if (command === READING_MODE_COMMAND) void relayReadingToggle(tab);
    if (command === ENABLED_COMMAND) void toggleEnabled();
  });
}
