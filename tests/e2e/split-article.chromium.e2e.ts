import { launchChromium, type ChromiumHarness } from './chromium';
import { ANNOTATE_MEASURE, sendToTab, tabIdOf, waitForArticleMark, waitForMeasure } from './reading-probes';

// The first annotation also waits for the engine to load kuromoji and the dictionaries.
const FIRST_ANNOTATION_MS = 60_000;

let harness: ChromiumHarness;

beforeAll(async () => {
  harness = await launchChromium();
});

afterAll(async () => {
  await harness?.close();
});

describe('Chromium: reading mode on a body split in three, with its lead in the header block', () => {
  it('puts furigana in the lead and every paragraph of every part, and none in the boxes between', async () => {
    const page = await harness.open('layouts/split-article.html');
    await waitForArticleMark(page);
    const tabId = await tabIdOf(harness.serviceWorker, page);
    const off = () => sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: false, furigana: 'all' });
    await sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: true, furigana: 'all' });
    try {
      await waitForMeasure(page, ANNOTATE_MEASURE, 1, FIRST_ANNOTATION_MS);
      const seen = await page.evaluate(() => {
        const rubies = (el: Element) => el.querySelectorAll('ruby[data-kiji-ruby]').length;
        return {
          lead: rubies(document.querySelector('.story-lead')!),
          parts: [...document.querySelectorAll('[data-part]')].map((part) =>
            [...part.querySelectorAll('p')].map(rubies),
          ),
          boxes: [...document.querySelectorAll('[data-box], figure, nav, footer')].map(rubies),
          headline: rubies(document.querySelector('h1')!),
          title: document.querySelector('[data-kiji-title]')?.className ?? '',
        };
      });
      expect(seen.title).toBe('story-title');
      expect(seen.lead).toBeGreaterThan(5);
      expect(seen.parts.map((ps) => ps.length)).toEqual([3, 3, 2]);
      for (const part of seen.parts) for (const n of part) expect(n).toBeGreaterThan(0);
      expect(seen.boxes).toEqual([0, 0, 0, 0, 0]);
      // The headline is the title, not a paragraph of the body.
      expect(seen.headline).toBe(0);
    } finally {
      // Reading mode is remembered per site: left on, it would put furigana into the next tests' pages.
      await off();
    }
  });
});
