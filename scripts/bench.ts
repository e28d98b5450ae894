/**
 * `npm run bench`: prints a table of medians and p95s and writes bench/results.json.
 * The machine is shared and noisy: compare ratios within one run, not absolute figures across runs.
 * `npm run bench -- memory node` runs only the parts named (node, chromium, firefox, reading, vocab, memory, and
 * ffmemory: Firefox's half of memory alone); a
 * partial run prints its table but leaves bench/results.json alone.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { benchNode } from './bench/node';
import { benchChromium, packageFigures } from './bench/chromium';
import { benchFirefox, benchFirefoxMemory } from './bench/firefox';
import { benchReading, prepareReadingBench } from './bench/reading';
import { benchVocab } from './bench/vocab';
import { benchMemory } from './bench/memory';
import { launchChromium } from '../tests/e2e/chromium';

const root = resolve(import.meta.dirname, '..');
const TARGETS: Record<string, string> = {
  lookup_p95_ms: '< 1',
  hover_to_popup_p95_ms: '≤ 16',
  first_hover_after_restart_ms: '≤ 15',
  fetched_ahead_hover_after_restart_ms: '≤ 15',
  content_script_kb: '≤ 60',
  detect_ms: '≤ 20',
  annotate_ms: '≤ 100',
  reading_long_tasks: '0',
  memory_pss_mb: '≤ 150',
  firefox_memory_pss_mb: '≤ 150',
};

const PARTS = ['node', 'chromium', 'firefox', 'reading', 'vocab', 'memory', 'ffmemory'] as const;
const chosen = process.argv.slice(2);
for (const c of chosen)
  if (!(PARTS as readonly string[]).includes(c)) throw new Error(`unknown part ${c}: ${PARTS.join(', ')}`);
const run = (part: (typeof PARTS)[number]) => chosen.length === 0 || chosen.includes(part);

if (!existsSync(join(root, 'dist/chrome/manifest.json')))
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });

const results: Record<string, number> = {};
if (run('node')) {
  console.log('core (Node)…');
  Object.assign(results, await benchNode(root));
}
if (run('chromium')) {
  console.log('Chromium…');
  Object.assign(results, await benchChromium(root));
}
if (run('memory')) {
  console.log('Chromium, memory (60 hovers, heap snapshot of the offscreen document)…');
  Object.assign(results, await benchMemory());
}
if (run('memory') || chosen.includes('ffmemory')) {
  console.log('Firefox, memory (60 hovers; the WebExtensions process with and without Kiji)…');
  Object.assign(results, await benchFirefoxMemory());
}
if (run('firefox')) {
  console.log('Firefox…');
  Object.assign(results, await benchFirefox());
}
if (run('reading')) {
  console.log('Chromium, reading mode…');
  const h = await launchChromium();
  try {
    await prepareReadingBench(h);
    Object.assign(results, await benchReading(h));
  } finally {
    await h.close();
  }
}
if (run('vocab')) {
  console.log('Chromium, vocabulary (10,000 words)…');
  Object.assign(results, await benchVocab());
}
if (chosen.length === 0) {
  Object.assign(results, packageFigures(root));
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results.json'),
    JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2),
  );
}
const width = Math.max(...Object.keys(results).map((k) => k.length));
console.log(`\n${'metric'.padEnd(width)}  ${'value'.padStart(9)}  target`);
for (const [k, v] of Object.entries(results))
  console.log(`${k.padEnd(width)}  ${String(v).padStart(9)}  ${TARGETS[k] ?? ''}`);
if (chosen.length === 0) console.log('\nwritten to bench/results.json');
