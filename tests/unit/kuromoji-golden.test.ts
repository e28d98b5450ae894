import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKuromoji } from '../../src/core/tokenizer/tokenizer';
import { nodeKuromojiLoader } from '../../src/core/tokenizer/node-loader';
import { fixturePages, GOLDEN_FILE, goldenTokens, type PageTokens } from './kuromoji-golden';

const root = resolve(import.meta.dirname, '../..');

test('kuromoji gives the recorded tokens for every text of every fixture page', async () => {
  const expected = JSON.parse(readFileSync(join(root, GOLDEN_FILE), 'utf8')) as Record<string, PageTokens>;
  expect(Object.keys(expected)).toEqual([...fixturePages(root), 'extra']);
  const kuromoji = await createKuromoji(nodeKuromojiLoader());
  expect(goldenTokens(root, (text) => kuromoji.tokenize(text))).toEqual(expected);
});
