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
  /** Selectors of shadow hosts, outermost first: the text is searched in the innermost one's open root. */
  shadow?: string[];
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
  let scope: Document | ShadowRoot = document;
  for (const host of args.shadow ?? []) {
    const next: ShadowRoot | null | undefined = scope.querySelector(host)?.shadowRoot;
    if (!next) return { error: `no open shadow root at ${host}` };
    scope = next;
  }
  const root = args.within ? scope.querySelector(args.within) : scope === document ? document.body : scope;
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

/**
 * Where the popup lies on screen, whether or not the reader can see it: the pointer lands on it all the same. A
 * page may keep itself transparent for seconds after load (mainichi's anti-flicker <html class="async-hide">,
 * opacity 0 for 4 s), and readPopupInPage, which judges what a reader sees, says "no popup" meanwhile.
 */
export function popupBoxInPage(): PopupContent['box'] | null {
  const dialog = document
    .getElementById('kiji-popup-host')
    ?.shadowRoot?.querySelector<HTMLElement>('[role=dialog][data-kiji-popup]');
  if (!dialog?.checkVisibility({ visibilityProperty: true })) return null;
  const box = dialog.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
}

/** What the reader sees of the page, to prove hovering changed nothing. */
export function pageTextSnapshot(articleSelector: string): { bodyText: string; articleHtml: string } {
  const article = document.querySelector(articleSelector);
  return {
    bodyText: document.body.innerText,
    articleHtml: article ? new XMLSerializer().serializeToString(article) : '',
  };
}

export interface HoverTarget {
  /** A piece of one text node, unique enough for locateCharacter to find (its first occurrence is hovered). */
  text: string;
  offset: number;
  /** The node's text from the hovered character on: what a lookup starting there reads. */
  ahead: string;
}

export interface TargetArgs {
  /** CSS selector of the elements whose text is hovered; default: the whole body. */
  within?: string;
  /** Take every n-th kanji of the text, so that the hovers spread over the page. */
  every: number;
}

/**
 * Kanji a reader could hover in the visible text under `within` (not in scripts, fields, furigana or hidden
 * elements), each with a snippet of its text node for locateCharacter. Self-contained: it runs in the page.
 */
export function hoverTargets(args: TargetArgs): HoverTarget[] {
  const roots = args.within ? Array.from(document.querySelectorAll(args.within)) : [document.body];
  const skip = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'RT', 'RP', 'TEMPLATE', 'OPTION']);
  const out: HoverTarget[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip.has(parent.tagName) || parent.closest('[contenteditable]')) continue;
      // Not opacity: a page may hide everything while its scripts load (mainichi's <html class="async-hide">),
      // and the pointer still lands on its text.
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      const data = node.nodeValue ?? '';
      for (let i = 0; i < data.length; i++) {
        if (!/[\u4e00-\u9fff]/.test(data[i]!) || n++ % args.every !== 0) continue;
        const from = Math.max(0, i - 6);
        const text = data.slice(from, i + 6);
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ text, offset: i - from, ahead: data.slice(i, i + 24) });
      }
    }
  }
  return out;
}

/** Whether the popup is up and Kiji's match highlight lies under the point: the hover there was answered. */
export function matchCovers(point: { x: number; y: number }): boolean {
  const host = document.getElementById('kiji-popup-host');
  const dialog = host?.shadowRoot?.querySelector<HTMLElement>('[role=dialog][data-kiji-popup]');
  if (!dialog?.checkVisibility({ visibilityProperty: true })) return false;
  const match = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('kiji-match');
  for (const range of match ?? []) {
    for (const box of Array.from(range.getClientRects())) {
      if (point.x >= box.left - 1 && point.x <= box.right + 1 && point.y >= box.top - 1 && point.y <= box.bottom + 1)
        return true;
    }
  }
  return false;
}
