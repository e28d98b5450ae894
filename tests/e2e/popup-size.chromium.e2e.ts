// How much of the screen the hover popup takes at default settings, over 20 hovers on the sample article and the
// fixture pages; and that it never covers the hovered line or the line below it.
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { waitForPopup, waitForPopupClosed } from './popup-wait';
import { startFixtureServer, type FixtureServer } from './server';

const VIEWPORT_HEIGHT = 900;
const FIRST_LOOKUP_MS = 60_000;

interface Hover {
  page: string;
  text: string;
  offset?: number;
  within?: string;
}

const SAMPLE = 'sample/article.html';
const HOVERS: Hover[] = [
  { page: SAMPLE, text: '核軍縮に関する' },
  { page: SAMPLE, text: '事務レベル協議を', offset: 4 },
  { page: SAMPLE, text: '新戦略兵器削減条約', offset: 3 },
  { page: SAMPLE, text: '失効して' },
  { page: SAMPLE, text: '報道官は' },
  { page: SAMPLE, text: '述べた' },
  { page: SAMPLE, text: '懸念を' },
  { page: SAMPLE, text: '配備される' },
  { page: SAMPLE, text: '査察を' },
  { page: SAMPLE, text: 'ロシア側' },
  { page: SAMPLE, text: '注視して' },
  { page: 'tests/fixtures/pages/nhk-1.html', text: '種子島宇宙センター' },
  { page: 'tests/fixtures/pages/nhk-1.html', text: '燃焼試験' },
  { page: 'tests/fixtures/pages/asahi-1.html', text: '国有地売却' },
  { page: 'tests/fixtures/pages/asahi-1.html', text: '改ざん問題' },
  { page: 'tests/fixtures/pages/yomiuri-1.html', text: '代表質問' },
  { page: 'tests/fixtures/pages/yomiuri-1.html', text: '落ち着いている' },
  { page: 'tests/fixtures/pages/nikkei-2.html', text: '失脚した' },
  { page: 'tests/fixtures/pages/sankei-1.html', text: '大使館スタッフ' },
  { page: 'tests/fixtures/news/newsweek-seed.html', text: '交わされ', within: '.entry-text' },
];

interface Measure {
  height: number;
  contentHeight: number;
  clipped: boolean;
  /** The cue at the popup's bottom edge that says more is below. */
  cue: boolean;
  popup: { top: number; bottom: number };
  line: { top: number; bottom: number };
  lineHeight: number;
}

/** In the page: the popup's box and full content height, and the hovered line's box (self-contained). */
function measurePopup(point: { x: number; y: number }): Measure | null {
  const dialog = document
    .getElementById('kiji-popup-host')
    ?.shadowRoot?.querySelector<HTMLElement>('[role=dialog][data-kiji-popup]');
  if (!dialog) return null;
  const box = dialog.getBoundingClientRect();
  const caret = document.caretPositionFromPoint(point.x, point.y);
  let line = { top: point.y, bottom: point.y };
  let lineHeight = 0;
  if (caret) {
    const el = caret.offsetNode.parentElement!;
    const style = getComputedStyle(el);
    lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
    const range = document.createRange();
    range.setStart(caret.offsetNode, caret.offset);
    range.setEnd(caret.offsetNode, Math.min(caret.offset + 1, caret.offsetNode.textContent?.length ?? 0));
    const r = range.getBoundingClientRect();
    line = { top: r.top, bottom: r.bottom };
  }
  const border = dialog.offsetHeight - dialog.clientHeight;
  return {
    height: box.height,
    contentHeight: dialog.scrollHeight + border,
    clipped: dialog.scrollHeight > dialog.clientHeight + 1,
    cue: (() => {
      const cue = dialog.querySelector<HTMLElement>('.scroll-cue');
      return !!cue && getComputedStyle(cue).display !== 'none' && cue.getBoundingClientRect().height > 0;
    })(),
    popup: { top: box.top, bottom: box.bottom },
    line,
    lineHeight,
  };
}

/** In the page: how far the popup is scrolled (self-contained). */
function popupScrollTop(): number {
  return (
    document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector<HTMLElement>('[data-kiji-popup]')
      ?.scrollTop ?? -1
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

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

async function open(page: Page, path: string): Promise<void> {
  await page.goto(root.url(path), { waitUntil: 'load' });
  await page.waitForSelector('html[data-kiji-ready]', { state: 'attached', timeout: 15_000 });
}

describe('Chromium: popup size at default settings', () => {
  it('takes at most 40 % of a 900 px viewport in the median and 55 % at most, never covers the line, and shows a cue only when it holds more', async () => {
    const page = harness.page;
    expect(page.viewportSize()?.height).toBe(VIEWPORT_HEIGHT);
    const rows: { word: string; pct: number; contentPct: number; clipped: boolean; covers: boolean }[] = [];
    let current = '';
    let first = true;
    for (const h of HOVERS) {
      if (h.page !== current) {
        await open(page, h.page);
        current = h.page;
      } else {
        await page.keyboard.press('Escape');
        await waitForPopupClosed(() => readPopup(page));
      }
      const point = await hover(page, h.text, h.offset ?? 0, { within: h.within });
      await waitForPopup(
        () => readPopup(page),
        (shown) => shown.entries.length > 0,
        `a popup for ${h.text}`,
        first ? FIRST_LOOKUP_MS : 15_000,
      );
      if (first) {
        // The engine's first answers are partial (kuromoji and the glossary still loading): let it finish.
        await page.waitForTimeout(3000);
        first = false;
      }
      // Let a partial answer be refined and the vocabulary row be drawn.
      await page.waitForTimeout(400);
      const m = await page.evaluate(measurePopup, point);
      if (!m) throw new Error(`no popup for ${h.text}`);
      // The hovered line and the one below it (the reader's next line) stay visible.
      const guard = { top: m.line.top, bottom: m.line.bottom + m.lineHeight };
      const covers = m.popup.top < guard.bottom && m.popup.bottom > guard.top;
      // A popup with more than it shows says so.
      expect(m.cue, `${h.text}: scroll cue`).toBe(m.clipped);
      rows.push({
        word: h.text,
        pct: (100 * m.height) / VIEWPORT_HEIGHT,
        contentPct: (100 * m.contentHeight) / VIEWPORT_HEIGHT,
        clipped: m.clipped,
        covers,
      });
    }
    const pcts = rows.map((r) => r.contentPct);
    console.log(
      rows
        .map(
          (r) =>
            `${r.word}\t${r.pct.toFixed(1)}%\tcontent ${r.contentPct.toFixed(1)}%${r.clipped ? ' clipped' : ''}${r.covers ? ' COVERS' : ''}`,
        )
        .join('\n'),
    );
    console.log(`popup height (content): median ${median(pcts).toFixed(1)} %, max ${Math.max(...pcts).toFixed(1)} %`);
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.covers).map((r) => r.word)).toEqual([]);
    expect(median(pcts)).toBeLessThanOrEqual(40);
    expect(Math.max(...pcts)).toBeLessThanOrEqual(55);
  });

  it('in a short window, says it holds more and scrolls with PageDown and PageUp', async () => {
    const page = harness.page;
    await page.setViewportSize({ width: 1280, height: 420 });
    try {
      await open(page, SAMPLE);
      const point = await hover(page, '事務レベル協議を', 4);
      await waitForPopup(
        () => readPopup(page),
        (shown) => shown.entries.length > 0,
        'a popup',
        FIRST_LOOKUP_MS,
      );
      await page.waitForTimeout(400);
      const m = (await page.evaluate(measurePopup, point))!;
      expect(m.clipped).toBe(true);
      expect(m.cue).toBe(true);
      await page.keyboard.press('PageDown');
      await expect.poll(() => page.evaluate(popupScrollTop)).toBeGreaterThan(0);
      await page.keyboard.press('PageUp');
      await expect.poll(() => page.evaluate(popupScrollTop)).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: VIEWPORT_HEIGHT });
    }
  });
});
