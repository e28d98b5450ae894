import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from './firefox';
import { changedShare, decodePng, pixelsIn, termBoxes, warmShare, type TermBoxes } from './tint-probes';

// Reading mode's code is a module the content script imports on demand: Firefox must allow that import from a
// content script (web-accessible, moz-extension://) for the article to be found at all.
let harness: FirefoxHarness;
// The first annotation also waits for the engine to load kuromoji and the dictionaries.
const FIRST_ANNOTATION_MS = 60_000;

async function clickLabel(page: Page, label: string): Promise<void> {
  await page.evaluate((text) => {
    const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
    if (!found) throw new Error(`no control labelled ${text}`);
    found.querySelector('input')!.click();
  }, label);
}

/** The pixels of the term's base text and of its readings, from one screenshot of the tab as shown. */
async function shoot(page: Page, boxes: TermBoxes) {
  await page.bringToFront();
  const png = await page.screenshot({ clip: boxes.clip, encoding: 'base64' });
  const shot = await page.evaluate(decodePng, png);
  return { base: pixelsIn(shot, boxes.clip, boxes.base), rt: pixelsIn(shot, boxes.clip, boxes.rt) };
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  harness = await launchFirefox({ keepWelcome: true });
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

  it('tints a glossary term under its base text, clear of its furigana, until the panel’s setting turns it off', async () => {
    const page = await harness.open('news/newsweek-seed.html');
    await page.waitForSelector('[data-kiji-article]', { timeout: 20_000 });
    // The toolbar popup as a page, for this tab (popup.html?tab=N, reached from the welcome tab: BiDi may not open an
    // extension page itself): the reader's way to turn things on and off.
    const panel = harness.welcome!;
    try {
      const tabId = await panel.evaluate(async (url) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        return (await api.tabs.query({})).find((t) => t.url === url)?.id;
      }, page.url());
      expect(tabId).toBeTypeOf('number');
      // The page leaves as it answers: the evaluation may report its context gone.
      await panel.evaluate((tab) => location.assign(`popup.html?tab=${tab}`), tabId!).catch(() => undefined);
      await panel.waitForSelector('[data-testid=article]', { timeout: FIRST_ANNOTATION_MS });
      await clickLabel(panel, 'Reading mode on this site');
      await page.waitForSelector('ruby[data-kiji-ruby]', { timeout: FIRST_ANNOTATION_MS });

      // 戦略的安定協議 is a glossary term (not a set phrase, which gets no tint) with furigana over it.
      const boxes = (await page.evaluate(termBoxes, '戦略的安定協議'))!;
      expect(boxes.rt.length).toBeGreaterThan(0);
      const on = await shoot(page, boxes);
      expect(warmShare(on.base)).toBeGreaterThan(0.5);
      // The tint stays under the base text: the readings above are not washed.
      expect(warmShare(on.rt)).toBeLessThan(0.02);

      await clickLabel(panel, 'Tint glossary terms');
      const off = await poll(
        () => shoot(page, boxes),
        (shot) => warmShare(shot.base) < 0.02,
        'the tint gone',
      );
      expect(changedShare(on.base, off.base)).toBeGreaterThan(0.5);
      // Nothing but the tint changed: the readings are painted the same with and without it.
      expect(changedShare(on.rt, off.rt)).toBeLessThan(0.02);
      expect(await page.$$eval('ruby[data-kiji-ruby]', (r) => r.length)).toBeGreaterThan(100);

      await clickLabel(panel, 'Tint glossary terms');
      await poll(
        () => shoot(page, boxes),
        (shot) => warmShare(shot.base) > 0.5,
        'the tint back',
      );
      await clickLabel(panel, 'Reading mode on this site');
      await page.waitForFunction(() => !document.querySelector('ruby[data-kiji-ruby]'), { timeout: 10_000 });
    } finally {
      await panel.evaluate(() => location.assign('welcome.html')).catch(() => undefined);
    }
  });

  it('logged no error on the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
