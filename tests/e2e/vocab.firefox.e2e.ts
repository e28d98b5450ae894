import type { Page } from 'puppeteer-core';
import { hover, launchFirefox, readPopup, type FirefoxHarness } from './firefox';
import { waitForPopup } from './popup-wait';
import { readVocabRows, waitFor } from './vocab-harness';

// The first lookup also loads the dictionary and tokenizer into the engine: allow for it once.
const FIRST_LOOKUP_MS = 60_000;

describe('Firefox: saving from the hover popup (store in the background page)', () => {
  let harness: FirefoxHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchFirefox();
    page = await harness.open('news/newsweek-seed.html');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('hover 延長, press s: saved in the default list, and still shown as saved on the next hover', async () => {
    await hover(page, '延長', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (p) => p.reading === 'えんちょう',
      'えんちょう',
      FIRST_LOOKUP_MS,
    );
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.state === 'unsaved', 'the save row');
    await page.keyboard.press('s');
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.text.includes('Saved in My words'), 'saved');

    await hover(page, '合意', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (p) => p.reading === 'ごうい',
      'ごうい',
    );
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.state === 'unsaved', '合意 not saved');
    await hover(page, '延長', 0, { within: '.entry-text', occurrence: 1 });
    await waitForPopup(
      () => readPopup(page),
      (p) => p.reading === 'えんちょう',
      'えんちょう again',
    );
    const rows = await waitFor(async () => {
      const r = await page.evaluate(readVocabRows);
      return r[0]?.state === 'new' && r;
    }, 'the saved state from the store');
    expect(rows[0]!.text).toMatch(/Saved in My words/);
  });

  it('sent no request beyond 127.0.0.1 and logged no page error', () => {
    expect(harness.outsideRequests()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
