import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKuromoji, KUROMOJI_FILES } from '../../src/core/tokenizer/tokenizer';
import { packKuromojiFiles } from '../../src/core/tokenizer/compact-dict';
import { nodeKuromojiLoader } from '../../src/node/kuromoji';
import { fixturePages, GOLDEN_FILE, goldenTokens, type PageTokens } from './kuromoji-golden';

const root = resolve(import.meta.dirname, '../..');

test('kuromoji gives the recorded tokens for every text of every fixture page', async () => {
  const expected = JSON.parse(readFileSync(join(root, GOLDEN_FILE), 'utf8')) as Record<string, PageTokens>;
  expect(Object.keys(expected)).toEqual([...fixturePages(root), 'extra']);
  const kuromoji = await createKuromoji(nodeKuromojiLoader({ original: true }));
  expect(goldenTokens(root, (text) => kuromoji.tokenize(text))).toEqual(expected);
});

test('the same tokens from the files as the build packs them', async () => {
  const expected = JSON.parse(readFileSync(join(root, GOLDEN_FILE), 'utf8')) as Record<string, PageTokens>;
  const load = nodeKuromojiLoader({ original: true });
  const raw = new Map(await Promise.all(KUROMOJI_FILES.map(async (f) => [f, new Uint8Array(await load(f))] as const)));
  const packed = packKuromojiFiles(raw);
  expect(packed.get('tid_pos.dat.gz')!.length).toBeLessThan(raw.get('tid_pos.dat.gz')!.length / 3);
  const kuromoji = await createKuromoji(async (name) => packed.get(name)!.slice().buffer);
  expect(goldenTokens(root, (text) => kuromoji.tokenize(text))).toEqual(expected);
});
