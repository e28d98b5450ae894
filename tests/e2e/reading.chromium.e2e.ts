import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';
import { FIXTURES_DIR } from './server';
import {
  ANNOTATE_MEASURE,
  DETECT_MEASURE,
  sendToTab,
  tabIdOf,
  waitForArticleMark,
  waitForMeasure,
} from './reading-probes';
import { ask } from './vocab-harness';

interface PageExpectation {
  file: string;
  body_selector: string;
  title_selector: string;
  body_chars: number;
}

interface ArticleItem {
  text: string;
  form: string;
  reading: string;
  en: string;
}

const manifest: PageExpectation[] = JSON.parse(readFileSync(`${FIXTURES_DIR}/pages/manifest.json`, 'utf8'));
// The first annotation also waits for the engine to load kuromoji and the dictionaries.
const FIRST_ANNOTATION_MS = 60_000;

let harness: ChromiumHarness;

beforeAll(async () => {
  harness = await launchChromium();
});

afterAll(async () => {
  await harness?.close();
});

/** Where the marks landed, checked in the page against the manifest's selectors. */
function markedPlaces(page: Page, expected: PageExpectation) {
  return page.evaluate(
    ({ body, title }) => {
      const bodies = [...document.querySelectorAll(body)];
      const marked = [...document.querySelectorAll('[data-kiji-article]')];
      return {
        marked: marked.length,
        outside: marked
          .filter((el) => !bodies.some((b) => b === el || b.contains(el)))
          .map((el) => `${el.tagName}.${el.className}`),
        title: document.querySelector('[data-kiji-title]') === document.querySelector(title),
      };
    },
    { body: expected.body_selector, title: expected.title_selector },
  );
}

describe('Chromium: the article is marked on real news pages', () => {
  // How long detection takes, and whether it ever makes a long task, is measured by `npm run bench` (detect_ms,
  // reading_long_tasks): on a shared machine a timing assertion here would test the machine, not Kiji.
  it.each(manifest)('$file', async (expected) => {
    const page = await harness.open(`pages/${expected.file}`);
    if (expected.body_chars === 0) {
      // Members-only page: detection runs and finds nothing.
      await waitForMeasure(page, DETECT_MEASURE);
      expect(await page.$('[data-kiji-article]')).toBeNull();
    } else {
      await waitForArticleMark(page);
      const places = await markedPlaces(page, expected);
      expect(places.marked).toBeGreaterThan(0);
      expect(places.outside).toEqual([]);
      expect(places.title).toBe(true);
    }
  });
});

describe('Chromium: the toolbar panel on real news pages', () => {
  // What a learner opens the panel for: the article's key terms and the words worth learning. An empty "Words to
  // learn" under a real article would mean the ranking or the annotation lost them.
  it.each(manifest.filter((m) => m.body_chars > 0))('$file: words to learn, and a save for them', async (expected) => {
    const page = await harness.open(`pages/${expected.file}`);
    await waitForArticleMark(page);
    const tabId = await tabIdOf(harness.serviceWorker, page);
    const popup = await harness.context.newPage();
    try {
      await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
      const panel = popup.locator('[data-testid=article]');
      await panel.waitFor({ timeout: FIRST_ANNOTATION_MS });
      const lists = await panel
        .locator('ol')
        .evaluateAll((ols) =>
          ols.map((ol) => [...ol.querySelectorAll('li')].map((li) => li.querySelector('.word')?.textContent ?? '')),
        );
      const learn = lists.at(-1) ?? [];
      expect(learn.length, `${expected.file}: words to learn`).toBeGreaterThan(0);
      expect(learn.every((w) => /\p{Script=Han}/u.test(w))).toBe(true);
      const rows = lists.flat().length;
      await expect
        .poll(() => panel.getByRole('button', { name: /^Save [\d,]+ words?$/ }).textContent())
        .toBe(`Save ${rows} word${rows === 1 ? '' : 's'}`);
    } finally {
      await popup.close();
    }
  });
});

describe('Chromium: reading mode on the seed article', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await harness.open('news/newsweek-seed.html');
    await waitForArticleMark(page);
    tabId = await tabIdOf(harness.serviceWorker, page);
  });

  const bodyHtml = () => page.evaluate(() => new XMLSerializer().serializeToString(document.body));
  const rubies = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('ruby[data-kiji-ruby]')].map((r) => ({
        base: r.firstChild?.textContent ?? '',
        rt: r.querySelector('rt')?.textContent ?? '',
        after: r.nextSibling?.textContent?.slice(0, 3) ?? '',
        inArticle: !!r.closest('[data-kiji-article]'),
      })),
    );

  it('marks the article body, not the caption or the rankings', async () => {
    const marked = await page.$$eval('[data-kiji-article]', (els) =>
      els.map((el) => el.closest('.entry-text') !== null),
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every(Boolean)).toBe(true);
    expect(await page.$eval('[data-kiji-title]', (el) => el.textContent)).toBe(
      'バイデン=プーチン、初の電話会談 新START延長で合意',
    );
  });

  it('puts furigana over the article only, then restores the body HTML exactly', async () => {
    const before = await bodyHtml();
    const state = await sendToTab<{ on: boolean }>(harness.serviceWorker, tabId, 'readingMode', {
      on: true,
      furigana: 'all',
    });
    expect(state.on).toBe(true);
    const shown = await rubies();
    expect(shown.length).toBeGreaterThan(200);
    expect(shown.every((r) => r.inArticle)).toBe(true);
    expect(shown).toContainEqual(expect.objectContaining({ base: '延長', rt: 'えんちょう' }));
    expect(shown).toContainEqual(expect.objectContaining({ base: '交', rt: 'か', after: 'わされ' }));
    // The glossary terms are underlined with a highlight, not a DOM change.
    expect(await page.evaluate(() => CSS.highlights.get('kiji-glossary')?.size ?? 0)).toBeGreaterThan(20);

    await sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: false, furigana: 'all' });
    expect(await rubies()).toEqual([]);
    expect(await bodyHtml()).toBe(before);
    expect(await page.evaluate(() => CSS.highlights.has('kiji-glossary'))).toBe(false);
  });

  it('remembers reading mode for the site, and turns it back on after a reload', async () => {
    await sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: true, furigana: 'uncommon' });
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('ruby[data-kiji-ruby]', { state: 'attached', timeout: FIRST_ANNOTATION_MS });
    const shown = await rubies();
    // Uncommon words only: 米 read べい is there, the common 延長 is not.
    expect(shown).toContainEqual(expect.objectContaining({ base: '米', rt: 'べい' }));
    expect(shown.some((r) => r.base === '延長')).toBe(false);
    const state = await sendToTab<{ on: boolean }>(harness.serviceWorker, tabId, 'readingToggle', {});
    expect(state.on).toBe(false);
    expect(await rubies()).toEqual([]);
  });

  it('answers the toolbar panel with the seed article’s glossary terms, in order', async () => {
    const info = await sendToTab<{ found: boolean; title: string; terms: ArticleItem[]; words: number }>(
      harness.serviceWorker,
      tabId,
      'articleInfo',
      {},
    );
    expect(info.found).toBe(true);
    const terms = info.terms.map((t) => t.text);
    expect(terms.indexOf('新START')).toBeGreaterThanOrEqual(0);
    expect(terms.indexOf('新START')).toBeLessThan(terms.indexOf('領空開放条約'));
    expect(info.terms.find((t) => t.text === '領空開放条約')?.en).toMatch(/Open Skies/);
    expect(info.words).toBeGreaterThan(400);
  });

  it('lists them in the popup’s "This article" panel, and a click flashes the term in the page', async () => {
    const popup = await harness.context.newPage();
    try {
      await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
      const panel = popup.locator('[data-testid=article]');
      await panel.waitFor({ timeout: FIRST_ANNOTATION_MS });
      const text = (await panel.textContent()) ?? '';
      for (const term of ['新START', '領空開放条約', '核軍縮条約', '外交文書', '戦略的安定協議'])
        expect(text).toContain(term);
      expect(text).toContain('りょうくうかいほうじょうやく');
      await popup.getByRole('button', { name: /領空開放条約/ }).click();
      await page.waitForFunction(() => CSS.highlights.has('kiji-flash'), undefined, { timeout: 5000 });
      const flashed = await page.evaluate(() =>
        [...(CSS.highlights.get('kiji-flash') as unknown as Set<Range>)].map((r) => r.toString()).join(''),
      );
      expect(flashed).toBe('領空開放(オープンスカイ)条約');
      // The flash goes after about 1.5 s.
      await page.waitForFunction(() => !CSS.highlights.has('kiji-flash'), undefined, { timeout: 5000 });

      // The sheet saves what is left ticked, to the list chosen, each word with its sentence.
      const shown = await panel.locator('li .word').allTextContents();
      await panel.getByRole('checkbox', { name: /領空開放条約/ }).uncheck();
      await panel.getByRole('button', { name: `Save ${shown.length - 1} words` }).click();
      await expect
        .poll(() => panel.getByRole('status').textContent(), { timeout: 30_000 })
        .toBe(`${shown.length - 1} words saved to “My words”.`);
      const dump = await ask<{ words: { headword: string; sentences: unknown[] }[] }>(popup, 'vocabList', {});
      expect(new Set(dump.words.map((w) => w.headword))).toEqual(new Set(shown.filter((w) => w !== '領空開放条約')));
      expect(dump.words.every((w) => w.sentences.length > 0)).toBe(true);
    } finally {
      await popup.close();
    }
  });
});

describe('Chromium: furigana over a 5,000-character article', () => {
  // That it goes in slices with no long task is for `npm run bench` (reading_longest_slice_ms, reading_long_tasks)
  // and chunks.test.ts: on a shared machine a timing assertion here would test the machine, not Kiji.
  it('covers the whole article, and comes out leaving the page as it was', async () => {
    const page = await harness.open('news/long-article.html');
    await waitForArticleMark(page);
    const chars = await page.$$eval('[data-kiji-article]', (els) =>
      els.reduce((n, el) => n + (el.textContent ?? '').replace(/\s+/g, '').length, 0),
    );
    expect(chars).toBeGreaterThanOrEqual(4500);
    const tabId = await tabIdOf(harness.serviceWorker, page);
    const before = await page.evaluate(() => new XMLSerializer().serializeToString(document.body));
    const off = () => sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: false, furigana: 'all' });
    await sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: true, furigana: 'all' });
    try {
      await waitForMeasure(page, ANNOTATE_MEASURE);
      const placed = await page.evaluate(() => {
        const marked = [...document.querySelectorAll('[data-kiji-article]')];
        return {
          count: document.querySelectorAll('ruby[data-kiji-ruby]').length,
          last: !!marked[marked.length - 1]?.querySelector('ruby[data-kiji-ruby]'),
        };
      });
      expect(placed.count).toBeGreaterThan(1000);
      // The article's last block has its furigana too: no batch was dropped on the way.
      expect(placed.last).toBe(true);
      await off();
      expect(await page.evaluate(() => new XMLSerializer().serializeToString(document.body))).toBe(before);
    } finally {
      // Reading mode is remembered per site: left on, it would put furigana into the next tests' pages.
      await off();
    }
  });
});

describe('Chromium: a single-page news site', () => {
  const marked = (page: Page) =>
    page.evaluate(() => ({
      body: [...document.querySelectorAll('[data-kiji-article]')].map((el) => el.textContent ?? '').join(''),
      title: document.querySelector('[data-kiji-title]')?.textContent ?? '',
    }));

  it('finds the article when it arrives after load, and again after a pushState navigation', async () => {
    const page = await harness.open('news/spa.html');
    await page.waitForFunction(() => !!document.querySelector('[data-kiji-article]'), undefined, { timeout: 15_000 });
    const first = await marked(page);
    expect(first.body).toContain('電話会談した');
    expect(first.body).not.toContain('読み込み中');
    expect(first.title).toBe('バイデン=プーチン、初の電話会談 新START延長で合意');

    await page.evaluate(() => (window as unknown as { nextStory: () => void }).nextStory());
    await page.waitForFunction(
      () => document.querySelector('[data-kiji-title]')?.textContent?.startsWith('米ロ、核軍縮めぐり'),
      undefined,
      { timeout: 15_000 },
    );
    const second = await marked(page);
    expect(second.body).toContain('事務レベル協議を開いた');
    expect(second.body).not.toContain('電話会談した');
    expect(page.url()).toMatch(/\?story=2$/);
  });
});
