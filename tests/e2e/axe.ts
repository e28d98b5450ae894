// axe-core in a page under test: injected from the npm package, run over the page with open shadow roots included,
// and its serious or critical violations returned one line each (what, where, why), for an assertion to list.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ElementContext } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Injects axe once per document. Extension pages forbid inline scripts (their CSP is script-src 'self'), so an
 * injected <script> with the source would not run there: the source is evaluated through the DevTools protocol
 * instead, which no page CSP applies to.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(AXE_SOURCE);
}

/** Serious and critical violations (WCAG 2.1 A and AA, and axe's best practices) as readable lines. */
export async function seriousViolations(page: Page, context?: ElementContext): Promise<string[]> {
  await injectAxe(page);
  const results = (await page.evaluate(
    ([context]) =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(context ?? document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      }),
    [context ?? null] as const,
  )) as AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`),
    );
}
