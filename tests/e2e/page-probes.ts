// Functions that run INSIDE the page (page.evaluate). Each must be self-contained: the driver sends its source
// text, so it may not use imports, module variables or helpers defined elsewhere.

export interface LocateArgs {
  /** A string that occurs inside one text node of the page. */
  text: string;
  /** Which character of `text` to point at (UTF-16 index). */
  offset: number;
  /** CSS selector of the element to search in; default: the whole body. */
  within?: string;
  /** Which occurrence of `text` (0 = first). */
  occurrence?: number;
}

export interface CharPoint {
  x: number;
  y: number;
  char: string;
}

/**
 * Finds the character, scrolls it into view if needed, and returns the centre of its box in viewport CSS pixels
 * (what mouse.move expects). Skips script/style/textarea/rt text, which a reader never hovers as page text.
 */
export async function locateCharacter(args: LocateArgs): Promise<CharPoint | { error: string }> {
  const root = args.within ? document.querySelector(args.within) : document.body;
  if (!root) return { error: `no element matches ${args.within}` };
  const skip = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'RT', 'RP', 'TEMPLATE']);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const wanted = args.occurrence ?? 0;
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && skip.has(node.parentElement.tagName)) continue;
    const data = node.nodeValue ?? '';
    for (let at = data.indexOf(args.text); at >= 0; at = data.indexOf(args.text, at + 1)) {
      if (seen++ < wanted) continue;
      const range = document.createRange();
      range.setStart(node, at + args.offset);
      range.setEnd(node, at + args.offset + 1);
      let box = range.getClientRects()[0];
      if (!box) return { error: `"${args.text}" is not rendered` };
      const inView = box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
      if (!inView) {
        window.scrollBy(box.left + box.width / 2 - innerWidth / 2, box.top + box.height / 2 - innerHeight / 2);
        // Let the scroll reach the compositor first: mouse events are hit-tested against what was last painted.
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        box = range.getClientRects()[0];
      }
      return { x: box!.left + box!.width / 2, y: box!.top + box!.height / 2, char: data[at + args.offset]! };
    }
  }
  return { error: `"${args.text}" not found${args.within ? ` in ${args.within}` : ''}` };
}

interface PopupEntry {
  source: string;
  headword: string;
  reading: string;
  inflection: string;
  senses: string[];
}

export interface PopupContent extends Omit<PopupEntry, 'source'> {
  /** data-source of every entry, in order. */
  sources: string[];
  entries: PopupEntry[];
  /** All text of the dialog, for error messages. */
  text: string;
  /** Where the dialog is, in viewport CSS pixels. */
  box: { left: number; top: number; right: number; bottom: number };
}

/** Reads the popup the content script shows (open shadow root of #kiji-popup-host); null when none is visible. */
export function readPopupInPage(): PopupContent | null {
  const host = document.getElementById('kiji-popup-host');
  const dialog = host?.shadowRoot?.querySelector<HTMLElement>('[role=dialog][data-kiji-popup]');
  if (!dialog) return null;
  const box = dialog.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  if (!dialog.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
  const entries: PopupEntry[] = [];
  for (const entry of Array.from(dialog.querySelectorAll('[data-entry]'))) {
    entries.push({
      source: entry.getAttribute('data-source') ?? '',
      headword: entry.querySelector('.headword')?.textContent?.trim() ?? '',
      reading: entry.querySelector('.reading')?.textContent?.trim() ?? '',
      inflection: entry.querySelector('.inflection')?.textContent?.trim() ?? '',
      senses: Array.from(entry.querySelectorAll('.sense')).map((sense) => sense.textContent?.trim() ?? ''),
    });
  }
  const first = entries[0];
  return {
    headword: first?.headword ?? '',
    reading: first?.reading ?? '',
    inflection: first?.inflection ?? '',
    senses: first?.senses ?? [],
    sources: entries.map((entry) => entry.source),
    entries,
    text: dialog.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
  };
}

/** What the reader sees of the page, to prove hovering changed nothing. */
export function pageTextSnapshot(articleSelector: string): { bodyText: string; articleHtml: string } {
  const article = document.querySelector(articleSelector);
  return {
    bodyText: document.body.innerText,
    articleHtml: article ? new XMLSerializer().serializeToString(article) : '',
  };
}
