/**
 * `npm test`: everything CI checks, in order of cost. Installs the Debian browsers the end-to-end tests need when
 * they are missing (as root on Debian), builds the extension when dist/ is missing or older than its sources (the
 * end-to-end tests never run against a stale build), fails when the content script is over its size budget, then
 * runs every suite.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildStaleReason, contentScriptOverBudget } from '../src/node/build-checks';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(label: string, cmd: string, args: string[]): void {
  console.log(`\n▶ ${label}`);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

run('browsers for end-to-end tests', process.execPath, [join(root, 'scripts/ensure-browsers.mjs')]);
const stale = buildStaleReason(root);
if (stale) run(`build (${stale})`, 'npm', ['run', 'build']);
else console.log('\n✔ dist/ is newer than its sources');
const overBudget = contentScriptOverBudget(statSync(join(root, 'dist/chrome/content.js')).size);
if (overBudget) {
  console.error(`✖ content script size: ${overBudget} (docs/ARCHITECTURE.md: the content script holds only the hover)`);
  process.exit(1);
}
console.log('✔ content script within its size budget');
run('type check', bin('tsc'), ['--noEmit']);
run('eslint', bin('eslint'), ['.']);
run('prettier', bin('prettier'), ['--check', '.']);
run('web-ext lint (dist/firefox)', bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--output', 'text']);
run('unit tests', bin('vitest'), ['run']);
run('end-to-end tests (Chromium, Firefox)', bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts']);
