import type { CharPoint, LocateArgs, PopupContent } from './page-probes';
import { popupCovers } from './popup-wait';

/** What hovering needs from a browser driver; playwright-core (Chromium) and puppeteer-core (Firefox) both give it. */
export interface HoverDriver {
  locate(args: LocateArgs): Promise<CharPoint | { error: string }>;
  readPopup(): Promise<PopupContent | null>;
  /** The popup's box even while the page is transparent (see popupBoxInPage); null when none is rendered. */
  popupBox(): Promise<PopupContent['box'] | null>;
  press(key: string): Promise<unknown>;
  move(x: number, y: number): Promise<unknown>;
}

/** Moves the mouse onto character `offset` of the first (or `occurrence`-th) place `text` appears. */
export async function hoverText(
  driver: HoverDriver,
  text: string,
  offset: number,
  where: Pick<LocateArgs, 'within' | 'occurrence' | 'shadow'>,
): Promise<CharPoint> {
  const point = await driver.locate({ text, offset, ...where });
  if ('error' in point) throw new Error(`hover: ${point.error}`);
  // The previous word's popup may sit over the next word (it is placed next to the cursor); a reader would
  // dismiss it first, and so does the harness.
  // Judged from where the popup lies, not from whether it shows: the pointer lands on it either way.
  if (popupCovers(await driver.popupBox(), point)) {
    await driver.press('Escape');
    const deadline = Date.now() + 5_000;
    while (await driver.popupBox()) {
      if (Date.now() > deadline) throw new Error('hover: the popup over the next word did not close on Escape');
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  // One move straight onto the character: intermediate steps would open popups for the characters on the way.
  await driver.move(point.x, point.y);
  return point;
}
