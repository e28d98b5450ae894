/**
 * Marks the matched word with the CSS Custom Highlight API: a highlight paints over the page's text without adding a
 * node to it. Where the API (or a constructed style sheet) is missing, there is simply no highlight.
 */

import { PageSheet } from './page-sheet';

const NAME = 'kiji-match';
/** The only rule Kiji adds to the page. Translucent so it reads on light and dark pages alike. */
const RULE = `::highlight(${NAME}) { background-color: rgba(255, 196, 0, 0.4); }`;

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

type HighlightCtor = new (...ranges: Range[]) => unknown;

export class MatchHighlight {
  private readonly sheet: PageSheet;
  private active = false;

  constructor(private readonly win: Window & typeof globalThis) {
    this.sheet = new PageSheet(win, RULE);
  }

  private registry(): HighlightRegistryLike | null {
    const css = this.win.CSS as unknown as { highlights?: HighlightRegistryLike } | undefined;
    return css?.highlights ?? null;
  }

  show(range: Range): void {
    const registry = this.registry();
    const Ctor = (this.win as unknown as { Highlight?: HighlightCtor }).Highlight;
    if (!registry || !Ctor || !this.sheet.ensure()) return;
    try {
      registry.set(NAME, new Ctor(range));
      this.active = true;
    } catch {
      this.active = false;
    }
  }

  clear(): void {
    if (!this.active) return;
    this.registry()?.delete(NAME);
    this.active = false;
  }
}
