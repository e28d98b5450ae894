/**
 * `npm run build`: dictionary data → vite bundles → dist/chrome and dist/firefox (+ zips).
 * Every script is its own IIFE bundle: content scripts cannot be modules, and one format for all keeps it simple.
 */
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { manifestFor, type Browser } from './manifest';
import { zipDirectory } from './zip';
import { gzipSync } from 'node:zlib';
import { packedKuromojiFiles } from '../src/node/kuromoji';

let kuromojiCache: [string, Buffer][] | undefined;
/**
 * kuromoji's IPADIC files without the padding of their builder's buffers (tid_pos.dat: 40 MiB → 34 MiB; unk*.dat:
 * 10 MiB → bytes), so that the engine inflates each straight to its final size. Same contents otherwise.
 */
function kuromojiFiles(): [string, Buffer][] {
  kuromojiCache ??= [...packedKuromojiFiles()].map(([f, bytes]) => [f, gzipSync(bytes, { level: 9 })]);
  return kuromojiCache;
}

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'build', 'js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const entries: Record<string, string> = {
  content: 'src/content/index.ts',
  'background-chrome': 'src/background/chrome.ts',
  'background-firefox': 'src/background/firefox.ts',
  offscreen: 'src/offscreen/offscreen.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  welcome: 'src/welcome/index.tsx',
  sample: 'src/sample/plain-urls.ts',
  vocab: 'src/vocab/index.tsx',
  reading: 'src/content/reading-mode/module.ts',
  'vocab-ui': 'src/content/vocab-module.ts',
};
/** Loaded with import() by the content script, so an ES module; all else is a classic script. */
const esModules = new Set(['reading', 'vocab-ui']);

function step(label: string) {
  const t0 = performance.now();
  return () => console.log(`  ${label} (${Math.round(performance.now() - t0)} ms)`);
}

/**
 * The popup's style sheets are template strings in TypeScript (they go into a shadow root, not a .css file), which
 * the minifier leaves as written. Dropping line breaks, indentation and comments there keeps the content script
 * inside its size budget, and so do the spaces after a property's colon and around commas and child combinators, a
 * rule's last semicolon and the zero before a decimal point. Other spaces within a line are kept: they are
 * descendant combinators, or the spaces calc() needs around + and -.
 */
function compactStyleSheets() {
  return {
    name: 'kiji-compact-style-sheets',
    transform(code: string, id: string) {
      if (!/\/src\/ui\/(popup\/)?[\w-]*(styles|theme)\.ts$/.test(id)) return null;
      return code.replace(/`[^`]*`/g, (literal) =>
        literal
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/([\w-]):\s+/g, '$1:')
          .replace(/;}/g, '}')
          .replace(/ !important/g, '!important')
          .replace(/([:\s(,])0\.(\d)/g, '$1.$2'),
      );
    },
  };
}

const SAMPLE_PAGE = 'sample.html';

/**
 * The sample article (sample/article.html), shipped so the welcome page can open it. As an extension page it gets
 * no content script from the manifest, so it loads the hover script itself (after sample.js: src/sample/).
 */
function bundledSample(): string {
  const html = readFileSync(join(root, 'sample', 'article.html'), 'utf8');
  if (!html.includes('</body>')) throw new Error('sample/article.html has no </body>');
  return html.replace(
    '</body>',
    '  <script src="sample.js"></script>\n    <script src="content.js"></script>\n  </body>',
  );
}

async function bundle() {
  rmSync(out, { recursive: true, force: true });
  for (const [name, entry] of Object.entries(entries)) {
    if (!existsSync(join(root, entry))) throw new Error(`missing entry ${entry}`);
    const done = step(`bundled ${name}.js`);
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [compactStyleSheets()],
      // content.js stays small: Firefox's `browser` or Chrome's promise-returning `chrome`, not the full polyfill.
      resolve:
        name === 'content'
          ? { alias: { 'webextension-polyfill': join(root, 'src/content/browser-shim.ts') } }
          : undefined,
      build: {
        outDir: out,
        emptyOutDir: false,
        minify: true,
        target: 'es2022',
        reportCompressedSize: false,
        lib: {
          entry: join(root, entry),
          formats: [esModules.has(name) ? 'es' : 'iife'],
          name: `kiji_${name.replace(/\W/g, '_')}`,
          fileName: () => `${name}.js`,
        },
        // Vite leaves an ES library's whitespace for later tree-shaking; reading.js is loaded as is, so minify it.
        rolldownOptions: { output: { codeSplitting: false, ...(esModules.has(name) ? { minify: true } : {}) } },
      },
    });
    done();
  }
}

function assemble(browser: Browser) {
  const dir = join(root, 'dist', browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'public'), dir, { recursive: true });
  for (const page of readdirSync(join(root, 'src', 'pages'))) cpSync(join(root, 'src', 'pages', page), join(dir, page));
  if (browser === 'firefox') rmSync(join(dir, 'offscreen.html'));
  writeFileSync(join(dir, SAMPLE_PAGE), bundledSample());
  const scripts = [
    'content',
    'reading',
    'vocab-ui',
    'popup',
    'options',
    'welcome',
    'sample',
    'vocab',
    ...(browser === 'chrome' ? ['offscreen'] : []),
  ];
  for (const s of scripts) cpSync(join(out, `${s}.js`), join(dir, `${s}.js`));
  cpSync(join(out, `background-${browser}.js`), join(dir, 'background.js'));
  for (const css of readdirSync(out).filter((f) => f.endsWith('.css'))) cpSync(join(out, css), join(dir, css));
  cpSync(join(root, 'build', 'data'), join(dir, 'data'), { recursive: true, filter: (f) => !f.endsWith('.stamp') });
  // The EDRDG licence travels with the compiled dictionaries (CC BY-SA 4.0 asks for it).
  cpSync(join(root, 'data', 'edict', 'LICENSE.md'), join(dir, 'data', 'LICENSE-EDRDG.md'));
  mkdirSync(join(dir, 'kuromoji'));
  for (const [f, bytes] of kuromojiFiles()) writeFileSync(join(dir, 'kuromoji', f), bytes);
  const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestFor(source, browser, pkg.version), null, 2));
  const zipBytes = zipDirectory(dir, join(root, 'dist', `kiji-${browser}-${pkg.version}.zip`));
  console.log(
    `  dist/${browser}: ${(dirSize(dir) / 1e6).toFixed(1)} MB unpacked, zip ${(zipBytes / 1e6).toFixed(1)} MB`,
  );
}

function dirSize(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, f));
    if (s.isFile()) n += s.size;
  }
  return n;
}

console.log('Kiji build');
const data = step('dictionary data');
execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build-dict.ts')], {
  stdio: 'inherit',
});
data();
await bundle();
for (const b of ['chrome', 'firefox'] as const) assemble(b);
const cs = statSync(join(root, 'dist/chrome/content.js')).size;
console.log(`  content script: ${(cs / 1024).toFixed(1)} KB`);
console.log(
  'Load dist/chrome (chrome://extensions → Load unpacked) or dist/firefox (about:debugging → Load Temporary Add-on).',
);
