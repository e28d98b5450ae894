/**
 * `npm start [-- --firefox]`: builds, serves the sample article on 127.0.0.1 and opens a browser with Kiji loaded
 * on it. The browser gets a private copy of the build whose content script also matches 127.0.0.1 (the shipped
 * manifest only matches news sites).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionCopyForTests } from '../tests/e2e/extension-dist';
import { startFixtureServer } from '../tests/e2e/server';

const root = resolve(import.meta.dirname, '..');
const firefox = process.argv.includes('--firefox');

execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
const server = await startFixtureServer(join(root, 'sample'));
const url = server.url('article.html');
const extension = extensionCopyForTests(firefox ? 'firefox' : 'chrome');
console.log(`\nSample article: ${url}\nExtension copy: ${extension}`);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(
    '\nNo display here, so no browser was opened. Load dist/chrome or dist/firefox by hand (see README) and open' +
      ` the sample article above; it is served until you press Ctrl+C.`,
  );
} else if (firefox) {
  const webExt = join(root, 'node_modules/.bin/web-ext');
  const bin = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  spawn(webExt, ['run', '--source-dir', extension, '--firefox', bin, '--start-url', url], { stdio: 'inherit' }).on(
    'exit',
    () => process.exit(0),
  );
} else {
  const bin = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find(existsSync);
  if (!bin) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  const profile = mkdtempSync(join(tmpdir(), 'kiji-start-'));
  spawn(
    bin,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      url,
    ],
    { stdio: 'ignore' },
  ).on('exit', () => process.exit(0));
}
