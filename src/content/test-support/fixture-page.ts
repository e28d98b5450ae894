/**
 * Puts a saved news page (tests/fixtures/pages) into the test document: its styles and body, without the scripts,
 * frames and external resources a test DOM cannot and need not load.
 */
import { readFileSync } from 'node:fs';

export function showFixturePage(file: string): void {
  const html = readFileSync(`tests/fixtures/pages/${file}`, 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<iframe\b[\s\S]*?<\/iframe>/gi, '')
    .replace(/<(link|img|source|video|audio|input)\b[^>]*>/gi, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const styles = [...parsed.head.querySelectorAll('style')].map((n) => document.importNode(n, true));
  document.head.replaceChildren(...styles);
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

/** The text node holding `needle` (first in document order under `root`) and the offset of `needle` in it. */
export function findText(root: Node, needle: string): { node: Text; offset: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const offset = (n as Text).data.indexOf(needle);
    if (offset >= 0) return { node: n as Text, offset };
  }
  throw new Error(`no text node holds ${needle}`);
}
