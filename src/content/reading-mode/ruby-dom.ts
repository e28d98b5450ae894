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
    for (const r of ruby) {
      if (r.start > at) text(at, r.start);
      const element = doc.createElement('ruby');
      element.setAttribute(RUBY_ATTRIBUTE, '');
      const base = doc.createTextNode(data.slice(r.start, r.end));
      const rt = doc.createElement('rt');
      rt.textContent = r.reading;
      // Copying the text copies the words, not their readings.
      if (this.inlineStyles) rt.style.setProperty('user-select', 'none');
      element.append(base, rt);
      fragment.append(element);
      added.push(element);
      segments.push({ node: base, from: r.start });
      at = r.end;
    }
    if (at < data.length) text(at, data.length);
    const left = data.slice(0, ruby[0]!.start);
    node.data = left;
    node.parentNode.insertBefore(fragment, node.nextSibling);
    this.placed.set(node, { data, left, added, segments });
  }

  /** Removes every ruby and gives each node its text back. */
  restore(): void {
    this.observer?.disconnect();
    this.observer = null;
    for (const [node, p] of this.placed) {
      for (const n of p.added) n.remove();
      if (node.data === p.left) node.data = p.data;
    }
    this.placed.clear();
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
