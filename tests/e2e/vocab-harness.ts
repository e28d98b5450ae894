// Helpers for the vocabulary end-to-end tests: messages to the extension from one of its own pages, the popup's
// vocabulary row, and a Chromium that keeps its profile directory across a restart.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, extensionWorker, isolatedChromiumArgs } from './chromium';
import { startNetworkSink, type NetworkSink } from './network-sink';

/** Sends a Kiji request from an extension page (as the vocabulary page and the toolbar popup do). */
export async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ kiji: 1, type, payload }), [
    type,
    payload,
  ] as const)) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

interface VocabRow {
  state: string;
  text: string;
}

/** The vocabulary rows of the popup's entries (runs in the page: self-contained). */
export function readVocabRows(): VocabRow[] {
  const dialog = document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-kiji-popup]');
  // One per entry, in order; an entry shown on one line (not opened) has no row: state and text ''.
  return Array.from(dialog?.querySelectorAll('[data-entry]') ?? []).map((entry) => {
    const row = entry.querySelector('.vocab');
    return { state: row?.getAttribute('data-vocab') ?? '', text: row?.textContent ?? '' };
  });
}

/** Clicks a control of the n-th entry's vocabulary row with a real mouse click (runs the locate in the page). */
export async function clickVocabControl(page: Page, entry: number, control: string): Promise<void> {
  const box = await page.evaluate(
    ([entry, control]) => {
      const dialog = document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-kiji-popup]');
      const el = dialog?.querySelectorAll('[data-entry]')[entry]?.querySelector(control);
      // The popup scrolls when it holds many entries: bring the control into its view, as a reader would.
      el?.scrollIntoView({ block: 'nearest' });
      const r = el?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    },
    [entry, control] as const,
  );
  if (!box) throw new Error(`no ${control} in entry ${entry}`);
  // One move straight into the popup, as a reader's quick flick: passing over other words would look them up.
  await page.mouse.move(box.x, box.y);
  await page.mouse.click(box.x, box.y);
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface PersistentBrowser {
  context: BrowserContext;
  extensionId: string;
  sink: NetworkSink;
  close(): Promise<void>;
}

/**
 * Chromium on a profile directory the caller owns and keeps, with the extension copy the caller made (its path
 * fixes the extension id, so a second launch on the same profile sees the same extension and its data).
 * Same isolation as the main harness: nothing leaves 127.0.0.1.
 */
export async function launchOnProfile(
  profileDir: string,
  extensionDir: string,
  extraArgs: string[] = [],
): Promise<PersistentBrowser> {
  const sink = await startNetworkSink();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: isolatedChromiumArgs(extensionDir, sink.proxyUrl, extraArgs),
  });
  const worker = await extensionWorker(context);
  return {
    context,
    extensionId: new URL(worker.url()).host,
    sink,
    async close() {
      await context.close();
      await sink.close();
    },
  };
}
