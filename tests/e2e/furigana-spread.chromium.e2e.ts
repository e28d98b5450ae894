// Reading mode's furigana must not spread the word it reads: within every ruby base, the characters stay as close as
// in the text around them (gap < 15 % of the font size), and the reading is at least half the text size.
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, type ChromiumHarness } from './chromium';
import { sendToTab, tabIdOf, waitForArticleMark } from './reading-probes';
import { startFixtureServer, type FixtureServer } from './server';

interface Spread {
  rubies: number;
  /** Largest gap between two characters of one ruby base, as a fraction of the font size, and where. */
  maxGap: number;
  worst: string;
  /** Median over the rubies of their largest gap. */
  medianGap: number;
  /** Smallest reading size over its base's size. */
  minRtRatio: number;
  /** Rubies whose reading overlaps the reading of the next one (readings running into each other). */
  collisions: number;
  overlaps: string[];
}

/**
 * In the page (self-contained): the character boxes of each ruby base, by Range.getClientRects. A spread base gets
 * its extra space inside the characters' boxes, so the gap is measured from one character's start to the next's,
 * less the character's own advance in that font (canvas measureText).
 */
function measureSpread(): Spread {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const gaps: number[] = [];
  let maxGap = 0;
  let worst = '';
  let minRtRatio = Infinity;
  let collisions = 0;
  const rubies = Array.from(document.querySelectorAll('ruby[data-kiji-ruby]'));
  let prevRt: DOMRect | null = null;
  let prevText = '';
  const overlaps: string[] = [];
  for (const ruby of rubies) {
    const base = ruby.firstChild;
    const rt = ruby.querySelector('rt');
    if (!base || base.nodeType !== 3 || !rt) continue;
    const style = getComputedStyle(ruby);
    const size = parseFloat(style.fontSize);
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    minRtRatio = Math.min(minRtRatio, parseFloat(getComputedStyle(rt).fontSize) / size);
    const text = base.textContent ?? '';
    let rubyMax = 0;
    for (let i = 0; i + 1 < text.length; i++) {
      const a = document.createRange();
      a.setStart(base, i);
      a.setEnd(base, i + 1);
      const b = document.createRange();
      b.setStart(base, i + 1);
      b.setEnd(base, i + 2);
      const ra = a.getClientRects()[0];
      const rb = b.getClientRects()[0];
      // Characters on two lines: no gap to speak of.
      if (!ra || !rb || Math.abs(ra.top - rb.top) > size / 2) continue;
      const gap = (rb.left - ra.left - ctx.measureText(text[i]!).width) / size;
      rubyMax = Math.max(rubyMax, gap);
      if (gap > maxGap) {
        maxGap = gap;
        worst = `${text}（${rt.textContent}）`;
      }
    }
    // A ruby right after another (両|政府, 新|戦略): the two are one word to the reader.
    const prevRuby = ruby.previousSibling;
    if (prevRuby instanceof HTMLElement && prevRuby.matches('ruby[data-kiji-ruby]') && prevRuby.firstChild) {
      const last = prevRuby.firstChild;
      const a = document.createRange();
      a.setStart(last, (last.textContent ?? '').length - 1);
      a.setEnd(last, (last.textContent ?? '').length);
      const b = document.createRange();
      b.setStart(base, 0);
      b.setEnd(base, 1);
      const ra = a.getClientRects()[0];
      const rb = b.getClientRects()[0];
      if (ra && rb && Math.abs(ra.top - rb.top) < size / 2) {
        const gap = (rb.left - ra.left - ctx.measureText((last.textContent ?? '').slice(-1)).width) / size;
        rubyMax = Math.max(rubyMax, gap);
        if (gap > maxGap) {
          maxGap = gap;
          worst = `${last.textContent}|${text}（${prevRuby.querySelector('rt')?.textContent}|${rt.textContent}）`;
        }
      }
    }
    if (text.length > 1 || rubyMax > 0) gaps.push(rubyMax);
    // The reading's text, not its box (which is as wide as the base when the reading is narrower).
    const rtRange = document.createRange();
    rtRange.selectNodeContents(rt);
    const rtBox = rtRange.getBoundingClientRect();
    if (prevRt && Math.abs(prevRt.top - rtBox.top) < 2 && prevRt.right > rtBox.left + 1) {
      collisions++;
      overlaps.push(`${prevText}|${text} ${(prevRt.right - rtBox.left).toFixed(1)}px`);
    }
    prevRt = rtBox;
    prevText = `${text}（${rt.textContent}）`;
  }
  gaps.sort((x, y) => x - y);
  return {
    rubies: rubies.length,
    maxGap,
    worst,
    medianGap: gaps[Math.floor(gaps.length / 2)] ?? 0,
    minRtRatio,
    collisions,
    overlaps,
  };
}

let harness: ChromiumHarness;
let root: FixtureServer;

beforeAll(async () => {
  harness = await launchChromium();
  root = await startFixtureServer(resolve(fileURLToPath(new URL('../..', import.meta.url))));
});

afterAll(async () => {
  await root?.close();
  await harness?.close();
});

async function readingOn(page: Page, path: string): Promise<Spread> {
  await page.goto(root.url(path), { waitUntil: 'load' });
  await page.waitForSelector('html[data-kiji-ready]', { state: 'attached', timeout: 15_000 });
  await waitForArticleMark(page);
  const tabId = await tabIdOf(harness.serviceWorker, page);
  await sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: true, furigana: 'all' });
  await page.waitForSelector('ruby[data-kiji-ruby]', { state: 'attached', timeout: 60_000 });
  const spread = await page.evaluate(measureSpread);
  await sendToTab(harness.serviceWorker, tabId, 'readingMode', { on: false, furigana: 'all' });
  return spread;
}

describe('Chromium: furigana never spread the word they read', () => {
  for (const path of [
    'sample/article.html',
    'tests/fixtures/news/newsweek-seed.html',
    'tests/fixtures/pages/nhk-1.html',
    'tests/fixtures/pages/asahi-1.html',
  ]) {
    it(`keeps the characters of each ruby base together on ${path}`, async () => {
      const spread = await readingOn(harness.page, path);
      console.log(
        `${path}: ${spread.rubies} rubies, gap max ${(spread.maxGap * 100).toFixed(1)} % (${spread.worst}), ` +
          `median ${(spread.medianGap * 100).toFixed(1)} %, reading size ≥ ${spread.minRtRatio.toFixed(2)}, ` +
          `${spread.collisions} readings running into the next ${spread.overlaps.join(', ')}`,
      );
      expect(spread.rubies).toBeGreaterThan(20);
      expect(spread.maxGap).toBeLessThan(0.15);
      expect(spread.minRtRatio).toBeGreaterThanOrEqual(0.5);
    });
  }
});
