/**
 * One constructed style sheet of Kiji's in the page's adopted sheets: the only CSS Kiji adds to a page (rules for its
 * highlights). Pages that reassign `adoptedStyleSheets` can drop it, so `ensure` adds it back when needed.
 */
export class PageSheet {
  private sheet: CSSStyleSheet | null = null;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly css: string,
  ) {}

  /** False where the browser refuses the sheet: the caller then goes without its highlight. */
  ensure(): boolean {
    const doc = this.win.document;
    try {
      if (!this.sheet) {
        this.sheet = new this.win.CSSStyleSheet();
        this.sheet.replaceSync(this.css);
      }
      if (!doc.adoptedStyleSheets.includes(this.sheet))
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet];
      return true;
    } catch {
      return false;
    }
  }

  remove(): void {
    if (!this.sheet) return;
    const doc = this.win.document;
    try {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    } catch {
      // The page froze its sheets; our rules only style our highlights, which are gone.
    }
  }
}
