/**
 * The hover loop: pointer → character → sentence → one lookup → popup and highlight. At most one look at the
 * pointer every 8 ms, no work while it stays on the same character, and only the latest hover's answer is shown.
 */
import type { Settings } from '../settings';
import type { PopupView } from '../ui/popup/Popup';
import { afterPaint } from './after-paint';
import { charAtPoint } from './caret';
import { computedLayout, gatherSentence, nextSentence, type LayoutProbe } from './gather';
import { MatchHighlight } from './highlight';
import { charAt, startsLookup } from './japanese';
import { isContextGone, type LookupClient, type Outcome } from './lookup-client';
import type { Box } from './placement';
import type { PopupHost } from './popup-host';
import { sourceRange, type Sentence } from './sentence';
import { popupCommand, isTyping } from './keys';
import type { PopupVocabController } from './vocab-client';
import type { LookupResult } from '../core/types';

/** Long enough to cross from the word to the popup, or from one character to the next, without a flash. */
export const HIDE_GRACE_MS = 250;
/** How soon a partial answer (engine still loading) is asked for again. */
export const REFINE_DELAY_MS = 200;
/** The shortest time between two looks at the pointer: about twice a frame, so no hover waits for a frame. */
export const POINTER_INTERVAL_MS = 8;
/**
 * The popup leaves the next line free, so the way to it crosses text. While the pointer heads for it (mostly
 * vertically, between the word and the popup, within its width) that text is not looked up; a pointer that stops
 * there this long looks up the word it rests on.
 */
export const HEADING_HOLD_MS = 300;
/**
 * How many times in a row a hover looks again after the page replaced its text (see lookAgain): a couple of seconds
 * of a page re-rendering ten times a second while the engine, still loading, gives answers it does not cache.
 */
const MAX_REGATHERS = 20;

interface PointerState {
  x: number;
  y: number;
  /** Over Kiji's popup. Not the event's target: kept, it would keep an element the page removes since alive. */
  onPopup: boolean;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  buttons: number;
}

function hoverKeyHeld(
  settings: Pick<Settings, 'hoverKey'>,
  p: Pick<PointerState, 'shiftKey' | 'altKey' | 'ctrlKey'>,
): boolean {
  switch (settings.hoverKey) {
    case 'Shift':
      return p.shiftKey;
    case 'Alt':
      return p.altKey;
    case 'Control':
      return p.ctrlKey;
    default:
      return true;
  }
}

/** Of the boxes a range covers (one per line), the one nearest the pointer: the popup goes beside that line. */
function nearestBox(range: Range, x: number, y: number): Box | null {
  let best: Box | null = null;
  let bestDistance = Infinity;
  for (const r of range.getClientRects()) {
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      best = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      bestDistance = d;
    }
  }
  return best;
}

interface Lifecycle {
  /** False once a newer copy of the content script runs in this page (after an extension reload). */
  isCurrent(): boolean;
  /** The extension went away under this script (reload, update): it must stop. */
  onOrphaned(): void;
}

export class HoverController {
  private pointer: PointerState | null = null;
  /** A pending handling of the latest pointer position (see schedule). */
  private timer = 0;
  private lastHandled = -Infinity;
  /**
   * The character last handled: the same character again costs nothing. Its node weakly: the pointer may rest on it
   * while the page, or reading mode going off, removes it.
   */
  private lastHit: { node: WeakRef<Text>; offset: number } | null = null;
  /** Bumped by every new hover and every hide; a reply for an older number is stale. */
  private generation = 0;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly layout: LayoutProbe;
  private readonly highlight: MatchHighlight;
  private readonly disposers: (() => void)[] = [];
  /** The pointer's previous position, to tell a move toward the popup; and the re-look after a stop on the way. */
  private prevPoint: { x: number; y: number } | null = null;
  private holdTimer = 0;
  /** Looks again in a row because the page replaced the text under the pointer (see lookAgain). */
  private regathers = 0;
  /** Save buttons, known/learning marks and the `s` key; none in tests that do not need them. */
  private vocab: PopupVocabController | null = null;

  constructor(
    private readonly win: Window & typeof globalThis,
    private settings: Settings,
    private readonly client: LookupClient,
    private readonly popup: PopupHost,
    private readonly lifecycle: Lifecycle = { isCurrent: () => true, onOrphaned: () => {} },
  ) {
    this.layout = computedLayout(win);
    this.highlight = new MatchHighlight(win);
  }

  /** Listens to the pointer; `pointer` is a move seen before (a frame starts on its first one) to answer now. */
  start(pointer?: MouseEvent): void {
    const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void, capture = true) => {
      this.win.addEventListener(type, fn, { capture, passive: true });
      this.disposers.push(() => this.win.removeEventListener(type, fn, { capture }));
    };
    // Chrome holds mousemove back until the next frame (about 10 ms here); pointerrawupdate comes as soon as the
    // mouse moves, which leaves time to ask the background and still paint the popup in that same frame. It
    // exists only in secure contexts and some browsers: until one arrives, mousemove does the job, a frame later.
    // Not in frames: Chromium 156 gives a frame's pointerrawupdate the top window's coordinates.
    let raw = false;
    if (this.win === this.win.top) {
      on('pointerrawupdate' as 'mousemove', (e) => {
        raw = true;
        if ((e as PointerEvent).pointerType !== 'touch') this.onPointer(e);
      });
    }
    on('mousemove', (e) => {
      if (!raw) this.onPointer(e);
    });
    // Not passive: a key the popup takes (an arrow, PageDown) must not scroll the page as well.
    const onKey = (e: KeyboardEvent) => this.onKeyDown(e);
    this.win.addEventListener('keydown', onKey, true);
    this.disposers.push(() => this.win.removeEventListener('keydown', onKey, true));
    on('scroll', () => this.hide(true));
    on('blur', () => this.hide(true));
    on('resize', () => this.hide(true));
    const onOut = (e: MouseEvent) => {
      if (!e.relatedTarget) this.scheduleHide();
    };
    this.win.document.addEventListener('mouseout', onOut, true);
    this.disposers.push(() => this.win.document.removeEventListener('mouseout', onOut, true));
    if (pointer) this.onPointer(pointer);
  }

  stop(): void {
    this.win.clearTimeout(this.holdTimer);
    this.disposers.splice(0).forEach((dispose) => dispose());
    if (this.timer) this.win.clearTimeout(this.timer);
    this.timer = 0;
    this.hide(true);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    if (!settings.enabled) this.hide(true);
    // Theme, font size or romaji changed: the popup on screen shows them at once, and so does the next hover.
    const { showRomaji, showKanji, theme, fontSize } = settings;
    this.popup.restyle({ showRomaji, showKanji, theme, fontSize });
    this.lastHit = null;
  }

  private onPointer(e: MouseEvent): void {
    this.pointer = {
      x: e.clientX,
      y: e.clientY,
      onPopup: this.popup.isPopup(e.target),
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      ctrlKey: e.ctrlKey,
      buttons: e.buttons,
    };
    this.schedule();
  }

  /**
   * A time throttle, not an animation-frame one: browsers already deliver mousemove about once per frame, and
   * waiting for the next frame before looking up would add up to 16 ms to a hover. A move that comes sooner than
   * POINTER_INTERVAL_MS after the last one handled is handled when that interval ends, at the latest position.
   */
  private schedule(): void {
    if (this.timer) return;
    const now = this.win.performance.now();
    const wait = this.lastHandled + POINTER_INTERVAL_MS - now;
    if (wait <= 0) {
      this.lastHandled = now;
      this.handlePointer();
      return;
    }
    this.timer = this.win.setTimeout(() => {
      this.timer = 0;
      this.lastHandled = this.win.performance.now();
      this.handlePointer();
    }, wait);
  }

  attachVocab(vocab: PopupVocabController): void {
    this.vocab = vocab;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      // Esc closes the key list first, then the popup.
      if (!this.popup.command('escape')) this.hide(false);
      return;
    }
    const cmd = this.popup.visible && !isTyping(e.target) ? popupCommand(e) : null;
    // Enter on a link or button of the page is the page's.
    if (cmd && !(cmd === 'expand' && (e.target as Element | null)?.closest?.('a,button,summary,[role=button]'))) {
      if (this.popup.command(cmd)) e.preventDefault();
      else if (cmd === 'save') this.vocab?.saveFirst();
      return;
    }
    // Pressing the hover key over a word looks it up without waiting for the mouse to move.
    if (this.pointer && e.key === this.settings.hoverKey && !this.popup.visible) {
      this.pointer = { ...this.pointer, shiftKey: e.shiftKey, altKey: e.altKey, ctrlKey: e.ctrlKey };
      this.lastHit = null;
      this.schedule();
    }
  }

  private handlePointer(): void {
    const p = this.pointer;
    if (!this.lifecycle.isCurrent()) {
      this.lifecycle.onOrphaned();
      return;
    }
    if (!p || !this.settings.enabled) return;
    // Selecting text with the button held is not hovering.
    if (p.buttons !== 0) return;
    if (p.onPopup) {
      this.cancelHide();
      return;
    }
    const prev = this.prevPoint;
    this.prevPoint = { x: p.x, y: p.y };
    this.win.clearTimeout(this.holdTimer);
    if (prev && this.headingToPopup(prev, p)) {
      this.cancelHide();
      this.holdTimer = this.win.setTimeout(() => {
        // Stopped on the way: the word under the pointer is what the reader wants now.
        this.prevPoint = null;
        this.handlePointer();
      }, HEADING_HOLD_MS);
      return;
    }
    const hit = charAtPoint(this.win.document, p.x, p.y);
    if (!hit || !startsLookup(charAt(hit.node.data, hit.offset), hit.node.data)) {
      this.lastHit = null;
      // A reply still on its way belongs to text the pointer has left.
      this.generation++;
      this.scheduleHide();
      return;
    }
    this.cancelHide();
    if (this.lastHit && this.lastHit.node.deref() === hit.node && this.lastHit.offset === hit.offset) return;
    if (!hoverKeyHeld(this.settings, p)) return;
    this.lastHit = { node: new WeakRef(hit.node), offset: hit.offset };
    const sentence = gatherSentence(hit.node, hit.offset, this.layout);
    if (!sentence) return;
    const generation = ++this.generation;
    const cached = this.client.cached(sentence.text, sentence.at);
    if (cached) {
      this.apply(generation, sentence, cached, p);
      return;
    }
    // The popup stays as it is until the answer comes: swapping only then keeps fast moves from flickering.
    void this.client.lookup(sentence.text, sentence.at).then((outcome) => {
      this.apply(generation, sentence, outcome, p);
      // The reader's next hovers are most likely further along this sentence: have them answered here.
      if (outcome.ok && !outcome.result?.partial) afterPaint(this.win, () => this.prefetchAround(sentence));
    });
  }

  /** A move from `prev` to `p` on its way from the word to the popup (see HEADING_HOLD_MS). */
  private headingToPopup(prev: { x: number; y: number }, p: { x: number; y: number }): boolean {
    const at = this.popup.where();
    if (!at || at.vertical) return false;
    const { popup, anchor } = at;
    const dx = p.x - prev.x;
    const dy = p.y - prev.y;
    if (p.x < popup.left || p.x > popup.right || Math.abs(dy) <= Math.abs(dx)) return false;
    return popup.top >= anchor.bottom
      ? dy > 0 && p.y > anchor.bottom && p.y < popup.top
      : dy < 0 && p.y < anchor.top && p.y > popup.bottom;
  }

  /** The rest of this sentence, then the start of the next one: where the reader's next hovers will be. */
  private prefetchAround(sentence: Sentence<Text>): void {
    const targets = [{ text: sentence.text, at: sentence.at }];
    const next = nextSentence(sentence, this.layout);
    if (next) targets.push({ text: next.text, at: next.at });
    void this.client.prefetch(targets);
  }

  private apply(generation: number, sentence: Sentence<Text>, outcome: Outcome, p: PointerState): void {
    if (generation !== this.generation) return;
    if (!outcome.ok) {
      if (isContextGone(outcome.error)) {
        this.lifecycle.onOrphaned();
        return;
      }
      const box = this.boxAt(sentence, sentence.at, sentence.at + 1, p);
      if (box) this.show({ kind: 'error', error: outcome.error }, box, null);
      return;
    }
    const result = outcome.result;
    if (result?.partial) this.refineLater(generation, sentence, p);
    if (!result || result.entries.length === 0) {
      // Nothing yet from an engine still loading (報奨金 needs the glossary): the refine must still come.
      if (result?.partial) this.clear();
      else this.hide(false);
      return;
    }
    const found = this.boxAt(sentence, result.start, result.end, p);
    if (!found) {
      if (this.lookAgain(sentence)) return;
      this.hide(false);
      return;
    }
    this.regathers = 0;
    this.show(this.resultView(result, sentence.text), found, found.range);
  }

  /**
   * The page replaced the text while its answer was on the way (a framework re-rendering, a ticker): the pointer
   * has not moved, so look again at what is under it now. The answer is cached by then and shows at once.
   */
  private lookAgain(sentence: Sentence<Text>): boolean {
    const gone = sentence.segments.some((s) => !s.node.isConnected);
    if (!gone || this.regathers >= MAX_REGATHERS) return false;
    this.regathers++;
    this.lastHit = null;
    this.schedule();
    return true;
  }

  /** The engine answered before it had fully loaded: while the pointer stays, ask again for the full answer. */
  private refineLater(generation: number, sentence: Sentence<Text>, p: PointerState): void {
    setTimeout(() => {
      if (generation !== this.generation) return;
      void this.client
        .lookup(sentence.text, sentence.at)
        .then((outcome) => this.apply(generation, sentence, outcome, p));
    }, REFINE_DELAY_MS);
  }

  private boxAt(
    sentence: Sentence<Text>,
    start: number,
    end: number,
    p: PointerState,
  ): { range: Range; box: Box; vertical: boolean; line: number } | null {
    const span = sourceRange(sentence.segments, start, end);
    if (!span || !span.start.node.isConnected || !span.end.node.isConnected) return null;
    const range = this.win.document.createRange();
    range.setStart(span.start.node, span.start.offset);
    range.setEnd(span.end.node, span.end.offset);
    const box = nearestBox(range, p.x, p.y);
    if (!box) return null;
    const el = span.start.node.parentElement;
    const style = el ? this.win.getComputedStyle(el) : null;
    const mode = style?.writingMode ?? '';
    // The line pitch ('normal' is about 1.2 em in the usual fonts), so the popup can leave the next line free.
    const line = style ? parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2 || 0 : 0;
    return { range, box, vertical: mode.startsWith('vertical') || mode.startsWith('sideways'), line };
  }

  private show(view: PopupView, at: { box: Box; vertical: boolean; line: number }, range: Range | null): void {
    this.cancelHide();
    const { showRomaji, showKanji, theme, fontSize } = this.settings;
    this.popup.show(view, { showRomaji, showKanji, theme, fontSize }, at.box, at.vertical, at.line);
    if (range) this.highlight.show(range);
    else this.highlight.clear();
  }

  private scheduleHide(): void {
    if (this.hideTimer || !this.popup.visible) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = null;
      this.hide(true);
    }, HIDE_GRACE_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  /**
   * `forget` lets the same character open the popup again at the next move (after scrolling, say); Escape keeps it
   * closed until the pointer reaches another character.
   */
  /** The result, with its vocabulary row when saving is wired: the row redraws itself as answers come. */
  private resultView(result: LookupResult, sentence: string): PopupView {
    if (!this.vocab) return { kind: 'result', result };
    const vocab = this.vocab.show(result, sentence, (next) =>
      this.popup.redraw({ kind: 'result', result, vocab: next }),
    );
    return { kind: 'result', result, vocab };
  }

  hide(forget: boolean): void {
    this.cancelHide();
    this.generation++;
    if (forget) this.lastHit = null;
    this.clear();
  }

  /** Takes the popup and the highlight off the page, leaving the hover's pending work as it is. */
  private clear(): void {
    this.vocab?.hide();
    this.popup.hide();
    this.highlight.clear();
  }
}
