import { CHUNK_BUDGET_MS, runInChunks } from './chunks';

/** A window whose clock moves only when the work says so, and whose yields are counted. */
function fakeWindow() {
  let now = 0;
  const events: string[] = [];
  const win = {
    performance: { now: () => now },
    setTimeout: (fn: () => void) => {
      events.push('yield');
      queueMicrotask(fn);
      return 0;
    },
  } as unknown as Window & typeof globalThis;
  return { win, events, advance: (ms: number) => (now += ms) };
}

describe('runInChunks', () => {
  it('gives the page the thread back once a slice has used its budget, and never runs a slice past it by more than one item', async () => {
    const { win, events, advance } = fakeWindow();
    const items = Array.from({ length: 50 }, (_, i) => i);
    const result = await runInChunks(win, items, (i) => {
      events.push(`item ${i}`);
      advance(1.5);
    });
    expect(result.done).toBe(true);
    expect(events.filter((e) => e.startsWith('item'))).toHaveLength(50);
    // Four items (6 ms) reach the 5 ms budget: 50 items make 13 slices, with a yield between each two.
    expect(events.filter((e) => e === 'yield')).toHaveLength(12);
    expect(events.slice(0, 5)).toEqual(['item 0', 'item 1', 'item 2', 'item 3', 'yield']);
    expect(result.longest.duration).toBeLessThan(CHUNK_BUDGET_MS + 1.5 + 0.001);
  });

  it('stops between slices when cancelled, leaving the rest undone', async () => {
    const { win, advance } = fakeWindow();
    const done: number[] = [];
    const result = await runInChunks(
      win,
      Array.from({ length: 100 }, (_, i) => i),
      (i) => {
        done.push(i);
        advance(4);
      },
      { cancelled: () => done.length >= 4 },
    );
    expect(result.done).toBe(false);
    expect(done).toEqual([0, 1, 2, 3]);
  });
});
