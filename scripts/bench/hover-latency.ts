/**
 * Hover-to-popup latency, in any browser the tests drive: from the mouse event's timestamp to the first frame painted
 * with the popup (MutationObserver on the popup's shadow root, then rAF + a message: the task after the paint), and
 * the browser's own floor for the same moves.
 */
import type { CharPoint, LocateArgs } from '../../tests/e2e/page-probes';
import { percentile, round } from './stats';

export const PAGE = 'news/newsweek-seed.html';
const ARTICLE = 'article';

/** What the measurement needs of a page, whichever library drives the browser. */
export interface BenchPage {
  run<T>(expression: string): Promise<T>;
  locate(args: LocateArgs): Promise<CharPoint | { error: string }>;
  move(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Resolves once the expression is true (polled on frames, as both libraries do). */
  waitFor(expression: string): Promise<void>;
  paragraphs(selector: string): Promise<string[]>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The in-page probe, as source text: tsx would wrap named functions in a helper the page does not have.
 * `__kijiArm()` resolves with the time from the last mousemove to the task after the popup's first paint.
 */
export const PROBE = `(() => {
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

async function floorOnce(page: BenchPage, text: string, offset: number, jitter: number): Promise<number> {
  await page.move(5, 5);
  await page.press('Escape');
  // As the popup is hidden before each Kiji sample: the box goes, and the same wait sees it gone.
  await page.run("document.getElementById('kiji-bench-floor').style.display = 'none'");
  await page.waitFor("document.getElementById('kiji-bench-floor').style.display === 'none'");
  const point = await page.locate({ text, offset, within: ARTICLE });
  if ('error' in point) throw new Error(point.error);
  const painted = page.run<number>('window.__kijiFloor()');
  await sleep(5 + jitter);
  await page.move(point.x, point.y);
  return painted;
}

/**
 * A real mouse moves whenever it likes, not in step with the display: without a pause of its own, each sample's move
 * would come at about the same point of a frame (Playwright's waits end on frames), which favours some samples and
 * penalises others. So each sample waits a different part of a 60 Hz frame before it moves, the same for Kiji and
 * the floor. Deterministic, so runs compare.
 */
export function jitters(count: number): number[] {
  let seed = 12345;
  return Array.from({ length: count }, () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * 16.7;
  });
}

/** [from the event's timestamp, from the page's handler] to the popup painted, in ms. */
export async function hoverOnce(
  page: BenchPage,
  text: string,
  offset: number,
  jitter = 0,
): Promise<[number, number]> {
  // Start from blank space so each sample opens the popup from hidden, as a reader's first glance does.
  await page.move(5, 5);
  await page.press('Escape');
  await page.waitFor("!document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-kiji-popup]')");
  const point = await page.locate({ text, offset, within: ARTICLE });
  if ('error' in point) throw new Error(point.error);
  const label = `${text.slice(0, 12)}…[${offset}] "${text[offset]}"`;
  const painted = page.run<[number, number]>(
    'Promise.race([window.__kijiArm(), new Promise((_, no) => setTimeout(() => no(new Error("no popup in 5 s")), 5000))])',
  );
  await sleep(5 + jitter);
  await page.move(point.x, point.y);
  return painted.catch((err: unknown) => {
    throw new Error(`${label}: ${String(err)}`);
  });
}

/** Sentences of the article as they appear in single text nodes, and every Japanese character position in them. */
export async function targets(page: BenchPage): Promise<{ text: string; offset: number }[]> {
  const paragraphs = await page.paragraphs(`${ARTICLE} p`);
  const out: { text: string; offset: number }[] = [];
  for (const p of paragraphs) {
    const text = p.slice(0, 60);
    for (let i = 0; i < text.length; i += 3) if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text[i]!)) out.push({ text, offset: i });
  }
  return out;
}


interface HoverSeries {
  warm: number[];
  fromHandler: number[];
  glossary: number[];
  words: number[];
  /** The first hover in a paragraph: nothing of it was fetched ahead. */
  firstInParagraph: number[];
}

/** `samples` hovers over the article, after warming the engine up (kuromoji included). */
export async function hoverSeries(page: BenchPage, samples: number): Promise<HoverSeries> {
  await page.run(PROBE);
  const all = await targets(page);
  await hoverOnce(page, all[0]!.text, all[0]!.offset);
  await sleep(1500);
  await hoverOnce(page, all[1]!.text, all[1]!.offset);
  const out: HoverSeries = { warm: [], fromHandler: [], glossary: [], words: [], firstInParagraph: [] };
  const jitter = jitters(samples);
  for (let i = 0; i < samples; i++) {
    const t = all[(i * 5 + 2) % all.length]!;
    const previous = i > 0 ? all[((i - 1) * 5 + 2) % all.length] : null;
    const [ms, handled] = await hoverOnce(page, t.text, t.offset, jitter[i]);
    out.warm.push(ms);
    out.fromHandler.push(handled);
    if (previous?.text !== t.text) out.firstInParagraph.push(ms);
    const first = await page.run<string | null>(
      "document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-entry]')?.getAttribute('data-source') ?? null",
    );
    (first === 'glossary' ? out.glossary : out.words).push(ms);
  }
  return out;
}

/** The same moves with Kiji off (the caller turns it off) and the page answering its own first event. */
export async function floorSeries(page: BenchPage, samples: number): Promise<number[]> {
  await page.run(FLOOR_PROBE);
  const all = await targets(page);
  const jitter = jitters(samples);
  const floor: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = all[(i * 5 + 2) % all.length]!;
    floor.push(await floorOnce(page, t.text, t.offset, jitter[i]!));
  }
  await page.run("document.getElementById('kiji-bench-floor')?.remove()");
  return floor;
}

export const p = (values: number[], q: number) => round(percentile(values, q), 1);
