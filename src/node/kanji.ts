/** Node-only: turns data/kanjidic/kanjidic2.xml.gz into build/data/kanji.json, and opens it for the CLI and tests. */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { outputDir, repoRoot } from './dictionaries';
import { openKanji, parseKanjidic, serializeKanji, type KanjiIndex } from '../core/kanji/kanjidic';

const KANJI_SOURCE = 'data/kanjidic/kanjidic2.xml.gz';
const KANJI_OUTPUT = 'kanji.json';
const CODE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../core/kanji/kanjidic.ts');

const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

export function buildKanji(options: { root?: string; force?: boolean } = {}): {
  path: string;
  kanji: number;
  bytes: number;
  skipped: boolean;
} {
  const root = options.root ?? repoRoot();
  const file = path.join(outputDir(root), KANJI_OUTPUT);
  const source = path.join(root, KANJI_SOURCE);
  const upToDate = mtime(file) > Math.max(mtime(source), mtime(CODE));
  if (upToDate && !options.force) {
    return { path: path.relative(root, file), kanji: -1, bytes: statSync(file).size, skipped: true };
  }
  const list = parseKanjidic(gunzipSync(readFileSync(source)).toString('utf8'));
  const bytes = new TextEncoder().encode(serializeKanji(list));
  mkdirSync(outputDir(root), { recursive: true });
  // Test workers may read it while it is written: never expose half a file.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
  return { path: path.relative(root, file), kanji: list.length, bytes: bytes.byteLength, skipped: false };
}

let opened: KanjiIndex | null = null;

/** The kanji file as the extension loads it, built first when missing or stale. */
export function loadNodeKanji(root = repoRoot()): KanjiIndex {
  if (!opened) {
    buildKanji({ root });
    opened = openKanji(readFileSync(path.join(outputDir(root), KANJI_OUTPUT), 'utf8'));
  }
  return opened;
}
