// Pixels of the page around a glossary term, for the tint checks: where the term's base text and its furigana are,
// and a screenshot of that box read back through a canvas (no PNG decoder among the test's dependencies).

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TermBoxes {
  /** The term's base text, line box by line box (document coordinates). */
  base: Box[];
  /** The readings over it. */
  rt: Box[];
  /** Everything above, with a margin: the screenshot's clip. */
  clip: Box;
}

/**
 * In the page (self-contained): the boxes of the first occurrence of `term` in the article, across ruby bases (the
 * readings' own text left out), with the readings over it.
 */
export function termBoxes(term: string): TermBoxes | null {
  const articles = [...document.querySelectorAll('[data-kiji-article]')];
  const nodes: Text[] = [];
  let text = '';
  for (const article of articles) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('rt, rp') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      text += (n as Text).data;
    }
  }
  const at = text.indexOf(term);
  if (at < 0) return null;
  // The term's part of each text node: the base text alone (a range across a ruby would include its reading too).
  const parts: Range[] = [];
  let offset = 0;
  for (const node of nodes) {
    const end = offset + node.data.length;
    const from = Math.max(at, offset);
    const to = Math.min(at + term.length, end);
    if (from < to) {
      const part = document.createRange();
      part.setStart(node, from - offset);
      part.setEnd(node, to - offset);
      parts.push(part);
    }
    offset = end;
  }
  parts[0]!.startContainer.parentElement!.scrollIntoView({ block: 'center' });
  // Document coordinates, as a screenshot's clip takes them.
  const box = (r: DOMRect): Box => ({ x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height });
  const base = parts
    .flatMap((p) => [...p.getClientRects()])
    .filter((r) => r.width > 0)
    .map(box);
  const rt = [...document.querySelectorAll('ruby[data-kiji-ruby]')]
    .filter((ruby) => parts.some((p) => ruby.contains(p.startContainer)))
    .map((ruby) => ruby.querySelector('rt')!.getBoundingClientRect())
    .map(box);
  const all = [...base, ...rt];
  const left = Math.min(...all.map((b) => b.x)) - 4;
  const top = Math.min(...all.map((b) => b.y)) - 4;
  const right = Math.max(...all.map((b) => b.x + b.width)) + 4;
  const bottom = Math.max(...all.map((b) => b.y + b.height)) + 4;
  const clip = {
    x: Math.floor(left),
    y: Math.floor(top),
    width: Math.ceil(right - left),
    height: Math.ceil(bottom - top),
  };
  return { base, rt, clip };
}

export interface Pixels {
  width: number;
  height: number;
  data: number[];
}

/** In the page: the RGBA pixels of a PNG given as base64. */
export async function decodePng(base64: string): Promise<Pixels> {
  const img = new Image();
  img.src = `data:image/png;base64,${base64}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: Array.from(ctx.getImageData(0, 0, img.width, img.height).data) };
}

/** The pixels of `shot` (taken of `clip`) inside `boxes`, each as [r, g, b]; one pixel inset, off anti-aliased edges. */
export function pixelsIn(shot: Pixels, clip: Box, boxes: Box[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const b of boxes) {
    for (let y = Math.ceil(b.y - clip.y) + 1; y < Math.floor(b.y + b.height - clip.y) - 1; y++) {
      for (let x = Math.ceil(b.x - clip.x) + 1; x < Math.floor(b.x + b.width - clip.x) - 1; x++) {
        if (x < 0 || y < 0 || x >= shot.width || y >= shot.height) continue;
        const i = (y * shot.width + x) * 4;
        out.push([shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!]);
      }
    }
  }
  return out;
}

/** Share of pixels tinted warm (the tint is an amber wash: red well above blue, the paper's light left). */
export function warmShare(pixels: [number, number, number][]): number {
  if (pixels.length === 0) return 0;
  return pixels.filter(([r, , b]) => r > 180 && r - b > 25).length / pixels.length;
}

/** Share of pixels that differ between two shots of the same boxes. */
export function changedShare(a: [number, number, number][], b: [number, number, number][]): number {
  if (a.length === 0 || a.length !== b.length) return 1;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    const [p, q] = [a[i]!, b[i]!];
    if (Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]) > 12) changed++;
  }
  return changed / a.length;
}
