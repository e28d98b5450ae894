import type { CharPoint, PopupContent } from './page-probes';

type PopupReader = () => Promise<PopupContent | null>;

const POLL_MS = 100;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Polls the popup until `accept` holds. Waiting for the expected content (not just "a popup") matters after a
 * previous hover: the old popup may still be on screen while the new lookup is in flight.
 */
export async function waitForPopup(
  read: PopupReader,
  accept: (popup: PopupContent) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<PopupContent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await read();
    if (last && accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`popup did not show ${what} within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
    }
    await sleep(POLL_MS);
  }
}

export async function waitForPopupClosed(read: PopupReader, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const popup = await read();
    if (!popup) return;
    if (Date.now() > deadline) throw new Error(`popup still open after ${timeoutMs} ms: ${popup.text}`);
    await sleep(POLL_MS);
  }
}

/** Fails if a popup shows up at any time during `ms`. */
export async function expectNoPopupFor(read: PopupReader, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const popup = await read();
    if (popup) throw new Error(`unexpected popup: ${popup.text}`);
    await sleep(POLL_MS);
  }
}

/** True when an open popup lies over `point`, so the mouse would land on the popup instead of the text. */
export function popupCovers(box: PopupContent['box'] | null, point: CharPoint): boolean {
  if (!box) return false;
  const { left, top, right, bottom } = box;
  // A pixel or two of slack: the browser hit-tests whole pixels, so a point 0.2 px outside may land on the popup.
  const m = 2;
  return point.x >= left - m && point.x <= right + m && point.y >= top - m && point.y <= bottom + m;
}
