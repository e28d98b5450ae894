// Hostile pages for the stress tests, written to a temporary directory and served from 127.0.0.1: a megabyte of
// article text, 2,000 paragraphs, 200 same-origin iframes, text in open shadow roots, contenteditable regions, and a
// page that rewrites its article every 100 ms. The text is the seed article's real sentences, repeated.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitSentences } from '../../src/core/text/sentence';
import { hasKanji } from '../../src/core/text/chars';
import { FIXTURES_DIR } from './server';

export const FRAMES = 200;
export const PARAGRAPHS = 2000;
export const ARTICLE_BYTES = 1024 * 1024;
/** How often the rewriting page replaces its article. */
export const REWRITE_MS = 100;

/** The seed article's sentences of prose (not the headline, dateline or photo credit), as a reader sees them. */
export function seedSentences(): string[] {
  const text = readFileSync(join(FIXTURES_DIR, 'news/seed-article.txt'), 'utf8');
  return splitSentences(text)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20 && /[。」]$/.test(s) && hasKanji(s));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: 'IPAPGothic', 'IPAGothic', sans-serif; font-size: 18px; line-height: 1.8; margin: 24px; }
  iframe { display: block; width: 600px; height: 64px; border: 1px solid #ccc; margin: 4px 0; }
  [contenteditable] { border: 1px dashed #999; padding: 4px; }
</style>
</head>
<body>
${body}
${script ? `<script>\n${script}\n</script>` : ''}
</body>
</html>
`;
}

const TITLE = 'バイデン=プーチン、初の電話会談 新START延長で合意';

/** Paragraphs of a few sentences each, cycling through the seed article, until `bytes` of text. */
function bigArticle(sentences: string[]): string {
  const paragraphs: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < ARTICLE_BYTES; i++) {
    const p = [0, 1, 2, 3].map((k) => sentences[(i * 4 + k) % sentences.length]!).join('');
    paragraphs.push(`<p>${escape(p)}</p>`);
    bytes += Buffer.byteLength(p);
  }
  return page(TITLE, `<article><h1>${escape(TITLE)}</h1>\n${paragraphs.join('\n')}\n</article>`);
}

function manyParagraphs(sentences: string[]): string {
  const ps = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>${escape(sentences[i % sentences.length]!)}</p>`);
  return page(TITLE, `<article><h1>${escape(TITLE)}</h1>\n${ps.join('\n')}\n</article>`);
}

function framesPage(): string {
  const frames = Array.from(
    { length: FRAMES },
    (_, i) => `<iframe id="f${i}" src="frame-${i}.html" title="記事 ${i}"></iframe>`,
  );
  return page('二百の枠', `<h1>二百の枠</h1>\n${frames.join('\n')}`);
}

function frame(sentences: string[], i: number): string {
  return page(`枠 ${i}`, `<p>${escape(sentences[i % sentences.length]!)}</p>`);
}

/** Cards whose text lives in open shadow roots, one of them nested in another card's root. */
function shadowPage(sentences: string[]): string {
  const script = `
const texts = ${JSON.stringify(sentences.slice(0, 6))};
class Card extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = texts[Number(this.dataset.n) % texts.length];
    root.append(p);
    if (this.dataset.nest) {
      const inner = document.createElement('kiji-test-card');
      inner.id = this.id + '-inner';
      inner.dataset.n = String(Number(this.dataset.n) + 1);
      root.append(inner);
    }
  }
}
customElements.define('kiji-test-card', Card);`;
  return page(
    '影の中の記事',
    `<h1>影の中の記事</h1>
<kiji-test-card id="card0" data-n="0"></kiji-test-card>
<kiji-test-card id="card1" data-n="2" data-nest="1"></kiji-test-card>
<kiji-test-card id="card2" data-n="4"></kiji-test-card>`,
    script,
  );
}

function editablePage(sentences: string[]): string {
  return page(
    '編集できる記事',
    `<h1>編集できる記事</h1>
<div id="editable" contenteditable="true"><p>${escape(sentences[0]!)}</p><p>${escape(sentences[1]!)}</p></div>
<p id="plain">${escape(sentences[2]!)}</p>`,
  );
}

/**
 * An article re-rendered every REWRITE_MS the way a framework does it: new nodes with the same text, a clock that
 * ticks, and a counter of renders (the test checks the page kept rendering).
 */
function rewritePage(sentences: string[]): string {
  const script = `
const texts = ${JSON.stringify(sentences.slice(0, 12))};
const article = document.getElementById('article');
let renders = 0;
function render() {
  renders++;
  const h1 = document.createElement('h1');
  h1.textContent = ${JSON.stringify(TITLE)};
  const time = document.createElement('p');
  time.className = 'clock';
  time.textContent = '更新 ' + renders + ' 回目';
  const ps = texts.map((t) => {
    const p = document.createElement('p');
    p.textContent = t;
    return p;
  });
  article.replaceChildren(h1, time, ...ps);
  document.body.dataset.renders = String(renders);
}
render();
setInterval(render, ${REWRITE_MS});`;
  return page(TITLE, '<article id="article"></article>', script);
}

export interface StressSite {
  dir: string;
  remove(): void;
}

/** Writes the pages: big-article, paragraphs, frames (+ frame-N), shadow, editable and rewrite .html. */
export function writeStressPages(): StressSite {
  const dir = mkdtempSync(join(tmpdir(), 'kiji-e2e-stress-'));
  const sentences = seedSentences();
  const write = (name: string, html: string) => writeFileSync(join(dir, name), html);
  write('big-article.html', bigArticle(sentences));
  write('paragraphs.html', manyParagraphs(sentences));
  write('frames.html', framesPage());
  for (let i = 0; i < FRAMES; i++) write(`frame-${i}.html`, frame(sentences, i));
  write('shadow.html', shadowPage(sentences));
  write('editable.html', editablePage(sentences));
  write('rewrite.html', rewritePage(sentences));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
