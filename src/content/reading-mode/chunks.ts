/**
 * Long page work in slices: each slice runs for at most `budgetMs`, then the page gets the main thread back (input,
 * rendering, its own scripts) before the next. No slice becomes a long task (> 50 ms).
 */

export const CHUNK_BUDGET_MS = 5;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Lets the page run: scheduler.yield() where the browser has it (keeps our place in line), else a macrotask. */
export function yieldToPage(win: Window & typeof globalThis): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

interface ChunkOptions {
  budgetMs?: number;
  /** Stop early (the reader changed the mode while we worked). */
  cancelled?: () => boolean;
  /** Called at the end of every slice, before yielding (e.g. to drop the mutation records we caused). */
  afterSlice?: () => void;
}

interface ChunkResult {
  /** False when cancelled before the end. */
  done: boolean;
  /** The longest slice: when it started (performance.now()) and how long it ran, ms. */
  longest: { start: number; duration: number };
}

/** Runs `work` on every item in slices. */
export async function runInChunks<T>(
  win: Window & typeof globalThis,
  items: Iterable<T>,
  work: (item: T) => void,
  options: ChunkOptions = {},
): Promise<ChunkResult> {
  const budget = options.budgetMs ?? CHUNK_BUDGET_MS;
  const perf = win.performance;
  const longest = { start: 0, duration: 0 };
  const it = items[Symbol.iterator]();
  for (;;) {
    if (options.cancelled?.()) return { done: false, longest };
    const start = perf.now();
    let next = it.next();
    while (!next.done) {
      work(next.value);
      if (perf.now() - start >= budget) break;
      next = it.next();
    }
    options.afterSlice?.();
    const duration = perf.now() - start;
    if (duration > longest.duration) Object.assign(longest, { start, duration });
    if (next.done) return { done: true, longest };
    await yieldToPage(win);
  }
}
