/**
 * Reading-mode figures in Chromium with the built extension, from the User Timing entries the content script writes:
 * - detect_ms: finding the article on the largest fixture page, from start to marked (in slices between which the
 *   page runs), median of fresh loads; detect_work_ms: those slices together, Kiji's own time (median);
 *   detect_longest_slice_ms: the longest of those slices, over all loads;
 * - annotate_ms: furigana over a 5,000-character article, from switching reading mode on to the last ruby placed
 *   (engine round trip included, engine warm), median of fresh loads;
 * - annotate_engine_ms: the engine's part of that (request to answer);
 * - reading_longest_slice_ms: the longest main-thread slice of placing ruby;
 * - reading_long_tasks: long tasks (> 50 ms) during detection or furigana, all samples together (target 0).
 * Usage: benchReading(harness) from scripts/bench.ts, or `npx tsx scripts/bench/reading.ts` on its own.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type ChromiumHarness } from '../../tests/e2e/chromium';
import {
  ANNOTATE_MEASURE,
  DETECT_MEASURE,
  longTasks,
  measures,
  recordLongTasks,
  sendToTab,
  tabIdOf,
  tasksDuring,
  waitForArticleMark,
  waitForMeasure,
} from '../../tests/e2e/reading-probes';
import { FIXTURES_DIR } from '../../tests/e2e/server';
import { percentile, round } from './stats';

const LONG_ARTICLE = 'news/long-article.html';
const ENGINE_MEASURE = 'kiji-annotate-engine';
const SLICE_MEASURE = 'kiji-annotate-slice';
const DETECT_SLICE_MEASURE = 'kiji-detect-slice';
const DETECT_WORK_MEASURE = 'kiji-detect-work';

/** The fixture page with the most bytes: the most DOM to walk. */
function largestFixturePage(): string {
  const pages = ['nikkei-2.html', 'yomiuri-1.html', 'yomiuri-3.html', 'sankei-1.html', 'asahi-2.html'];
  return pages
    .map((file) => ({ file, size: statSync(join(FIXTURES_DIR, 'pages', file)).size }))
    .sort((a, b) => b.size - a.size)[0]!.file;
}

/** Call before the harness opens any page, so that long tasks are recorded from each page's start. */
export async function prepareReadingBench(h: ChromiumHarness): Promise<void> {
  await recordLongTasks(h.context);
}

export async function benchReading(h: ChromiumHarness, samples = 7): Promise<Record<string, number>> {
  const { page, serviceWorker } = h;
  const longOnes: number[] = [];

  const detect: number[] = [];
  const detectSlices: number[] = [];
  const detectWork: number[] = [];
  const largest = `pages/${largestFixturePage()}`;
  for (let i = 0; i < samples; i++) {
    await h.open(largest);
    await waitForArticleMark(page);
    const windows = await measures(page, DETECT_MEASURE);
    detect.push(windows[0]![1]);
    detectSlices.push(...(await measures(page, DETECT_SLICE_MEASURE)).map(([, d]) => d));
    // Absent from builds before the measure existed (compared in one run with `KIJI_DIST_DIR`).
    const work = (await measures(page, DETECT_WORK_MEASURE))[0];
    if (work) detectWork.push(work[1]);
    longOnes.push(...tasksDuring(await longTasks(page), windows));
  }

  const annotate: number[] = [];
  const engine: number[] = [];
  const slices: number[] = [];
  await h.open(LONG_ARTICLE);
  const tabId = await tabIdOf(serviceWorker, page);
  const set = (on: boolean) => sendToTab(serviceWorker, tabId, 'readingMode', { on, furigana: 'all' });
  // Warm the engine (kuromoji, dictionaries, glossary) once.
  await waitForArticleMark(page);
  await set(true);
  await set(false);
  for (let i = 0; i < samples; i++) {
    await h.open(LONG_ARTICLE);
    await waitForArticleMark(page);
    await set(true);
    await waitForMeasure(page, ANNOTATE_MEASURE);
    const windows = await measures(page, ANNOTATE_MEASURE);
    annotate.push(windows[0]![1]);
    engine.push((await measures(page, ENGINE_MEASURE))[0]![1]);
    slices.push(...(await measures(page, SLICE_MEASURE)).map(([, d]) => d));
    longOnes.push(...tasksDuring(await longTasks(page), windows));
    // Off again before the next load: a site remembered "on" would start furigana by itself at load.
    await set(false);
  }
  // KIJI_BENCH_VERBOSE=1: every sample, to tell a noisy machine from a slow build.
  if (process.env.KIJI_BENCH_VERBOSE) console.log({ detect, detectWork, annotate, engine, slices, longOnes });

  return {
    detect_ms: round(percentile(detect, 50), 1),
    ...(detectWork.length > 0 && { detect_work_ms: round(percentile(detectWork, 50), 1) }),
    detect_longest_slice_ms: round(Math.max(...detectSlices), 1),
    annotate_ms: round(percentile(annotate, 50), 1),
    annotate_engine_ms: round(percentile(engine, 50), 1),
    reading_longest_slice_ms: round(Math.max(...slices), 1),
    reading_long_tasks: longOnes.filter((d) => d > 50).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const h = await launchChromium();
  try {
    await prepareReadingBench(h);
    console.log(await benchReading(h));
  } finally {
    await h.close();
  }
}
