/**
 * The vocabulary side of the hover popup, loaded by the content script right after it starts (vocab-ui.js): saving,
 * lists and known marks are not needed to show a word, and keeping them out keeps content.js inside its budget.
 */
export { PopupVocabController } from './vocab-client';
