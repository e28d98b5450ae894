/** Node-only: reads data/glossary/*.yaml, compiles it, writes build/data/glossary.json; opens it for CLI and tests. */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputDir, repoRoot } from './dictionaries';
import { compileGlossary, serializeGlossary, type CompileResult } from './glossary-compile';
import { createGlossaryIndex, type GlossaryIndex } from '../core/glossary/match';
import { kuromojiReading } from './reading';

export const GLOSSARY_OUTPUT = 'glossary.json';

function glossaryDir(root = repoRoot()): string {
  return path.join(root, 'data', 'glossary');
}

/** Compiles every data/glossary/*.yaml as it is on disk now. */
export function compileGlossaryFiles(options: { root?: string; strict?: boolean } = {}): CompileResult {
  const dir = glossaryDir(options.root);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
  return compileGlossary(sources, { strict: options.strict, readingOf: kuromojiReading });
}

interface GlossaryBuild extends CompileResult {
  /** Written only when there is no error. */
  written: { path: string; bytes: number } | null;
}

export function buildGlossary(options: { root?: string; strict?: boolean } = {}): GlossaryBuild {
  const root = options.root ?? repoRoot();
  const result = compileGlossaryFiles({ root, strict: options.strict });
  if (result.problems.some((p) => p.severity === 'error')) return { ...result, written: null };
  const file = path.join(outputDir(root), GLOSSARY_OUTPUT);
  const bytes = new TextEncoder().encode(serializeGlossary(result.glossary));
  mkdirSync(outputDir(root), { recursive: true });
  // Test workers may read it while it is written: never expose half a file.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
  return { ...result, written: { path: path.relative(root, file), bytes: bytes.byteLength } };
}

let opened: GlossaryIndex | null = null;

/** The glossary as the sources say now (errors or not), shared by every caller in the process. */
export function loadNodeGlossary(): GlossaryIndex {
  opened ??= createGlossaryIndex(compileGlossaryFiles().glossary.entries);
  return opened;
}
