// The welcome page Kiji opens on first install: the sample article it opens can be hovered, its buttons lead to the
// options, and a browser restart does not open it again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWelcomeTab, hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { extensionCopyForTests } from './extension-dist';
import { waitForPopup } from './popup-wait';
import { launchOnProfile, readVocabRows, waitFor } from './vocab-harness';

const FIRST_LOOKUP_MS = 60_000;

let harness: ChromiumHarness;

beforeAll(async () => {
  harness = await launchChromium();
});

afterAll(async () => {
  await harness?.close();
});

async function openWelcome(): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(harness.welcomeUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

describe('Chromium: the welcome page', () => {
  it('opened on install, in the browser’s language, naming the keys as bound', async () => {
    expect(harness.welcomeUrl).toBe(`chrome-extension://${harness.extensionId}/welcome.html`);
    const page = await openWelcome();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Kiji Reader');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const shortcuts = page.locator('dl.browser-shortcuts [data-command="toggle-enabled"] dt');
    await shortcuts.waitFor();
    expect(await shortcuts.textContent()).toBe('Alt+Shift+K');
    await page.close();
  });

  it('its button opens the bundled sample article, where a hover shows the popup, s saves, and the panel reads it', async () => {
    const page = await openWelcome();
    const [sample] = await Promise.all([
      harness.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the sample article' }).click(),
    ]);
    await sample.waitForSelector('html[data-kiji-ready]', { state: 'attached', timeout: 15_000 });
    expect(sample.url()).toBe(`chrome-extension://${harness.extensionId}/sample.html`);
    await hover(sample, '報道官', 0, { within: 'article' });
    const popup = await waitForPopup(
      () => readPopup(sample),
      (p) => p.entries[0]?.headword === '報道官',
      '報道官',
      FIRST_LOOKUP_MS,
    );
    expect(popup.reading).toBe('ほうどうかん');

    // Saving works there too (its module loads in an extension page), and the toolbar popup reads the article.
    await waitFor(async () => (await sample.evaluate(readVocabRows))[0]?.state === 'unsaved', 'the save row');
    await sample.keyboard.press('s');
    await waitFor(async () => (await sample.evaluate(readVocabRows))[0]?.state === 'new', 'the saved state');
    const tabId = await harness.serviceWorker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
      sample.url(),
    );
    const toolbar = await harness.context.newPage();
    await toolbar.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
    const panel = toolbar.locator('[data-testid=article]');
    await panel.waitFor({ timeout: FIRST_LOOKUP_MS });
    expect(await panel.locator('.title').textContent()).toContain('米ロ、核軍縮めぐり事務レベル協議');
    expect(await panel.textContent()).toContain('新戦略兵器削減条約');
    await toolbar.close();
    await sample.close();
    await page.close();
  });

  it('its options button opens the options page', async () => {
    const page = await openWelcome();
    const [options] = await Promise.all([
      harness.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the options' }).click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${harness.extensionId}/options.html`);
    await options.close();
    await page.close();
  });

  it('does not open again when the browser restarts', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'kiji-e2e-welcome-profile-'));
    const extensionDir = extensionCopyForTests('chrome');
    try {
      let browser = await launchOnProfile(profileDir, extensionDir);
      await closeWelcomeTab(browser.context, browser.extensionId);
      await browser.close();
      browser = await launchOnProfile(profileDir, extensionDir);
      // The worker is up and has run its start-up listeners; give a stray tab time to appear.
      await new Promise((r) => setTimeout(r, 3000));
      expect(browser.context.pages().map((p) => p.url())).not.toContain(
        `chrome-extension://${browser.extensionId}/welcome.html`,
      );
      await browser.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      rmSync(extensionDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
