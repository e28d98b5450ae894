/**
 * The seam between the content script (always loaded, small) and the reading-mode module (loaded on demand): the
 * module gets the engine through the host and never touches extension APIs itself.
 */
import type { Annotation, ArticleInfo, ArticleTarget, ReadingState } from '../../core/reading-types';

export interface ReadingHost {
  /** The engine's annotation of each text (one message, answered by the background's engine). */
  annotate(texts: string[]): Promise<Annotation[]>;
  /** Dictionary forms the reader marked known. */
  knownWords(): Promise<ReadonlySet<string>>;
}

/** What the module says about the article; the content script adds the site and its reading mode. */
export type ArticleSummary = Omit<ArticleInfo, 'site' | 'url' | 'readingMode'>;

export interface ReadingModeApi {
  /**
   * Finds and marks the article (in slices between which the page runs), and keeps watching for one that arrives
   * later or replaces it; resolves once the first detection is done.
   */
  start(): Promise<void>;
  /** Shows furigana and glossary highlights as `state` says (or removes them), on the current article. */
  setState(state: ReadingState): Promise<void>;
  /** Tints the article's glossary terms, or not (a setting, on by default). */
  setMarks(on: boolean): void;
  summary(): Promise<ArticleSummary>;
  /** Scrolls to the first occurrence and flashes it; false when the article does not hold it. */
  flash(target: ArticleTarget): Promise<boolean>;
  /** Restores the page: no ruby, no highlight, no mark, no observer. */
  stop(): void;
}

export type CreateReadingMode = (win: Window & typeof globalThis, host: ReadingHost) => ReadingModeApi;
