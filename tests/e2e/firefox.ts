// Firefox harness: the built extension in Debian's /usr/bin/firefox-esr, driven by puppeteer-core over
// WebDriver BiDi.
//
// Launch recipe verified on Firefox ESR 153 + puppeteer-core 24.43:
// - puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', headless: true, executablePath }) then
//   browser.installExtension(unpackedDir): a temporary add-on (BiDi webExtension.install), gone with the profile.
//   It must be the Firefox build: Firefox refuses background.service_worker ("currently disabled").
// - Host access: in MV3 the content_scripts matches are host permissions that the user may withhold. Firefox
//   grants them at install when extensions.originControls.grantByDefault is true (the default since 127; set
//   here so the harness does not depend on it), and content scripts then run on the patched 127.0.0.1 match
//   without any prompt.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { rmSync } from 'node:fs';
import { extensionCopyForTests } from './extension-dist';
import { startNetworkSink, type NetworkSink } from './network-sink';
import {
  locateCharacter,
  popupBoxInPage,
  readPopupInPage,
  type CharPoint,
  type LocateArgs,
  type PopupContent,
} from './page-probes';
import { hoverText, type HoverDriver } from './hover-driver';
import { startFixtureServer, type FixtureServer } from './server';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

export interface FirefoxHarness {
  browser: Browser;
  page: Page;
  extensionId: string;
  /** moz-extension://<uuid>/welcome.html, as the tab Kiji opened on install had it ('' without Kiji). */
  welcomeUrl: string;
  /**
   * The welcome tab, kept open when asked (`keepWelcome`): WebDriver BiDi may not navigate a tab to moz-extension://,
   * but an extension page may go to another (`location.assign('popup.html?tab=N')`).
   */
  welcome: Page | null;
  server: FixtureServer;
  /** Non-loopback requests Firefox tried to make (they are refused). */
  sink: NetworkSink;
  /** Console errors and uncaught exceptions of the page. */
  pageErrors: string[];
  open(path: string): Promise<Page>;
  /** Requests that tried to leave the machine (everything not loopback goes through the refusing sink). */
  outsideRequests(): string[];
  close(): Promise<void>;
}

/**
 * `withExtension: false` starts the same browser without Kiji (the bench's baseline of the extension process);
 * `keepWelcome` leaves the welcome tab open as `welcome`.
 */
export async function launchFirefox({ withExtension = true, keepWelcome = false } = {}): Promise<FirefoxHarness> {
  const extensionDir = extensionCopyForTests('firefox');
  const server = await startFixtureServer();
  const sink = await startNetworkSink();
  const proxy = new URL(sink.proxyUrl);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // Release builds ignore services.settings.server unless this is set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.originControls.grantByDefault': true,
      // Manual proxy for everything but loopback (Firefox never proxies localhost unless told to hijack it).
      'network.proxy.type': 1,
      'network.proxy.http': proxy.hostname,
      'network.proxy.http_port': Number(proxy.port),
      'network.proxy.ssl': proxy.hostname,
      'network.proxy.ssl_port': Number(proxy.port),
      'network.proxy.allow_hijacking_localhost': false,
      // Remote Settings polls Mozilla even with puppeteer's quiet prefs; Mozilla's own test profiles point it here.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
  });
  let extensionId = '';
  try {
    if (withExtension) extensionId = await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  // Without Kiji (the bench's baseline) there is no welcome tab to wait for.
  const welcomeTab = withExtension ? await findWelcomeTab(browser) : null;
  const welcomeUrl = welcomeTab?.url ?? '';
  let welcome: Page | null = null;
  if (welcomeTab && keepWelcome) welcome = welcomeTab.page;
  else await welcomeTab?.page.close();
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${String(error)}`));

  return {
    browser,
    page,
    extensionId,
    welcomeUrl,
    welcome,
    server,
    sink,
    pageErrors,
    async open(path) {
      await page.goto(server.url(path), { waitUntil: 'load' });
      if (withExtension) await page.waitForSelector('html[data-kiji-ready]', { timeout: 15_000 });
      return page;
    },
    outsideRequests: () => sink.hits.map((hit) => `proxy: ${hit}`),
    async close() {
      await browser.close();
      await Promise.all([server.close(), sink.close()]);
      rmSync(extensionDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** Moves the mouse onto character `offsetInText` of the first (or `occurrence`-th) place `text` appears. */
export function hover(
  page: Page,
  text: string,
  offsetInText = 0,
  where: Pick<LocateArgs, 'within' | 'occurrence' | 'shadow'> = {},
): Promise<CharPoint> {
  const driver: HoverDriver = {
    locate: (args) => page.evaluate(locateCharacter, args),
    readPopup: () => readPopup(page),
    popupBox: () => page.evaluate(popupBoxInPage),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    move: (x, y) => page.mouse.move(x, y),
  };
  return hoverText(driver, text, offsetInText, where);
}

export function readPopup(page: Page): Promise<PopupContent | null> {
  return page.evaluate(readPopupInPage);
}

/**
 * As in the Chromium harness: the welcome tab Kiji opens on install is awaited (and closed, unless kept) before the
 * tests. Firefox's BiDi reports a tab opened by an extension as about:blank, so the tab is asked where it is.
 */
async function findWelcomeTab(browser: Browser): Promise<{ page: Page; url: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.endsWith('/welcome.html')) {
        return { page, url: href };
      }
    }
    if (Date.now() > deadline) throw new Error('Kiji opened no welcome tab on install');
    await new Promise((done) => setTimeout(done, 100));
  }
}
