// Kiji in a Japanese browser: every extension page speaks Japanese, with no English string of Kiji's left on it.
// An English message whose Japanese differs, found as a whole line of a page, is a string that skipped i18n.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extensionPage as openExtensionPage, saveRealWords } from './a11y-support';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { waitForPopup } from './popup-wait';

const FIRST_LOOKUP_MS = 60_000;

type Messages = Record<string, { message: string }>;
const read = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
const en = read('en');
const ja = read('ja');

/** Kiji's English strings that have a Japanese of their own (names such as Anki or Kiji Reader are the same). */
const ENGLISH_ONLY = new Set(
  Object.entries(en)
    .filter(([key, m]) => !m.message.includes('$') && ja[key] && ja[key].message !== m.message)
    .map(([, m]) => m.message.trim())
    .filter((text) => /[a-z]{3}/i.test(text)),
);

let harness: ChromiumHarness;

beforeAll(async () => {
  harness = await launchChromium([], { uiLanguage: 'ja' });
  await saveRealWords(harness, 'ja');
});

afterAll(async () => {
  await harness?.close();
});

const extensionPage = (path: string): Promise<Page> => openExtensionPage(harness, path);

/** The lines of the page a reader sees that are one of Kiji's English strings. */
async function englishLines(page: Page): Promise<string[]> {
  const lines = (await page.evaluate(() => document.body.innerText)).split('\n').map((line) => line.trim());
  return lines.filter((line) => ENGLISH_ONLY.has(line));
}

describe('Chromium in Japanese: the extension pages', () => {
  it('has English strings to look for', () => {
    expect(ENGLISH_ONLY.size).toBeGreaterThan(200);
  });

  for (const { path, ready, heading } of [
    { path: 'popup.html', ready: '.recent-saves ul.recent', heading: null },
    { path: 'options.html', ready: '.preview-popup[data-preview-ready]', heading: 'optionsTitle' },
    { path: 'vocab.html', ready: 'tr.word', heading: null },
    { path: 'welcome.html', ready: 'dl.browser-shortcuts > div', heading: 'welcomeTitle' },
  ]) {
    it(`${path} is in Japanese, with no English string of Kiji's`, async () => {
      const page = await extensionPage(path);
      await page.waitForSelector(ready, { timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
      if (heading && ja[heading]) {
        expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(ja[heading].message);
      }
      expect(await englishLines(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('Chromium in Japanese: the hover popup', () => {
  it('labels its controls in Japanese, while the meanings stay English', async () => {
    const page = await harness.open('news/newsweek-seed.html');
    await hover(page, '延長', 0, { within: 'article' });
    const shown = await waitForPopup(
      () => readPopup(page),
      (p) => p.entries.some((e) => e.headword === '延長'),
      '延長',
      FIRST_LOOKUP_MS,
    );
    expect(shown.senses.join(' ')).toMatch(/extension/i);
    const labels = await page.evaluate(() =>
      Array.from(
        document.getElementById('kiji-popup-host')?.shadowRoot?.querySelectorAll('button[aria-label], [title]') ?? [],
      ).map((el) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? ''),
    );
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => ENGLISH_ONLY.has(label.trim()))).toEqual([]);
  });
});
