// Driving reading mode from outside the page: messages to the tab's content script go through the extension's
// service worker (as the toolbar popup's would), timings come from the User Timing entries the content script
// records, and long tasks from an observer installed in every page before its scripts run.
import type { BrowserContext, Page, Worker } from 'playwright-core';

/** Measure names written by src/content/reading-mode (article-marker.ts, reading-mode.ts). */
export const DETECT_MEASURE = 'kiji-detect';
export const ANNOTATE_MEASURE = 'kiji-annotate';

interface ReadingReply<T> {
  ok: boolean;
  value?: T;
  error?: string;
}

/** Records every long task (> 50 ms) of each page from its first script on, as [startTime, duration]. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __kijiLongTasks: [number, number][] };
    w.__kijiLongTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__kijiLongTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No Long Tasks API: the list stays empty and the test says so.
    }
  });
}

/**
 * Records every long animation frame (> 50 ms) of each page from its first script on, with the time Kiji's own
 * scripts (chrome-extension:// sources: the content script and its modules) ran in it: [startTime, duration,
 * kijiMs]. On a shared machine a frame can grow long around a short script; the script time says whose it was.
 */
export async function recordLongFrames(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __kijiLongFrames: [number, number, number][] };
    w.__kijiLongFrames = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          scripts?: { sourceURL: string; duration: number }[];
        })[]) {
          const kiji = (e.scripts ?? [])
            .filter((s) => s.sourceURL.startsWith('chrome-extension:'))
            .reduce((ms, s) => ms + s.duration, 0);
          w.__kijiLongFrames.push([e.startTime, e.duration, kiji]);
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {
      // No Long Animation Frames API: the list stays empty and the test says so.
    }
  });
}

export function longTasks(page: Page): Promise<[number, number][]> {
  return page.evaluate(() => (window as unknown as { __kijiLongTasks?: [number, number][] }).__kijiLongTasks ?? []);
}

/** [startTime, duration] of each User Timing measure of that name. */
export function measures(page: Page, name: string): Promise<[number, number][]> {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => [e.startTime, e.duration]), name);
}

/** Long tasks that overlap any of the given windows. */
export function tasksDuring(tasks: [number, number][], windows: [number, number][]): number[] {
  return tasks
    .filter(([start, duration]) => windows.some(([ws, wd]) => start < ws + wd && ws < start + duration))
    .map(([, duration]) => duration);
}

/** The id of the tab the page is in: the active one of the browser's only window. */
export async function tabIdOf(worker: Pick<Worker, 'evaluate'>, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true }))[0]?.id);
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

/**
 * Sends a Kiji request to the content script of the tab's top frame, as the toolbar popup does: from the service
 * worker, or from an extension page (which works while the worker is stopped).
 */
export async function sendToTab<T>(
  worker: Pick<Worker, 'evaluate'>,
  tabId: number,
  type: string,
  payload: object,
): Promise<T> {
  const reply = (await worker.evaluate(([id, message]) => chrome.tabs.sendMessage(id, message, { frameId: 0 }), [
    tabId,
    { kiji: 1, type, payload },
  ] as const)) as ReadingReply<T> | undefined;
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

/** Waits until the content script has marked the article (it does so once the page is idle). */
export async function waitForArticleMark(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForSelector('[data-kiji-article]', { state: 'attached', timeout });
}

/** Waits for the n-th User Timing measure of that name. */
export async function waitForMeasure(page: Page, name: string, count = 1, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string).length >= (c as number),
    [name, count],
    {
      timeout,
    },
  );
}
