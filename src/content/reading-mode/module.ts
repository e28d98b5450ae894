/**
 * Entry of reading.js, the part of the content script loaded only on pages that need it (top frame with Japanese
 * text, or when the reader asks): the article detector, furigana and highlights stay out of content.js.
 */
export { createReadingMode } from './reading-mode';
