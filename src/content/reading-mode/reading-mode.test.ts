// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { annotateText } from '../../core/annotate';
import { loadNodeWords } from '../../node/words';
import type { WordIndex } from '../../core/dict/word-index';
import { loadNodeGlossary } from '../../node/glossary';
import { nodeKuromojiLoader } from '../../node/kuromoji';
import { createTokenizer, type Tokenizer } from '../../core/tokenizer/tokenizer';
import type { ReadingHost } from './api';
import { ARTICLE_ATTRIBUTE, SETTLE_MS, TITLE_ATTRIBUTE } from './article-marker';
import { ReadingMode } from './reading-mode';
import { RUBY_ATTRIBUTE } from './ruby-dom';

interface PageExpectation {
  file: string;
  body_selector: string;
  title_selector: string;
  body_chars: number;
  ruby_in_body: number;
}
const manifest: PageExpectation[] = JSON.parse(readFileSync('tests/fixtures/pages/manifest.json', 'utf8'));

let tokenizer: Tokenizer;
let words: WordIndex;

beforeAll(async () => {
  tokenizer = await createTokenizer(nodeKuromojiLoader());
  words = await loadNodeWords();
}, 120_000);

/** The engine, in-process: the same annotation the background would send. */
function engineHost(known: string[] = []): ReadingHost & { calls: number } {
  const host = {
    calls: 0,
    annotate: async (texts: string[]) => {
      host.calls++;
      return texts.map((text) => annotateText(text, tokenizer.tokenize(text), { words, glossary: loadNodeGlossary() }));
    },
    knownWords: async () => new Set(known),
  };
  return host;
}

/** A saved page in the test document: its body and styles, without scripts and external resources. */
function showPage(path: string): void {
  const html = readFileSync(`tests/fixtures/${path}`, 'utf8')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<iframe\b[\s\S]*?<\/iframe>/gi, '')
    .replace(/<(link|img|source|video|audio|input)\b[^>]*>/gi, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

const win = window as unknown as Window & typeof globalThis;
/** The markup of an element, as the test compares it before and after. */
const html = (el: Element) => new XMLSerializer().serializeToString(el);
const ours = () => document.querySelectorAll(`ruby[${RUBY_ATTRIBUTE}]`);

let mode: ReadingMode | null = null;
afterEach(() => {
  mode?.stop();
  mode = null;
});

async function start(host: ReadingHost = engineHost()): Promise<ReadingMode> {
  mode = new ReadingMode(win, host);
  await mode.start();
  return mode;
}

describe('marking the article', () => {
  it.each(manifest.filter((p) => p.body_chars > 0))(
    '$file: marks elements of the body, and the headline',
    async (page) => {
      showPage(`pages/${page.file}`);
      await start();
      const marked = [...document.querySelectorAll(`[${ARTICLE_ATTRIBUTE}]`)];
      const body = [...document.querySelectorAll(page.body_selector)];
      expect(marked.length).toBeGreaterThan(0);
      for (const el of marked)
        expect(
          body.some((b) => b === el || b.contains(el)),
          `${el.tagName}.${el.className}`,
        ).toBe(true);
      const title = document.querySelector(`[${TITLE_ATTRIBUTE}]`);
      expect(title).toBe(document.querySelector(page.title_selector));
    },
  );

  it('marks nothing on the members-only page', async () => {
    showPage('pages/yomiuri-3.html');
    await start();
    expect(document.querySelector(`[${ARTICLE_ATTRIBUTE}]`)).toBeNull();
  });

  it('finds an article a single-page site adds later, without a new page load', async () => {
    showPage('news/newsweek-seed.html');
    const article = document.querySelector('article.entry')!;
    const held = article.cloneNode(true);
    article.remove();
    await start();
    expect(document.querySelector(`[${ARTICLE_ATTRIBUTE}]`)).toBeNull();
    document.querySelector('main, #main, body')!.append(held);
    await new Promise((r) => setTimeout(r, SETTLE_MS + 1200));
    expect(
      document.querySelector(`.entry-text [${ARTICLE_ATTRIBUTE}], .entry-text[${ARTICLE_ATTRIBUTE}]`),
    ).not.toBeNull();
  });
});

describe('furigana in the page', () => {
  it('puts ruby only inside the article body, and off restores the page exactly', async () => {
    showPage('news/newsweek-seed.html');
    const before = html(document.body);
    const m = await start();
    const marked = html(document.body);
    await m.setState({ on: true, furigana: 'all' });
    const rubies = [...ours()];
    expect(rubies.length).toBeGreaterThan(200);
    for (const r of rubies) expect(r.closest(`[${ARTICLE_ATTRIBUTE}]`)).not.toBeNull();
    const text = document.querySelector('.entry-text')!;
    const shown = [...text.querySelectorAll(`ruby[${RUBY_ATTRIBUTE}]`)].map(
      (r) => `${r.firstChild!.textContent}(${r.querySelector('rt')!.textContent})`,
    );
    expect(shown).toContain('延長(えんちょう)');
    expect(shown).toContain('交(か)');
    // Okurigana stays out of the ruby: 交(か)わされ.
    const ka = [...ours()].find(
      (r) => r.firstChild!.textContent === '交' && r.nextSibling?.textContent?.startsWith('わされ'),
    );
    expect(ka).toBeDefined();

    await m.setState({ on: false, furigana: 'all' });
    expect(ours().length).toBe(0);
    expect(html(document.body)).toBe(marked);
    m.stop();
    mode = null;
    expect(html(document.body)).toBe(before);
  });

  it('shows fewer readings at the "uncommon" level, none at "off", and asks the engine once', async () => {
    showPage('news/newsweek-seed.html');
    const host = engineHost();
    const m = await start(host);
    await m.setState({ on: true, furigana: 'all' });
    const all = ours().length;
    await m.setState({ on: true, furigana: 'uncommon' });
    const uncommon = ours().length;
    expect(uncommon).toBeGreaterThan(0);
    expect(uncommon).toBeLessThan(all / 3);
    const bases = [...ours()].map((r) => r.firstChild!.textContent);
    expect(bases).not.toContain('延長');
    await m.setState({ on: true, furigana: 'off' });
    expect(ours().length).toBe(0);
    expect(host.calls).toBeLessThanOrEqual(2);
  });

  it('leaves out words the reader knows at the "unknown" level', async () => {
    showPage('news/newsweek-seed.html');
    const m = await start(engineHost(['延長', '合意']));
    await m.setState({ on: true, furigana: 'unknown' });
    const bases = [...ours()].map((r) => r.firstChild!.textContent);
    expect(bases).not.toContain('延長');
    expect(bases).toContain('確認');
  });

  it('leaves the page’s own ruby alone (NHK Easy)', async () => {
    showPage('pages/nhk-easy-1.html');
    const body = document.querySelector('#js-article-body')!;
    const pageRuby = body.querySelectorAll(`ruby:not([${RUBY_ATTRIBUTE}])`).length;
    expect(pageRuby).toBeGreaterThan(40);
    const before = html(body);
    const m = await start();
    await m.setState({ on: true, furigana: 'all' });
    expect(body.querySelectorAll(`ruby:not([${RUBY_ATTRIBUTE}])`).length).toBe(pageRuby);
    for (const r of ours()) expect(r.parentElement!.closest('ruby')).toBeNull();
    await m.setState({ on: false, furigana: 'all' });
    const unmarked = (html: string) => html.replaceAll(` ${ARTICLE_ATTRIBUTE}=""`, '');
    expect(unmarked(html(body))).toBe(unmarked(before));
  });

  it('drops its readings from a paragraph the page rewrites, leaving the page’s text alone', async () => {
    showPage('news/newsweek-seed.html');
    const m = await start();
    await m.setState({ on: true, furigana: 'all' });
    const ruby = [...ours()].find((r) => r.firstChild!.textContent === '延長')!;
    // The text node before it is the page's own: a framework re-rendering the paragraph rewrites it.
    const pageNode = ruby.parentNode!.firstChild as Text;
    const rubiesBefore = ours().length;
    pageNode.data = '書き換えられた段落。';
    await new Promise((r) => setTimeout(r, 0));
    expect(ours().length).toBeLessThan(rubiesBefore);
    expect(pageNode.data).toBe('書き換えられた段落。');
    await m.setState({ on: false, furigana: 'all' });
    expect(pageNode.data).toBe('書き換えられた段落。');
  });
});

describe('the article summary for the toolbar panel', () => {
  it('lists the seed article’s glossary terms in order, with reading and English', async () => {
    showPage('news/newsweek-seed.html');
    const m = await start();
    const s = await m.summary();
    expect(s.found).toBe(true);
    expect(s.title).toBe('バイデン=プーチン、初の電話会談 新START延長で合意');
    const terms = s.terms.map((t) => t.text);
    const at = (term: string) => terms.indexOf(term);
    expect(at('新START')).toBeGreaterThanOrEqual(0);
    expect(at('新START')).toBeLessThan(at('領空開放条約'));
    const openSkies = s.terms.find((t) => t.text === '領空開放条約')!;
    expect(openSkies.reading).toBe('りょうくうかいほうじょうやく');
    expect(openSkies.en).toMatch(/Open Skies/);
    expect(openSkies.form).toBe('領空開放(オープンスカイ)条約');
    // One entry, one line: under the name the article writes most, counted under both (新戦略兵器削減条約(新START)
    // once, then 新START).
    const article = [...document.querySelectorAll('[data-kiji-article]')].map((e) => e.textContent).join('\n');
    expect(article.match(/新戦略兵器削減条約/g)?.length).toBe(1);
    const newStart = s.terms.filter((t) => t.term === '新戦略兵器削減条約');
    expect(newStart).toMatchObject([{ text: '新START', reading: 'しんスタート', form: '新START' }]);
    expect(newStart[0]!.count).toBe(article.match(/新START/g)!.length);
    expect(terms).not.toContain('新戦略兵器削減条約');
    expect(new Set(s.terms.map((t) => t.term)).size).toBe(s.terms.length);
    expect(s.chars).toBeGreaterThan(800);
    expect(s.words).toBeGreaterThan(400);
  });
});

describe('text runs', () => {
  it('stops at MAX_ARTICLE_CHARS of a huge body, and skips what the reader types', async () => {
    const { collectRuns, MAX_ARTICLE_CHARS } = await import('./text-runs');
    const seed = readFileSync('tests/fixtures/news/seed-article.txt', 'utf8');
    const sentence = seed.slice(seed.indexOf('バイデン米大統領は26日'), seed.indexOf('[ロイター]')).trim();
    const root = document.createElement('div');
    for (let i = 0; i * sentence.length < 2 * MAX_ARTICLE_CHARS; i++) {
      const p = document.createElement('p');
      p.textContent = sentence;
      root.append(p);
    }
    const typed = document.createElement('div');
    typed.setAttribute('contenteditable', '');
    typed.textContent = '入力中の日本語の文章。';
    root.prepend(typed);
    const runs = collectRuns([root]);
    const total = runs.reduce((n, r) => n + r.text.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(total).toBeGreaterThan(MAX_ARTICLE_CHARS - 2 * sentence.length);
    expect(runs.some((r) => r.text.includes('入力中'))).toBe(false);
  });
});
