/**
 * Where sentences end in Japanese news text: 。 and the full- and half-width ! and ?. Line breaks end a sentence
 * where the caller says they do (rendered text), so they are not in the class itself.
 */

const SENTENCE_END_CHARS = '。！？!?';

export function isSentenceEnd(ch: string): boolean {
  return ch.length === 1 && SENTENCE_END_CHARS.includes(ch);
}

/** A sentence end or a line break, for text whose line breaks end sentences (one per line). */
export const SENTENCE_OR_LINE_END = /[。！？!?\n]/;

/** Sentences with their ends, line breaks ending them too: "a。b！\nc" → "a。", "b！\n", "c". */
export const SENTENCE_WITH_END = /[^。！？!?\n]+[。！？!?\n]*/g;

/** Splits after each sentence end or line break, keeping the ends with their sentences. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[。！？!?\n])/);
}
