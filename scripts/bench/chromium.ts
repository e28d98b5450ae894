/** Browser figures, measured in Debian Chromium with the built extension, on the seed article page. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from '../../tests/e2e/chromium';
import { locateCharacter } from '../../tests/e2e/page-probes';
import { floorSeries, hoverOnce, hoverSeries, p, PAGE, targets, type BenchPage } from './hover-latency';
import { round } from './stats';
import { cmdline, descendants, pssMiB } from './process-memory';

export function benchPage(page: Page): BenchPage {
  return {
    run: (expression) => page.evaluate(expression),
    locate: (args) => page.evaluate(locateCharacter, args),
    move: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    waitFor: async (expression) => void (await page.waitForFunction(expression)),
    paragraphs: (selector) => page.$$eval(selector, (ps) => ps.map((el) => el.textContent ?? '')),
  };
}

export function extensionPss(profileDir: string): number {
  // Chrome runs an extension's service worker and offscreen document in one renderer marked --extension-process.
  const ours = descendants(
    (p) => cmdline(p).includes(profileDir),
    (p) => cmdline(p).includes('--extension-process'),
  );
  return ours.reduce((mb, pid) => mb + pssMiB(pid), 0);
}

export async function benchChromium(root: string, samples = 120): Promise<Record<string, number>> {
  const h: ChromiumHarness = await launchChromium();
  try {
    const page = benchPage(await h.open(PAGE));
    const { warm, fromHandler, glossary, words, firstInParagraph } = await hoverSeries(page, samples);

    const setEnabled = (enabled: boolean) =>
      h.serviceWorker.evaluate(async (on) => {
        const { settings } = (await chrome.storage.local.get('settings')) as { settings?: object };
        await chrome.storage.local.set({ settings: { ...settings, enabled: on } });
      }, enabled);
    await setEnabled(false);
    const floor = await floorSeries(page, samples);
    await setEnabled(true);

    const all = await targets(page);
    const restart: number[] = [];
    for (let i = 0; i < 5; i++) {
      await h.stopServiceWorker();
      const t = all[(i * 11 + 7) % all.length]!;
      restart.push((await hoverOnce(page, t.text, t.offset))[0]);
    }
    const memory = extensionPss(h.profileDir);
    if (process.env.KIJI_BENCH_VERBOSE) {
      const sorted = (a: number[]) => a.map((x) => Math.round(x)).sort((x, y) => x - y).join(' ');
      console.log(`from event:   ${sorted(warm)}\nfrom handler: ${sorted(fromHandler)}\nfloor:        ${sorted(floor)}`);
    }
    return {
      hover_to_popup_p50_ms: p(warm, 50),
      hover_to_popup_p95_ms: p(warm, 95),
      // The same sequence of moves with Kiji off and the page answering its own first event synchronously.
      browser_floor_p50_ms: p(floor, 50),
      browser_floor_p95_ms: p(floor, 95),
      first_in_paragraph_p50_ms: p(firstInParagraph, 50),
      first_in_paragraph_p95_ms: p(firstInParagraph, 95),
      first_in_paragraph_samples: firstInParagraph.length,
      // From the moment the page's own mousemove handler runs: without the browser's wait to align input to frames.
      handler_to_popup_p50_ms: p(fromHandler, 50),
      handler_to_popup_p95_ms: p(fromHandler, 95),
      glossary_hover_to_popup_p50_ms: p(glossary, 50),
      word_hover_to_popup_p50_ms: p(words, 50),
      first_hover_after_restart_ms: p(restart, 50),
      first_hover_after_restart_max_ms: round(Math.max(...restart), 1),
      background_memory_mb: round(memory, 1),
    };
  } finally {
    await h.close();
  }
}

export function packageFigures(root: string): Record<string, number> {
  const size = (dir: string): number =>
    (readdirSync(dir, { recursive: true }) as string[]).reduce((n, f) => {
      const s = statSync(join(dir, f));
      return s.isFile() ? n + s.size : n;
    }, 0);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    content_script_kb: round(statSync(join(root, 'dist/chrome/content.js')).size / 1024, 1),
    package_chrome_mb: round(statSync(join(root, `dist/kiji-chrome-${version}.zip`)).size / 1e6, 1),
    package_firefox_mb: round(statSync(join(root, `dist/kiji-firefox-${version}.zip`)).size / 1e6, 1),
    unpacked_chrome_mb: round(size(join(root, 'dist/chrome')) / 1e6, 1),
  };
}
