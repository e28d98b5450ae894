// Which long tasks Kiji caused, from a Chromium trace. The Long Tasks and Long Animation Frames APIs see the task
// but not whose it was: LoAF names the page's scripts only, never a content script (an isolated world), so it
// cannot tell Kiji's work from the page's. The trace has both: every main-thread task of the page's renderer, and
// V8's CPU samples with their stacks. A sample whose stack holds one of Kiji's page-side scripts (the content
// script and the modules it imports) is Kiji's time; a task over 50 ms in which Kiji had more than 50 ms of it is a
// long task Kiji caused. Samples measure wall time: on a machine shared with other work, a thread taken off the CPU
// in the middle of a 5 ms slice of ours shows a slice of 50 ms. Kiji's share is therefore scaled by the share of the
// task's wall time the thread was on a CPU (the trace's thread time): what is judged is the work Kiji did.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Kiji's page-side scripts (the extension's pages, such as the options page a test drives, are not in pages). */
const KIJI_PAGE_SCRIPT = /^chrome-extension:\/\/[a-z]+\/(content|reading|vocab-ui)\.js/;

export const LONG_TASK_MS = 50;

export interface TracedTask {
  /** Trace clock, ms. */
  start: number;
  duration: number;
  /** The thread's CPU time in the task. */
  cpuMs: number;
  /** Time of CPU samples in the task whose stack holds Kiji's code, times the task's CPU time over its duration. */
  kijiMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { url?: string; functionName?: string; lineNumber?: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/** Tasks over `longerThan` ms on the renderers' main threads, each with Kiji's share of it. */
export function longTasksOf(events: TraceEvent[], longerThan = LONG_TASK_MS): TracedTask[] {
  const mainThreads = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mainThreads.add(`${e.pid}:${e.tid}`);

  // Kiji's samples, as [time µs, weight µs], per process.
  const kijiSamples = new Map<number, [number, number][]>();
  interface Profile {
    pid: number;
    time: number;
    kiji: Map<number, boolean>;
    parents: Map<number, number | undefined>;
    urls: Map<number, string>;
  }
  const profiles = new Map<string, Profile>();
  const isKiji = (p: Profile, id: number): boolean => {
    const known = p.kiji.get(id);
    if (known !== undefined) return known;
    const parent = p.parents.get(id);
    const own = KIJI_PAGE_SCRIPT.test(p.urls.get(id) ?? '');
    const answer = own || (parent !== undefined && isKiji(p, parent));
    p.kiji.set(id, answer);
    return answer;
  };
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      profiles.set(`${e.pid}:${e.id}`, {
        pid: e.pid,
        time: e.args?.data?.startTime ?? e.ts,
        kiji: new Map(),
        parents: new Map(),
        urls: new Map(),
      });
      continue;
    }
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) {
      p.parents.set(n.id, n.parent);
      p.urls.set(n.id, n.callFrame.url ?? '');
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let list = kijiSamples.get(p.pid);
    if (!list) kijiSamples.set(p.pid, (list = []));
    for (let i = 0; i < samples.length; i++) {
      const delta = deltas[i] ?? 0;
      p.time += delta;
      if (isKiji(p, samples[i]!)) list.push([p.time, delta]);
    }
  }
  for (const list of kijiSamples.values()) list.sort((a, b) => a[0] - b[0]);

  const tasks: TracedTask[] = [];
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const dur = e.dur ?? 0;
    if (dur <= longerThan * 1000) continue;
    let kiji = 0;
    // A sample stands for the time since the one before, but not for time before the task began (an idle gap).
    for (const [t, w] of kijiSamples.get(e.pid) ?? []) if (t >= e.ts && t <= e.ts + dur) kiji += Math.min(w, t - e.ts);
    const cpu = Math.min(e.tdur ?? dur, dur);
    tasks.push({ start: e.ts / 1000, duration: dur / 1000, cpuMs: cpu / 1000, kijiMs: ((kiji / 1000) * cpu) / dur });
  }
  return tasks.sort((a, b) => a.start - b.start);
}

export interface TaskTrace {
  /** Ends the trace; the tasks over `longerThan` ms (default 50) seen since it started. */
  stop(longerThan?: number): Promise<TracedTask[]>;
}

/** Starts tracing every process of the browser (the page's renderer, whichever it becomes after a navigation). */
export async function traceTasks(context: BrowserContext, page: Page): Promise<TaskTrace> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value as unknown as TraceEvent[]) events.push(e);
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  return {
    async stop(longerThan = LONG_TASK_MS) {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return longTasksOf(events, longerThan);
    },
  };
}

/** The long tasks Kiji caused (its share over 50 ms), described for a failure message. */
export function kijiLongTasks(tasks: TracedTask[]): string[] {
  return tasks
    .filter((t) => t.kijiMs > LONG_TASK_MS)
    .map(
      (t) =>
        `task of ${Math.round(t.duration)} ms (${Math.round(t.cpuMs)} ms on a CPU), Kiji ${Math.round(t.kijiMs)} ms`,
    );
}
