/**
 * Finds the article once the page is loaded and marks it (data-kiji-article on the body elements, data-kiji-title on
 * the headline). Single-page sites load the article late or swap it without a page load: the marker detects again
 * when the URL changes or when subtrees with a good deal of Japanese text are added, after the page has settled,
 * never once per mutation and never by reading the whole page to decide.
 */
import { detectArticleSteps, type ArticleResult } from '../../core/article/detect';
import type { DomDocument } from '../../core/article/dom';
import { CHUNK_BUDGET_MS, yieldToPage } from './chunks';
import { RUBY_ATTRIBUTE } from './ruby-dom';

export const ARTICLE_ATTRIBUTE = 'data-kiji-article';
export const TITLE_ATTRIBUTE = 'data-kiji-title';
/**
 * User Timing entries for each detection (read by the benchmark): from start to result, its longest slice, and all
 * its slices together (Kiji's own time; start to result also holds the page's tasks run between the slices).
 */
const DETECT_MEASURE = 'kiji-detect';
const DETECT_SLICE_MEASURE = 'kiji-detect-slice';
const DETECT_WORK_MEASURE = 'kiji-detect-work';

/** Quiet time after the last added subtree before looking at what was added. */
export const SETTLE_MS = 400;
/** A page that never stops changing (a ticker) is still looked at this often. */
const MAX_WAIT_MS = 2000;
/** Detections are at least this far apart. */
const MIN_INTERVAL_MS = 1000;
/** Japanese characters added that make a new article likely. */
const SUBSTANTIAL_CHARS = 150;
/** Added subtrees kept for the check; more than this at once is a new page anyway. */
const MAX_PENDING = 64;
/** Characters read from each added subtree for the check. */
const PROBE_CHARS = 4000;

export type Article = ArticleResult<Element>;

function japaneseCount(text: string, enough: number): number {
  let n = 0;
  const limit = Math.min(text.length, PROBE_CHARS);
  for (let i = 0; i < limit && n < enough; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)) n++;
  }
  return n;
}

function sameArticle(a: Article | null, b: Article): boolean {
  if (!a || a.found !== b.found || a.titleElement !== b.titleElement) return false;
  if (a.bodyElements.length !== b.bodyElements.length) return false;
  return a.bodyElements.every((el, i) => el === b.bodyElements[i]) && a.text === b.text;
}

export class ArticleMarker {
  private current: Article | null = null;
  private observer: MutationObserver | null = null;
  /**
   * Added subtrees waiting for the page to settle. Weakly: a page that adds a subtree and drops it before then (a
   * carousel, an ad slot) must not have it kept alive by us, detached, for the seconds of the wait.
   */
  private pending: WeakRef<Node>[] = [];
  private overflow = false;
  private urlChanged = false;
  private href: string;
  private settleTimer = 0;
  private firstPendingAt = 0;
  private lastDetectAt = -Infinity;
  private readonly disposers: (() => void)[] = [];
  /** The detection under way, and whether another was asked for meanwhile. */
  private running: Promise<Article | null> | null = null;
  private again = false;
  /** Bumped by stop(): a detection under way for an older number drops its result. */
  private generation = 0;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly onChange: (article: Article) => void,
  ) {
    this.href = win.location.href;
  }

  get article(): Article | null {
    return this.current;
  }

  /** Watches the page; resolves once the first detection has marked the article. */
  start(): Promise<unknown> {
    const first = this.detect();
    const MO = this.win.MutationObserver;
    const body = this.win.document.body;
    if (MO && body) {
      this.observer = new MO((records) => this.onMutations(records));
      this.observer.observe(body, { childList: true, subtree: true });
    }
    const onNavigate = () => {
      this.urlChanged = true;
      this.schedule();
    };
    this.win.addEventListener('popstate', onNavigate);
    this.disposers.push(() => this.win.removeEventListener('popstate', onNavigate));
    // The Navigation API sees the page's pushState too (our history object is not the page's).
    const navigation = (this.win as unknown as { navigation?: EventTarget }).navigation;
    if (navigation) {
      navigation.addEventListener('navigatesuccess', onNavigate);
      this.disposers.push(() => navigation.removeEventListener('navigatesuccess', onNavigate));
    }
    return first;
  }

  stop(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    this.win.clearTimeout(this.settleTimer);
    this.disposers.splice(0).forEach((d) => d());
    this.unmark();
    this.current = null;
  }

  /** Forgets the mutation records our own changes caused (ruby going in or out). */
  discardRecords(): void {
    this.observer?.takeRecords();
  }

  /**
   * Detects now, in slices that give the page the main thread back (a megabyte of text took one task of 140–430 ms
   * in one go); marks and reports the article when it differs from the one marked. A request while one runs is
   * served by one more detection after it.
   */
  detect(): Promise<Article | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = this.detectSliced().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.detect();
      }
    });
    this.running = run;
    return run;
  }

  private async detectSliced(): Promise<Article | null> {
    const generation = this.generation;
    const perf = this.win.performance;
    const t0 = perf.now();
    const steps = detectArticleSteps<Element>(this.win.document as unknown as DomDocument);
    let longest = { start: t0, duration: 0 };
    let work = 0;
    let article: Article;
    for (;;) {
      const start = perf.now();
      let next = steps.next();
      while (!next.done && perf.now() - start < CHUNK_BUDGET_MS) next = steps.next();
      const duration = perf.now() - start;
      work += duration;
      if (duration > longest.duration) longest = { start, duration };
      if (next.done) {
        article = next.value;
        break;
      }
      await yieldToPage(this.win);
      if (generation !== this.generation) return null;
    }
    const t1 = perf.now();
    this.lastDetectAt = t1;
    try {
      perf.measure(DETECT_MEASURE, { start: t0, end: t1 });
      perf.measure(DETECT_SLICE_MEASURE, { start: longest.start, end: longest.start + longest.duration });
      perf.measure(DETECT_WORK_MEASURE, { start: t0, duration: work });
    } catch {
      // User Timing with explicit times is missing in old engines; the figures are only for benchmarks.
    }
    this.href = this.win.location.href;
    if (sameArticle(this.current, article)) return this.current!;
    this.unmark();
    this.current = article;
    if (article.found) {
      for (const el of article.bodyElements) el.setAttribute(ARTICLE_ATTRIBUTE, '');
      article.titleElement?.setAttribute(TITLE_ATTRIBUTE, '');
    }
    this.onChange(article);
    return article;
  }

  private unmark(): void {
    const c = this.current;
    if (!c) return;
    for (const el of c.bodyElements) el.removeAttribute(ARTICLE_ATTRIBUTE);
    c.titleElement?.removeAttribute(TITLE_ATTRIBUTE);
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.win.location.href !== this.href) this.urlChanged = true;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 && node.nodeType !== 3) continue;
        if (node.nodeType === 1 && (node as Element).hasAttribute(RUBY_ATTRIBUTE)) continue;
        if (this.pending.length < MAX_PENDING) this.pending.push(new WeakRef(node));
        else this.overflow = true;
      }
    }
    if (this.pending.length > 0 || this.urlChanged) this.schedule();
  }

  private schedule(): void {
    const now = this.win.performance.now();
    if (!this.settleTimer) this.firstPendingAt = now;
    this.win.clearTimeout(this.settleTimer);
    const wait = Math.min(SETTLE_MS, Math.max(0, this.firstPendingAt + MAX_WAIT_MS - now));
    this.settleTimer = this.win.setTimeout(() => this.settled(), wait);
  }

  private settled(): void {
    this.settleTimer = 0;
    const sinceLast = this.win.performance.now() - this.lastDetectAt;
    if (sinceLast < MIN_INTERVAL_MS) {
      this.settleTimer = this.win.setTimeout(() => this.settled(), MIN_INTERVAL_MS - sinceLast);
      return;
    }
    const pending = this.pending;
    const substantial = this.urlChanged || this.overflow || this.addedJapanese(pending) >= SUBSTANTIAL_CHARS;
    this.pending = [];
    this.overflow = false;
    this.urlChanged = false;
    if (substantial) void this.detect();
  }

  /** Japanese characters in the added subtrees still in the page, read until there are enough. */
  private addedJapanese(nodes: WeakRef<Node>[]): number {
    let n = 0;
    for (const ref of nodes) {
      const node = ref.deref();
      if (!node?.isConnected) continue;
      n += japaneseCount(node.textContent ?? '', SUBSTANTIAL_CHARS - n);
      if (n >= SUBSTANTIAL_CHARS) break;
    }
    return n;
  }
}
