// Saves for the accessibility and screenshot runs: real EDICT entries in real sentences of the seed article, each
// word from up to two sentences (a second save adds its sentence), so the vocabulary page has rows with several.
import type { Page } from 'playwright-core';
import { saveOf, seedSentences } from '../support/real-saves';
import type { SaveInput } from '../../src/core/vocab/word';
import type { ChromiumHarness } from './chromium';
import { ask } from './vocab-harness';

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

/** An extension page of `harness`'s Kiji, opened in a new tab. */
export async function extensionPage(harness: ChromiumHarness, path: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
  return page;
}

/** Saves the real words above through the engine, as the popup does, so the vocabulary page has rows. */
export async function saveRealWords(harness: ChromiumHarness, rid: string): Promise<void> {
  const page = await extensionPage(harness, 'popup.html');
  for (const save of await realSavesFor(harness.server.url('news/newsweek-seed.html')))
    await ask(page, 'vocabSave', { rid: `${rid}-${Math.random()}`, save });
  await page.close();
}
