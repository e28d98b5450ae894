import type { Page } from 'puppeteer-core';
import { hover, launchFirefox, readPopup, type FirefoxHarness } from './firefox';
import { readPopupKeyState, watchCopies, type PopupKeyState } from './popup-keys-probes';
import { waitForPopup, waitForPopupClosed } from './popup-wait';

// The first lookup also loads the dictionary and tokenizer into the engine: allow for it once.
const FIRST_LOOKUP_MS = 60_000;

describe('Firefox: hovering the seed article', () => {
  let harness: FirefoxHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await launchFirefox();
    page = await harness.open('news/newsweek-seed.html');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the reading and English of 延長, and Esc closes it', async () => {
    await hover(page, '延長', 0, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.reading === 'えんちょう',
      'えんちょう for 延長',
      FIRST_LOOKUP_MS,
    );
    expect(popup.headword).toBe('延長');
    expect(popup.senses.join(' / ')).toMatch(/extension/i);
    await page.keyboard.press('Escape');
    await waitForPopupClosed(() => readPopup(page));
  });

  it('reads a date as one word, and shows the kanji of what it highlights: 2月5日 にがついつか, 日 "day; sun"', async () => {
    await hover(page, '2月5日', 2, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      // A first answer given while the engine loads has no kanji yet; it is refined while the pointer stays.
      (shown) => shown.headword === '2月5日' && shown.text.includes('Kanji'),
      '2月5日 with its kanji',
    );
    expect(popup.reading).toBe('にがついつか');
    expect(popup.text).toMatch(/日day; sun/);
    await page.keyboard.press('Escape');
    await waitForPopupClosed(() => readPopup(page));
  });

  it('answers the popup keys: ↓ Enter ? Esc c', async () => {
    await page.evaluate(watchCopies);
    const until = async (what: string, accept: (s: PopupKeyState) => boolean) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const state = await page.evaluate(readPopupKeyState);
        if (state && accept(state)) return state;
        if (Date.now() > deadline) throw new Error(`${what}: last ${JSON.stringify(state)}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    };
    await hover(page, '電話会談', 0, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.reading === 'でんわかいだん' && shown.entries.length > 1,
      'でんわかいだん with shorter words',
    );
    await page.keyboard.press('ArrowDown');
    await until('second entry selected', (s) => s.selectedEntry === 1);
    await page.keyboard.press('Enter');
    await until('second entry opened', (s) => s.full === 2);
    await page.keyboard.press('?');
    await until('keys listed', (s) => s.help);
    await page.keyboard.press('Escape');
    await until('key list closed', (s) => !s.help);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('c');
    const copied = await until('copied', (s) => s.notice !== '');
    expect(copied.notice).toContain(`${popup.headword}（${popup.reading}）`);
    // Firefox lets the page see that the copy event carries text/plain, not the text the extension put there.
    expect([`${popup.headword}（${popup.reading}）`, '(a copy event, text/plain)']).toContain(copied.copied);
    await page.keyboard.press('Escape');
    await waitForPopupClosed(() => readPopup(page));
  });

  it('sent no request beyond 127.0.0.1 and logged no page error', () => {
    expect(harness.server.requests.map((request) => request.path)).toContain('/news/newsweek-seed.html');
    expect(harness.outsideRequests()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
