/**
 * The popup's place in the page: one <kiji-popup> element under <html> with an open shadow root holding the Preact
 * app and its styles. The page's CSS cannot reach in, and ours cannot leak out.
 */
import { h, render } from 'preact';
import { Popup, type PopupCommand, type PopupControl, type PopupOptions, type PopupView } from '../ui/popup/Popup';
import { POPUP_CSS } from '../ui/popup/styles';
import { afterPaint } from './after-paint';
import { placePopup, type Box } from './placement';

export const HOST_ID = 'kiji-popup-host';
const HOST_TAG = 'kiji-popup';

function adoptStyles(root: ShadowRoot, win: Window & typeof globalThis): void {
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(POPUP_CSS);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Firefox content scripts cannot adopt sheets they construct; a <style> in our own shadow root does the same.
  }
  const style = win.document.createElement('style');
  style.textContent = POPUP_CSS;
  root.append(style);
}

/** What a popup shows, so an answer given again for the same word (refined, re-asked) keeps what the reader opened. */
const shownKey = (view: PopupView, anchor: Box) =>
  view.kind === 'result'
    ? `${anchor.left},${anchor.top}|${view.result.match}|${view.result.entries.map((e) => e.headword).join()}`
    : view.error;

export class PopupHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private shown = false;
  private last: { view: PopupView; options: PopupOptions; anchor: Box; vertical: boolean; line: number } | null = null;
  /** Bumped for each new word, so the popup's own state (what is open, which entry is selected) starts afresh. */
  private serial = 0;
  private rendering = false;
  private readonly control: PopupControl = { relayout: () => !this.rendering && this.place(false) };

  constructor(private readonly win: Window & typeof globalThis) {}

  private ensure(): HTMLElement {
    const doc = this.win.document;
    if (!this.host) {
      // A previous copy of this script (before an extension reload) may have left its host behind.
      doc.getElementById(HOST_ID)?.remove();
      const host = doc.createElement(HOST_TAG);
      host.id = HOST_ID;
      const root = host.attachShadow({ mode: 'open' });
      adoptStyles(root, this.win);
      const mount = doc.createElement('div');
      root.append(mount);
      this.host = host;
      this.mount = mount;
    }
    if (!this.host.isConnected) doc.documentElement.append(this.host);
    return this.mount!;
  }

  /**
   * Lays out a hidden line of the popup's Japanese and Latin text once, so that the page's first hover does not pay
   * for the popup's style sheet and fonts coming into use (about 20 ms more than later hovers, measured). Beside the
   * popup's mount, never in it (Preact would take it for its own), and laid out with the page's next frame, not
   * forced now: on a page of a megabyte a forced layout is a long task.
   */
  prepare(): void {
    if (this.shown) return;
    this.ensure();
    const root = this.host!.shadowRoot!;
    const doc = this.win.document;
    const probe = doc.createElement('div');
    probe.className = 'kiji-popup';
    probe.style.visibility = 'hidden';
    probe.setAttribute('aria-hidden', 'true');
    const ja = doc.createElement('span');
    ja.lang = 'ja';
    ja.textContent = '漢字かなカナ';
    probe.append(ja, 'Aa');
    root.append(probe);
    afterPaint(this.win, () => probe.remove());
  }

  get visible(): boolean {
    return this.shown;
  }

  /** Where the popup is on screen, and the word it is placed against; null when hidden. */
  where(): { popup: Box; anchor: Box; vertical: boolean } | null {
    const dialog = this.dialog();
    if (!this.shown || !dialog || !this.last) return null;
    const r = dialog.getBoundingClientRect();
    return {
      popup: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      anchor: this.last.anchor,
      vertical: this.last.vertical,
    };
  }

  /** Whether an event target (retargeted to the host outside the shadow root) is the popup. */
  isPopup(target: EventTarget | null): boolean {
    return !!target && target === this.host;
  }

  /**
   * Draws `view` again in the popup on screen (its vocabulary row changed), placed against the same word. Ignored
   * when the popup has closed or moved on to another word since.
   */
  redraw(view: PopupView): void {
    const last = this.last;
    if (!this.shown || !last || last.view.kind !== 'result' || view.kind !== 'result') return;
    if (last.view.result !== view.result) return;
    this.show(view, last.options, last.anchor, last.vertical, last.line);
  }

  /** Hands a key to the popup on screen; false when it has nothing to do with it. */
  command(cmd: PopupCommand): boolean {
    if (!this.shown) return false;
    if (cmd === 'down' || cmd === 'up') {
      const dialog = this.dialog();
      if (!dialog || dialog.scrollHeight <= dialog.clientHeight) return false;
      dialog.scrollTop += (cmd === 'down' ? 0.8 : -0.8) * dialog.clientHeight;
      return true;
    }
    return this.control.command?.(cmd) ?? false;
  }

  private dialog(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  /** Draws the popup on screen again with new options (theme, text size, romaji changed in the settings). */
  restyle(options: PopupOptions): void {
    const last = this.last;
    if (this.shown && last) this.show(last.view, options, last.anchor, last.vertical, last.line);
  }

  /** `line`: the text's line pitch, so the popup leaves the next line free too (see placePopup). */
  show(view: PopupView, options: PopupOptions, anchor: Box, vertical: boolean, line = 0): void {
    const prev = this.last;
    const fresh = !prev || !this.shown || shownKey(prev.view, prev.anchor) !== shownKey(view, anchor);
    if (fresh) this.serial++;
    this.last = { view, options, anchor, vertical, line };
    const mount = this.ensure();
    this.rendering = true;
    try {
      render(h(Popup, { view, options, control: this.control, key: this.serial }), mount);
    } finally {
      this.rendering = false;
    }
    this.place(fresh);
    this.shown = true;
  }

  /**
   * Measures the popup at the origin, where nothing limits its width, then moves it beside the word: all before
   * the next paint, so no flicker. Marks it `data-clipped` when it scrolls, which shows a cue at its bottom.
   */
  private place(fresh: boolean): void {
    const dialog = this.dialog();
    const last = this.last;
    if (!dialog || !last) return;
    const scroll = fresh ? 0 : dialog.scrollTop;
    dialog.style.left = '0px';
    dialog.style.top = '0px';
    dialog.style.removeProperty('max-height');
    const rect = dialog.getBoundingClientRect();
    const viewport = { width: this.win.innerWidth, height: this.win.innerHeight };
    const size = { width: rect.width, height: rect.height };
    const place = placePopup(last.anchor, size, viewport, last.vertical, last.line);
    dialog.style.left = `${Math.round(place.left)}px`;
    dialog.style.top = `${Math.round(place.top)}px`;
    if (place.maxHeight !== undefined) dialog.style.maxHeight = `${Math.floor(place.maxHeight)}px`;
    dialog.scrollTop = scroll;
    this.markClipped(dialog);
    dialog.onscroll = () => this.markClipped(dialog);
  }

  /** The cue shows while more lies below what the popup shows (wheel, PageDown or the arrow keys scroll it). */
  private markClipped(dialog: HTMLElement): void {
    const more = dialog.scrollTop + dialog.clientHeight < dialog.scrollHeight - 2;
    dialog.toggleAttribute('data-clipped', more);
  }

  hide(): void {
    if (!this.shown || !this.mount) return;
    render(null, this.mount);
    this.shown = false;
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.mount = null;
  }
}
