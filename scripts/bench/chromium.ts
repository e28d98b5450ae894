/** Browser figures, measured in Debian Chromium with the built extension, on the seed article page. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from '../../tests/e2e/chromium';
import { locateCharacter } from '../../tests/e2e/page-probes';
import {
  floorSeries,
  hoverOnce,
  hoverSeries,
  jitters,
  p,
  PAGE,
  PROBE,
  sleep,
  targets,
  type BenchPage,
} from './hover-latency';
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

    const restart = await restartSeries(h, page);
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
      // A hover the engine must answer after the service worker stopped (idle), and the same with it running.
      first_hover_after_restart_ms: p(restart.inPageAfterStop, 50),
      first_hover_after_restart_max_ms: round(Math.max(...restart.inPageAfterStop), 1),
      uncached_hover_ms: p(restart.inPage, 50),
      // The same stop, then a word whose answer the content script already holds: no channel to open at all.
      fetched_ahead_hover_after_restart_ms: p(restart.aheadAfterStop, 50),
      new_page_first_hover_after_restart_ms: p(restart.newPageAfterStop, 50),
      new_page_first_hover_ms: p(restart.newPage, 50),
      background_memory_mb: round(memory, 1),
    };
  } finally {
    await h.close();
  }
}

const RESTART_ROUNDS = 8;
/** Characters past the first hover: inside the 24 the content script fetches ahead, past the word itself. */
const AHEAD = 3;
const KINDS = ['newPage', 'newPageAfterStop', 'inPage', 'inPageAfterStop', 'aheadAfterStop'] as const;

/**
 * Hovers that must ask the engine, each on a page loaded afresh and on a word of a paragraph of its own (nothing
 * cached in the content script or fetched ahead), with the service worker running or stopped (as after 30 s idle).
 * `newPage`: the page's first hover, as soon as the page says Kiji listens (the worst case for a worker waking up
 * with the page). `inPage`: after one hover elsewhere on the page, as a reader's next paragraph; the worker stops
 * between the two. In turn, so that the machine's load falls alike on all four.
 */
async function restartSeries(h: ChromiumHarness, page: BenchPage) {
  const all = await targets(page);
  // One word per paragraph, a few characters in (a paragraph's very first character is often a bracket or a name).
  const byParagraph = new Map<string, { text: string; offset: number }>();
  for (const t of all) if (!byParagraph.has(t.text) || byParagraph.get(t.text)!.offset < 6) byParagraph.set(t.text, t);
  const words = [...byParagraph.values()];
  const jitter = jitters(KINDS.length * RESTART_ROUNDS);
  const out: Record<(typeof KINDS)[number], number[]> = {
    newPage: [],
    newPageAfterStop: [],
    inPage: [],
    inPageAfterStop: [],
    aheadAfterStop: [],
  };
  for (let i = 0; i < KINDS.length * RESTART_ROUNDS; i++) {
    const kind = KINDS[i % KINDS.length]!;
    if (kind === 'newPageAfterStop') await h.stopServiceWorker();
    await h.open(PAGE);
    await page.run(PROBE);
    const t = words[i % words.length]!;
    if (kind === 'aheadAfterStop') {
      // The next word along the sentence, whose answer the first hover fetched ahead: most of a reader's hovers.
      await hoverOnce(page, t.text, t.offset);
      await sleep(300);
      await h.stopServiceWorker();
      const next = all.find((x) => x.text === t.text && x.offset >= t.offset + AHEAD) ?? t;
      out[kind].push((await hoverOnce(page, next.text, next.offset, jitter[i]))[0]);
      continue;
    }
    if (kind.startsWith('inPage')) {
      // A paragraph far from the measured one: what this hover fetches ahead cannot reach it.
      const first = words[(i + words.length / 2) % words.length | 0]!;
      await hoverOnce(page, first.text, first.offset);
      await sleep(300);
      if (kind === 'inPageAfterStop') await h.stopServiceWorker();
    }
    out[kind].push((await hoverOnce(page, t.text, t.offset, jitter[i]))[0]);
  }
  return out;
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
