// Firefox: the welcome page Kiji opens on install, and the sample article shipped with Kiji that its button opens,
// where a hover must show the popup (the content script is loaded by a script tag there, not by the manifest).
import type { Browser, Page } from 'puppeteer-core';
import { hover, launchFirefox, readPopup, type FirefoxHarness } from './firefox';
import { waitForPopup } from './popup-wait';

const FIRST_LOOKUP_MS = 60_000;

let harness: FirefoxHarness;

beforeAll(async () => {
  harness = await launchFirefox({ keepWelcome: true });
});

afterAll(async () => {
  await harness?.close();
});

/** The tab at `suffix` (Firefox's BiDi reports a tab an extension opened as about:blank: each tab is asked). */
async function tabAt(browser: Browser, suffix: string, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.endsWith(suffix)) return page;
    }
    if (Date.now() > deadline) throw new Error(`no tab at ${suffix}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('Firefox: the welcome page and the sample article', () => {
  it('opened on install, in the browser’s language', async () => {
    expect(harness.welcomeUrl).toMatch(/^moz-extension:\/\/[0-9a-f-]+\/welcome\.html$/);
    const welcome = harness.welcome!;
    await welcome.waitForSelector('h1');
    expect(await welcome.$eval('h1', (h) => h.textContent)).toBe('Welcome to Kiji Reader');
    expect(await welcome.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('its button opens the bundled sample article, where a hover shows the popup', async () => {
    const welcome = harness.welcome!;
    await welcome.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open the sample article');
      if (!button) throw new Error('no sample button');
      button.click();
    });
    const sample = await tabAt(harness.browser, '/sample.html');
    await sample.bringToFront();
    await sample.waitForSelector('html[data-kiji-ready]', { timeout: 15_000 });
    await hover(sample, '報道官', 0, { within: 'article' });
    const popup = await waitForPopup(
      () => readPopup(sample),
      (p) => p.entries[0]?.headword === '報道官',
      '報道官',
      FIRST_LOOKUP_MS,
    );
    expect(popup.reading).toBe('ほうどうかん');
    await sample.close();
  });

  it('sent no request beyond 127.0.0.1', () => {
    expect(harness.outsideRequests()).toEqual([]);
  });
});
