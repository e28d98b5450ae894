/** Memory probes of the endurance run: the extension's contexts over CDP, and a page's own heap and DOM. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';

/**
 * Collects garbage in every context of the extension (offscreen document, service worker, its pages), so that a
 * PSS sample shows what is kept, not what happens to be waiting for the collector. Needs a browser started with
 * --remote-debugging-port=0 (a persistent Playwright context has no browser-level session; see bench/memory.ts).
 */
export async function collectExtensionGarbage(profileDir: string, extensionId: string): Promise<void> {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const browser = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}`, protocol: 'cdp' });
  try {
    const ours = browser.targets().filter((t) => t.url().startsWith(`chrome-extension://${extensionId}/`));
    for (const target of ours) {
      try {
        const session = await target.createCDPSession();
        await session.send('HeapProfiler.collectGarbage');
        await session.detach();
      } catch {
        // The context went away meanwhile (the worker stopped): nothing of it to collect.
      }
    }
  } finally {
    await browser.disconnect();
  }
}

export interface PageMemory {
  /** The page's JS heap in use (its own scripts and the content script's world), bytes. */
  heapUsed: number;
  /** Nodes alive in the renderer (attached or not). */
  nodes: number;
  /** Nodes no longer in the document but still held by some script. */
  detachedNodes: number;
  /** Kiji's furigana still in the page (ruby[data-kiji-ruby]). */
  rubies: number;
  /** The detached trees' roots, as "NAME text…", to tell whose they are. */
  detachedRoots: string[];
}

/** The page's heap and DOM after a garbage collection (CDP: Memory.getDOMCounters, DOM.getDetachedDomNodes). */
export async function pageMemory(page: Page): Promise<PageMemory> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    await cdp.send('DOM.enable');
    const { detachedNodes } = (await cdp.send('DOM.getDetachedDomNodes' as 'DOM.enable')) as unknown as {
      detachedNodes: { treeNode: { nodeName: string; nodeValue: string }; retainedNodeIds: number[] }[];
    };
    // Each entry is a detached tree's root, with the ids of the nodes it keeps alive.
    const detached = detachedNodes.reduce((n, tree) => n + Math.max(1, tree.retainedNodeIds.length), 0);
    await cdp.send('DOM.disable');
    const detachedRoots = detachedNodes.map(({ treeNode: n }) => `${n.nodeName} ${n.nodeValue.slice(0, 20)}`.trim());
    const rubies = await page.evaluate(() => document.querySelectorAll('ruby[data-kiji-ruby]').length);
    return { heapUsed: usedSize, nodes, detachedNodes: detached, rubies, detachedRoots };
  } finally {
    await cdp.detach();
  }
}
