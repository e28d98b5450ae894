/**
 * Firefox's own memory reports (about:memory), asked for by a signal (Linux): the parent process, sent SIGRTMIN,
 * writes every process's report to `<tmp>/unified-memory-report-<time>-<pid>.json.gz`; sent SIGRTMIN+1, it first
 * minimizes memory usage (collections in every process, empty GC chunks and caches released: about:memory's
 * "Minimize memory usage") and then writes the report. Set KIJI_FF_MEMORY_REPORTS=dir to keep the reports (they open
 * in about:memory, "Load…").
 */
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGRTMIN as glibc defines it on Linux (the kernel's 32 and 33 are the C library's own). */
export const DUMP_MEMORY = 34;
export const MINIMIZE_AND_DUMP = DUMP_MEMORY + 1;

interface Report {
  process: string;
  path: string;
  kind: number;
  units: number;
  amount: number;
}

/** Signals Firefox's parent process and waits for the report it writes (the reports of all its processes). */
export async function firefoxMemoryReport(parentPid: number, signal: number, tag: string): Promise<Report[]> {
  const dir = process.env.TMPDIR ?? tmpdir();
  const mine = (f: string) => f.startsWith('unified-memory-report-') && f.endsWith(`-${parentPid}.json.gz`);
  const before = new Set(readdirSync(dir).filter(mine));
  process.kill(parentPid, signal);
  for (let waited = 0; waited < 120_000; waited += 250) {
    await sleep(250);
    const file = readdirSync(dir).find((f) => mine(f) && !before.has(f));
    if (!file) continue;
    // Written to a temporary name and renamed when complete.
    const path = join(dir, file);
    const reports = (JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as { reports: Report[] }).reports;
    if (process.env.KIJI_FF_MEMORY_REPORTS) copyFileSync(path, join(process.env.KIJI_FF_MEMORY_REPORTS, `${tag}.json.gz`));
    rmSync(path, { force: true });
    return reports;
  }
  throw new Error(`Firefox (pid ${parentPid}) wrote no memory report after signal ${signal}`);
}

const MiB = 1048576;

/**
 * The WebExtensions process's explicit allocations by owner: Kiji's background page (its window, found by the
 * extension's moz-extension:// host) by kind, and what the process holds besides.
 */
export function webExtensionsBreakdown(reports: Report[], kijiHost: string): Record<string, number> {
  const ext = reports.filter((r) => r.process.startsWith('extension') && r.units === 0);
  const sum = (test: (path: string) => boolean) => ext.filter((r) => test(r.path)).reduce((n, r) => n + r.amount, 0);
  const explicit = (p: string) => p.startsWith('explicit/');
  const kiji = (p: string) => explicit(p) && p.includes(`moz-extension:\\\\${kijiHost}\\`);
  const owners: [string, (p: string) => boolean][] = [
    ['Kiji: array buffers (the data files)', (p) => kiji(p) && p.includes('class(ArrayBuffer)')],
    ['Kiji: Map hash tables', (p) => kiji(p) && p.includes('class(Map)/objects/non-heap')],
    ['Kiji: objects, arrays, Maps (GC heap and slots)', (p) => kiji(p) && p.includes('/classes/')],
    ['Kiji: strings', (p) => kiji(p) && p.includes('/strings/')],
    ['Kiji: code (JIT, scripts, IC stubs)', (p) => kiji(p) && /\/(code|jit-scripts|ion-data|cacheir-stubs|scripts)\b/.test(p)],
    ['Kiji: the rest of its window', kiji],
    ['port messages not yet released (structured clones)', (p) => p.startsWith('explicit/dom/structured-clone-holder/Port/kiji')],
    ['empty GC chunks kept for reuse', (p) => p.startsWith('explicit/js-non-window/gc-heap/unused-chunks')],
    ['JS runtime (JIT lazy-link, nursery, caches)', (p) => p.startsWith('explicit/js-non-window/runtime/')],
    ['everything else', explicit],
  ];
  const out: Record<string, number> = {};
  const counted = new Set<Report>();
  for (const [name, test] of owners) {
    let n = 0;
    for (const r of ext) {
      if (counted.has(r) || !test(r.path)) continue;
      n += r.amount;
      counted.add(r);
    }
    out[name] = n / MiB;
  }
  out['explicit (all of the above)'] = sum(explicit) / MiB;
  out['heap-allocated (malloc)'] = sum((p) => p === 'heap-allocated') / MiB;
  out['resident-unique'] = sum((p) => p === 'resident-unique') / MiB;
  return out;
}

export function formatFirefoxBreakdown(columns: Record<string, Record<string, number>>): string {
  const names = Object.keys(Object.values(columns)[0] ?? {});
  const heads = Object.keys(columns);
  const lines = [`WebExtensions process, MiB   ${heads.map((h) => h.padStart(16)).join('')}`];
  for (const name of names)
    lines.push(`  ${name.padEnd(52)}${heads.map((h) => (columns[h]![name] ?? 0).toFixed(1).padStart(16)).join('')}`);
  return lines.join('\n');
}
