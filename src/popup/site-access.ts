import browser from 'webextension-polyfill';

/** Content script registrations made for sites the user turned on; ids are stable so re-adding is idempotent. */
const scriptId = (origin: string) => `kiji-site-${origin}`;

export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** This page only, for this visit: activeTab grants the tab for the user's click. */
export async function runInTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['content.js'] });
}

/** Every visit to this site: asks for the one origin, then registers the content script there. */
export async function enableSite(pattern: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) return false;
  const id = scriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id,
        matches: [pattern],
        js: ['content.js'],
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
  }
  return true;
}

export async function siteEnabled(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}
