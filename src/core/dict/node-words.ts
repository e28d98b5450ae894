/** Node-only access to the general dictionary (CLI, tests, benchmarks): builds build/data on first use, then opens it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DICTIONARIES, buildDictionary, isUpToDate, outputDir, repoRoot } from './node-build';
import { openWords, type WordFilesIndex } from './words-format';

let opened: Promise<WordFilesIndex> | null = null;

function readWords(root: string): WordFilesIndex {
  const dir = outputDir(root);
  return openWords({ idx: readFileSync(path.join(dir, 'words.idx')), dat: readFileSync(path.join(dir, 'words.dat')) });
}

function load(root: string): WordFilesIndex {
  const spec = DICTIONARIES.find((d) => d.name === 'words')!;
  if (!isUpToDate(spec, root)) buildDictionary(spec, { root });
  try {
    return readWords(root);
  } catch {
    // Files from an older format version, or cut short: rebuild once.
    buildDictionary(spec, { root, force: true });
    return readWords(root);
  }
}

/** The general dictionary, shared by every caller in the process. */
export function loadNodeWords(): Promise<WordFilesIndex> {
  opened ??= Promise.resolve().then(() => load(repoRoot()));
  return opened;
}
