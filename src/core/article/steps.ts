/**
 * The detector's long passes are generators that yield at points where they may be paused: the content script
 * runs them in slices between which the page gets the main thread back, Node runs them straight through. A pause
 * point says nothing about the result; running to the end gives the same answer either way.
 */

/** A pass over the page that yields (nothing) where it may be paused, and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Units of work (nodes visited, elements scored) between two pause points: small enough for a slice of a few ms. */
export const STEP = 64;

/** Runs the pass to its end at once. */
export function complete<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
