/**
 * `npm run screenshots`: PNGs of the hover popup (a word, a glossary card, a name, a number), reading mode, the
 * toolbar popup's "This article" panel, the vocabulary page (real saves), the options and the welcome page, in the
 * light and the dark theme, written to docs/screenshots/. Runs the built extension (npm run build first) in Debian's
 * Chromium on the sample article, with the same isolated harness as the end-to-end tests.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { hover, launchChromium, readPopup } from '../tests/e2e/chromium';
import { waitForPopup } from '../tests/e2e/popup-wait';
import { sendToTab, tabIdOf, waitForArticleMark } from '../tests/e2e/reading-probes';
import { startFixtureServer } from '../tests/e2e/server';
import { realSavesFor } from '../tests/e2e/a11y-support';
import { ask } from '../tests/e2e/vocab-harness';
import { SEED_URL } from '../tests/support/real-saves';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(root, 'docs', 'screenshots');

const SCENES = [
  { name: 'word', text: '述べた', offset: 0, expect: '述べる' },
  { name: 'glossary', text: '新戦略兵器削減条約', offset: 3, expect: '新戦略兵器削減条約' },
  { name: 'name', text: 'ペスコフ報道官', offset: 0, expect: 'ペスコフ' },
  { name: 'number', text: '両政府は4日', offset: 4, expect: '4日' },
];

type Harness = Awaited<ReturnType<typeof launchChromium>>;
const THEMES = ['light', 'dark'] as const;

async function setTheme(harness: Harness, page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  await harness.serviceWorker.evaluate(async (t) => {
    const key = 'settings';
    const stored = ((await chrome.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ [key]: { ...stored, theme: t } });
  }, theme);
}

async function shootPopup(page: Page, file: string, point: { x: number; y: number }) {
  const popup = await readPopup(page);
  if (!popup) throw new Error(`no popup for ${file}`);
  const pad = 24;
  const left = Math.max(0, Math.min(popup.box.left, point.x - 40) - pad);
  const top = Math.max(0, Math.min(popup.box.top, point.y - 30) - pad);
  const right = Math.min(1280, Math.max(popup.box.right, point.x + 40) + pad);
  const bottom = Math.min(900, Math.max(popup.box.bottom, point.y + 30) + pad);
  await page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
}

/** An extension page in its own tab, at a given size, in a theme, once `ready` is on it. */
async function extensionPage(harness: Harness, path: string, theme: 'light' | 'dark', ready: string, width: number) {
  const page = await harness.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await setTheme(harness, page, theme);
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
  await page.waitForSelector(ready, { timeout: 60_000 });
  await page.waitForTimeout(400);
  return page;
}

/** The extension's own pages: the "This article" panel for the sample's tab, vocabulary, options, welcome. */
async function shootPages(harness: Harness, sampleTab: number, lang: string) {
  const setup = await harness.context.newPage();
  await setup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  for (const save of await realSavesFor(SEED_URL))
    await ask(setup, 'vocabSave', { rid: `shot-${Math.random()}`, save });
  await setup.close();
  for (const theme of THEMES) {
    const shots: [string, Page, string][] = [];
    const panel = await extensionPage(harness, `popup.html?tab=${sampleTab}`, theme, '[data-testid=article]', 372);
    shots.push(['panel', panel, 'main']);
    const vocab = await extensionPage(harness, 'vocab.html', theme, 'tr.word', 1100);
    await vocab.locator('tr.word .expand').first().click();
    await vocab.waitForSelector('tr.detail .sentence a');
    shots.push(['vocabulary', vocab, 'main']);
    const options = await extensionPage(harness, 'options.html', theme, '.preview-popup[data-preview-ready]', 900);
    shots.push(['options', options, 'main > h1, main > section:nth-of-type(-n+2)']);
    shots.push([
      'welcome',
      await extensionPage(harness, 'welcome.html', theme, 'dl.browser-shortcuts > div', 900),
      'main',
    ]);
    for (const [name, page, selector] of shots) {
      const file = join(outDir, `${name}${lang}-${theme}.png`);
      const boxes = await page.locator(selector).evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top + scrollY, bottom: r.bottom + scrollY };
        }),
      );
      const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 16);
      const bottom = Math.max(...boxes.map((b) => b.bottom)) + 16;
      const width = page.viewportSize()!.width;
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: top, width, height: bottom - top } });
      console.log(`  ${file}`);
      await page.close();
    }
  }
}

/** One run of every scene in the browser language `uiLanguage`; files of a language other than English say which. */
async function shootAll(uiLanguage: 'en' | 'ja') {
  const lang = uiLanguage === 'en' ? '' : `-${uiLanguage}`;
  const harness = await launchChromium([], { uiLanguage });
  const server = await startFixtureServer(root);
  try {
    const page = harness.page;
    await page.goto(server.url('sample/article.html'), { waitUntil: 'load' });
    await page.waitForSelector('html[data-kiji-ready]', { state: 'attached', timeout: 15_000 });
    await waitForArticleMark(page);
    let first = true;
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(harness, page, theme);
      for (const scene of SCENES) {
        await page.keyboard.press('Escape');
        await page.mouse.move(2, 2);
        await page.waitForTimeout(300);
        const point = await hover(page, scene.text, scene.offset, { within: 'article' });
        await waitForPopup(
          () => readPopup(page),
          (p) => p.entries.some((e) => e.headword === scene.expect),
          scene.expect,
          first ? 60_000 : 15_000,
        );
        // Let a first, partial answer be refined and the vocabulary row be drawn.
        await page.waitForTimeout(first ? 3000 : 500);
        first = false;
        const file = join(outDir, `popup-${scene.name}${lang}-${theme}.png`);
        await shootPopup(page, file, point);
        console.log(`  ${file}`);
      }
    }
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 2);
    const tabId = await tabIdOf(harness.serviceWorker, page);
    await sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: true, furigana: 'all' });
    await page.waitForSelector('ruby[data-kiji-ruby]', { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(1500);
    // A column as wide as a news site's: the first paragraphs of the article.
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.waitForTimeout(500);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(harness, page, theme);
      // The sample has no dark style: give it a dark news site's colours, to see the tint and furigana on them.
      if (theme === 'dark')
        await page.addStyleTag({
          content: 'body, article { background: #1c1c1e !important; color: #e6e6e6 !important; }',
        });
      await page.waitForTimeout(300);
      const article = page.locator('[data-kiji-article]').first();
      await article.scrollIntoViewIfNeeded();
      const box = (await article.boundingBox())!;
      const file = join(outDir, `reading-mode${lang}-${theme}.png`);
      await page.screenshot({
        path: file,
        clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 420) },
      });
      console.log(`  ${file}`);
    }
    await shootPages(harness, await tabIdOf(harness.serviceWorker, page), lang);
  } finally {
    await server.close();
    await harness.close();
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  // Kiji is bilingual: every page and the popup in English, then in Japanese.
  for (const uiLanguage of ['en', 'ja'] as const) await shootAll(uiLanguage);
}

await main();
