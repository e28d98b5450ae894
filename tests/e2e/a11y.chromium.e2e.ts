// Accessibility of the extension's pages and of the hover popup: axe-core finds no serious or critical violation in
// either theme, and every control of the options and vocabulary pages can be reached with Tab and shows it has the
// focus.
import type { Page } from 'playwright-core';
import { extensionPage as openExtensionPage, saveRealWords } from './a11y-support';
import { seriousViolations } from './axe';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { waitForPopup } from './popup-wait';
import { tabIdOf } from './reading-probes';

const FIRST_LOOKUP_MS = 60_000;
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

let harness: ChromiumHarness;

beforeAll(async () => {
  harness = await launchChromium();
  // Real saves (real EDICT entries, sentences of the seed article), so the vocabulary page has rows to check.
  await saveRealWords(harness, 'a11y');
});

afterAll(async () => {
  await harness?.close();
});

const extensionPage = (path: string): Promise<Page> => openExtensionPage(harness, path);

/** The theme both ways a reader gets it: the system's choice (media) and Kiji's own setting. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await harness.serviceWorker.evaluate(async (theme) => {
    const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...stored, theme } });
  }, theme);
}

const PAGES: { path: string; ready: string; prepare?: (page: Page) => Promise<void> }[] = [
  { path: 'popup.html', ready: '.recent-saves ul.recent' },
  { path: 'options.html', ready: '.preview-popup[data-preview-ready]' },
  {
    path: 'vocab.html',
    ready: 'tr.word',
    // An open row too: the saved sentences and the link to the article.
    prepare: async (page) => {
      await page.locator('tr.word .expand').first().click();
      await page.waitForSelector('tr.detail .sentence a');
    },
  },
  { path: 'welcome.html', ready: 'dl.browser-shortcuts > div' },
];

describe('Chromium: axe-core on the extension pages', () => {
  for (const theme of THEMES)
    for (const { path, ready, prepare } of PAGES)
      it(`${path}, ${theme}: no serious or critical violation`, async () => {
        const page = await extensionPage(path);
        await useTheme(page, theme);
        await page.waitForSelector(ready, { timeout: FIRST_LOOKUP_MS });
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await prepare?.(page);
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      });
});

describe('Chromium: axe-core on the toolbar popup over an article', () => {
  for (const theme of THEMES)
    it(`${theme}: the This article panel, its rows ticked and its list chosen, has no serious or critical violation`, async () => {
      const article = await harness.open('news/newsweek-seed.html');
      await article.waitForSelector('[data-kiji-article]', { timeout: FIRST_LOOKUP_MS });
      const tabId = await tabIdOf(harness.serviceWorker, article);
      const page = await extensionPage(`popup.html?tab=${tabId}`);
      await useTheme(page, theme);
      await page.waitForSelector('[data-testid=article] li input.pick', { timeout: FIRST_LOOKUP_MS });
      await page.waitForSelector('.save-sheet select');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
});

describe('Chromium: axe-core on the hover popup', () => {
  for (const theme of THEMES)
    it(`${theme}: the popup in its shadow root, with its keys list open, has no serious or critical violation`, async () => {
      const page = await harness.open('news/newsweek-seed.html');
      await useTheme(page, theme);
      await hover(page, '延長', 0, { within: '.entry-text' });
      await waitForPopup(
        () => readPopup(page),
        (p) => p.reading === 'えんちょう',
        'えんちょう',
        FIRST_LOOKUP_MS,
      );
      await page.keyboard.press('?');
      await page.waitForFunction((theme) => {
        const popup = document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-kiji-popup]');
        return popup?.querySelector('.keys-help') && popup.getAttribute('data-theme') === theme;
      }, theme);
      // The popup only: the fixture page is a third party's.
      expect(await seriousViolations(page, { include: [['#kiji-popup-host']] } as never)).toEqual([]);
      await page.keyboard.press('Escape');
    });
});

/** Marks every visible control of the page with its index; returns how many there are. */
function markControls(): number {
  const controls = [
    ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
  ].filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
  controls.forEach((el, i) => el.setAttribute('data-a11y-control', String(i)));
  return controls.length;
}

interface FocusStop {
  control: string | null;
  /** The focused control's outline and box shadow while it has the keyboard focus. */
  focused: string;
  /** The same with the focus elsewhere. */
  unfocused: string;
}

/** Where one Tab press left the focus, and how the control looks with and without it. */
function focusStop(): FocusStop {
  const el = document.activeElement as HTMLElement | null;
  const look = (e: HTMLElement) => {
    const s = getComputedStyle(e);
    return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
  };
  if (!el || el === document.body) return { control: null, focused: '', unfocused: '' };
  const focused = look(el);
  el.blur();
  const unfocused = look(el);
  el.focus({ focusVisible: true } as FocusOptions);
  return { control: el.getAttribute('data-a11y-control'), focused, unfocused };
}

/** Tabs through the page from the top; returns the stops in order. */
async function tabThrough(page: Page, count: number): Promise<FocusStop[]> {
  // Start from the top of the page, as a reader arriving on it: focus moved to <html>, then let go.
  await page.evaluate(() => {
    const html = document.documentElement;
    html.tabIndex = -1;
    html.focus();
    html.removeAttribute('tabindex');
  });
  const stops: FocusStop[] = [];
  for (let i = 0; i < count + 3; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(focusStop));
  }
  return stops;
}

/** Tab reaches every control, each once, in the order of the page, and each shows a 3 px focus ring. */
async function expectFullTabOrder(page: Page, atLeast: number): Promise<void> {
  const count = await page.evaluate(markControls);
  expect(count).toBeGreaterThanOrEqual(atLeast);
  const stops = await tabThrough(page, count);
  const reached = stops.map((s) => s.control).filter((c): c is string => c !== null);
  // Every control, each once before the focus comes round again, in the order of the page.
  expect(reached.slice(0, count)).toEqual(Array.from({ length: count }, (_, i) => String(i)));
  for (const stop of stops.filter((s) => s.control !== null)) {
    expect(stop.focused, `control ${stop.control}`).toMatch(/^solid 3px/);
    expect(stop.focused, `control ${stop.control}`).not.toBe(stop.unfocused);
  }
}

describe('Chromium: keyboard only', () => {
  for (const { path, ready, prepare } of PAGES.filter((p) => ['options.html', 'vocab.html'].includes(p.path)))
    it(`${path}: Tab reaches every control, in order, each with a visible focus ring`, async () => {
      const page = await extensionPage(path);
      await useTheme(page, 'light');
      await page.waitForSelector(ready, { timeout: FIRST_LOOKUP_MS });
      await prepare?.(page);
      await expectFullTabOrder(page, 8);
      await page.close();
    });

  it('popup.html over an article: Tab reaches every row, tick box and control, each with a visible focus ring', async () => {
    const article = await harness.open('news/newsweek-seed.html');
    await article.waitForSelector('[data-kiji-article]', { timeout: FIRST_LOOKUP_MS });
    const page = await extensionPage(`popup.html?tab=${await tabIdOf(harness.serviceWorker, article)}`);
    await useTheme(page, 'light');
    await page.waitForSelector('.save-sheet select', { timeout: FIRST_LOOKUP_MS });
    await expectFullTabOrder(page, 100);
    await page.close();
  });

  it('vocab.html: Enter on a headword opens its row, showing the sentences and the link to the article', async () => {
    const page = await extensionPage('vocab.html');
    await page.waitForSelector('tr.word');
    const expand = page.locator('tr.word .expand').first();
    await expand.focus();
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tr.detail .sentence a');
    expect(await expand.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('tr.detail .sentence mark').first().textContent()).toMatch(/^(延長|合意|条約|電話)$/);
    await page.close();
  });
});
