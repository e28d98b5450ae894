/** The welcome page, opened once, when Kiji is first installed (never on an update or a browser restart). */
import browser, { type Runtime } from 'webextension-polyfill';

export const WELCOME_PAGE = 'welcome.html';
/**
 * Set once the page has been opened. Chromium reports an extension loaded with --load-extension as installed at
 * every start; the flag keeps that from opening the page again. Uninstalling clears it with the rest of storage.
 */
export const WELCOMED_KEY = 'welcomed';

export async function welcomeIfNew(details: Pick<Runtime.OnInstalledDetailsType, 'reason'>): Promise<boolean> {
  if (details.reason !== 'install') return false;
  if ((await browser.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY] === true) return false;
  await browser.storage.local.set({ [WELCOMED_KEY]: true });
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  return true;
}

/** Registers the listener; call at the top level of the background so the install event finds it. */
export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener((details) => void welcomeIfNew(details));
}
