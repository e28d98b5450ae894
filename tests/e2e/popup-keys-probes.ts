// What the popup's keys changed, read INSIDE the page (page.evaluate): self-contained, no imports.

export interface PopupKeyState {
  /** Headword of the selected item (the ring drawn once a key was used); '' when none. */
  selected: string;
  /** Index of the selected item among the entries, -1 when none (or a kanji). */
  selectedEntry: number;
  /** Entries shown in full (the first, and those opened). */
  full: number;
  /** Entries shown on one line. */
  lines: number;
  help: boolean;
  /** The notice line under the entries ("Copied …"). */
  notice: string;
  /** data-vocab of each full entry's vocabulary row. */
  vocab: string[];
  /** What the browser's clipboard would get from the page's last copy event (see watchCopies). */
  copied: string;
}

/** Keeps the text of every copy event the page sees (the extension's copy sets it on the event). */
export function watchCopies(): void {
  const w = window as unknown as { __kijiCopied?: string };
  w.__kijiCopied = '';
  // A bubbling listener runs after the extension's capturing one has put its text on the event.
  document.addEventListener('copy', (e) => {
    w.__kijiCopied = e.clipboardData?.getData('text/plain') || `(a copy event, ${e.clipboardData?.types.join()})`;
  });
}

export function readPopupKeyState(): PopupKeyState | null {
  const dialog = document.getElementById('kiji-popup-host')?.shadowRoot?.querySelector('[data-kiji-popup]');
  if (!dialog) return null;
  const entries = Array.from(dialog.querySelectorAll('[data-entry]'));
  const sel = dialog.querySelector('[data-sel]');
  const selEntry = sel ? (sel.matches('[data-entry]') ? sel : sel.querySelector('[data-entry]')) : null;
  return {
    selected: sel?.querySelector('.headword, .kanji-literal')?.textContent ?? '',
    selectedEntry: selEntry ? entries.indexOf(selEntry) : -1,
    full: entries.filter((e) => !e.classList.contains('line')).length,
    lines: entries.filter((e) => e.classList.contains('line')).length,
    help: !!dialog.querySelector('.keys-help'),
    notice: dialog.querySelector('.vocab-notice')?.textContent ?? '',
    vocab: Array.from(dialog.querySelectorAll('[data-entry] .vocab')).map((v) => v.getAttribute('data-vocab') ?? ''),
    copied: (window as unknown as { __kijiCopied?: string }).__kijiCopied ?? '',
  };
}

/** Adds a text field to the page and gives it the keyboard (the popup's keys must then stay the field's). */
export function addFocusedField(): void {
  const input = document.createElement('input');
  input.id = 'kiji-test-field';
  input.style.cssText = 'position:fixed;right:8px;bottom:8px;width:200px';
  document.body.append(input);
  input.focus();
}

export function fieldValue(): string {
  return (document.getElementById('kiji-test-field') as HTMLInputElement | null)?.value ?? '';
}
