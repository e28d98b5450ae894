/** Rewrites tests/fixtures/kuromoji-tokens.json (see tests/unit/kuromoji-golden.ts): run it before a tokenizer change. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKuromoji } from '../src/core/tokenizer/tokenizer';
import { nodeKuromojiLoader } from '../src/node/kuromoji';
import { GOLDEN_FILE, goldenTokens } from '../tests/unit/kuromoji-golden';

const root = resolve(import.meta.dirname, '..');
const kuromoji = await createKuromoji(nodeKuromojiLoader({ original: true }));
const golden = goldenTokens(root, (text) => kuromoji.tokenize(text));
writeFileSync(join(root, GOLDEN_FILE), `${JSON.stringify(golden, null, 2)}\n`);
console.log(
  Object.entries(golden)
    .map(([page, g]) => `${page}: ${g.texts} texts, ${g.tokens} tokens`)
    .join('\n'),
);
