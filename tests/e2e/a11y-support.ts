// Saves for the accessibility and screenshot runs: real EDICT entries in real sentences of the seed article, each
// word from up to two sentences (a second save adds its sentence), so the vocabulary page has rows with several.
import { saveOf, seedSentences } from '../support/real-saves';
import type { SaveInput } from '../../src/core/vocab/word';

const WORDS = ['延長', '合意', '条約', '電話会談'];

export async function realSavesFor(url: string): Promise<SaveInput[]> {
  const sentences = seedSentences();
  const saves: SaveInput[] = [];
  for (const word of WORDS) {
    const found = sentences.filter((s) => s.includes(word)).slice(0, 2);
    if (found.length === 0) throw new Error(`${word} is in no sentence of the seed article`);
    for (const sentence of found)
      saves.push(await saveOf(sentence, word, { url, title: 'バイデン=プーチン、初の電話会談 新START延長で合意' }));
  }
  return saves;
}
