import type { Page } from 'puppeteer-core';
import { hover, launchFirefox, readPopup, type FirefoxHarness } from './firefox';
import { locateCharacter, readPopupInPage, type PopupContent } from './page-probes';
import { waitForPopup } from './popup-wait';
import { startFixtureServer, type FixtureServer } from './server';
import { FRAMES, seedSentences, writeStressPages, type StressSite } from './stress-pages';

// The hostile pages of stress.chromium.e2e.ts that differ most between engines: a page rewriting its article every
// 100 ms, and 200 same-origin iframes. Firefox has no Long Tasks API: long tasks are measured in Chromium only.
const FIRST_LOOKUP_MS = 60_000;

let harness: FirefoxHarness;
let site: StressSite;
let server: FixtureServer;
const sentences = seedSentences();

beforeAll(async () => {
  site = writeStressPages();
  server = await startFixtureServer(site.dir);
  harness = await launchFirefox();
});

afterAll(async () => {
  await harness?.close();
  await server?.close();
  site?.remove();
});

async function open(name: string): Promise<{ page: Page; errorsBefore: number }> {
  const errorsBefore = harness.pageErrors.length;
  const page = harness.page;
  await page.goto(server.url(name), { waitUntil: 'load' });
  await page.waitForSelector('html[data-kiji-ready]', { timeout: 15_000 });
  return { page, errorsBefore };
}

const showsWord = (word: string, reading: string) => (shown: PopupContent) =>
  shown.entries.some((e) => e.headword === word && e.reading === reading);

describe('Firefox: a page that rewrites its article every 100 ms', () => {
  it('answers hovers while the article is replaced under the pointer, and logs no error', async () => {
    const { page, errorsBefore } = await open('rewrite.html');
    const renders = () => page.evaluate(() => Number(document.body.dataset.renders));
    const start = await renders();
    for (const [word, reading] of [
      ['延長', 'えんちょう'],
      ['大統領', 'だいとうりょう'],
      ['合意', 'ごうい'],
    ] as const) {
      await hover(page, word, 0, { within: '#article' });
      await waitForPopup(
        () => readPopup(page),
        showsWord(word, reading),
        `${word} in the rewritten article`,
        FIRST_LOOKUP_MS,
      );
    }
    // The pointer stays while the page goes on replacing the article, about ten times a second: still answered.
    await new Promise((done) => setTimeout(done, 1_500));
    await waitForPopup(() => readPopup(page), showsWord('合意', 'ごうい'), '合意 after more rewrites');
    expect((await renders()) - start).toBeGreaterThan(10);
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('Firefox: 200 same-origin iframes', () => {
  it('answers hovers inside the first and a middle frame, and logs no error', async () => {
    const { page, errorsBefore } = await open('frames.html');
    for (const [word, reading, from] of [
      ['延長', 'えんちょう', 0],
      ['合意', 'ごうい', 100],
    ] as const) {
      let i = from;
      while (!sentences[i % sentences.length]!.includes(word)) i++;
      i %= FRAMES;
      const frame = page.frames().find((f) => f.url().endsWith(`/frame-${i}.html`));
      if (!frame) throw new Error(`frame-${i}.html is not loaded`);
      await frame.waitForSelector('html[data-kiji-ready]', { timeout: 60_000 });
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), `f${i}`);
      const point = await frame.evaluate(locateCharacter, { text: word, offset: 0 });
      if ('error' in point) throw new Error(point.error);
      const box = await (await page.$(`#f${i}`))?.boundingBox();
      if (!box) throw new Error(`frame ${i} is not rendered`);
      // The frame's viewport starts inside its 1px border.
      await page.mouse.move(box.x + 1 + point.x, box.y + 1 + point.y);
      await waitForPopup(
        () => frame.evaluate(readPopupInPage),
        showsWord(word, reading),
        `${word} in frame ${i}`,
        FIRST_LOOKUP_MS,
      );
    }
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});
