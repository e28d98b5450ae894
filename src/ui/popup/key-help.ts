/**
 * The popup's keys as its `?` list shows them, and the options page's Keys section lists them too: one table, so
 * the two cannot disagree. Key names as printed on the keyboard, labels as message keys.
 */
export const POPUP_KEY_HELP: readonly (readonly [key: string, label: string])[] = [
  ['↓ ↑', 'keyNextPrev'],
  ['Enter', 'keyExpand'],
  ['S', 'keySave'],
  ['K', 'keyKnown'],
  ['C', 'keyCopy'],
  ['Esc', 'keyClose'],
];
