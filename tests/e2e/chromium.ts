// Chromium harness: the built extension in Debian's /usr/bin/chromium, driven by playwright-core.
//
// Launch recipe verified on Chromium 156 + playwright-core 1.65:
// - launchPersistentContext with `headless: true` works for MV3: Playwright passes `--headless`, which since
//   Chrome 132 IS the new headless mode (the old one is gone), so service workers, offscreen documents and content
//   scripts all run. `headless: false` + `--headless=new` behaves the same; it is not needed.
// - `ignoreDefaultArgs: ['--disable-extensions']`: Playwright adds --disable-extensions to its defaults;
//   --disable-extensions-except/--load-extension win over it in 156, but dropping it removes the doubt.
// - The extension id comes from the service worker's URL (context.serviceWorkers() / 'serviceworker' event).
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Schemes and hosts a request may use without leaving the machine. */
const LOCAL_URL = /^(chrome-extension:|data:|blob:|about:|chrome:|devtools:)|^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//;

export interface ChromiumHarness {
  context: BrowserContext;
  page: Page;
  serviceWorker: Worker;
  extensionId: string;
  /** The browser's profile directory: tells this browser's processes from others' (bench memory figures). */
  profileDir: string;
  server: FixtureServer;
  sink: NetworkSink;
  /** URLs of every request Playwright saw (pages, frames and the service worker). */
  requests: string[];
  /** Console errors and uncaught exceptions of the pages, as "type: text". */
  pageErrors: string[];
  /** Opens a fixture (path under tests/fixtures/) in `page` and waits for the content script's ready mark. */
  open(path: string): Promise<Page>;
  /** Requests that went (or tried to go) anywhere but 127.0.0.1 / extension / data / blob. */
  outsideRequests(): string[];
  /** The welcome tab Kiji opened on install, seen and closed before any test ran. */
  welcomeUrl: string;
  /** Stops the extension's service worker, as Chrome does after 30 s idle, and waits until it is stopped. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The flags of every Chromium the tests and benchmarks start: the unpacked extension loaded, and nothing able to
 * leave 127.0.0.1 without the network sink seeing it.
 */
export function isolatedChromiumArgs(extensionDir: string, proxyUrl: string, extra: string[] = []): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Every non-loopback request goes to the sink (Chromium never proxies loopback). This is what catches the
    // offscreen document, which Playwright does not report as a page.
    `--proxy-server=${proxyUrl}`,
    // Chromium itself still calls accounts.google.com and update.googleapis.com with the flags above; point
    // those at a dead loopback port so the sink only ever sees the extension's and the pages' requests.
    '--gaia-url=http://127.0.0.1:9/',
    '--component-updater=url-source=http://127.0.0.1:9/',
    // Belt and braces: no name but 127.0.0.1 resolves, so nothing that bypassed the proxy could leave either.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ...extra,
  ];
}

/** The extension's service worker, once Chromium has started it. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }))
  );
}

/** `uiLanguage`: the browser's language, which chrome.i18n follows (Chromium on Linux reads it from LANGUAGE). */
export async function launchChromium(
  extraArgs: string[] = [],
  options: { uiLanguage?: string } = {},
): Promise<ChromiumHarness> {
  const extensionDir = extensionCopyForTests('chrome');
  const profileDir = mkdtempSync(join(tmpdir(), 'kiji-e2e-chromium-profile-'));
  const server = await startFixtureServer();
  const sink = await startNetworkSink();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    args: isolatedChromiumArgs(
      extensionDir,
      sink.proxyUrl,
      options.uiLanguage ? [`--lang=${options.uiLanguage}`, ...extraArgs] : extraArgs,
    ),
    ...(options.uiLanguage && {
      env: { ...process.env, LANGUAGE: options.uiLanguage, LANG: `${options.uiLanguage}.UTF-8` },
      locale: options.uiLanguage,
    }),
  });

  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const pageErrors: string[] = [];
  const watchPage = (page: Page) => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  };
  context.on('page', watchPage);
  context.pages().forEach(watchPage);

  const serviceWorker = await extensionWorker(context);
  const extensionId = new URL(serviceWorker.url()).host;
  const welcomeUrl = await closeWelcomeTab(context, extensionId);
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    serviceWorker,
    extensionId,
    profileDir,
    server,
    sink,
    requests,
    pageErrors,
    welcomeUrl,
    async open(path) {
      await page.goto(server.url(path), { waitUntil: 'load' });
      await page.waitForSelector('html[data-kiji-ready]', { state: 'attached', timeout: 15_000 });
      return page;
    },
    outsideRequests() {
      return [...requests.filter((url) => !LOCAL_URL.test(url)), ...sink.hits.map((hit) => `proxy: ${hit}`)];
    },
    stopServiceWorker: () => stopExtensionWorker(page, extensionId),
    async close() {
      await context.close();
      await Promise.all([server.close(), sink.close()]);
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      rmSync(extensionDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/**
 * Kiji opens its welcome page in a new tab on install. Tests drive the first tab and some ask the browser for the
 * active tab, so the harness waits for the welcome tab (it must open: a fresh profile is a first install) and closes
 * it, leaving the browser as a returning user has it. Returns its URL.
 */
export async function closeWelcomeTab(context: BrowserContext, extensionId: string): Promise<string> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const welcome = context.pages().find((p) => p.url() === url);
    if (welcome) {
      // Closed only once it has loaded: closed at once, it left the extension's later pages without their messages
      // (i18n.getMessage answering '') in 1 launch of 6; waiting for its load, in none of 10.
      await welcome.waitForLoadState('load');
      await welcome.waitForSelector('h1');
      await welcome.close();
      return url;
    }
    if (Date.now() > deadline) throw new Error(`Kiji opened no welcome tab (${url}) on install`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Stops the extension's service worker through a PAGE-level CDP session. A persistent context has no Browser
 * object (context.browser() is null), so there is no browser-level session; but the ServiceWorker domain of a
 * page session acts on the whole storage partition of the profile, and MV3 extension workers live in that
 * default partition. Verified on Chromium 156: workerVersionUpdated reports the chrome-extension:// worker going
 * running → stopping → stopped, and a global set in the worker before the stop is gone after the next message
 * wakes it (a new JS realm, i.e. a real restart, not a paused worker).
 * (A browser-level alternative that also works: add --remote-debugging-port=0, read DevToolsActivePort in the
 * profile, chromium.connectOverCDP(), browser.newBrowserCDPSession(), Target.closeTarget on the worker target.)
 */
async function stopExtensionWorker(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const prefix = `chrome-extension://${extensionId}/`;
  let status = 'unknown';
  // Remember that it stopped even if a message (a popup refreshing, a late reply) wakes it again before the next
  // poll: the restart is what the callers want to exercise.
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions)
      if (version.scriptURL.startsWith(prefix)) {
        status = version.runningStatus;
        if (status === 'stopped') stopped = true;
      }
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (!stopped) {
      if (Date.now() > deadline)
        throw new Error(`extension service worker still "${status}" 10 s after stopAllWorkers`);
      await new Promise((done) => setTimeout(done, 50));
    }
  } finally {
    await cdp.detach();
  }
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
    press: (key) => page.keyboard.press(key),
    move: (x, y) => page.mouse.move(x, y),
  };
  return hoverText(driver, text, offsetInText, where);
}

export function readPopup(page: Page): Promise<PopupContent | null> {
  return page.evaluate(readPopupInPage);
}
