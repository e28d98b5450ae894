/**
 * Compiles data/glossary/*.yaml into build/data/glossary.json, after validating every entry.
 *   tsx scripts/build-glossary.ts [--strict] [--quiet]
 * Fails (exit 1) on errors: non-kana reading, missing English, unknown category or field, duplicate term or variant
 * across all files, a variant whose reading is neither written ({text, reading}) nor derivable (all kana, or read by
 * kuromoji as part of the term's reading), a gloss with unbalanced brackets, a phrase without an example sentence. A `related` term that names no entry is a warning while the authors are still writing, an error
 * with --strict.
 */
import { formatProblem } from '../src/node/glossary-compile';
import { buildGlossary } from '../src/node/glossary';

const strict = process.argv.includes('--strict');
const quiet = process.argv.includes('--quiet');
const result = buildGlossary({ strict });
const errors = result.problems.filter((p) => p.severity === 'error');
const warnings = result.problems.filter((p) => p.severity === 'warning');
for (const p of errors) console.error(formatProblem(p));
if (!quiet) for (const p of warnings) console.warn(formatProblem(p));
if (result.written) {
  const kb = (result.written.bytes / 1024).toFixed(1);
  const extra = warnings.length > 0 ? `, ${warnings.length} warnings` : '';
  console.log(`glossary: ${result.glossary.entries.length} entries → ${result.written.path} (${kb} KiB${extra})`);
} else {
  console.error(`glossary: ${errors.length} errors, ${warnings.length} warnings; build/data/glossary.json not written`);
  process.exitCode = 1;
}
