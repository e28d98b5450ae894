import type { Page } from 'playwright-core';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { locateCharacter, pageTextSnapshot, readPopupInPage } from './page-probes';
import { expectNoPopupFor, waitForPopup, waitForPopupClosed } from './popup-wait';
import { waitForArticleMark } from './reading-probes';

// The first lookup also loads the dictionary and tokenizer into the engine: allow for it once.
const FIRST_LOOKUP_MS = 60_000;

let harness: ChromiumHarness;

beforeAll(async () => {
  harness = await launchChromium();
});

afterAll(async () => {
  await harness?.close();
});

describe('Chromium: hovering the seed article', () => {
  let page: Page;
  let before: ReturnType<typeof pageTextSnapshot>;

  beforeAll(async () => {
    page = await harness.open('news/newsweek-seed.html');
    // Kiji marks the article once the page is idle (data-kiji-article); only what hovering does is compared.
    await waitForArticleMark(page);
    before = await page.evaluate(pageTextSnapshot, 'article');
  });

  it('finds the compound 電話会談 with its reading', async () => {
    // The very first hover, while the engine is still loading kuromoji: the quick dictionary answer (電話) shows at
    // once and is replaced by the full one. EDICT lacks 電話会談: it comes composed from 電話 + 会談, or as a
    // glossary card.
    await hover(page, '電話会談', 0, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.entries.some((entry) => entry.reading === 'でんわかいだん'),
      'でんわかいだん',
      FIRST_LOOKUP_MS,
    );
    expect(popup.entries.find((entry) => entry.reading === 'でんわかいだん')?.headword).toBe('電話会談');
  });

  it('shows the reading and English of 延長', async () => {
    await hover(page, '延長', 0, { within: '.entry-text' });
    // An answer given while the engine still loads is refined while the pointer stays: wait for the final one.
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.reading === 'えんちょう' && shown.text.includes('Kanji延prolong'),
      'えんちょう for 延長, with its kanji',
      FIRST_LOOKUP_MS,
    );
    expect(popup.headword).toBe('延長');
    expect(popup.senses.join(' / ')).toMatch(/extension/i);
    // Below the words, its kanji from KANJIDIC2.
    const kanji = await page.evaluate(() =>
      [...(document.getElementById('kiji-popup-host')?.shadowRoot?.querySelectorAll('.kanji-row') ?? [])].map(
        (row) => row.textContent ?? '',
      ),
    );
    expect(kanji[0]).toMatch(/^延prolong/);
    expect(kanji[1]).toMatch(/^長long/);
  });

  it('deinflects 交わされ to 交わす and says it is passive', async () => {
    await hover(page, '交わされ', 0, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.headword === '交わす',
      '交わす',
    );
    expect(popup.inflection).toMatch(/passive/i);
  });

  it('reads a date as one word with its irregular reading: 2月5日 is にがついつか, from the day too', async () => {
    await hover(page, '2月5日', 2, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.headword === '2月5日',
      '2月5日',
    );
    expect(popup.reading).toBe('にがついつか');
    expect(popup.senses.join(' / ')).toMatch(/February 5/);
  });

  it('looks up text typed into the toolbar popup, with the same engine', async () => {
    const toolbar = await harness.context.newPage();
    try {
      await toolbar.goto(`chrome-extension://${harness.extensionId}/popup.html`);
      await toolbar.getByRole('searchbox', { name: 'Look up' }).fill('領空開放条約');
      const results = toolbar.getByRole('region', { name: 'Dictionary entries' });
      await results.locator('[data-source=glossary]').first().waitFor({ timeout: 10_000 });
      expect(await results.locator('[data-source=glossary] .headword').first().textContent()).toBe('領空開放条約');
      expect(await results.textContent()).toMatch(/Open Skies/);
    } finally {
      await toolbar.close();
    }
  });

  it('closes the popup on Esc', async () => {
    await hover(page, '合意', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (shown) => shown.reading === 'ごうい',
      'ごうい for 合意',
    );
    await page.keyboard.press('Escape');
    await waitForPopupClosed(() => readPopup(page));
  });

  it('leaves the page text and the article markup exactly as they were', async () => {
    await page.keyboard.press('Escape');
    await waitForPopupClosed(() => readPopup(page));
    const after = await page.evaluate(pageTextSnapshot, 'article');
    expect(after.articleHtml).toContain('交わされ');
    expect(after.bodyText).toBe(before.bodyText);
    expect(after.articleHtml).toBe(before.articleHtml);
  });

  it('still answers after Chrome stops the idle service worker', async () => {
    await harness.stopServiceWorker();
    await hover(page, '条約', 0, { within: '.entry-text' });
    // 条約 sits inside a glossary term here (核軍縮条約 …): the card comes first, the word itself follows.
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.entries.some((e) => e.headword === '条約' && e.reading === 'じょうやく'),
      '条約 じょうやく',
    );
    expect(popup.headword).toContain('条約');
  });

  it('still answers after the engine document and the worker both go away (as in a crash of their process)', async () => {
    // The content script's open port to the engine breaks; the next hover must come back by the one-off message,
    // which wakes the worker, which creates a new engine document.
    const extensionPage = await page.context().newPage();
    await extensionPage.goto(`chrome-extension://${harness.extensionId}/options.html`);
    const engineDocuments = () =>
      extensionPage.evaluate(async () =>
        (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map((c) => c.documentId),
      );
    const [closed] = await engineDocuments();
    expect(closed).toBeTruthy();
    await extensionPage.evaluate(() => chrome.offscreen.closeDocument());
    // A request still in flight on the broken port (a fetch ahead, say) may already have had the worker make a new
    // one; the one the content script's port led to is gone either way.
    expect(await engineDocuments()).not.toContain(closed);
    await extensionPage.close();
    await harness.stopServiceWorker();
    await page.bringToFront();
    await hover(page, '報奨金', 1, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.entries.some((e) => e.headword === '報奨金' && e.reading === 'ほうしょうきん'),
      '報奨金 ほうしょうきん',
    );
    expect(popup.text).toMatch(/bounty|reward/i);
  });

  it('still answers when the engine document alone goes away, the worker still running', async () => {
    // The worker must not go on believing the document is there (it would stay silent and nobody would answer).
    await hover(page, '延長', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (shown) => shown.headword.includes('延長'),
      '延長',
    );
    const extensionPage = await page.context().newPage();
    await extensionPage.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await extensionPage.evaluate(() => chrome.offscreen.closeDocument());
    await extensionPage.close();
    await page.bringToFront();
    await hover(page, '主権', 0, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.entries.some((e) => e.headword === '主権' && e.reading === 'しゅけん'),
      '主権 しゅけん',
    );
    expect(popup.text).toMatch(/sovereignty/i);
  });

  it('does not let the page probe for Kiji by loading its files', async () => {
    const reachable = await page.evaluate(async (id) => {
      const tries = ['reading.js', 'vocab-ui.js', 'content.js', 'manifest.json'].map((file) =>
        fetch(`chrome-extension://${id}/${file}`).then(
          () => file,
          () => null,
        ),
      );
      return (await Promise.all(tries)).filter(Boolean);
    }, harness.extensionId);
    expect(reachable).toEqual([]);
  });

  it('sent no request beyond 127.0.0.1 while looking words up', () => {
    expect(harness.server.requests.map((request) => request.path)).toContain('/news/newsweek-seed.html');
    expect(harness.outsideRequests()).toEqual([]);
  });
});

describe('Chromium: awkward input (odd.html)', () => {
  let page: Page;
  let errorsBefore: number;

  beforeAll(async () => {
    errorsBefore = harness.pageErrors.length;
    page = await harness.open('news/odd.html');
    // From here on, every task over 50 ms on the page's main thread is recorded (the page's own script, which
    // builds the 1 MB block, has run by now).
    await page.evaluate(() => {
      const w = window as unknown as { kijiLongTasks: number[] };
      w.kijiLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.kijiLongTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
  });

  it('reads the base text of ruby, not the furigana', async () => {
    await hover(page, '延長', 0, { within: '#ruby-line' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.headword === '延長',
      '延長 in ruby',
      FIRST_LOOKUP_MS,
    );
    expect(popup.reading).toBe('えんちょう');
  });

  it('looks words up in vertical writing', async () => {
    await hover(page, '大統領', 0, { within: '#vertical' });
    // 米大統領 is a glossary term; the pointer on 大 is inside it, so its card leads and 大統領 follows.
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.entries.some((e) => e.headword === '大統領' && e.reading === 'だいとうりょう'),
      '大統領',
    );
    expect(popup.headword).toContain('大統領');
  });

  it('looks words up inside a 1 MB block of text', async () => {
    const bytes = await page.evaluate(() => Number(document.getElementById('big-block')?.dataset.bytes));
    expect(bytes).toBeGreaterThanOrEqual(1024 * 1024);
    await hover(page, '存続', 0, { within: '#big-block', occurrence: 1500 });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.headword === '存続',
      '存続',
    );
    expect(popup.reading).toBe('そんぞく');
  });

  it('shows no popup over English text', async () => {
    await page.keyboard.press('Escape');
    await waitForPopupClosed(() => readPopup(page));
    await hover(page, 'extend', 2, { within: '#english' });
    await expectNoPopupFor(() => readPopup(page), 2_000);
  });

  it('does not change what is typed in textarea, input and contenteditable', async () => {
    const fields = ['#textarea', '#input', '#editable'];
    const valuesOf = () =>
      page.evaluate((selectors) => {
        return selectors.map((selector) => {
          const element = document.querySelector(selector);
          if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return element.value;
          return element?.textContent ?? null;
        });
      }, fields);
    const before = await valuesOf();
    expect(before.every((value) => value && value.length > 5)).toBe(true);
    for (const selector of fields) {
      const box = await page.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not rendered`);
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.waitForTimeout(500);
      await page.keyboard.press('Escape');
    }
    expect(await valuesOf()).toEqual(before);
  });

  it('looks words up inside an iframe, with the popup in the frame', async () => {
    const frame = page.frames().find((f) => f.url().endsWith('/odd-frame.html'));
    if (!frame) throw new Error('odd-frame.html is not loaded');
    await frame.waitForSelector('html[data-kiji-ready]', { state: 'attached' });
    const point = await frame.evaluate(locateCharacter, { text: '当局者', offset: 0 });
    if ('error' in point) throw new Error(point.error);
    const box = await page.locator('#frame').boundingBox();
    if (!box) throw new Error('the iframe is not rendered');
    // The frame's viewport starts inside its 1px border.
    await page.mouse.move(box.x + 1 + point.x, box.y + 1 + point.y);
    const popup = await waitForPopup(
      () => frame.evaluate(readPopupInPage),
      (shown) => shown.entries.some((e) => e.headword === '当局者'),
      '当局者 in the iframe',
    );
    expect(popup.text).toMatch(/authorities|official/i);
  });

  it('ran no main-thread task over 50 ms while hovering ruby, vertical text, the 1 MB block and fields', async () => {
    const longTasks = await page.evaluate(() => (window as unknown as { kijiLongTasks: number[] }).kijiLongTasks);
    expect(longTasks).toEqual([]);
  });

  it('logged no console error and threw nothing on the page', () => {
    expect(harness.pageErrors.slice(errorsBefore)).toEqual([]);
  });
});
