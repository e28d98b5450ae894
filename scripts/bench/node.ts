/** Core figures measured in Node: the same code the background runs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/core/engine';
import { nodeAssets } from '../../src/node/assets';
import { createTokenizer } from '../../src/core/tokenizer/tokenizer';
import { nodeKuromojiLoader } from '../../src/node/kuromoji';
import { isJapanese } from '../../src/core/text/romaji';
import { splitSentences } from '../../src/core/text/sentence';
import { percentile, round } from './stats';

interface HoverSample {
  text: string;
  at: number;
}

/** 1,000 pointer positions on Japanese characters of the seed article, sentence by sentence, as hovers arrive. */
function articleHovers(root: string, count = 1000): HoverSample[] {
  const article = readFileSync(join(root, 'tests/fixtures/news/seed-article.txt'), 'utf8');
  const sentences = splitSentences(article)
    .map((s) => s.trim())
    .filter((s) => s.length > 4 && isJapanese(s));
  const all: HoverSample[] = [];
  for (const text of sentences)
    for (let at = 0; at < text.length; at++) if (isJapanese(text[at]!)) all.push({ text, at });
  // A fixed stride instead of randomness keeps runs comparable.
  const out: HoverSample[] = [];
  for (let i = 0; out.length < count; i++) out.push(all[(i * 7) % all.length]!);
  return out;
}

/**
 * Hovers on the other fixture pages (the eval corpus's texts, the seed article left out): what a reader met before
 * this article, so that the article's places are measured with the engine as it is after a few minutes of reading.
 */
function otherPagesHovers(root: string, count: number): HoverSample[] {
  const lines = readFileSync(join(root, 'tests/fixtures/eval/hovers.jsonl'), 'utf8').trim().split('\n');
  const texts = [
    ...new Set(
      lines
        .map((l) => JSON.parse(l) as { text: string; source: string })
        .filter((c) => !c.source.includes('seed-article'))
        .map((c) => c.text),
    ),
  ];
  const all: HoverSample[] = [];
  for (const text of texts) for (let at = 0; at < text.length; at++) if (isJapanese(text[at]!)) all.push({ text, at });
  const out: HoverSample[] = [];
  for (let i = 0; out.length < Math.min(count, all.length); i++) out.push(all[(i * 7) % all.length]!);
  return out;
}

export async function benchNode(root: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  await createTokenizer(nodeKuromojiLoader());
  const tokenizerReady = performance.now() - t0;

  const engine = createEngine(nodeAssets);
  const t1 = performance.now();
  await engine.lookup('延長', 0);
  const wordsReady = performance.now() - t1;
  await engine.ready();

  // The engine's first 3,000 lookups, on other pages: about a minute of reading, each hover asking ahead for the
  // places around it. The first 1,000 are reported on their own: the JIT still compiling, every word new.
  const fresh: number[] = [];
  for (const h of otherPagesHovers(root, 3000)) {
    const s = performance.now();
    await engine.lookup(h.text, h.at);
    if (fresh.length < 1000) fresh.push(performance.now() - s);
  }
  const hovers = articleHovers(root);
  // Warm-up pass: tokens of each sentence get cached, as they do while a reader moves along a sentence.
  for (const h of hovers.slice(0, 200)) await engine.lookup(h.text, h.at);
  const times: number[] = [];
  const glossaryTimes: number[] = [];
  const wordTimes: number[] = [];
  for (const h of hovers) {
    const s = performance.now();
    const result = await engine.lookup(h.text, h.at);
    const t = performance.now() - s;
    times.push(t);
    (result?.entries[0]?.source === 'glossary' ? glossaryTimes : wordTimes).push(t);
  }
  return {
    tokenizer_ready_ms: round(tokenizerReady, 1),
    words_ready_ms: round(wordsReady, 1),
    lookup_fresh_engine_p50_ms: round(percentile(fresh, 50)),
    lookup_fresh_engine_p95_ms: round(percentile(fresh, 95)),
    lookup_p50_ms: round(percentile(times, 50)),
    lookup_p95_ms: round(percentile(times, 95)),
    // Same run, same article: hovers that land on a glossary term against those that do not.
    glossary_hover_p50_ms: round(percentile(glossaryTimes, 50)),
    glossary_hover_p95_ms: round(percentile(glossaryTimes, 95)),
    word_hover_p50_ms: round(percentile(wordTimes, 50)),
    word_hover_p95_ms: round(percentile(wordTimes, 95)),
    glossary_hovers: glossaryTimes.length,
  };
}
