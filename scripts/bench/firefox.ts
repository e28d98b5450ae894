/**
 * Hover-to-popup in Firefox ESR (puppeteer-core over WebDriver BiDi), measured as in Chromium. No floor here: turning
 * Kiji off needs its storage, which BiDi cannot reach.
 */
import type { KeyInput } from 'puppeteer-core';
import { launchFirefox } from '../../tests/e2e/firefox';
import { locateCharacter } from '../../tests/e2e/page-probes';
import { hoverSeries, p, PAGE, type BenchPage } from './hover-latency';

export async function benchFirefox(samples = 120): Promise<Record<string, number>> {
  const h = await launchFirefox();
  try {
    const page = await h.open(PAGE);
    const bench: BenchPage = {
      run: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
      locate: (args) => page.evaluate(locateCharacter, args),
      move: (x, y) => page.mouse.move(x, y),
      press: (key) => page.keyboard.press(key as KeyInput),
      waitFor: async (expression) => void (await page.waitForFunction(expression, { polling: 'raf' })),
      paragraphs: (selector) => page.$$eval(selector, (ps) => ps.map((el) => el.textContent ?? '')),
    };
    const { warm, fromHandler } = await hoverSeries(bench, samples);
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
