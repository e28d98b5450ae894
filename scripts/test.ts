/**
 * `npm test`: everything CI checks, in order of cost. Installs the Debian browsers the end-to-end tests need when
 * they are missing (as root on Debian), builds the extension when dist/ is missing, then runs every suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
if (!existsSync(join(root, 'dist/chrome/manifest.json')) || !existsSync(join(root, 'dist/firefox/manifest.json'))) {
  run('build (dist/ is missing)', 'npm', ['run', 'build']);
}
run('type check', bin('tsc'), ['--noEmit']);
run('eslint', bin('eslint'), ['.']);
run('prettier', bin('prettier'), ['--check', '.']);
run('web-ext lint (dist/firefox)', bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--output', 'text']);
run('unit tests', bin('vitest'), ['run']);
run('end-to-end tests (Chromium, Firefox)', bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts']);
