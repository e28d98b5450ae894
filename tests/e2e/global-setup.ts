import { existsSync } from 'node:fs';
import { builtExtensionDir } from './extension-dist';
import { CHROMIUM_PATH } from './chromium';
import { FIREFOX_PATH } from './firefox';

// Fail the whole run up front, with the fix in the message, instead of one timeout per test.
export default function setup(): void {
  builtExtensionDir('chrome');
  builtExtensionDir('firefox');
  for (const browser of [CHROMIUM_PATH, FIREFOX_PATH]) {
    if (!existsSync(browser)) throw new Error(`${browser} not found: run node scripts/ensure-browsers.mjs`);
  }
}
