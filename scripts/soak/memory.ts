/** Memory probes of the endurance run: the extension's contexts over CDP, and a page's own heap and DOM. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { cmdline, descendants } from '../bench/process-memory';

/** One reading of the extension process, after a garbage collection of its contexts. */
export interface ExtensionMemory {
  /** Proportional set size: what the process costs the machine, shared pages split among their users. */
  pssMb: number;
  /** Pages only this process maps (Private_Clean + Private_Dirty): its own allocations, whatever else runs. */
  privateMb: number;
  /**
   * JS heap in use of the extension's documents (offscreen, options page): they run in one isolate, which each of
   * them reports whole. The service worker is not among the targets a CDP connection lists here; its heap is in the
   * process's figures all the same.
   */
  jsHeapMb: number;
}

function smapsMiB(pid: string, fields: string[]): number {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return fields.reduce((kb, f) => kb + Number(new RegExp(`^${f}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0), 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * Collects garbage in every context of the extension (offscreen document, service worker, its pages), so that the
 * reading shows what is kept, not what happens to be waiting for the collector, then reads the process. Needs a
 * browser started with --remote-debugging-port=0 (a persistent Playwright context has no browser-level session; see
 * bench/memory.ts).
 */
export async function extensionMemory(profileDir: string, extensionId: string): Promise<ExtensionMemory> {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const browser = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}`, protocol: 'cdp' });
  let heap = 0;
  try {
    const ours = browser.targets().filter((t) => t.url().startsWith(`chrome-extension://${extensionId}/`));
    for (const target of ours) {
      try {
        const session = await target.createCDPSession();
        await session.send('HeapProfiler.collectGarbage');
        const { usedSize } = await session.send('Runtime.getHeapUsage');
        heap = Math.max(heap, usedSize);
        await session.detach();
      } catch {
        // The context went away meanwhile (the worker stopped): nothing of it to collect.
      }
    }
  } finally {
    await browser.disconnect();
  }
  const pids = descendants(
    (p) => cmdline(p).includes(profileDir),
    (p) => cmdline(p).includes('--extension-process'),
  );
  const sum = (fields: string[]) => pids.reduce((mb, pid) => mb + smapsMiB(pid, fields), 0);
  return {
    pssMb: sum(['Pss']),
    privateMb: sum(['Private_Clean', 'Private_Dirty']),
    jsHeapMb: heap / 2 ** 20,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The median of `n` readings a second apart. One reading swings by ±8 % with what the rest of the browser and the
 * machine do at that moment (the process's share of libraries it maps with the tabs open, the allocator returning
 * pages late); the median of several is what the process keeps.
 */
export async function steadyExtensionMemory(
  profileDir: string,
  extensionId: string,
  n: number,
): Promise<ExtensionMemory> {
  const readings: ExtensionMemory[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await new Promise((done) => setTimeout(done, 1000));
    readings.push(await extensionMemory(profileDir, extensionId));
  }
  return {
    pssMb: median(readings.map((r) => r.pssMb)),
    privateMb: median(readings.map((r) => r.privateMb)),
    jsHeapMb: median(readings.map((r) => r.jsHeapMb)),
  };
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

/** A detached tree as DOM.getDetachedDomNodes reports it: the root, with the ids of the nodes it keeps alive. */
interface DetachedTree {
  treeNode: { nodeName: string; nodeValue: string };
  retainedNodeIds: number[];
}

/**
 * The page's heap and DOM after a garbage collection (CDP: Memory.getDOMCounters, DOM.getDetachedDomNodes).
 * Detached nodes are counted again after up to four more collections, over about three seconds, while any are left:
 * Blink's collector scans the stack conservatively, so a stale word there can keep a dropped tree (a closed popup)
 * through a collection. Seen in the soak: 77 nodes after one, none in a heap snapshot taken right after, none 2 s
 * later; and, with three collections over half a second, a DIV tree of 55 or 108 nodes (a popup's size) in about one run of ten.
 * What a script really holds survives them all (the soak then prints who holds it: retainers.ts).
 */
const RECOUNT_WAITS_MS = [250, 500, 1000, 1000];

export async function pageMemory(page: Page): Promise<PageMemory> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('DOM.enable');
    let trees: DetachedTree[] = [];
    for (let round = 0; round < RECOUNT_WAITS_MS.length + 1 && (round === 0 || trees.length > 0); round++) {
      if (round > 0) await new Promise((done) => setTimeout(done, RECOUNT_WAITS_MS[round - 1]));
      await cdp.send('HeapProfiler.collectGarbage');
      ({ detachedNodes: trees } = (await cdp.send('DOM.getDetachedDomNodes' as 'DOM.enable')) as unknown as {
        detachedNodes: DetachedTree[];
      });
    }
    await cdp.send('DOM.disable');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    const detached = trees.reduce((n, tree) => n + Math.max(1, tree.retainedNodeIds.length), 0);
    const detachedRoots = trees.map(({ treeNode: n }) => `${n.nodeName} ${n.nodeValue.slice(0, 20)}`.trim());
    const rubies = await page.evaluate(() => document.querySelectorAll('ruby[data-kiji-ruby]').length);
    return { heapUsed: usedSize, nodes, detachedNodes: detached, rubies, detachedRoots };
  } finally {
    await cdp.detach();
  }
}
