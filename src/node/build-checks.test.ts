import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BUILD_OUTPUTS,
  buildStaleReason,
  CONTENT_SCRIPT_BUDGET_BYTES,
  contentScriptOverBudget,
  newestFile,
  staleReason,
} from './build-checks';

describe('staleReason', () => {
  const outputs = [
    { path: 'dist/chrome/manifest.json', mtimeMs: 2000 },
    { path: 'dist/firefox/manifest.json', mtimeMs: 3000 },
  ];

  it('is null when every output is newer than the newest source', () => {
    expect(staleReason({ path: 'src/a.ts', mtimeMs: 1000 }, outputs)).toBeNull();
    expect(staleReason({ path: 'src/a.ts', mtimeMs: 2000 }, outputs)).toBeNull();
    expect(staleReason(null, outputs)).toBeNull();
  });

  it('names the source newer than the oldest output', () => {
    expect(staleReason({ path: 'src/a.ts', mtimeMs: 2500 }, outputs)).toBe(
      'src/a.ts is newer than dist/chrome/manifest.json',
    );
  });

  it('names a missing output', () => {
    expect(staleReason({ path: 'src/a.ts', mtimeMs: 1 }, [outputs[0]!, { path: 'dist/x', mtimeMs: null }])).toBe(
      'dist/x is missing',
    );
    expect(staleReason(null, [])).toBe('the build has no outputs to check');
  });
});

describe('buildStaleReason over a directory', () => {
  let root: string;
  const write = (rel: string, seconds: number) => {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, seconds, seconds);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kiji-build-checks-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('wants a build when dist/ is missing, then when a source changes after it', () => {
    write('src/content/index.ts', 1000);
    write('public/_locales/en/messages.json', 1000);
    expect(buildStaleReason(root)).toBe(`${BUILD_OUTPUTS[0]} is missing`);
    for (const out of BUILD_OUTPUTS) write(out, 2000);
    expect(buildStaleReason(root)).toBeNull();
    write('public/_locales/ja/messages.json', 3000);
    expect(buildStaleReason(root)).toBe(
      `${join('public/_locales/ja/messages.json')} is newer than ${BUILD_OUTPUTS[0]}`,
    );
  });

  it('ignores unit tests and files outside the sources', () => {
    for (const out of BUILD_OUTPUTS) write(out, 2000);
    write('src/core/numbers.ts', 1000);
    write('src/core/numbers.test.ts', 3000);
    write('docs/ARCHITECTURE.md', 3000);
    write('build/data/words.idx', 3000);
    expect(newestFile(root, ['src'])).toEqual({ path: join('src/core/numbers.ts'), mtimeMs: 1_000_000 });
    expect(buildStaleReason(root)).toBeNull();
  });
});

describe('contentScriptOverBudget', () => {
  it('is null up to the budget, a message past it', () => {
    expect(CONTENT_SCRIPT_BUDGET_BYTES).toBe(61_440);
    expect(contentScriptOverBudget(61_440)).toBeNull();
    expect(contentScriptOverBudget(61_441)).toBe('content.js is 60.0 KB, over its budget of 60.0 KB by 1 bytes');
    expect(contentScriptOverBudget(68_096)).toBe('content.js is 66.5 KB, over its budget of 60.0 KB by 6656 bytes');
    expect(contentScriptOverBudget(100, 50)).toMatch(/over its budget/);
  });
});
