// The options page: its popup preview is the real popup over the engine's answer and follows the settings as they
// change; its Keys section shows the shortcuts the browser has bound.
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './chromium';

const FIRST_LOOKUP_MS = 60_000;

let harness: ChromiumHarness;
let page: Page;

beforeAll(async () => {
  harness = await launchChromium();
  page = await harness.context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await page.waitForSelector('.preview-popup[data-preview-ready]', { timeout: FIRST_LOOKUP_MS });
});

afterAll(async () => {
  await harness?.close();
});

interface PreviewState {
  headword: string;
  inflection: string;
  fontSize: string;
  theme: string;
  background: string;
  kanji: number;
  romaji: number;
}

/** The preview popup as drawn, read inside its shadow root. */
function readPreview(): PreviewState | null {
  const popup = document.querySelector('.preview-popup')?.shadowRoot?.querySelector<HTMLElement>('[data-kiji-popup]');
  if (!popup) return null;
  return {
    headword: popup.querySelector('.headword')?.textContent ?? '',
    inflection: popup.querySelector('.inflection')?.textContent ?? '',
    fontSize: getComputedStyle(popup).fontSize,
    theme: popup.getAttribute('data-theme') ?? '',
    background: getComputedStyle(popup).backgroundColor,
    kanji: popup.querySelectorAll('.kanji-row').length,
    romaji: popup.querySelectorAll('.romaji').length,
  };
}

const preview = () => page.evaluate(readPreview);

describe('Chromium: the options page', () => {
  it('previews the popup as the engine answers 交わされた: 交わす, passive, past', async () => {
    const state = (await preview())!;
    expect(state.headword).toBe('交わす');
    expect(state.inflection).toMatch(/passive/);
    expect(state.fontSize).toBe('15px');
    expect(state.kanji).toBeGreaterThan(0);
  });

  it('redraws the preview as the text size, theme, romaji and kanji settings change', async () => {
    const before = (await preview())!;
    await page.getByLabel('Popup text size (px)').fill('22');
    await expect.poll(async () => (await preview())!.fontSize).toBe('22px');

    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(async () => (await preview())!.theme).toBe('dark');
    expect((await preview())!.background).not.toBe(before.background);
    // The page itself follows the theme too.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await page.getByLabel('Show romaji under readings').check();
    await expect.poll(async () => (await preview())!.romaji).toBeGreaterThan(0);
    await page.getByLabel(/Show the kanji of the word/).uncheck();
    await expect.poll(async () => (await preview())!.kanji).toBe(0);

    // What the preview shows is what was saved, for every page's popup.
    const saved = await harness.serviceWorker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings,
    );
    expect(saved).toMatchObject({ fontSize: 22, theme: 'dark', showRomaji: true, showKanji: false });
  });

  it('lists the browser shortcuts as Chromium has them bound, and every popup key', async () => {
    const bound = await harness.serviceWorker.evaluate(async () =>
      (await chrome.commands.getAll()).filter((c) => !c.name?.startsWith('_')).map((c) => c.shortcut ?? ''),
    );
    const shown = await page.locator('dl.browser-shortcuts dt').allTextContents();
    expect(shown).toEqual(bound.map((s) => s || 'not set'));
    // Both suggested keys must be free in Chromium: it leaves a suggestion that clashes unbound (Alt+Shift+R did).
    expect(shown.slice(0, 2)).toEqual(['Alt+Shift+K', 'Alt+Shift+F']);
    const popupKeys = await page.locator('dl.popup-keys dt').allTextContents();
    expect(popupKeys).toEqual(['↓ ↑', 'Enter', 'S', 'K', 'C', 'Esc', '?', 'PgUp PgDn']);
  });
});
