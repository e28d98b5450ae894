/** Node-only access to the names dictionary (CLI, tests, benchmarks): builds build/data/names.* on first use. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DICTIONARIES, buildDictionary, isUpToDate, outputDir, repoRoot } from './node-build';
import { openWords, type WordFilesIndex } from './words-format';

let opened: Promise<WordFilesIndex> | null = null;

function readNames(root: string): WordFilesIndex {
  const dir = outputDir(root);
  return openWords({ idx: readFileSync(path.join(dir, 'names.idx')), dat: readFileSync(path.join(dir, 'names.dat')) });
}

function load(root: string): WordFilesIndex {
  const spec = DICTIONARIES.find((d) => d.name === 'names')!;
  if (!isUpToDate(spec, root)) buildDictionary(spec, { root });
  try {
    return readNames(root);
  } catch {
    // Files from an older format version, or cut short: rebuild once.
    buildDictionary(spec, { root, force: true });
    return readNames(root);
  }
}

/** The names dictionary, shared by every caller in the process. */
export function loadNodeNames(): Promise<WordFilesIndex> {
  opened ??= Promise.resolve().then(() => load(repoRoot()));
  return opened;
}
