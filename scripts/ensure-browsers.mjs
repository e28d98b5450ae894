#!/usr/bin/env node
// Makes sure the browsers and the Japanese font the e2e tests drive are on this machine. The tests use the
// distribution's Chromium and Firefox ESR (never a browser downloaded by a package), and without a Japanese font
// every kanji renders as a fallback box of a different width, so hover positions would not match the text.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['chromium', 'firefox-esr', 'fonts-ipafont-gothic'];
const INSTALL_COMMAND = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${PACKAGES.join(' ')}`;

function hasJapaneseFont() {
  try {
    const out = execFileSync('fc-list', [':lang=ja', 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (/IPA/i.test(out)) return true;
  } catch {
    // fc-list missing: fall through to dpkg
  }
  return spawnSync('dpkg', ['-s', 'fonts-ipafont-gothic'], { stdio: 'ignore' }).status === 0;
}

function missingParts() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium (/usr/bin/chromium)');
  if (!existsSync('/usr/bin/firefox-esr')) missing.push('firefox-esr (/usr/bin/firefox-esr)');
  if (!hasJapaneseFont()) missing.push('fonts-ipafont-gothic');
  return missing;
}

const missing = missingParts();
if (missing.length === 0) process.exit(0);

console.log(`e2e tests need: ${missing.join(', ')}`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    `Cannot install them from here (${!hasApt ? 'no apt-get' : 'not root'}). Install them with:\n  ${isRoot ? '' : 'sudo sh -c '}${isRoot ? INSTALL_COMMAND : `'${INSTALL_COMMAND}'`}`,
  );
  process.exit(1);
}

console.log(`Installing: ${INSTALL_COMMAND}`);
const result = spawnSync('sh', ['-c', INSTALL_COMMAND], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (result.status !== 0) {
  console.error(`Install failed (exit ${result.status}). Run it by hand:\n  ${INSTALL_COMMAND}`);
  process.exit(1);
}
const stillMissing = missingParts();
if (stillMissing.length > 0) {
  console.error(`Still missing after install: ${stillMissing.join(', ')}`);
  process.exit(1);
}
console.log('Browsers and fonts ready.');
