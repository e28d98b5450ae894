/**
 * Saves as the popup makes them, from real text (the seed article and the news pages of tests/fixtures) looked up
 * in the real EDICT: what unit tests and the benchmark store. Node only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseEdictEntries } from '../../src/node/edict';
import { loadNodeWords } from '../../src/node/words';
import { repoRoot } from '../../src/node/dictionaries';
import { lookupWords } from '../../src/core/lookup/word-lookup';
import type { SaveInput } from '../../src/core/vocab/word';
import { hasJapanese, hasKanji } from '../../src/core/text/chars';
import { splitSentences } from '../../src/core/text/sentence';

export const SEED_URL = 'https://www.newsweekjapan.jp/stories/world/2021/01/post-95461.php';
const SEED_TITLE = 'バイデン=プーチン、初の電話会談 新START延長で合意';

/** The seed article's sentences, as the content script cuts them (at sentence ends and line breaks). */
export function seedSentences(): string[] {
  const text = readFileSync(path.join(repoRoot(), 'tests/fixtures/news/seed-article.txt'), 'utf8');
  return splitSentences(text)
    .map((s) => s.trim())
    .filter(hasJapanese);
}

/** The save of the word that starts at `word` in `sentence` (its first occurrence), as the popup's first entry. */
export async function saveOf(
  sentence: string,
  word: string,
  page: { url: string; title: string } = { url: SEED_URL, title: SEED_TITLE },
): Promise<SaveInput> {
  const at = sentence.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${sentence}`);
  const result = lookupWords(sentence, at, { words: await loadNodeWords() });
  if (!result) throw new Error(`EDICT has nothing at ${word} in ${sentence}`);
  const entry = result.entries[0]!;
  return {
    entry: { source: entry.source, headword: entry.headword, reading: entry.reading, senses: entry.senses },
    context: {
      sentence: { text: sentence, start: result.start, end: result.end },
      title: page.title,
      url: page.url,
      site: new URL(page.url).hostname.replace(/^www\./, ''),
    },
  };
}

/** Text of the fixture news pages, tags and scripts dropped, cut into sentences. */
function fixtureSentences(): { url: string; title: string; sentences: string[] }[] {
  const dir = path.join(repoRoot(), 'tests/fixtures/pages');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as unknown;
  // The manifest names each page's outlet as "NHK NEWS WEB (www3.nhk.or.jp/news)": its host makes the page's URL.
  const urls = new Map<string, string>();
  if (Array.isArray(manifest))
    for (const m of manifest as { file?: string; outlet?: string }[]) {
      const host = /\(([^)\s]+)\)/.exec(m.outlet ?? '')?.[1];
      if (m.file && host) urls.set(m.file, `https://${host.replace(/\/$/, '')}/${m.file}`);
    }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(path.join(dir, file), 'utf8');
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? file;
      const text = html
        .replace(/<(script|style|noscript)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, '\n')
        .replace(/&[a-z#0-9]+;/gi, ' ');
      const sentences = splitSentences(text)
        .map((s) => s.trim())
        .filter((s) => s.length >= 8 && s.length <= 400 && hasKanji(s));
      return { url: urls.get(file) ?? `https://example.jp/${file}`, title, sentences };
    });
}

/**
 * Up to `n` saves of distinct words, each with a sentence it really occurs in: every position of every sentence of
 * the seed article and the fixture pages is looked up, and the first entry of each new word is kept.
 */
export async function realSaves(n: number): Promise<SaveInput[]> {
  const words = await loadNodeWords();
  const pages = [{ url: SEED_URL, title: SEED_TITLE, sentences: seedSentences() }, ...fixtureSentences()];
  const seen = new Set<string>();
  const out: SaveInput[] = [];
  for (const page of pages) {
    for (const sentence of page.sentences) {
      for (let at = 0; at < sentence.length; at++) {
        const result = lookupWords(sentence, at, { words });
        for (const entry of result?.entries ?? []) {
          const key = `${entry.headword}\t${entry.reading}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({
            entry: { source: entry.source, headword: entry.headword, reading: entry.reading, senses: entry.senses },
            context: {
              sentence: { text: sentence, start: at, end: at + entry.matchLength },
              title: page.title,
              url: page.url,
              site: new URL(page.url).hostname.replace(/^www\./, ''),
            },
          });
          if (out.length >= n) return out;
        }
      }
    }
  }
  return fillFromEdict(out, n, seen, pages);
}

/**
 * The news text holds some 7,700 distinct words; a benchmark of 10,000 takes the rest from EDICT itself, each with
 * a real sentence of the corpus (not containing it: such a save marks nothing).
 */
function fillFromEdict(
  out: SaveInput[],
  n: number,
  seen: Set<string>,
  pages: { url: string; title: string; sentences: string[] }[],
): SaveInput[] {
  if (out.length >= n) return out;
  const text = new TextDecoder('euc-jp').decode(gunzipSync(readFileSync(path.join(repoRoot(), 'data/edict/edict.gz'))));
  const sentences = pages.flatMap((p) => p.sentences.map((s) => ({ page: p, s })));
  let i = 0;
  for (const entry of parseEdictEntries(text)) {
    const headword = entry.kanji[0]?.text ?? entry.kana[0]!.text;
    const reading = entry.kana[0]?.text ?? '';
    const key = `${headword}\t${reading}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { page, s } = sentences[i++ % sentences.length]!;
    out.push({
      entry: { source: 'words', headword, reading, senses: entry.senses },
      context: {
        sentence: { text: s, start: 0, end: 0 },
        title: page.title,
        url: page.url,
        site: new URL(page.url).hostname.replace(/^www\./, ''),
      },
    });
    if (out.length >= n) break;
  }
  return out;
}
