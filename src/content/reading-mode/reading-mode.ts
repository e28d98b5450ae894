/**
 * Reading mode over the detected article: furigana by level, glossary terms tinted, and what the toolbar panel
 * shows about the article. The article is annotated once, in a few messages to the engine: ruby goes onto the first
 * paragraphs while the engine reads the next. A change of level only restores and re-places ruby, in slices that
 * never hold the main thread for long.
 */
import { SENTENCE_OR_LINE_END } from '../../core/text/sentence';
import { showsRuby } from '../../core/furigana';
import {
  DEFAULT_READING_STATE,
  type Annotation,
  type ArticleItem,
  type ArticleTarget,
  type FuriganaLevel,
  type ReadingState,
} from '../../core/reading-types';
import type { ArticleSummary, ReadingHost, ReadingModeApi } from './api';
import { ArticleMarker, type Article } from './article-marker';
import { runInChunks, yieldToPage } from './chunks';
import { PageHighlights } from './page-highlights';
import { RubyLayer, type NodeRuby } from './ruby-dom';
import { collectRuns, pieceFor, type TextRun } from './text-runs';

/** Characters per annotate message: ruby goes on the first paragraphs while the engine reads the next. */
const BATCH_CHARS = 1500;
const BATCH_TEXTS = 64;
/** User Timing entry from the start of furigana to the last ruby placed (read by the benchmark). */
const ANNOTATE_MEASURE = 'kiji-annotate';
/** The engine's part of it: from the first request to the last answer (the article is annotated once). */
const ENGINE_MEASURE = 'kiji-annotate-engine';
/** The longest slice of placing ruby, and the building of highlight ranges after it. */
const SLICE_MEASURE = 'kiji-annotate-slice';

/** Runs runs[from, to) and the engine's answer for them. */
interface Batch {
  from: number;
  to: number;
  annotations: Promise<Annotation[]>;
}

interface Analysis {
  article: Article;
  runs: TextRun[];
  batches: Batch[];
  /** Every run's annotation, once all batches are answered. */
  all: Promise<Annotation[]>;
}

const NO_KNOWN_WORDS: ReadonlySet<string> = new Set();
/** Before the first detection. */
const NO_ARTICLE: Article = { found: false, title: '', bodyElements: [], text: '', paragraphs: [] };

function measure(perf: Performance, name: string, start: number, end = perf.now()): void {
  try {
    perf.measure(name, { start, end });
  } catch {
    // User Timing with explicit times is missing in old engines; the figures are only for benchmarks.
  }
}

/** Two runs cut from one long paragraph share a text node: they go in the same batch, so it gets its ruby at once. */
function shareNode(a: TextRun, b: TextRun): boolean {
  return a.pieces[a.pieces.length - 1]?.node === b.pieces[0]?.node;
}

function batchRanges(runs: TextRun[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let chars = 0;
  runs.forEach((run, i) => {
    const full = chars + run.text.length > BATCH_CHARS || i - from === BATCH_TEXTS;
    if (i > from && full && !shareNode(runs[i - 1]!, run)) {
      out.push([from, i]);
      from = i;
      chars = 0;
    }
    chars += run.text.length;
  });
  if (from < runs.length) out.push([from, runs.length]);
  return out;
}

/**
 * Starts each request in slices: a megabyte of article is hundreds of messages, whose sending held the main thread
 * for 30 ms in one go. Each promise settles as its request does.
 */
function sendInSlices<T>(win: Window & typeof globalThis, requests: (() => Promise<T>)[]): Promise<T>[] {
  const settle: [(value: T) => void, (err: unknown) => void][] = [];
  const promises = requests.map((_, i) => new Promise<T>((resolve, reject) => (settle[i] = [resolve, reject])));
  void runInChunks(win, requests.keys(), (i) => {
    const [resolve, reject] = settle[i]!;
    requests[i]!().then(resolve, reject);
  });
  return promises;
}

/** The sentence of text[start, end) and where the span is in it. */
interface NameSeen {
  count: number;
  reading: string;
  /** As first written under this name, and where. */
  form: string;
  sentence: ArticleItem['sentence'];
}

/** A term shown under the name the article writes most (the first of equals), counted under all its names. */
function asWrittenMost(item: ArticleItem, names: ReadonlyMap<string, NameSeen>): ArticleItem {
  let best: [string, NameSeen] | null = null;
  for (const entry of names) if (!best || entry[1].count > best[1].count) best = entry;
  if (!best) return item;
  const [text, { reading, form, sentence }] = best;
  return { ...item, text, reading, form: text === item.text ? form : text, sentence };
}

function sentenceAround(text: string, start: number, end: number): ArticleItem['sentence'] {
  const ends = new RegExp(SENTENCE_OR_LINE_END.source, 'g');
  let from = 0;
  for (let m = ends.exec(text); m && m.index < start; m = ends.exec(text)) from = m.index + 1;
  ends.lastIndex = Math.max(end, from);
  const stop = ends.exec(text);
  const to = stop ? stop.index + 1 : text.length;
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const sentence = raw.trim();
  return { text: sentence, start: start - from - lead, end: end - from - lead };
}

export class ReadingMode implements ReadingModeApi {
  private readonly marker: ArticleMarker;
  private readonly ruby: RubyLayer;
  private readonly highlights: PageHighlights;
  private analysis: Analysis | null = null;
  private marks = true;
  /**
   * The glossary terms of the article as shown last, kept so the marks can come back without new work. Static
   * ranges: the browser updates every live Range in the document on every change to it, and with the thousands of
   * a long article, taking its ruby off again held the main thread for seconds.
   */
  private terms: AbstractRange[] = [];
  private state: ReadingState = DEFAULT_READING_STATE;
  /** Bumped by every change of state or article: work for an older number stops. */
  private generation = 0;
  /** Resolves when the latest setState has finished placing ruby. */
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly host: ReadingHost,
  ) {
    this.ruby = new RubyLayer(win);
    this.highlights = new PageHighlights(win);
    this.marker = new ArticleMarker(win, () => this.onArticle());
  }

  async start(): Promise<void> {
    await this.marker.start();
  }

  stop(): void {
    this.generation++;
    this.clear();
    this.highlights.stop();
    this.marker.stop();
  }

  setState(state: ReadingState): Promise<void> {
    this.state = state;
    const generation = ++this.generation;
    this.applying = this.apply(generation);
    return this.applying;
  }

  /** A new article (or none) replaced the marked one: what was shown on the old one goes, the new one gets it. */
  private onArticle(): void {
    this.analysis = null;
    // Nobody waits for this one: an engine failure shows as no furigana, and the panel reports it when asked.
    if (this.state.on) this.setState(this.state).catch(() => undefined);
  }

  private clear(): void {
    this.ruby.restore();
    this.marker.discardRecords();
    this.highlights.clearTerms();
    this.terms = [];
  }

  setMarks(on: boolean): void {
    this.marks = on;
    if (on) this.highlights.showTerms(this.terms);
    else this.highlights.clearTerms();
  }

  private async apply(generation: number): Promise<void> {
    const current = () => generation === this.generation;
    // Taken off in slices too: over a megabyte of text, 14,000 ruby held the main thread for 150 ms in one go.
    this.highlights.clearTerms();
    this.terms = [];
    this.ruby.unwatch();
    const cleared = await runInChunks(this.win, this.ruby.placedNodes(), (node) => this.ruby.restoreNode(node), {
      cancelled: () => !current(),
      afterSlice: () => this.marker.discardRecords(),
    });
    if (!cleared.done) return;
    const { on, furigana } = this.state;
    if (!on) return;
    const perf = this.win.performance;
    const t0 = perf.now();
    // Known words lose their glossary tint, and their furigana at every level but "every kanji word". Set
    // phrases of news writing (とされる, 強調した) keep their card on hover but get no tint: on every line
    // they would drown the terms that matter. Asked before the article's batches: in Chrome the store shares
    // the engine's thread, and asked after them it was answered after them (80 ms later on 5,000 characters).
    const knownAsked = this.host.knownWords();
    const analysis = this.analyse();
    const known = await knownAsked;
    if (!current()) return;
    this.ruby.inlineStyles = !this.highlights.ensureRules();
    this.ruby.watch(analysis.article.bodyElements);
    let longest = { start: 0, duration: 0 };
    for (const batch of analysis.batches) {
      const annotations = await batch.annotations;
      if (!current()) return;
      const byNode = this.rubyByNode(
        analysis.runs.slice(batch.from, batch.to),
        annotations,
        furigana,
        furigana === 'all' ? NO_KNOWN_WORDS : known,
      );
      const ruby = this.ruby;
      const steps = (function* () {
        // A step at least per node, so that the slices keep to their budget.
        for (const [node, parts] of byNode) {
          yield* ruby.placeInSteps(node, parts);
          yield;
        }
      })();
      const result = await runInChunks(this.win, steps, () => undefined, {
        cancelled: () => !current(),
        afterSlice: () => {
          this.ruby.discardRecords();
          this.marker.discardRecords();
        },
      });
      if (!result.done || !current()) return;
      if (result.longest.duration > longest.duration) longest = result.longest;
      // The next batch's answer is often in already, and awaiting it would go on in this same task: a megabyte's
      // batches, each within its budget, then ran back to back as one task of 60 ms.
      await yieldToPage(this.win);
      if (!current()) return;
    }
    const annotations = await analysis.all;
    if (!current()) return;
    // Thousands of terms in a long article: their ranges are made in slices too (in one go they held the main
    // thread for 85 ms over a megabyte of text).
    const terms: AbstractRange[] = [];
    const ranged = await runInChunks(
      this.win,
      analysis.runs.keys(),
      (i) => this.termRanges(analysis.runs[i]!, annotations[i], known, terms),
      { cancelled: () => !current() },
    );
    if (!ranged.done || !current()) return;
    if (ranged.longest.duration > longest.duration) longest = ranged.longest;
    const t1 = perf.now();
    this.terms = terms;
    if (this.marks) this.highlights.showTerms(this.terms);
    measure(perf, ANNOTATE_MEASURE, t0);
    measure(perf, SLICE_MEASURE, longest.start, longest.start + longest.duration);
    measure(perf, SLICE_MEASURE, t1);
  }

  /** The readings `level` shows, grouped by the text node they go on, in document order. */
  private rubyByNode(
    runs: TextRun[],
    annotations: Annotation[],
    level: FuriganaLevel,
    known: ReadonlySet<string>,
  ): Map<Text, NodeRuby[]> {
    const byNode = new Map<Text, NodeRuby[]>();
    runs.forEach((run, i) => {
      for (const word of annotations[i]?.words ?? []) {
        if (!showsRuby(word, level, known)) continue;
        for (const part of word.ruby) {
          const piece = pieceFor(run, part.start, part.end);
          if (!piece || !piece.editable) continue;
          let list = byNode.get(piece.node);
          if (!list) byNode.set(piece.node, (list = []));
          list.push({ start: part.start - piece.start, end: part.end - piece.start, reading: part.reading });
        }
      }
    });
    return byNode;
  }

  /** Runs of the marked article, and the engine's annotation of each, asked once per article. */
  private analyse(): Analysis {
    if (!this.analysis) {
      const article = this.marker.article ?? NO_ARTICLE;
      const runs = article.found ? collectRuns(article.bodyElements) : [];
      const perf = this.win.performance;
      const t0 = perf.now();
      const ranges = batchRanges(runs);
      const sent = sendInSlices(
        this.win,
        ranges.map(
          ([from, to]) =>
            () =>
              this.host.annotate(runs.slice(from, to).map((r) => r.text)),
        ),
      );
      const batches: Batch[] = ranges.map(([from, to], i) => ({ from, to, annotations: sent[i]! }));
      const all = Promise.all(batches.map((b) => b.annotations)).then((answers) => {
        measure(perf, ENGINE_MEASURE, t0);
        return answers.flat();
      });
      const analysis: Analysis = { article, runs, batches, all };
      // A failed annotation (the engine could not load) is not kept: the next request tries again.
      all.catch(() => {
        if (this.analysis === analysis) this.analysis = null;
      });
      this.analysis = analysis;
    }
    return this.analysis;
  }

  /** DOM ranges of text[start, end) of a run, one per text node so that no range takes in a ruby reading. */
  private ranges(run: TextRun, start: number, end: number): Range[] {
    const doc = this.win.document;
    const out: Range[] = [];
    this.eachSpan(run, start, end, (node, from, to) => {
      const range = doc.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      out.push(range);
    });
    return out;
  }

  /** As ranges(), but static (see `terms`) where the browser has them. */
  private staticRanges(run: TextRun, start: number, end: number, out: AbstractRange[]): void {
    const Static = (this.win as unknown as { StaticRange?: typeof StaticRange }).StaticRange;
    if (!Static) {
      out.push(...this.ranges(run, start, end));
      return;
    }
    this.eachSpan(run, start, end, (node, from, to) =>
      out.push(new Static({ startContainer: node, startOffset: from, endContainer: node, endOffset: to })),
    );
  }

  private eachSpan(run: TextRun, start: number, end: number, fn: (node: Text, from: number, to: number) => void): void {
    for (const p of run.pieces) {
      if (p.end <= start || p.start >= end) continue;
      if (!p.node.isConnected) continue;
      const from = Math.max(start, p.start) - p.start;
      const to = Math.min(end, p.end) - p.start;
      for (const span of this.ruby.spans(p.node, from, to)) fn(span.node, span.start, span.end);
    }
  }

  /** The ranges of the run's glossary terms that get a tint, added to `out`. */
  private termRanges(
    run: TextRun,
    annotation: Annotation | undefined,
    known: ReadonlySet<string>,
    out: AbstractRange[],
  ): void {
    for (const term of annotation?.terms ?? [])
      if (!known.has(term.term) && term.category !== 'phrase') this.staticRanges(run, term.start, term.end, out);
  }

  async summary(): Promise<ArticleSummary> {
    const analysis = this.analyse();
    const { article } = analysis;
    const annotations = await analysis.all;
    // A term under all its names (新戦略兵器削減条約 and 新START are one entry); each name with its count and where
    // it was first written.
    const terms = new Map<string, { item: ArticleItem; names: Map<string, NameSeen> }>();
    const uncommon = new Map<string, ArticleItem>();
    let words = 0;
    annotations.forEach((a, i) => {
      const text = analysis.runs[i]!.text;
      words += a.wordCount;
      for (const t of a.terms) {
        let seen = terms.get(t.term);
        if (!seen) {
          const { term, form, reading, en, category } = t;
          const item = {
            text: term,
            term,
            form,
            reading,
            en,
            count: 0,
            sentence: sentenceAround(text, t.start, t.end),
            category,
          };
          seen = { item, names: new Map() };
          terms.set(term, seen);
        }
        seen.item.count++;
        const name = t.alias?.text ?? t.term;
        const known = seen.names.get(name);
        if (known) known.count++;
        else {
          const sentence = sentenceAround(text, t.start, t.end);
          seen.names.set(name, { count: 1, reading: t.alias?.reading ?? t.reading, form: t.form, sentence });
        }
      }
      for (const w of a.uncommon) {
        const item = uncommon.get(w.base);
        if (item) item.count++;
        else {
          const form = text.slice(w.start, w.end);
          const sentence = sentenceAround(text, w.start, w.end);
          const { level, common } = w;
          uncommon.set(w.base, {
            text: w.base,
            form,
            reading: w.reading,
            en: w.gloss,
            count: 1,
            sentence,
            level,
            common,
          });
        }
      }
    });
    return {
      found: article.found,
      title: article.title,
      chars: article.text.replace(/\s+/g, '').length,
      words,
      terms: [...terms.values()].map(({ item, names }) => asWrittenMost(item, names)),
      uncommon: [...uncommon.values()],
    };
  }

  async flash(target: ArticleTarget): Promise<boolean> {
    const analysis = this.analyse();
    const annotations = await analysis.all;
    // Ruby being placed splits text nodes: point at the text once it is in place.
    await this.applying.catch(() => undefined);
    for (let i = 0; i < analysis.runs.length; i++) {
      const a = annotations[i];
      const span =
        target.kind === 'term'
          ? a?.terms.find((t) => t.term === target.text)
          : a?.uncommon.find((w) => w.base === target.text);
      if (!span) continue;
      const ranges = this.ranges(analysis.runs[i]!, span.start, span.end);
      if (ranges.length === 0) continue;
      this.scrollTo(ranges[0]!);
      this.highlights.flash(ranges);
      return true;
    }
    return false;
  }

  private scrollTo(range: Range): void {
    const rect = range.getBoundingClientRect();
    const viewport = this.win.innerHeight;
    if (rect.top >= viewport * 0.15 && rect.bottom <= viewport * 0.85) return;
    // A third down the window: the reader sees the term with the text before it.
    this.win.scrollBy({ top: rect.top - viewport / 3, behavior: 'smooth' });
  }
}

export function createReadingMode(win: Window & typeof globalThis, host: ReadingHost): ReadingModeApi {
  return new ReadingMode(win, host);
}
