/**
 * Vocabulary figures in Debian Chromium with the built extension, the store holding 10,000 real words:
 * - save_p95_ms: a save's round trip from an extension context (the message the popup sends, through the offscreen
 *   document's store, to the reply), half of them new words, half new sentences for saved words.
 * - vocab_page_open_ms: from navigation to the vocabulary page until its table is on screen (the page's
 *   'kiji-vocab-ready' mark, set after the first render with the words).
 * Run alone: npx tsx scripts/bench/vocab.ts
 */
import { launchChromium } from '../../tests/e2e/chromium';
import { realSaves } from '../../tests/support/real-saves';
import { applySave, DEFAULT_LIST_ID, type SaveInput } from '../../src/core/vocab/word';
import { percentile, round } from './stats';

const VOCAB_WORDS = 10_000;

/** In the page: sends the saves one after another and returns each round trip in ms. */
const TIME_SAVES = `async (saves) => {
  const out = [];
  for (let i = 0; i < saves.length; i++) {
    const t0 = performance.now();
    const reply = await chrome.runtime.sendMessage({ kiji: 1, type: 'vocabSave', payload: { rid: 'bench-' + i + '-' + Math.random(), save: saves[i] } });
    out.push(performance.now() - t0);
    if (!reply || !reply.ok) throw new Error('save failed: ' + JSON.stringify(reply));
  }
  return out;
}`;

export async function benchVocab(options: { words?: number; saves?: number; opens?: number } = {}): Promise<Record<string, number>> {
  const words = options.words ?? VOCAB_WORDS;
  const saveCount = options.saves ?? 200;
  const opens = options.opens ?? 7;
  const all = await realSaves(words + saveCount / 2);
  const now = Date.now();
  // The store is filled through the import path (one transaction), as a restored backup would be.
  const records = all.slice(0, words).map((s, i) => applySave(undefined, s, DEFAULT_LIST_ID, now - (words - i) * 60_000));
  const fresh = all.slice(words);
  const again: SaveInput[] = all.slice(0, saveCount / 2).map((s, i) => ({
    ...s,
    context: { ...s.context, url: `${s.context.url}?bench=${i}` },
  }));
  const saves = fresh.flatMap((s, i) => [s, again[i]]).filter(Boolean);

  const h = await launchChromium();
  try {
    const page = await h.context.newPage();
    const url = `chrome-extension://${h.extensionId}/vocab.html`;
    await page.goto(url);
    const imported = (await page.evaluate(
      (data) => chrome.runtime.sendMessage({ kiji: 1, type: 'vocabImport', payload: { rid: 'bench-import-' + Date.now(), data, mode: 'replace' } }),
      { lists: [], words: records },
    )) as { ok: boolean; value?: { added: number }; error?: string };
    if (!imported.ok || imported.value?.added !== words) throw new Error(`import failed: ${JSON.stringify(imported)}`);

    // Warm the path (the offscreen document, the database connection) before timing.
    await page.evaluate(`(${TIME_SAVES})(${JSON.stringify(saves.slice(0, 5))})`);
    const times = (await page.evaluate(`(${TIME_SAVES})(${JSON.stringify(saves.slice(5))})`)) as number[];

    const openTimes: number[] = [];
    for (let i = 0; i < opens; i++) {
      await page.goto('about:blank');
      await page.goto(url);
      await page.waitForSelector('html[data-vocab-ready]', { state: 'attached', timeout: 60_000 });
      const ready = await page.evaluate(() => performance.getEntriesByName('kiji-vocab-ready')[0]?.startTime ?? NaN);
      openTimes.push(ready);
    }
    const shown = await page.evaluate(() => document.querySelectorAll('tr.word').length);
    if (shown === 0) throw new Error('the vocabulary page shows no words');
    return {
      save_p50_ms: round(percentile(times, 50), 1),
      save_p95_ms: round(percentile(times, 95), 1),
      vocab_page_open_ms: round(percentile(openTimes, 50), 1),
      vocab_page_open_max_ms: round(Math.max(...openTimes), 1),
    };
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchVocab());
}
