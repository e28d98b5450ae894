/**
 * Browser figures, measured in Debian Chromium with the built extension, on the seed article page.
 * Hover-to-popup runs from the mousemove event's timestamp to the first frame painted with the popup
 * (MutationObserver on the popup's shadow root, then rAF + a message: the task after the paint).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from '../../tests/e2e/chromium';
import { locateCharacter } from '../../tests/e2e/page-probes';
import { percentile, round } from './stats';

const PAGE = 'news/newsweek-seed.html';
const ARTICLE = 'article';

/**
 * The in-page probe, as source text: tsx would wrap named functions in a helper the page does not have.
 * `__kijiArm()` resolves with the time from the last mousemove to the task after the popup's first paint.
 */
const PROBE = `(() => {
  let t0 = 0;
  let th = 0;
  window.addEventListener('mousemove', (e) => { t0 = e.timeStamp; th = performance.now(); }, { capture: true });
  const shown = () => !!document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-kiji-popup]');
  window.__kijiArm = () => new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { const now = performance.now(); resolve([now - t0, now - th]); };
      ch.port2.postMessage(0);
    });
    const watch = () => {
      const root = document.getElementById('kiji-popup-host')?.shadowRoot;
      if (!root) return void requestAnimationFrame(watch);
      if (shown()) return done();
      const mo = new MutationObserver(() => { if (shown()) { mo.disconnect(); done(); } });
      mo.observe(root, { childList: true, subtree: true, characterData: true });
    };
    watch();
  });
})()`;

/**
 * The browser's own floor, for the same moves: the page itself shows a box synchronously on the earliest event it can
 * see (pointerrawupdate), with Kiji turned off. No popup, however fast, can paint sooner than this.
 */
const FLOOR_PROBE = `(() => {
  const box = document.createElement('div');
  box.id = 'kiji-bench-floor';
  box.style.cssText = 'position:fixed;left:0;top:0;width:40px;height:40px;background:#c00;display:none';
  document.body.append(box);
  let t0 = 0;
  let armed = false;
  const show = (e) => { if (armed && e.clientX > 20) { armed = false; t0 = e.timeStamp; box.style.display = 'block'; } };
  window.addEventListener('pointerrawupdate', show, { capture: true });
  window.addEventListener('mousemove', show, { capture: true });
  window.__kijiFloor = () => new Promise((resolve) => {
    box.style.display = 'none';
    armed = true;
    const mo = new MutationObserver(() => {
      if (box.style.display !== 'block') return;
      mo.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
    mo.observe(box, { attributes: true });
  });
})()`;

async function floorOnce(page: Page, text: string, offset: number, jitter: number): Promise<number> {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  // As the popup is hidden before each Kiji sample: the box goes, and the same wait sees it gone.
  await page.evaluate("document.getElementById('kiji-bench-floor').style.display = 'none'");
  await page.waitForFunction("document.getElementById('kiji-bench-floor').style.display === 'none'");
  const point = await page.evaluate(locateCharacter, { text, offset, within: ARTICLE });
  if ('error' in point) throw new Error(point.error);
  const painted = page.evaluate('window.__kijiFloor()') as Promise<number>;
  await page.waitForTimeout(5 + jitter);
  await page.mouse.move(point.x, point.y);
  return painted;
}

/**
 * A real mouse moves whenever it likes, not in step with the display: without a pause of its own, each sample's move
 * would come at about the same point of a frame (Playwright's waits end on frames), which favours some samples and
 * penalises others. So each sample waits a different part of a 60 Hz frame before it moves, the same for Kiji and
 * the floor. Deterministic, so runs compare.
 */
function jitters(count: number): number[] {
  let seed = 12345;
  return Array.from({ length: count }, () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * 16.7;
  });
}

/** [from the event's timestamp, from the page's handler] to the popup painted, in ms. */
async function hoverOnce(page: Page, text: string, offset: number, jitter = 0): Promise<[number, number]> {
  // Start from blank space so each sample opens the popup from hidden, as a reader's first glance does.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.waitForFunction("!document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-kiji-popup]')");
  const point = await page.evaluate(locateCharacter, { text, offset, within: ARTICLE });
  if ('error' in point) throw new Error(point.error);
  const label = `${text.slice(0, 12)}…[${offset}] "${text[offset]}"`;
  const painted = page.evaluate(
    'Promise.race([window.__kijiArm(), new Promise((_, no) => setTimeout(() => no(new Error("no popup in 5 s")), 5000))])',
  ) as Promise<[number, number]>;
  await page.waitForTimeout(5 + jitter);
  await page.mouse.move(point.x, point.y);
  return painted.catch((err: unknown) => {
    throw new Error(`${label}: ${String(err)}`);
  });
}

/** Sentences of the article as they appear in single text nodes, and every Japanese character position in them. */
async function targets(page: Page): Promise<{ text: string; offset: number }[]> {
  const paragraphs = await page.$$eval(`${ARTICLE} p`, (ps) => ps.map((p) => p.textContent ?? ''));
  const out: { text: string; offset: number }[] = [];
  for (const p of paragraphs) {
    const text = p.slice(0, 60);
    for (let i = 0; i < text.length; i += 3) if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text[i])) out.push({ text, offset: i });
  }
  return out;
}

const cmdline = (pid: string) => readFileSync(`/proc/${pid}/cmdline`, 'utf8');
const parent = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];

/** Whether `pid` descends from the browser started with `profileDir` (other Chromiums may be running). */
function inBrowser(pid: string, profileDir: string): boolean {
  for (let p = pid; p && p !== '0' && p !== '1'; p = parent(p)) if (cmdline(p).includes(profileDir)) return true;
  return false;
}

function extensionPss(profileDir: string): number {
  // Chrome runs an extension's service worker and offscreen document in one renderer marked --extension-process.
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!cmdline(pid).includes('--extension-process') || !inBrowser(pid, profileDir)) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended while we read it.
    }
  }
  return kb / 1024;
}

export async function benchChromium(root: string, samples = 120): Promise<Record<string, number>> {
  const h: ChromiumHarness = await launchChromium();
  try {
    const page = await h.open(PAGE);
    await page.evaluate(PROBE);
    const all = await targets(page);
    // Let the engine finish loading (kuromoji included) before the warm figures.
    await hoverOnce(page, all[0].text, all[0].offset);
    await page.waitForTimeout(1500);
    await hoverOnce(page, all[1].text, all[1].offset);

    const warm: number[] = [];
    const fromHandler: number[] = [];
    const glossary: number[] = [];
    const words: number[] = [];
    // The first hover in a paragraph cannot have been fetched ahead: it always waits for the engine.
    const firstInParagraph: number[] = [];
    const jitter = jitters(samples);
    for (let i = 0; i < samples; i++) {
      const t = all[(i * 5 + 2) % all.length];
      const previous = i > 0 ? all[((i - 1) * 5 + 2) % all.length] : null;
      const [ms, handled] = await hoverOnce(page, t.text, t.offset, jitter[i]);
      warm.push(ms);
      fromHandler.push(handled);
      if (previous?.text !== t.text) firstInParagraph.push(ms);
      const first = await page.evaluate(
        "document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-entry]')?.getAttribute('data-source')",
      );
      (first === 'glossary' ? glossary : words).push(ms);
    }

    const floor: number[] = [];
    await h.serviceWorker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: object };
      await chrome.storage.local.set({ settings: { ...settings, enabled: false } });
    });
    await page.evaluate(FLOOR_PROBE);
    for (let i = 0; i < samples; i++) {
      const t = all[(i * 5 + 2) % all.length];
      floor.push(await floorOnce(page, t.text, t.offset, jitter[i]));
    }
    await h.serviceWorker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: object };
      await chrome.storage.local.set({ settings: { ...settings, enabled: true } });
    });
    await page.evaluate("document.getElementById('kiji-bench-floor')?.remove()");

    const restart: number[] = [];
    for (let i = 0; i < 5; i++) {
      await h.stopServiceWorker();
      const t = all[(i * 11 + 7) % all.length];
      restart.push((await hoverOnce(page, t.text, t.offset))[0]);
    }
    const memory = extensionPss(h.profileDir);
    if (process.env.KIJI_BENCH_VERBOSE) {
      const sorted = (a: number[]) => a.map((x) => Math.round(x)).sort((x, y) => x - y).join(' ');
      console.log(`from event:   ${sorted(warm)}\nfrom handler: ${sorted(fromHandler)}\nfloor:        ${sorted(floor)}`);
    }
    return {
      hover_to_popup_p50_ms: round(percentile(warm, 50), 1),
      hover_to_popup_p95_ms: round(percentile(warm, 95), 1),
      // The same sequence of moves with Kiji off and the page answering its own first event synchronously.
      browser_floor_p50_ms: round(percentile(floor, 50), 1),
      browser_floor_p95_ms: round(percentile(floor, 95), 1),
      first_in_paragraph_p50_ms: round(percentile(firstInParagraph, 50), 1),
      first_in_paragraph_p95_ms: round(percentile(firstInParagraph, 95), 1),
      first_in_paragraph_samples: firstInParagraph.length,
      // From the moment the page's own mousemove handler runs: without the browser's wait to align input to frames.
      handler_to_popup_p50_ms: round(percentile(fromHandler, 50), 1),
      handler_to_popup_p95_ms: round(percentile(fromHandler, 95), 1),
      glossary_hover_to_popup_p50_ms: round(percentile(glossary, 50), 1),
      word_hover_to_popup_p50_ms: round(percentile(words, 50), 1),
      first_hover_after_restart_ms: round(percentile(restart, 50), 1),
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
