/**
 * `npm run soak`: the endurance run of issue 11 (scripts/soak/run.ts) in Chromium with the built extension.
 * The default is the short setting the e2e tests also run (600 hovers); `--long` is the full run for the bench
 * (5,000 hovers, 10 tabs, 50 reading-mode cycles, 500 saves, 20 service worker stops). Prints the memory curve
 * and the verdicts; exits 1 when a target fails.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { formatReport, LONG, runSoak, SHORT } from './soak/run';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
for (const a of args) if (a !== '--long') throw new Error(`unknown argument ${a}: npm run soak [-- --long]`);
const settings = args.includes('--long') ? LONG : SHORT;

if (!existsSync(join(root, 'dist/chrome/manifest.json')))
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });

const stamp = () => new Date().toISOString().slice(11, 19);
console.log(`${stamp()} soak (${args.includes('--long') ? 'long' : 'short'}): ${JSON.stringify(settings)}`);
const report = await runSoak(settings, (line) => console.log(`${stamp()} ${line}`));
console.log(`\n${formatReport(report)}`);
process.exit(report.verdicts.every((v) => v.ok) ? 0 : 1);
