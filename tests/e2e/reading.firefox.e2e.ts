import { launchFirefox, type FirefoxHarness } from './firefox';

// Reading mode's code is a module the content script imports on demand: Firefox must allow that import from a
// content script (web-accessible, moz-extension://) for the article to be found at all.
let harness: FirefoxHarness;

beforeAll(async () => {
  harness = await launchFirefox();
});

afterAll(async () => {
  await harness?.close();
});

describe('Firefox: reading mode’s module', () => {
  it('loads, and marks the seed article’s body and headline', async () => {
    const page = await harness.open('news/newsweek-seed.html');
    await page.waitForSelector('[data-kiji-article]', { timeout: 20_000 });
    const marked = await page.$$eval('[data-kiji-article]', (els) =>
      els.map((el) => el.closest('.entry-text') !== null),
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every(Boolean)).toBe(true);
    expect(await page.$eval('[data-kiji-title]', (el) => el.textContent)).toBe(
      'バイデン=プーチン、初の電話会談 新START延長で合意',
    );
  });

  it('logged no error on the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
