import type { Page } from 'playwright-core';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { locateCharacter, readPopupInPage } from './page-probes';
import { waitForPopup } from './popup-wait';
import { kijiLongTasks as describeKijiTasks, traceTasks, type TaskTrace } from './kiji-tasks';
import { sendToTab, tabIdOf } from './reading-probes';
import { startFixtureServer, type FixtureServer } from './server';
import { ARTICLE_BYTES, FRAMES, PARAGRAPHS, seedSentences, writeStressPages, type StressSite } from './stress-pages';
import { ask, readVocabRows, waitFor } from './vocab-harness';

// The first lookup also loads the dictionary and tokenizer into the engine: allow for it once.
const FIRST_LOOKUP_MS = 60_000;

let harness: ChromiumHarness;
let site: StressSite;
let server: FixtureServer;
const sentences = seedSentences();

beforeAll(async () => {
  site = writeStressPages();
  server = await startFixtureServer(site.dir);
  harness = await launchChromium();
  // Messages to the tab go from an extension page: Chrome stops the idle service worker during a long test.
  ext = await harness.context.newPage();
  await ext.goto(`chrome-extension://${harness.extensionId}/options.html`);
});

afterAll(async () => {
  await trace?.stop().catch(() => undefined);
  await harness?.close();
  await server?.close();
  site?.remove();
});

let errorsBefore = 0;
let ext: Page;
/** Traces the browser from before each page's load (see kijiLongTasks). */
let trace: TaskTrace | null = null;

async function startTrace(): Promise<void> {
  await trace?.stop();
  trace = await traceTasks(harness.context, harness.page);
}

async function open(name: string): Promise<Page> {
  const page = harness.page;
  await page.bringToFront();
  errorsBefore = harness.pageErrors.length;
  await startTrace();
  await page.goto(server.url(name), { waitUntil: 'load' });
  await page.waitForSelector('html[data-kiji-ready]', { state: 'attached', timeout: 15_000 });
  return page;
}

/**
 * Waits until the page has settled: loaded, Kiji's content script running, and (in the top frame of a page with
 * Japanese text) the article detected. Long frames are counted from the page's first script on, so the detection
 * and Kiji's start in every frame are judged with the rest.
 */
async function settle(page: Page, detects = true): Promise<void> {
  if (detects) await page.waitForFunction(() => performance.getEntriesByName('kiji-detect').length > 0);
  await page.waitForTimeout(300);
}

/**
 * Long tasks that Kiji caused since the trace started (before the page's load, or before what the test did since
 * the last check): tasks over 50 ms in which Kiji's scripts ran more than 50 ms, in the page or in any of its frames
 * (kiji-tasks.ts). A task stretched by a busy machine around a short script of ours is not one; the tasks
 * themselves are given in the failure message. Ends the trace.
 */
async function kijiLongTasks(page: Page, sawKijiWork = false): Promise<string[]> {
  if (!trace) throw new Error('no trace running');
  const tasks = await trace.stop(0);
  trace = null;
  // A trace that saw none of Kiji's work (a renamed script, a profiler category gone) would judge nothing: where
  // Kiji surely worked (detecting a megabyte of article), its samples must be there.
  if (sawKijiWork) expect(tasks.reduce((sum, t) => sum + t.kijiMs, 0)).toBeGreaterThan(10);
  if (process.env.KIJI_E2E_VERBOSE) {
    const worst = tasks.reduce((m, t) => Math.max(m, t.kijiMs), 0);
    console.log(`${page.url()}: ${tasks.length} long tasks, Kiji at most ${Math.round(worst)} ms in one`);
  }
  return describeKijiTasks(tasks);
}

/** The first index ≥ from whose seed sentence holds `word`. */
function sentenceWith(word: string, from: number): number {
  for (let i = from; i < from + sentences.length; i++) if (sentences[i % sentences.length]!.includes(word)) return i;
  throw new Error(`no seed sentence holds ${word}`);
}

const showsWord = (word: string, reading: string) => (shown: { entries: { headword: string; reading: string }[] }) =>
  shown.entries.some((e) => e.headword === word && e.reading === reading);

describe('Chromium: a megabyte of article text', () => {
  let page: Page;

  beforeAll(async () => {
    page = await open('big-article.html');
    await settle(page);
  });

  it('answers a hover at the end of the article', async () => {
    const bytes = await page.evaluate(
      () => new TextEncoder().encode(document.querySelector('article')!.textContent!).length,
    );
    expect(bytes).toBeGreaterThanOrEqual(ARTICLE_BYTES);
    const count = await page.evaluate(() => document.querySelector('article')!.textContent!.split('延長').length - 1);
    await hover(page, '延長', 0, { within: 'article', occurrence: count - 3 });
    await waitForPopup(() => readPopup(page), showsWord('延長', 'えんちょう'), '延長 near the end', FIRST_LOOKUP_MS);
    expect(await kijiLongTasks(page, true)).toEqual([]);
  });

  // Annotating the first 60,000 characters takes the engine a few seconds; minutes on a loaded 2-core machine.
  it('puts furigana over the article and takes it off again, without a long task', { timeout: 300_000 }, async () => {
    const tabId = await tabIdOf(ext, page);
    await page.keyboard.press('Escape');
    await startTrace();
    await sendToTab(ext, tabId, 'readingMode', { on: true, furigana: 'all' });
    expect(await page.evaluate(() => document.querySelectorAll('ruby[data-kiji-ruby]').length)).toBeGreaterThan(5_000);
    // With furigana on, 延長 is the base text of a ruby of its own.
    await hover(page, '延長', 0, { within: 'article' });
    await waitForPopup(() => readPopup(page), showsWord('延長', 'えんちょう'), '延長 in furigana text');
    await sendToTab(ext, tabId, 'readingMode', { on: false, furigana: 'all' });
    expect(await page.evaluate(() => document.querySelectorAll('ruby').length)).toBe(0);
    expect(await kijiLongTasks(page)).toEqual([]);
  });

  it('logged no error', () => {
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('Chromium: 2,000 paragraphs', () => {
  it('answers a hover in paragraph 1,500 without a long task or an error', async () => {
    const page = await open('paragraphs.html');
    await settle(page);
    expect(await page.evaluate(() => document.querySelectorAll('article p').length)).toBe(PARAGRAPHS);
    const i = sentenceWith('合意', 1499);
    await hover(page, '合意', 0, { within: `article p:nth-of-type(${i + 1})` });
    await waitForPopup(() => readPopup(page), showsWord('合意', 'ごうい'), '合意');
    expect(await kijiLongTasks(page)).toEqual([]);
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('Chromium: 200 same-origin iframes', () => {
  it('answers hovers inside the first, a middle and the last frame', async () => {
    const page = await open('frames.html');
    // Kiji runs in every frame.
    await waitFor(
      async () => {
        const ready = await Promise.all(page.frames().map((f) => f.$('html[data-kiji-ready]').catch(() => null)));
        return ready.filter(Boolean).length === FRAMES + 1;
      },
      'Kiji in all 200 frames',
      60_000,
    );
    await settle(page, false);
    for (const [word, reading, from] of [
      ['延長', 'えんちょう', 0],
      ['合意', 'ごうい', 100],
      ['大統領', 'だいとうりょう', FRAMES - sentences.length],
    ] as const) {
      const i = sentenceWith(word, from) % FRAMES;
      const frame = page.frames().find((f) => f.url().endsWith(`/frame-${i}.html`));
      if (!frame) throw new Error(`frame-${i}.html is not loaded`);
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), `f${i}`);
      const point = await frame.evaluate(locateCharacter, { text: word, offset: 0 });
      if ('error' in point) throw new Error(point.error);
      const box = await page.locator(`#f${i}`).boundingBox();
      if (!box) throw new Error(`frame ${i} is not rendered`);
      // The frame's viewport starts inside its 1px border.
      await page.mouse.move(box.x + 1 + point.x, box.y + 1 + point.y);
      await waitForPopup(() => frame.evaluate(readPopupInPage), showsWord(word, reading), `${word} in frame ${i}`);
    }
    expect(await kijiLongTasks(page)).toEqual([]);
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('Chromium: text in open shadow roots', () => {
  it('answers hovers in a shadow root and in one nested inside another', async () => {
    const page = await open('shadow.html');
    await settle(page, false);
    await hover(page, '大統領', 0, { shadow: ['#card0'] });
    await waitForPopup(() => readPopup(page), showsWord('大統領', 'だいとうりょう'), '大統領 in #card0');
    await hover(page, '合意', 0, { shadow: ['#card1', '#card1-inner'] });
    await waitForPopup(() => readPopup(page), showsWord('合意', 'ごうい'), '合意 in the nested root');
    expect(await kijiLongTasks(page)).toEqual([]);
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('Chromium: contenteditable', () => {
  it('answers a hover in the editable text, and keys typed there stay text: no save, no popup command', async () => {
    const page = await open('editable.html');
    await settle(page);
    await hover(page, '大統領', 0, { within: '#editable' });
    await waitForPopup(() => readPopup(page), showsWord('大統領', 'だいとうりょう'), '大統領 in #editable');
    // Put the caret at the end of the editable text without moving the pointer off the word: the popup stays up.
    await page.evaluate(() => {
      const editable = document.getElementById('editable')!;
      editable.focus();
      const range = document.createRange();
      range.selectNodeContents(editable.querySelector('p')!);
      range.collapse(false);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.state === 'unsaved', 'the save row');
    // s saves, k marks known, c copies, ↓ selects the next entry: in a field they are the reader's typing.
    await page.keyboard.type('skc');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.querySelector('#editable p')!.textContent)).toMatch(/skc$/);
    const popup = await readPopup(page);
    expect(popup && showsWord('大統領', 'だいとうりょう')(popup)).toBe(true);
    expect((await page.evaluate(readVocabRows))[0]?.state).toBe('unsaved');
    expect((await ask<{ words: unknown[] }>(ext, 'vocabList', {})).words).toEqual([]);
    expect(await kijiLongTasks(page)).toEqual([]);
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});

describe('Chromium: a page that rewrites its article every 100 ms', () => {
  let page: Page;

  beforeAll(async () => {
    page = await open('rewrite.html');
    await settle(page);
  });

  const hoverWord = async (word: string, reading: string) => {
    await hover(page, word, 0, { within: '#article' });
    return waitForPopup(() => readPopup(page), showsWord(word, reading), `${word} in the rewritten article`);
  };

  it('answers hovers while the article is replaced under the pointer', async () => {
    await hoverWord('延長', 'えんちょう');
    await hoverWord('大統領', 'だいとうりょう');
    await hoverWord('合意', 'ごうい');
  });

  it('survives reading mode switched on and off over it, and still answers', async () => {
    const tabId = await tabIdOf(ext, page);
    const renders = () => page.evaluate(() => Number(document.body.dataset.renders));
    const start = await renders();
    await sendToTab(ext, tabId, 'readingMode', { on: true, furigana: 'all' });
    await page.waitForTimeout(2_000);
    await sendToTab(ext, tabId, 'readingMode', { on: false, furigana: 'all' });
    // The page went on rendering all along, about ten times a second.
    expect((await renders()) - start).toBeGreaterThan(10);
    await hoverWord('条約', 'じょうやく');
  });

  it('ran no long task and logged no error', async () => {
    expect(await kijiLongTasks(page)).toEqual([]);
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});
