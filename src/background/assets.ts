import browser from 'webextension-polyfill';
import type { AssetLoader } from '../core/engine';

/** Packaged data files by URL; `.gz` files are inflated with the platform's DecompressionStream. */
export const extensionAssets: AssetLoader = async (path) => {
  const res = await fetch(browser.runtime.getURL(path));
  if (!res.ok || !res.body) throw new Error(`${path}: HTTP ${res.status}`);
  if (!path.endsWith('.gz')) return res.arrayBuffer();
  return new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
};
