import type { LookupResult, Token } from './types';
import type { WordIndex } from './dict/word-index';
import { openWords } from './dict/words-format';
import { createTokenizer, type Tokenizer } from './tokenizer/tokenizer';
import { lookup } from './lookup/answer';
import { hepburn } from './text/hepburn';
import { parseGlossaryFile } from './glossary/entry';
import { createGlossaryIndex, type GlossaryIndex } from './glossary/match';
import { annotateText } from './annotate';
import { kanjiOf, openKanji, type KanjiIndex } from './kanji/kanjidic';
import type { Annotation } from './reading-types';

/** Reads one of the extension's data files, already decompressed when its name ends in `.gz`. */
export type AssetLoader = (path: string) => Promise<ArrayBuffer>;

export interface EngineStatus {
  words: boolean;
  tokenizer: boolean;
  glossary?: boolean;
  names?: boolean;
  kanji?: boolean;
  error?: string;
}

export interface Engine {
  lookup(text: string, at: number): Promise<LookupResult | null>;
  tokens(text: string): Promise<Token[]>;
  /** Reading mode's view of each text: furigana, glossary terms, uncommon words (waits for kuromoji and the glossary). */
  annotate(texts: readonly string[]): Promise<Annotation[]>;
  status(): EngineStatus;
  /** Resolves when every part has loaded (or failed). */
  ready(): Promise<void>;
}

export const WORD_FILES = { idx: 'data/words.idx', dat: 'data/words.dat' } as const;
export const NAME_FILES = { idx: 'data/names.idx', dat: 'data/names.dat' } as const;
export const GLOSSARY_FILE = 'data/glossary.json';
export const KANJI_FILE = 'data/kanji.json';

/**
 * One engine per background: the dictionary loads first (tens of ms) and answers hovers on its own; kuromoji
 * (hundreds of ms) joins when ready and refines segmentation. Requests that arrive before the dictionary are
 * queued on its promise, never dropped.
 */
export function createEngine(load: AssetLoader, kuromojiDir = 'kuromoji'): Engine {
  const state: EngineStatus = { words: false, tokenizer: false, glossary: false, names: false, kanji: false };
  let tokenizer: Tokenizer | null = null;
  let glossary: GlossaryIndex | undefined;
  let names: WordIndex | undefined;
  let kanji: KanjiIndex | undefined;
  const failed = (part: string) => (err: unknown) => {
    state.error ??= `${part}: ${String(err)}`;
  };

  const words: Promise<WordIndex> = Promise.all([load(WORD_FILES.idx), load(WORD_FILES.dat)]).then(
    ([idx, dat]) => {
      const index = openWords({ idx, dat });
      state.words = true;
      return index;
    },
    (err: unknown) => {
      state.error = `dictionary: ${String(err)}`;
      throw err;
    },
  );
  // Start kuromoji after the dictionary so the first hover is not competing with it for the CPU.
  const tokenizerReady: Promise<Tokenizer | null> = words
    .catch(() => undefined)
    .then(() => createTokenizer((name) => load(`${kuromojiDir}/${name}`)))
    .then(
      (t) => {
        tokenizer = t;
        state.tokenizer = true;
        return t;
      },
      (err: unknown) => {
        state.error = `tokenizer: ${String(err)}`;
        return null;
      },
    );

  // The glossary is small and answers the first hover on a term; names are big and only add a section: both load
  // after the dictionary, and a hover never waits for them.
  const glossaryReady = words
    .catch(() => undefined)
    .then(() => load(GLOSSARY_FILE))
    .then((json) => {
      glossary = createGlossaryIndex(parseGlossaryFile(json).entries);
      state.glossary = true;
    }, failed('glossary'));
  // Kanji information only adds a section, and is small: it follows the glossary. Answers stay `partial` until it
  // has loaded (or failed), so that none is cached without it.
  let kanjiSettled = false;
  const kanjiReady = glossaryReady
    .then(() => load(KANJI_FILE))
    .then((json) => {
      kanji = openKanji(new TextDecoder('utf-8').decode(json));
      state.kanji = true;
    }, failed('kanji'))
    .finally(() => (kanjiSettled = true));
  const namesReady = words
    .catch(() => undefined)
    .then(() => Promise.all([load(NAME_FILES.idx), load(NAME_FILES.dat)]))
    .then(([idx, dat]) => {
      names = openWords({ idx, dat });
      state.names = true;
    }, failed('names'));

  // Hovering along a sentence repeats the same text: keep its tokens.
  const tokenCache = new Map<string, Token[]>();
  function tokensOf(text: string): Token[] | undefined {
    if (!tokenizer) return undefined;
    let tokens = tokenCache.get(text);
    if (!tokens) {
      tokens = tokenizer.tokenize(text);
      if (tokenCache.size >= 64) tokenCache.delete(tokenCache.keys().next().value as string);
      tokenCache.set(text, tokens);
    }
    return tokens;
  }

  return {
    async lookup(text, at) {
      const index = await words;
      const result = lookup(text, at, { words: index, tokens: tokensOf(text), glossary, names });
      // Romaji is made here so the content script does not carry wanakana.
      for (const entry of result?.entries ?? []) entry.romaji = hepburn(entry.reading);
      if (result && kanji) {
        const described = kanjiOf(result.match, kanji);
        if (described.length > 0) result.kanji = described;
      }
      if (tokenizer && glossary && names && kanjiSettled) return result;
      // The hover shows this at once, and asks again once kuromoji, the glossary and the names are in; even
      // "nothing here" may change then (新START needs the glossary).
      return { ...(result ?? { start: at, end: at, match: '', entries: [] }), partial: true };
    },
    async tokens(text) {
      const t = await tokenizerReady;
      if (!t) throw new Error(state.error ?? 'tokenizer unavailable');
      return tokensOf(text) ?? [];
    },
    async annotate(texts) {
      const t = await tokenizerReady;
      if (!t) throw new Error(state.error ?? 'tokenizer unavailable');
      const index = await words;
      await glossaryReady;
      await kanjiReady;
      // Not through the token cache: an article's paragraphs would push out the sentences hovering reuses.
      return texts.map((text) => annotateText(text, t.tokenize(text), { words: index, glossary, kanji }));
    },
    status: () => ({ ...state }),
    async ready() {
      await Promise.allSettled([words, tokenizerReady, glossaryReady, namesReady, kanjiReady]);
    },
  };
}
