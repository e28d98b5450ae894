/**
 * The popup's place in the page: one <kiji-popup> element under <html> with an open shadow root holding the Preact
 * app and its styles. The page's CSS cannot reach in, and ours cannot leak out.
 */
import { h, render } from 'preact';
import { Popup, type PopupOptions, type PopupView } from '../ui/popup/Popup';
import { POPUP_CSS } from '../ui/popup/styles';
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

export class PopupHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private shown = false;
  private last: { view: PopupView; options: PopupOptions; anchor: Box; vertical: boolean } | null = null;

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

  get visible(): boolean {
    return this.shown;
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
    this.show(view, last.options, last.anchor, last.vertical);
  }

  /** Draws the popup on screen again with new options (theme, text size, romaji changed in the settings). */
  restyle(options: PopupOptions): void {
    const last = this.last;
    if (this.shown && last) this.show(last.view, options, last.anchor, last.vertical);
  }

  show(view: PopupView, options: PopupOptions, anchor: Box, vertical: boolean): void {
    this.last = { view, options, anchor, vertical };
    const mount = this.ensure();
    render(h(Popup, { view, options }), mount);
    const dialog = mount.firstElementChild as HTMLElement | null;
    if (!dialog) return;
    // Measure at the origin, where nothing limits the width, then move: all before the next paint, so no flicker.
    dialog.style.left = '0px';
    dialog.style.top = '0px';
    dialog.style.removeProperty('max-height');
    const rect = dialog.getBoundingClientRect();
    const viewport = { width: this.win.innerWidth, height: this.win.innerHeight };
    const place = placePopup(anchor, { width: rect.width, height: rect.height }, viewport, vertical);
    dialog.style.left = `${Math.round(place.left)}px`;
    dialog.style.top = `${Math.round(place.top)}px`;
    if (place.maxHeight !== undefined) dialog.style.maxHeight = `${Math.floor(place.maxHeight)}px`;
    dialog.scrollTop = 0;
    this.shown = true;
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
