/** Where the popup goes: next to the word, inside the viewport, never over the word itself when there is room. */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Size {
  width: number;
  height: number;
}

type Side = 'below' | 'above' | 'right' | 'left';

interface Placement {
  left: number;
  top: number;
  side: Side;
  /** Set when the popup fits on neither side: it is cut to this height and scrolls, rather than cover the word. */
  maxHeight?: number;
}

const GAP = 6;
const MARGIN = 4;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/**
 * Horizontal text: below the word, else above, else on the roomier side. Vertical text (writing-mode vertical-*):
 * to the right of the column, over the lines already read, else to the left, else on the roomier side.
 * `line` is the text's line pitch: below the word (or left of a vertical column) the popup also leaves the next line
 * free, the one the reader goes on to; so neither the word's line nor the next is ever covered.
 */
export function placePopup(anchor: Box, popup: Size, viewport: Size, vertical: boolean, line = 0): Placement {
  if (!vertical) {
    const left = clamp(anchor.left, MARGIN, viewport.width - popup.width - MARGIN);
    const below = anchor.bottom + line + GAP;
    const roomBelow = viewport.height - below - MARGIN;
    const roomAbove = anchor.top - GAP - MARGIN;
    if (popup.height <= roomBelow) return { left, top: below, side: 'below' };
    if (popup.height <= roomAbove) return { left, top: anchor.top - GAP - popup.height, side: 'above' };
    if (roomBelow >= roomAbove) return { left, top: below, side: 'below', maxHeight: roomBelow };
    return { left, top: MARGIN, side: 'above', maxHeight: roomAbove };
  }
  const top = clamp(anchor.top, MARGIN, viewport.height - popup.height - MARGIN);
  const roomRight = viewport.width - anchor.right - GAP - MARGIN;
  const roomLeft = anchor.left - line - GAP - MARGIN;
  if (popup.width <= roomRight) return { left: anchor.right + GAP, top, side: 'right' };
  if (popup.width <= roomLeft) return { left: anchor.left - line - GAP - popup.width, top, side: 'left' };
  const side = roomRight >= roomLeft ? 'right' : 'left';
  const left = clamp(side === 'right' ? anchor.right + GAP : MARGIN, MARGIN, viewport.width - popup.width - MARGIN);
  return { left, top, side };
}
