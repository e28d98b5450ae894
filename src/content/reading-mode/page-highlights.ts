/**
 * Reading mode's marks over the page's text, painted with the CSS Custom Highlight API: a faint tint over glossary
 * terms (an underline would run into the furigana of the line below) and a brief flash on the word the toolbar panel
 * points at. Nothing is added to the page’s DOM; the rules live in a style sheet adopted by the document. Where the
 * API or the sheet is refused (a browser without them), the flash falls back to selecting the text and the tint is
 * left out. The same sheet keeps ruby readings out of copied text and at half the text size.
 */

import { PageSheet } from '../page-sheet';
import { RUBY_ATTRIBUTE } from './ruby-dom';

const TERMS_HIGHLIGHT = 'kiji-glossary';
const FLASH_HIGHLIGHT = 'kiji-flash';
const FLASH_MS = 1500;

const RULES = `
::highlight(${TERMS_HIGHLIGHT}) { background-color: rgba(230, 150, 20, 0.2); }
::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.6); }
ruby[${RUBY_ATTRIBUTE}] > rt { -webkit-user-select: none; user-select: none; font-size: 0.5em; }
`;

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => unknown;

export class PageHighlights {
  private readonly sheet: PageSheet;
  private flashTimer = 0;

  constructor(private readonly win: Window & typeof globalThis) {
    this.sheet = new PageSheet(win, RULES);
  }

  private registry(): HighlightRegistryLike | null {
    const css = this.win.CSS as unknown as { highlights?: HighlightRegistryLike } | undefined;
    return css?.highlights ?? null;
  }

  /** Adopts our rules into the page; false where the browser refuses (then our ruby styles itself). */
  ensureRules(): boolean {
    return this.sheet.ensure();
  }

  private set(name: string, ranges: AbstractRange[]): boolean {
    const registry = this.registry();
    const Ctor = (this.win as unknown as { Highlight?: HighlightCtor }).Highlight;
    if (!registry || !Ctor || !this.ensureRules()) return false;
    try {
      registry.set(name, new Ctor(...ranges));
      return true;
    } catch {
      return false;
    }
  }

  /** Underlines these ranges (the glossary terms of the article), replacing the previous set. */
  showTerms(ranges: AbstractRange[]): boolean {
    if (ranges.length === 0) {
      this.clearTerms();
      return true;
    }
    return this.set(TERMS_HIGHLIGHT, ranges);
  }

  clearTerms(): void {
    this.registry()?.delete(TERMS_HIGHLIGHT);
  }

  /** Marks the ranges for FLASH_MS. */
  flash(ranges: Range[]): void {
    this.win.clearTimeout(this.flashTimer);
    if (this.set(FLASH_HIGHLIGHT, ranges)) {
      this.flashTimer = this.win.setTimeout(() => this.registry()?.delete(FLASH_HIGHLIGHT), FLASH_MS);
      return;
    }
    const selection = this.win.getSelection();
    if (!selection || ranges.length === 0) return;
    const whole = this.win.document.createRange();
    whole.setStart(ranges[0]!.startContainer, ranges[0]!.startOffset);
    const last = ranges[ranges.length - 1]!;
    whole.setEnd(last.endContainer, last.endOffset);
    selection.removeAllRanges();
    selection.addRange(whole);
    this.flashTimer = this.win.setTimeout(() => selection.removeAllRanges(), FLASH_MS);
  }

  stop(): void {
    this.win.clearTimeout(this.flashTimer);
    this.clearTerms();
    this.registry()?.delete(FLASH_HIGHLIGHT);
    this.sheet.remove();
  }
}
