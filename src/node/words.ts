/**
 * Node-only access to the compiled dictionaries (CLI, tests, benchmarks): builds build/data on first use, then
 * opens the files once per process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DICTIONARIES, buildDictionary, isUpToDate, outputDir, repoRoot } from './dictionaries';
import { openWords, type WordFilesIndex } from '../core/dict/words-format';

type DictionaryName = 'words' | 'names';

const opened = new Map<DictionaryName, Promise<WordFilesIndex>>();

function read(name: DictionaryName, root: string): WordFilesIndex {
  const dir = outputDir(root);
  return openWords({
    idx: readFileSync(path.join(dir, `${name}.idx`)),
    dat: readFileSync(path.join(dir, `${name}.dat`)),
  });
}

function load(name: DictionaryName, root: string): WordFilesIndex {
  const spec = DICTIONARIES.find((d) => d.name === name)!;
  if (!isUpToDate(spec, root)) buildDictionary(spec, { root });
  try {
    return read(name, root);
  } catch {
    // Files from an older format version, or cut short: rebuild once.
    buildDictionary(spec, { root, force: true });
    return read(name, root);
  }
}

function loadNodeDictionary(name: DictionaryName): Promise<WordFilesIndex> {
  let index = opened.get(name);
  if (!index) {
    index = Promise.resolve().then(() => load(name, repoRoot()));
    opened.set(name, index);
  }
  return index;
}

/** The general dictionary (EDICT), shared by every caller in the process. */
export const loadNodeWords = (): Promise<WordFilesIndex> => loadNodeDictionary('words');

/** The names dictionary (ENAMDICT, trimmed), shared by every caller in the process. */
export const loadNodeNames = (): Promise<WordFilesIndex> => loadNodeDictionary('names');
