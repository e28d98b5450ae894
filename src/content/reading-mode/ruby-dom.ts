/**
 * Ruby in the page, reversibly. A text node that gets ruby stays where it is and keeps the text before the first
 * ruby; the rest follows as new nodes. The page's scripts keep a valid reference to their node, and restoring is
 * putting its text back and removing what we added: the DOM is then exactly what it was.
 */

/** A reading over node.data[start, end). */
export interface NodeRuby {
  start: number;
  end: number;
  reading: string;
}

export const RUBY_ATTRIBUTE = 'data-kiji-ruby';

/** What a reading longer than its word may overhang: kana and Japanese punctuation, never a kanji (JLReq 3.3.6). */
const OVERHANG_OK = /[\u3001-\u3003\u300c-\u300f\u3041-\u309f\u30a0-\u30ff\uff08\uff09]/;
/** At most half a character of the text (one character of the reading) on each side. */
const MAX_OVERHANG_EM = 0.5;
/** How much closer the kana of a reading may be set, in their own em, where it has no room to hang out. */
const MAX_SQUEEZE = 0.125;

/**
 * A reading wider than its base would make the browser spread the base (強 調 for きょうちょう): instead the
 * reading gets negative inline margins, so it counts no wider than its base and hangs out by `hang` em of the text
 * on each side; over kana and punctuation before or after (up to half a character), and as space (`space`, a
 * margin on the ruby) where the neighbour is a kanji or another reading. Readings are n/2 em wide for n kana over m
 * full-width characters.
 */
export function overhang(
  data: string,
  r: NodeRuby,
  prev: NodeRuby | undefined,
  next: NodeRuby | undefined,
): { hang: [number, number]; space: [number, number]; squeeze: number } | null {
  const excess = r.reading.length / 2 - baseWidth(data, r);
  if (excess <= 0.01) return null;
  // Over kana or punctuation: up to half a character. Never over another reading (browsers spread a short reading
  // over its whole base, so it leaves no free space) nor over a kanji left without one.
  // A digit or Latin letter (3秒) takes half as much.
  const room = (neighbour: NodeRuby | undefined, adjacent: boolean, ch: string) =>
    adjacent && neighbour ? 0 : OVERHANG_OK.test(ch) ? MAX_OVERHANG_EM : /[0-9A-Za-z０-９]/.test(ch) ? 0.25 : 0;
  const roomBefore = room(prev, prev?.end === r.start, data[r.start - 1] ?? '');
  const roomAfter = room(next, next?.start === r.end, data[r.end] ?? '');
  // Centred where both sides have room; else more over the side that has it; the rest as space, half each side.
  const before = Math.min(roomBefore, Math.max(excess / 2, excess - roomAfter));
  const after = Math.min(roomAfter, excess - before);
  // No room left: set the reading's kana a little closer (at most an eighth of each) before leaving space.
  const squeeze = Math.min(excess - before - after, (r.reading.length * MAX_SQUEEZE) / 2);
  const rest = (excess - before - after - squeeze) / 2;
  return { hang: [before + rest, after + rest], space: [rest, rest], squeeze: squeeze / r.reading.length };
}

/** Digits and Latin letters (7月, G7) are about half a character wide. */
function baseWidth(data: string, r: NodeRuby): number {
  let width = 0;
  for (let i = r.start; i < r.end; i++) width += data.charCodeAt(i) < 0x2e80 ? 0.55 : 1;
  return width;
}

/** Readings built per step of placeInSteps: about 2–3 ms of DOM work on this machine. */
const RUBY_PER_STEP = 32;

const em = (n: number) => `${Math.round(n * 100) / 100}em`;

/** A text node now showing original data from `from` on. */
interface Segment {
  node: Text;
  from: number;
}

interface Placed {
  /** The original text. */
  data: string;
  /** What we left in the node: anything else means the page changed it since. */
  left: string;
  added: ChildNode[];
  segments: Segment[];
}

export class RubyLayer {
  private readonly placed = new Map<Text, Placed>();
  private observer: MutationObserver | null = null;
  /** Set where no style sheet of ours reaches the page: each reading then says itself that it is not copied. */
  inlineStyles = false;

  constructor(private readonly win: Window & typeof globalThis) {}

  get size(): number {
    return this.placed.size;
  }

  /** Puts `ruby` (sorted, not overlapping, inside the node) on one text node of the page. */
  place(node: Text, ruby: readonly NodeRuby[]): void {
    for (const step of this.placeInSteps(node, ruby, Infinity)) void step;
  }

  /**
   * place() in steps of at most `perStep` readings each, for a caller that yields to the page between steps: one
   * text node of a long article may carry hundreds of readings (60 ms to build in one go). The page's node is only
   * changed by the last step, and not at all if the page changed it meanwhile.
   */
  *placeInSteps(node: Text, ruby: readonly NodeRuby[], perStep = RUBY_PER_STEP): Generator<void> {
    if (ruby.length === 0 || this.placed.has(node) || !node.parentNode) return;
    const doc = node.ownerDocument;
    const data = node.data;
    const added: ChildNode[] = [];
    const segments: Segment[] = [{ node, from: 0 }];
    const fragment = doc.createDocumentFragment();
    const text = (from: number, to: number) => {
      const t = doc.createTextNode(data.slice(from, to));
      fragment.append(t);
      added.push(t);
      segments.push({ node: t, from });
    };
    let at = ruby[0]!.start;
    for (let i = 0; i < ruby.length; i++) {
      if (i > 0 && i % perStep === 0) yield;
      const r = ruby[i]!;
      if (r.start > at) text(at, r.start);
      const element = doc.createElement('ruby');
      element.setAttribute(RUBY_ATTRIBUTE, '');
      const wide = overhang(data, r, ruby[i - 1], ruby[i + 1]);
      const base = doc.createTextNode(data.slice(r.start, r.end));
      const rt = doc.createElement('rt');
      rt.textContent = r.reading;
      // Copying the text copies the words, not their readings.
      if (this.inlineStyles) {
        rt.style.setProperty('user-select', 'none');
        rt.style.setProperty('font-size', '0.5em');
      }
      if (wide) {
        // In the reading's own em (half the text's): -hang text em is -2·hang here.
        rt.style.setProperty('margin-inline-start', `-${em(wide.hang[0] * 2)}`);
        rt.style.setProperty('margin-inline-end', `-${em(wide.hang[1] * 2)}`);
        if (wide.squeeze) rt.style.setProperty('letter-spacing', `-${em(wide.squeeze * 2)}`);
        if (wide.space[0]) element.style.setProperty('margin-inline-start', em(wide.space[0]));
        if (wide.space[1]) element.style.setProperty('margin-inline-end', em(wide.space[1]));
      }
      element.append(base, rt);
      fragment.append(element);
      added.push(element);
      segments.push({ node: base, from: r.start });
      at = r.end;
    }
    if (at < data.length) text(at, data.length);
    // Between steps the page may have rewritten or removed the node: its new text is not what was read.
    if (!node.parentNode || node.data !== data || this.placed.has(node)) return;
    const left = data.slice(0, ruby[0]!.start);
    node.data = left;
    node.parentNode.insertBefore(fragment, node.nextSibling);
    this.placed.set(node, { data, left, added, segments });
  }

  /** Removes every ruby and gives each node its text back. */
  restore(): void {
    this.unwatch();
    for (const node of this.placedNodes()) this.restoreNode(node);
  }

  /** The text nodes that carry ruby of ours, for a caller that gives them their text back a slice at a time. */
  placedNodes(): Text[] {
    return [...this.placed.keys()];
  }

  /** Removes the ruby after one node and gives it its text back (nothing when it has none of ours). */
  restoreNode(node: Text): void {
    const p = this.placed.get(node);
    if (!p) return;
    for (const n of p.added) n.remove();
    if (node.data === p.left) node.data = p.data;
    this.placed.delete(node);
  }

  /** Stops watching the page's changes to the text under our ruby (about to be taken off). */
  unwatch(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /**
   * The page's own scripts may rewrite a text node we split (a framework re-rendering the article): our nodes after
   * it would then repeat stale text. Watch `roots` and drop our part wherever that happens.
   */
  watch(roots: readonly Element[]): void {
    const MO = this.win.MutationObserver;
    if (!MO) return;
    this.observer?.disconnect();
    this.observer = new MO((records) => this.onPageChange(records));
    for (const root of roots) this.observer.observe(root, { characterData: true, childList: true, subtree: true });
  }

  /** Forgets the mutation records our own changes caused. */
  discardRecords(): void {
    this.observer?.takeRecords();
  }

  private onPageChange(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target as Text;
        const p = this.placed.get(node);
        if (p && node.data !== p.left) this.drop(node, p);
        continue;
      }
      for (const removed of record.removedNodes) {
        const p = this.placed.get(removed as Text);
        if (p) this.drop(removed as Text, p);
      }
    }
    this.observer?.takeRecords();
  }

  private drop(node: Text, p: Placed): void {
    for (const n of p.added) n.remove();
    this.placed.delete(node);
  }

  /**
   * Where original node.data[from, to) is now: one span per text node it lies in (the node itself, the base text of
   * a ruby, the text after it), so that a range never takes in a reading.
   */
  spans(node: Text, from: number, to: number): { node: Text; start: number; end: number }[] {
    const p = this.placed.get(node);
    if (!p) return from < to ? [{ node, start: from, end: to }] : [];
    const out: { node: Text; start: number; end: number }[] = [];
    for (const s of p.segments) {
      const end = s.from + s.node.data.length;
      const a = Math.max(from, s.from);
      const b = Math.min(to, end);
      if (a < b) out.push({ node: s.node, start: a - s.from, end: b - s.from });
    }
    return out;
  }
}
