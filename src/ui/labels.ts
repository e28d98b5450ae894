/** Readable labels for the codes dictionary data carries (EDICT parts of speech and tags, conjugation steps). */
import { tOptional } from './i18n';
import { messageKey } from './message-key';

/** A code nobody has a label for is shown as it is: it still means something to a reader who knows EDICT. */
function label(prefix: string, code: string): string {
  return tOptional(messageKey(prefix, code)) || code;
}

export const posLabel = (code: string): string => label('pos_', code);
export const tagLabel = (code: string): string => label('tag_', code);
export const categoryLabel = (code: string): string => label('cat_', code);
const inflectionLabel = (code: string): string => label('infl_', code);

/** Joins conjugation steps the same way in every language: "passive · polite · progressive". */
const STEP_SEPARATOR = ' · ';

export function inflectionText(reasons: readonly string[]): string {
  return reasons.map(inflectionLabel).join(STEP_SEPARATOR);
}
