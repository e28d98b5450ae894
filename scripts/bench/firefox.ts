/**
 * Hover-to-popup in Firefox ESR (puppeteer-core over WebDriver BiDi), measured as in Chromium. No floor here: turning
 * Kiji off needs its storage, which BiDi cannot reach. And the memory of the process that hosts Kiji's background page
 * (firefox-memory-report.ts reads Firefox's own reports of it).
 */
import type { KeyInput, Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from '../../tests/e2e/firefox';
import { locateCharacter } from '../../tests/e2e/page-probes';
import { hoverSeries, p, PAGE, type BenchPage } from './hover-latency';
import { descendants, processName, pssMiB } from './process-memory';
import { round } from './stats';
import {
  DUMP_MEMORY,
  firefoxMemoryReport,
  formatFirefoxBreakdown,
  MINIMIZE_AND_DUMP,
  webExtensionsBreakdown,
} from './firefox-memory-report';

function firefoxBenchPage(page: Page): BenchPage {
  return {
    run: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    locate: (args) => page.evaluate(locateCharacter, args),
    move: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as KeyInput),
    waitFor: async (expression) => void (await page.waitForFunction(expression, { polling: 'raf' })),
    paragraphs: (selector) => page.$$eval(selector, (ps) => ps.map((el) => el.textContent ?? '')),
  };
}

export async function benchFirefox(samples = 120): Promise<Record<string, number>> {
  const h = await launchFirefox();
  try {
    const { warm, fromHandler } = await hoverSeries(firefoxBenchPage(await h.open(PAGE)), samples);
    return {
      firefox_hover_to_popup_p50_ms: p(warm, 50),
      firefox_hover_to_popup_p95_ms: p(warm, 95),
      firefox_handler_to_popup_p50_ms: p(fromHandler, 50),
      firefox_handler_to_popup_p95_ms: p(fromHandler, 95),
    };
  } finally {
    await h.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PSS of Firefox's "WebExtensions" process: the one content process that hosts the pages of every add-on, Kiji's
 * background page (its engine) among them. Firefox's own built-in add-ons live there too, so the same process is
 * also measured in the same browser without Kiji: the difference is what Kiji costs, the whole is what compares with
 * Chrome's extension process (which holds only Kiji, plus the renderer's own baseline).
 */
function webExtensionsPss(h: FirefoxHarness): number {
  const root = String(h.browser.process()?.pid ?? '');
  const found = descendants(
    (pid) => pid === root,
    (pid) => processName(pid) === 'WebExtensions',
  );
  return found.reduce((mb, pid) => mb + pssMiB(pid), 0);
}

/** The moz-extension:// host of Kiji's pages (a random id per profile). */
const extensionHost = (h: FirefoxHarness) => new URL(h.welcomeUrl).host;

/**
 * The WebExtensions process after the seed article's hovers: its PSS as found (the figure with a target), then, from
 * Firefox's memory reports, where its memory goes, and the PSS again once Firefox has minimized its memory usage
 * (collections, empty GC chunks released): how much of the first figure is garbage not yet collected.
 */
export async function benchFirefoxMemory(hovers = 60): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const h = await launchFirefox();
  try {
    await hoverSeries(firefoxBenchPage(await h.open(PAGE)), hovers);
    await sleep(2000);
    out.firefox_memory_pss_mb = round(webExtensionsPss(h), 1);
    const parent = h.browser.process()?.pid;
    if (parent !== undefined) {
      const host = extensionHost(h);
      const asFound = webExtensionsBreakdown(await firefoxMemoryReport(parent, DUMP_MEMORY, 'as-found'), host);
      const minimized = webExtensionsBreakdown(
        await firefoxMemoryReport(parent, MINIMIZE_AND_DUMP, 'minimized'),
        host,
      );
      out.firefox_memory_pss_after_minimize_mb = round(webExtensionsPss(h), 1);
      console.log(formatFirefoxBreakdown({ 'as found': asFound, minimized }));
      out.firefox_kiji_explicit_mb = round(kijiTotal(asFound), 1);
      out.firefox_kiji_explicit_after_minimize_mb = round(kijiTotal(minimized), 1);
    }
  } finally {
    await h.close();
  }
  const bare = await launchFirefox({ withExtension: false });
  try {
    await bare.open(PAGE);
    await sleep(5000);
    out.firefox_extension_process_without_kiji_mb = round(webExtensionsPss(bare), 1);
  } finally {
    await bare.close();
  }
  return out;
}

const kijiTotal = (b: Record<string, number>) =>
  Object.entries(b).reduce((n, [name, mb]) => (name.startsWith('Kiji:') ? n + mb : n), 0);
