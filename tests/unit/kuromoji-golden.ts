/**
 * kuromoji's tokens for every text of the fixture pages, reduced to one hash per page: the dictionary's in-memory
 * form may change, its segmentation and readings may not. `npx tsx scripts/kuromoji-golden.ts` rewrites the file
 * (only ever from the code as it was before a change to the tokenizer).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { KuromojiToken } from '../../src/core/tokenizer/tokenizer';

export const GOLDEN_FILE = 'tests/fixtures/kuromoji-tokens.json';
const PAGE_DIRS = ['tests/fixtures/pages', 'tests/fixtures/news'];

export interface PageTokens {
  texts: number;
  tokens: number;
  sha256: string;
}

/** Every non-blank text node of the page outside script and style, in document order. */
export function pageTexts(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (text.trim()) out.push(text);
      } else if (child.nodeType === 1 && !/^(script|style|noscript|template)$/i.test((child as Element).tagName))
        walk(child);
    }
  };
  walk(document);
  return out;
}

export function fixturePages(root: string): string[] {
  return PAGE_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => `${dir}/${f}`),
  );
}

const FIELDS = [
  'word_id',
  'word_type',
  'word_position',
  'surface_form',
  'pos',
  'pos_detail_1',
  'pos_detail_2',
  'pos_detail_3',
  'conjugated_type',
  'conjugated_form',
  'basic_form',
  'reading',
  'pronunciation',
] as const;

/** Texts no page has: unknown-word classes, surrogate pairs, combining marks, mixed scripts. */
export const EXTRA_TEXTS = [
  '𠮷野家で牛丼を食べた。',
  'ｱｲｳｴｵとﾊﾝｶｸｶﾀｶﾅ、ＡＢＣとabc、１２３と456。',
  '😀絵文字テスト👍🏽です',
  'e\u0301\u0301かﾞ\u3099',
  'مرحبا بالعالم と עברית',
  '葛\u{E0100}城市と辻\uFE00',
  'ヴァイオリンをｳﾞｧｲｵﾘﾝで、ーーー、〜〜',
  '新START延長で合意、ＮＨＫ、ＩＴ化、Ｇ７サミット',
  '東京特許許可局許可局長今日急遽休暇許可拒否'.repeat(20),
  'すもももももももものうち',
  ' \t\n　',
];

export function goldenTokens(root: string, tokenize: (text: string) => KuromojiToken[]): Record<string, PageTokens> {
  const out: Record<string, PageTokens> = {};
  for (const page of fixturePages(root)) {
    const hash = createHash('sha256');
    let tokens = 0;
    const texts = pageTexts(readFileSync(join(root, page), 'utf8'));
    for (const text of texts) {
      for (const t of tokenize(text)) {
        tokens++;
        hash.update(FIELDS.map((f) => String(t[f] ?? '')).join('\t') + '\n');
      }
      hash.update('\u0000');
    }
    out[page] = { texts: texts.length, tokens, sha256: hash.digest('hex') };
  }
  const hash = createHash('sha256');
  let tokens = 0;
  for (const text of EXTRA_TEXTS) {
    for (const t of tokenize(text)) {
      tokens++;
      hash.update(FIELDS.map((f) => String(t[f] ?? '')).join('\t') + '\n');
    }
    hash.update('\u0000');
  }
  out.extra = { texts: EXTRA_TEXTS.length, tokens, sha256: hash.digest('hex') };
  return out;
}
