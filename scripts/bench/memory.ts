/**
 * Memory of the engine context (`npm run bench -- memory`): the extension process's PSS in Chromium after the seed
 * article's hovers (as found, then after a garbage collection), and a heap snapshot of the offscreen document broken
 * down by owner (heap-owners.ts). Set KIJI_HEAP_SNAPSHOT=path to keep the snapshot for DevTools. Firefox's figure is
 * in firefox.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type CDPSession } from 'puppeteer-core';
import { launchChromium } from '../../tests/e2e/chromium';
import { benchPage, extensionPss } from './chromium';
import { hoverSeries, PAGE } from './hover-latency';
import { analyzeHeap, formatBreakdown } from './heap-owners';
import { round } from './stats';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function takeHeapSnapshot(session: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return chunks.join('');
}

export async function benchMemory(hovers = 60, breakdown = true): Promise<Record<string, number>> {
  const h = await launchChromium(['--remote-debugging-port=0']);
  try {
    const page = benchPage(await h.open(PAGE));
    const log = (m: string) => process.env.KIJI_BENCH_VERBOSE && console.log(`  ${new Date().toISOString().slice(11, 19)} ${m}`);
    await hoverSeries(page, hovers);
    log('hovers done');
    await sleep(2000);
    const pss = extensionPss(h.profileDir);
    const out: Record<string, number> = { memory_pss_mb: round(pss, 1) };
    if (!breakdown) return out;

    const [port, path] = readFileSync(join(h.profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
    const browser = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}`, protocol: 'cdp' });
    try {
      log('connected');
      const target = await browser.waitForTarget((t) => t.url().endsWith('/offscreen.html'), { timeout: 10_000 });
      const session = await target.createCDPSession();
      const usage = await session.send('Runtime.getHeapUsage');
      out.offscreen_js_heap_used_mb = round(usage.usedSize / 1048576, 1);
      out.offscreen_js_heap_committed_mb = round(usage.totalSize / 1048576, 1);
      // Includes buffers already dead but not yet collected: kuromoji's constructors allocate 40 MB of ByteBuffers,
      // never touched (so never resident), that the loaded files replace.
      out.offscreen_backing_stores_mb = round((usage.backingStorageSize ?? 0) / 1048576, 1);
      // The same process once V8 has collected its garbage: how much of the figure above is garbage not yet
      // collected (V8 decides when; it varies from run to run), and what the engine really holds.
      await session.send('HeapProfiler.collectGarbage');
      await sleep(1000);
      out.memory_pss_after_gc_mb = round(extensionPss(h.profileDir), 1);
      log('snapshot…');
      const json = await takeHeapSnapshot(session);
      log(`snapshot: ${(json.length / 1e6).toFixed(0)} MB of JSON`);
      if (process.env.KIJI_HEAP_SNAPSHOT) writeFileSync(process.env.KIJI_HEAP_SNAPSHOT, json);
      const heap = analyzeHeap(json);
      log('analysed');
      console.log(formatBreakdown('offscreen document', heap));
      out.offscreen_heap_snapshot_mb = round(heap.total / 1048576, 1);
      await session.detach();
    } finally {
      await browser.disconnect();
    }
    return out;
  } finally {
    await h.close();
  }
}
