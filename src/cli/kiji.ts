/**
 * `npx kiji`: the extension's core on the command line, for checking what the popup would show.
 *   kiji lookup "<text>" [--at N] [--json]    kiji lookup --json < lines of {"text","at"}
 *   kiji tokens "<text>"
 *   kiji glossary --stats [--json]
 *   kiji article <file.html> [--json]
 *   kiji eval [--json] [--misses] [--file F]
 */
import { createInterface } from 'node:readline';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createEngine, GLOSSARY_FILE, NAME_FILES, WORD_FILES, type Engine } from '../core/engine';
import { CATEGORIES } from '../core/glossary/entry';
import { compileGlossaryFiles } from '../node/glossary';
import { nodeAssets } from '../node/assets';
import { detectArticleInHtml } from '../node/article';
import { formatLookup, toCliJson } from './format';
import { DEFAULT_EVAL_FILE, formatReport, loadCases, runEval } from './eval';

const root = resolve(import.meta.dirname, '../..');

function usage(code: number): never {
  const text = `Usage:
  kiji lookup "<text>" [--at N] [--json]   the word at character N (default 0), as the popup shows it
  kiji lookup [--json] < input.jsonl       one {"text","at"} per line in, one result per line out
  kiji tokens "<text>" [--json]            kuromoji's segmentation with readings
  kiji glossary --stats [--json]           glossary entries per category, from data/glossary/*.yaml
  kiji article <file.html> [--json]        the article body and title the extension would detect
  kiji eval [--json] [--misses] [--file F] score the hover corpus: right answer first, overall and per category`;
  (code === 0 ? console.log : console.error)(text);
  process.exit(code);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function engine(): Promise<Engine> {
  if ([WORD_FILES.idx, NAME_FILES.idx, GLOSSARY_FILE].some((f) => !existsSync(join(root, 'build', f)))) {
    execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build-dict.ts')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const e = createEngine(nodeAssets);
  await e.ready();
  const status = e.status();
  if (status.error) throw new Error(status.error);
  return e;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const positional = rest.filter(
    (a, i) => !a.startsWith('--') && !(i > 0 && ['--at', '--file'].includes(rest[i - 1]!)),
  );
  if (!command || command === '--help' || command === '-h') usage(0);
  if (command === 'lookup') {
    const e = await engine();
    if (positional.length === 0) {
      // Batch mode: load once, answer each line in order.
      for await (const line of createInterface({ input: process.stdin })) {
        if (!line.trim()) continue;
        let req: { text?: unknown; at?: unknown };
        try {
          req = JSON.parse(line);
        } catch {
          console.log(JSON.stringify({ error: 'invalid JSON line' }));
          continue;
        }
        if (typeof req.text !== 'string') {
          console.log(JSON.stringify({ error: 'missing "text"' }));
          continue;
        }
        const at = typeof req.at === 'number' ? req.at : 0;
        console.log(JSON.stringify(toCliJson(await e.lookup(req.text, at))));
      }
      return;
    }
    const text = positional.join(' ');
    const at = Number(option(rest, '--at') ?? 0);
    if (!Number.isInteger(at) || at < 0 || at >= text.length) throw new Error(`--at must be 0…${text.length - 1}`);
    const result = await e.lookup(text, at);
    console.log(json ? JSON.stringify(toCliJson(result), null, 2) : formatLookup(result));
    return;
  }
  if (command === 'glossary') {
    if (!rest.includes('--stats')) usage(1);
    const { glossary, problems } = compileGlossaryFiles();
    const counts: Record<string, number> = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
    for (const e of glossary.entries) counts[e.category] = (counts[e.category] ?? 0) + 1;
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (json) {
      console.log(JSON.stringify({ categories: counts, total: glossary.entries.length, errors, warnings }, null, 2));
    } else {
      for (const [category, n] of Object.entries(counts)) console.log(`${category.padEnd(14)}${String(n).padStart(6)}`);
      console.log(`${'total'.padEnd(14)}${String(glossary.entries.length).padStart(6)}`);
      if (problems.length > 0)
        console.log(`(${errors} errors, ${warnings} warnings: npx tsx scripts/build-glossary.ts)`);
    }
    return;
  }
  if (command === 'article') {
    const file = positional[0];
    if (!file) usage(1);
    // Pages often declare their charset late or not at all: read them as UTF-8, as the fixtures' README says.
    const article = detectArticleInHtml(readFileSync(file, 'utf8'));
    if (json) console.log(JSON.stringify(article, null, 2));
    else console.log(article.found ? `${article.title}\n\n${article.text}` : '(no article found on this page)');
    return;
  }
  if (command === 'eval') {
    const cases = loadCases(resolve(option(rest, '--file') ?? join(root, DEFAULT_EVAL_FILE)));
    const e = await engine();
    const report = await runEval(cases, (text, at) => e.lookup(text, at));
    if (json) {
      const { misses: _misses, ...scores } = report;
      console.log(JSON.stringify(rest.includes('--misses') ? report : scores, null, 2));
    } else console.log(formatReport(report, rest.includes('--misses')));
    return;
  }
  if (command === 'tokens') {
    const text = positional.join(' ');
    if (!text) usage(1);
    const tokens = await (await engine()).tokens(text);
    if (json) console.log(JSON.stringify(tokens, null, 2));
    else for (const t of tokens) console.log(`${t.surface}\t${t.reading}\t${t.baseForm}\t${t.pos}/${t.posDetail}`);
    return;
  }
  usage(1);
}

// A reader that stops early (kiji tokens … | head) closes the pipe: that is the end of the output, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`kiji: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
