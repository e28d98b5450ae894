import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type BrowserName = 'chrome' | 'firefox';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Loopback origin the harness adds to the content-script matches of its private copy of the build. */
const TEST_MATCH = 'http://127.0.0.1/*';

interface ManifestContentScript {
  matches: string[];
  [key: string]: unknown;
}

interface Manifest {
  content_scripts?: ManifestContentScript[];
  [key: string]: unknown;
}

/** The built extension for one browser; fails (never skips) when the build is missing. */
export function builtExtensionDir(browser: BrowserName): string {
  const dir = join(process.env.KIJI_DIST_DIR ?? join(REPO_ROOT, 'dist'), browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir} (manifest.json missing): run npm run build first.`);
  }
  return dir;
}

/**
 * Copies the build to a temp dir and lets its content scripts run on http://127.0.0.1 too. The shipped manifest
 * only matches news sites (least privilege), and the test pages are served from loopback; patching a private
 * copy keeps the shipped build untouched. Both browsers ignore the port in a match pattern, so one pattern covers
 * the fixture server's random port.
 */
export function extensionCopyForTests(browser: BrowserName): string {
  const source = builtExtensionDir(browser);
  const target = mkdtempSync(join(tmpdir(), `kiji-e2e-${browser}-`));
  cpSync(source, target, { recursive: true });
  const manifestPath = join(target, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const scripts = manifest.content_scripts ?? [];
  if (scripts.length === 0) throw new Error(`${source}/manifest.json declares no content_scripts`);
  for (const script of scripts) {
    if (!script.matches.includes(TEST_MATCH)) script.matches.push(TEST_MATCH);
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return target;
}
