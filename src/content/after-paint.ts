/**
 * Runs `fn` once the frame being prepared has been painted: work that must not hold up the popup (asking ahead,
 * checking saved states) waits for it. rAF runs before the paint; the timer task after it.
 */
export function afterPaint(win: Window, fn: () => void): void {
  win.requestAnimationFrame(() => win.setTimeout(fn, 0));
}
