// The hover popup used from the keyboard alone, and katakana words read in katakana.
import type { Page } from 'playwright-core';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { addFocusedField, fieldValue, readPopupKeyState, watchCopies, type PopupKeyState } from './popup-keys-probes';
import { waitForPopup, waitForPopupClosed } from './popup-wait';

const FIRST_LOOKUP_MS = 60_000;

let harness: ChromiumHarness;
let page: Page;

beforeAll(async () => {
  harness = await launchChromium();
  page = await harness.open('news/newsweek-seed.html');
  await page.evaluate(watchCopies);
});

afterAll(async () => {
  await harness?.close();
});

async function until(what: string, accept: (s: PopupKeyState) => boolean): Promise<PopupKeyState> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await page.evaluate(readPopupKeyState);
    if (state && accept(state)) return state;
    if (Date.now() > deadline) throw new Error(`${what}: last ${JSON.stringify(state)}`);
    await page.waitForTimeout(50);
  }
}

describe('Chromium: the popup from the keyboard', () => {
  it('moves between entries, opens one, lists the keys, copies, marks known and closes, keys only', async () => {
    // 電話会談: the compound, then its shorter words on one line each, then its kanji.
    await hover(page, '電話会談', 0, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.reading === 'でんわかいだん' && shown.entries.length > 1 && shown.text.includes('Kanji'),
      'でんわかいだん with shorter words and kanji',
      FIRST_LOOKUP_MS,
    );
    const start = await until('the vocabulary row', (s) => s.vocab[0] === 'unsaved');
    expect(start.full).toBe(1);
    expect(start.selected).toBe('');

    await page.keyboard.press('ArrowDown');
    const moved = await until('second item selected', (s) => s.selectedEntry === 1);
    await page.keyboard.press('Enter');
    await until('second entry opened', (s) => s.full === 2 && s.lines === moved.lines - 1);
    await page.keyboard.press('ArrowUp');
    await until('first entry selected', (s) => s.selectedEntry === 0);
    // Down past the entries, onto the kanji.
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
    await until('a kanji selected', (s) => s.selected === '談');

    await page.keyboard.press('?');
    await until('the keys listed', (s) => s.help);
    await page.keyboard.press('Escape');
    await until('the key list closed, the popup still open', (s) => !s.help);

    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp');
    await until('first entry selected', (s) => s.selectedEntry === 0);
    await page.keyboard.press('c');
    const copied = await until('copied', (s) => s.copied !== '');
    expect(copied.copied).toBe(`${popup.headword}（${popup.reading}）`);
    expect(copied.notice).toContain(copied.copied);

    await page.keyboard.press('k');
    await until('marked known', (s) => s.vocab[0] === 'known');
    await page.keyboard.press('k');
    await until('unmarked', (s) => s.vocab[0] !== 'known');

    await page.keyboard.press('Escape');
    await waitForPopupClosed(() => readPopup(page));
  });

  it('leaves every key to a field of the page that has the keyboard', async () => {
    await page.evaluate(addFocusedField);
    await hover(page, '合意', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (shown) => shown.reading === 'ごうい',
      'ごうい',
    );
    await until('the vocabulary row', (s) => s.vocab[0] === 'unsaved');
    await page.keyboard.type('skc?');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(fieldValue)).toBe('skc?');
    const state = await page.evaluate(readPopupKeyState);
    expect(state).toMatchObject({ selected: '', help: false, notice: '', vocab: ['unsaved'] });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('lets the mouse cross the next line down to the popup, which stays on the word', async () => {
    await page.keyboard.press('Escape');
    // The word near the top of the window, so the popup goes below it, past the next line.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.entry-text')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.nodeValue?.indexOf('延長') ?? -1;
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + 2);
        window.scrollBy(0, r.getBoundingClientRect().top - 150);
        return;
      }
    });
    await page.waitForTimeout(300);
    const point = await hover(page, '延長', 0, { within: '.entry-text' });
    const popup = await waitForPopup(
      () => readPopup(page),
      (shown) => shown.headword === '延長',
      '延長',
    );
    expect(popup.box.top).toBeGreaterThan(point.y);
    // A reader's move down into the popup, through the line below the word.
    await page.mouse.move(point.x + 10, popup.box.top + 12, { steps: 12 });
    await page.waitForTimeout(500);
    const after = await readPopup(page);
    expect(after?.headword).toBe('延長');
    expect(after?.box).toEqual(popup.box);
  });

  it('reads katakana words in katakana: ロシア, プーチン', async () => {
    for (const word of ['ロシア', 'プーチン']) {
      await page.keyboard.press('Escape');
      await hover(page, word, 0, { within: '.entry-text' });
      const popup = await waitForPopup(
        () => readPopup(page),
        (shown) => shown.headword === word,
        word,
      );
      for (const entry of popup.entries)
        if (/^[ァ-ヺー・]+$/.test(entry.headword)) expect(entry.reading).not.toMatch(/[ぁ-ゖ]/);
      expect(popup.reading).toBe('');
    }
  });
});
