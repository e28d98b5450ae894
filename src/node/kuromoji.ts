import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packKuromojiFiles } from '../core/tokenizer/compact-dict';
import { PACKED_KUROMOJI_FILES, type DictFileLoader } from '../core/tokenizer/tokenizer';
import { deflateRawSync, gunzipSync } from 'node:zlib';

const KUROMOJI_DIR = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKED_DIR = join(ROOT, 'build', 'kuromoji');
const PACKER = join(ROOT, 'src', 'core', 'tokenizer', 'compact-dict.ts');

const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const asArrayBuffer = (buf: Uint8Array) =>
  buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;

/** kuromoji's IPADIC files as the npm package ships them (`name.dat.gz`), decompressed. */
function originalFiles(): Map<string, Uint8Array> {
  return new Map(
    readdirSync(KUROMOJI_DIR)
      .filter((f) => f.endsWith('.dat.gz'))
      .map((f) => [f, new Uint8Array(gunzipSync(readFileSync(join(KUROMOJI_DIR, f))))] as const),
  );
}

/**
 * The files as the extension ships them (packed by compact-dict.ts: no padding, compact feature lines), by their
 * kuromoji names. Packed once into build/kuromoji and read from there: packing takes seconds, reading milliseconds.
 */
export function packedKuromojiFiles(): Map<string, Uint8Array> {
  const inputs = readdirSync(KUROMOJI_DIR).filter((f) => f.endsWith('.dat.gz'));
  const newestInput = Math.max(mtime(PACKER), ...inputs.map((f) => mtime(join(KUROMOJI_DIR, f))));
  const packedPath = (f: string) => join(PACKED_DIR, f.replace(/\.gz$/, ''));
  if (PACKED_KUROMOJI_FILES.every((f) => mtime(packedPath(f)) > newestInput)) {
    return new Map(PACKED_KUROMOJI_FILES.map((f) => [f, new Uint8Array(readFileSync(packedPath(f)))] as const));
  }
  const packed = packKuromojiFiles(originalFiles(), (block) =>
    // zlib: faster than fflate. Dynamic codes: fixed ones would make the feature lines a fifth bigger.
    deflateRawSync(block, { level: 9 }),
  );
  mkdirSync(PACKED_DIR, { recursive: true });
  for (const [f, bytes] of packed) {
    // Test workers may pack at the same time: never expose half a file.
    const temp = `${packedPath(f)}.${process.pid}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, packedPath(f));
  }
  return packed;
}

/**
 * kuromoji's dictionary files for the CLI, tests and benchmarks: packed as the extension loads them, or with
 * `original` as the npm package ships them (the golden-token test compares both).
 */
export function nodeKuromojiLoader(options: { original?: boolean } = {}): DictFileLoader {
  if (options.original) {
    return async (name) => asArrayBuffer(gunzipSync(await readFile(join(KUROMOJI_DIR, name))));
  }
  let files: Map<string, Uint8Array> | undefined;
  return async (name) => {
    files ??= packedKuromojiFiles();
    const bytes = files.get(name);
    if (!bytes) throw new Error(`kuromoji: no dictionary file ${name}`);
    return asArrayBuffer(bytes);
  };
}
