/**
 * Builds the dictionary files the extension loads (build/data/<name>.idx and .dat) from the sources under data/,
 * the kanji file (build/data/kanji.json, from KANJIDIC2), then validates and compiles the glossary
 * (build/data/glossary.json; see scripts/build-glossary.ts).
 * Skips a dictionary whose files are newer than its source and builder code; `--force` rebuilds anyway.
 * The files are written uncompressed: the extension package is already compressed, and raw files load without an
 * inflate pass in the background.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAll, outputDir, repoRoot } from '../src/node/dictionaries';
import { formatProblem } from '../src/node/glossary-compile';
import { buildGlossary, GLOSSARY_OUTPUT } from '../src/node/glossary';
import { buildKanji } from '../src/node/kanji';

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

const root = repoRoot();
const reports = buildAll({ root, force: process.argv.includes('--force') });
for (const report of reports) {
  const status = report.skipped ? 'up to date' : `built ${report.entries} entries in ${Math.round(report.ms)} ms`;
  console.log(`${report.name}: ${status}`);
  for (const ext of ['idx', 'dat']) {
    const file = path.join(outputDir(root), `${report.name}.${ext}`);
    const built = report.files.find((f) => f.path === path.relative(root, file));
    const bytes = built?.bytes ?? readFileSync(file).byteLength;
    const gzipBytes = built?.gzipBytes ?? gzipSync(readFileSync(file), { level: 9 }).byteLength;
    console.log(`  ${path.relative(root, file)}  ${formatBytes(bytes)}  (gzip -9: ${formatBytes(gzipBytes)})`);
  }
}

// The glossary is compiled on every build: it is small, and its authors want their mistakes reported at once.
const kanji = buildKanji({ root, force: process.argv.includes('--force') });
console.log(`kanji: ${kanji.skipped ? 'up to date' : `${kanji.kanji} kanji`}`);
console.log(`  ${kanji.path}  ${(kanji.bytes / 1024).toFixed(1)} KiB`);

const glossary = buildGlossary({ root, strict: process.argv.includes('--strict') });
const glossaryErrors = glossary.problems.filter((p) => p.severity === 'error');
const glossaryWarnings = glossary.problems.filter((p) => p.severity === 'warning');
for (const p of glossary.problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
if (glossary.written) {
  const warned = glossaryWarnings.length > 0 ? `, ${glossaryWarnings.length} warnings` : '';
  console.log(`glossary: ${glossary.glossary.entries.length} entries${warned}`);
  console.log(`  ${glossary.written.path}  ${(glossary.written.bytes / 1024).toFixed(1)} KiB`);
} else {
  console.error(`glossary: ${glossaryErrors.length} errors; ${GLOSSARY_OUTPUT} not written`);
  process.exitCode = 1;
}
