/**
 * The checks `npm test` makes on the build before it runs the end-to-end tests: is dist/ older than what it is
 * built from (then it builds first), and does the content script keep to its size budget.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** What `npm run build` reads, relative to the repository root: a directory counts with every file inside it. */
const BUILD_SOURCES = [
  'src',
  'public',
  'manifest.json',
  'data',
  'scripts/build.ts',
  'scripts/build-dict.ts',
  'scripts/build-glossary.ts',
  'scripts/manifest.ts',
  'scripts/zip.ts',
  'package-lock.json',
];

/** Written by every build, each after its browser's bundles: the older one dates the build. */
export const BUILD_OUTPUTS = ['dist/chrome/manifest.json', 'dist/firefox/manifest.json'];

/** The content script's budget (the architecture's 60 KB, counted as the build and the bench print it). */
export const CONTENT_SCRIPT_BUDGET_BYTES = 60 * 1024;

interface FileTime {
  path: string;
  /** Null when the file does not exist. */
  mtimeMs: number | null;
}

/** Unit tests are not built into the extension: changing one needs no new build. */
const notBuilt = (name: string) => /\.test\.tsx?$/.test(name);

/** The most recently modified file under `paths` (files or directories, relative to `root`), or null if none. */
export function newestFile(root: string, paths: readonly string[]): FileTime | null {
  let newest: FileTime | null = null;
  const visit = (rel: string) => {
    let stat: Stats;
    try {
      stat = statSync(join(root, rel));
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(join(root, rel))) visit(join(rel, name));
    } else if (stat.isFile() && !notBuilt(rel) && (newest?.mtimeMs ?? -Infinity) < stat.mtimeMs) {
      newest = { path: rel, mtimeMs: stat.mtimeMs };
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** The modification time of each output, null for one that is missing. */
function outputTimes(root: string, paths: readonly string[]): FileTime[] {
  return paths.map((path) => {
    try {
      return { path, mtimeMs: statSync(join(root, path)).mtimeMs };
    } catch {
      return { path, mtimeMs: null };
    }
  });
}

/**
 * Why the build must run again, or null when every output is newer than the newest source. Pure: the times come
 * from `newestFile` and `outputTimes`.
 */
export function staleReason(newestSource: FileTime | null, outputs: readonly FileTime[]): string | null {
  let oldest: { path: string; mtimeMs: number } | null = null;
  for (const o of outputs) {
    if (o.mtimeMs === null) return `${o.path} is missing`;
    if (!oldest || o.mtimeMs < oldest.mtimeMs) oldest = { path: o.path, mtimeMs: o.mtimeMs };
  }
  if (!oldest) return 'the build has no outputs to check';
  if (newestSource?.mtimeMs != null && newestSource.mtimeMs > oldest.mtimeMs) {
    return `${newestSource.path} is newer than ${oldest.path}`;
  }
  return null;
}

/** `staleReason` for the repository at `root`. */
export function buildStaleReason(root: string): string | null {
  return staleReason(newestFile(root, BUILD_SOURCES), outputTimes(root, BUILD_OUTPUTS));
}

/** A message saying by how much the content script is over its budget, or null when it fits. */
export function contentScriptOverBudget(bytes: number, budget = CONTENT_SCRIPT_BUDGET_BYTES): string | null {
  if (bytes <= budget) return null;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return `content.js is ${kb(bytes)}, over its budget of ${kb(budget)} by ${bytes - budget} bytes`;
}
