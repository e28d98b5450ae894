import { placePopup } from './placement';

const viewport = { width: 1280, height: 720 };
const popup = { width: 360, height: 240 };
/** A two-character word in 20px type. */
const word = (left: number, top: number, w = 40, h = 24) => ({ left, top, right: left + w, bottom: top + h });

describe('placePopup', () => {
  it('puts the popup just below the word, aligned with its start', () => {
    expect(placePopup(word(100, 100), popup, viewport, false)).toEqual({ left: 100, top: 130, side: 'below' });
  });

  it('flips above a word near the bottom of the window', () => {
    const p = placePopup(word(100, 650), popup, viewport, false);
    expect(p.side).toBe('above');
    expect(p.top + popup.height).toBeLessThanOrEqual(650);
  });

  it('shifts left to stay inside the window for a word at the right edge', () => {
    const p = placePopup(word(1250, 100), popup, viewport, false);
    expect(p.left + popup.width).toBeLessThanOrEqual(viewport.width);
    expect(p.left).toBeGreaterThan(0);
  });

  it('never covers the word nor leaves the window when the popup is taller than the room on either side', () => {
    const tall = { width: 360, height: 500 };
    const w = word(100, 300);
    const p = placePopup(w, tall, viewport, false);
    const height = Math.min(tall.height, p.maxHeight ?? Infinity);
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.top + height).toBeLessThanOrEqual(viewport.height);
    // Below the word (the roomier side), cut to fit and scrolling.
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(w.bottom);
  });

  it('in vertical text puts the popup beside the column, to the right, else to the left', () => {
    const column = word(600, 200, 24, 40);
    expect(placePopup(column, popup, viewport, true)).toEqual({ left: 630, top: 200, side: 'right' });
    const nearRight = word(1100, 200, 24, 40);
    const p = placePopup(nearRight, popup, viewport, true);
    expect(p.side).toBe('left');
    expect(p.left + popup.width).toBeLessThanOrEqual(1100);
  });

  it('leaves the next line free too: below the word, the popup starts after the line the reader goes on to', () => {
    const w = word(100, 100);
    const p = placePopup(w, popup, viewport, false, 34);
    expect(p).toEqual({ left: 100, top: 124 + 34 + 6, side: 'below' });
    // Above, nothing of the word's line is covered either.
    const high = placePopup(word(100, 600), popup, viewport, false, 34);
    expect(high.side).toBe('above');
    expect(high.top + popup.height).toBeLessThanOrEqual(600);
  });
});
