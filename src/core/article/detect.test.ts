import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { detectArticle, detectArticleSteps } from './detect';
import { detectArticleInHtml } from '../../node/article';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));

interface PageExpectation {
  file: string;
  title: string;
  body_first20: string;
  body_last20: string;
  body_chars: number;
}

const manifest: PageExpectation[] = JSON.parse(readFileSync(`${fixtures}pages/manifest.json`, 'utf8'));

/** As the manifest was computed: runs of ASCII whitespace collapsed, ends trimmed (U+3000 is text). */
function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ').replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
}

/** Titles compare with every kind of space, the ideographic one included, as one space. */
function sameSpacing(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function loadPage(file: string) {
  // Some pages declare their charset late: always read as UTF-8.
  return parseHTML(readFileSync(`${fixtures}pages/${file}`, 'utf8')).document;
}

describe('detectArticle on real Japanese news pages', () => {
  it.each(manifest)('$file: body and headline as a reader sees them', (page) => {
    const result = detectArticle(loadPage(page.file));
    expect(sameSpacing(result.title)).toBe(sameSpacing(page.title));
    if (page.body_chars === 0) {
      // Members-only page: no article text in the HTML; neither the footer nor the sidebar is the article.
      expect(result.found).toBe(false);
      expect(result.text).toBe('');
      expect(result.bodyElements).toEqual([]);
      return;
    }
    expect(result.found).toBe(true);
    const text = collapse(result.text);
    expect(text).toContain(page.body_first20);
    expect(text).toContain(page.body_last20);
    expect(text.length).toBeLessThanOrEqual(1.3 * page.body_chars);
    expect(result.bodyElements.length).toBeGreaterThan(0);
    expect(result.paragraphs.join('\n\n')).toBe(result.text);
  });

  it('reads NHK Easy text without the furigana readings', () => {
    const result = detectArticle(loadPage('nhk-easy-1.html'));
    expect(result.paragraphs[0]!.startsWith('4月から法律が変わって、障害がある人が困っているときは')).toBe(true);
    expect(result.text).not.toContain('ほうりつ');
  });

  it('splits a pre-wrap <p> into its paragraphs and drops the promo link between them (Yahoo)', () => {
    const result = detectArticle(loadPage('yahoo-1.html'));
    expect(result.paragraphs.length).toBe(6);
    expect(result.paragraphs.some((p) => p.includes('【表でみる】'))).toBe(false);
  });

  it('leaves captions, the [PR] label and the summary box out of the Asahi body', () => {
    const result = detectArticle(loadPage('asahi-2.html'));
    expect(result.text).not.toContain('[PR]');
    expect(result.text).not.toContain('関労会館');
    expect(result.text).not.toContain('電力労組の動きを明かします');
    expect(result.paragraphs.at(-1)).toBe('■原発の新増設・リプレースを…');
  });

  it('gives the CLI exactly found, title, text and paragraphs', () => {
    const json = detectArticleInHtml(readFileSync(`${fixtures}pages/sankei-1.html`, 'utf8'));
    expect(Object.keys(json).sort()).toEqual(['found', 'paragraphs', 'text', 'title']);
    expect(json.title).toBe('コロンビアの米大使館でも謎の体調不良　「ハバナ症候群」原因なお特定されず');
  });

  it('stays fast on the largest pages (one pass, no repeated textContent)', () => {
    for (const file of ['nikkei-2.html', 'yomiuri-1.html']) {
      const doc = loadPage(file);
      detectArticle(doc);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        detectArticle(doc);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      // Around 10 ms on linkedom; a quadratic walk would take seconds.
      expect(times[2]).toBeLessThan(150);
    }
  });
});

/** The seed article (Newsweek Japan / Reuters) and the site chrome saved with it, as real text for synthetic pages. */
const seedLines = readFileSync(`${fixtures}news/seed-article.txt`, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const dateLine = seedLines.findIndex((l) => /^\d{4}年\d+月\d+日/.test(l));
const headline = seedLines[dateLine - 1]!;
const caption = seedLines[dateLine + 1]!;
const body = seedLines.slice(dateLine + 2, seedLines.indexOf('[ロイター]'));
const ranking = seedLines
  .slice(seedLines.indexOf('人気ランキング') + 1, seedLines.indexOf('トランプ2.0記事まとめ'))
  .filter((l) => !/^(?:•\s*)?\d+$/.test(l));

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Site chrome around an article: empty logo h1, menu, breaking-news banner, screen-reader headline copy, footer. */
function page(article: string, after = ''): string {
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>${esc(headline)} | ニューズウィーク日本版</title>
<meta property="og:title" content="${esc(headline)}"></head>
<body>
<header><h1 class="logo"><a href="/"><img src="/logo.png" alt=""></a></h1>
<nav><ul>${['ワールド', 'ビジネス', 'テクノロジー', 'カルチャー', 'ライフ'].map((m) => `<li><a href="/${m}">${m}</a></li>`).join('')}</ul></nav></header>
<div class="flash"><h2><a href="/flash">【速報】${esc(ranking[0]!)}</a></h2></div>
<h1 class="visually-hidden">${esc(headline)}</h1>
<main>
<div class="headline-area"><h1 class="entry-title">${esc(headline)}</h1><p class="date">2021年1月27日(水)11時16分</p></div>
${article}
${after}
</main>
<footer><p>ニューズウィーク日本版は、米ニューズウィーク誌の日本語版として1986年に創刊されました。国際ニュースを中心に、政治、経済、科学、カルチャーの話題を毎週お届けしています。記事の無断転載を禁じます。</p></footer>
</body></html>`;
}

function detect(html: string) {
  return detectArticle(parseHTML(html).document);
}

describe('detectArticle in slices', () => {
  it('pauses every few dozen nodes on a long page, and finds what it finds in one go', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>${esc(body[i % body.length]!)}</p>`).join('');
    const doc = parseHTML(
      `<html><body><article><h1>${esc(headline)}</h1>${paragraphs}</article></body></html>`,
    ).document;
    const steps = detectArticleSteps(doc);
    let pauses = 0;
    let next = steps.next();
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    // The content script gives the page its main thread back at these pauses: 2,000 paragraphs in 60 or more.
    expect(pauses).toBeGreaterThan(60);
    expect(next.value).toEqual(detectArticle(doc));
    expect(next.value.paragraphs.length).toBe(2000);
  });
});

describe('detectArticle on synthetic pages built from the seed article', () => {
  it('has real text to build with', () => {
    expect(headline).toBe('バイデン=プーチン、初の電話会談 新START延長で合意');
    expect(body.length).toBe(9);
    expect(ranking.length).toBeGreaterThanOrEqual(20);
  });

  it('finds the headline below an empty logo h1, a news-flash banner and a hidden copy', () => {
    const result = detect(page(`<div class="text">${body.map((p) => `<p>${esc(p)}</p>`).join('')}</div>`));
    expect(result.title).toBe(headline);
    expect(result.titleElement?.getAttribute('class')).toBe('entry-title');
    expect(result.paragraphs).toEqual(body);
  });

  it('reads bare text in <div> blocks split by <br><br>, leaving out photo captions', () => {
    const blocks = [
      `<div class="block">${esc(body[0]!)}</div>`,
      `<div class="block"><div class="wrap"><img src="/p.jpg" alt=""><p class="caption">${esc(caption)}</p></div></div>`,
      `<div class="block">${esc(body[1]!)}<br><br>${esc(body[2]!)}</div>`,
      ...body.slice(3).map((p) => `<div class="block">${esc(p)}</div>`),
    ];
    const related = `<div class="links">${ranking
      .slice(0, 3)
      .map((r) => `<a href="/r">【関連記事】${esc(r)}</a>`)
      .join('')}</div>`;
    const result = detect(page(`<div id="entry">${blocks.join('\n')}${related}</div>`));
    expect(result.found).toBe(true);
    expect(result.paragraphs).toEqual(body);
  });

  it('splits one pre-wrap <p> holding the whole article and drops its inline promo link', () => {
    const text = [...body.slice(0, 3), `<a href="/promo">【図解】${esc(ranking[1]!)}</a>`, ...body.slice(3)]
      .map((p) => (p.startsWith('<a') ? p : esc(p)))
      .join('\n\n');
    const result = detect(page(`<div class="article_body"><p style="white-space:pre-wrap">${text}</p></div>`));
    expect(result.paragraphs).toEqual(body);
  });

  it('is not distracted by dozens of empty <article> shells or an in-body link card', () => {
    const shells = Array.from({ length: 24 }, (_, i) => `<article class="module module-${i}"></article>`).join('\n');
    const card = `<article class="card"><a href="/more"><h2>【詳しくはこちら】${esc(ranking[2]!)}</h2><div></div></a></article>`;
    const result = detect(
      page(
        `${shells}<article class="module"><section><div class="body-text">${body
          .map((p) => `<p>${esc(p)}</p>`)
          .join('')}</div>${card}</section></article>`,
        shells,
      ),
    );
    expect(result.paragraphs).toEqual(body);
  });

  it('prefers a short article to a ranking list with more text', () => {
    const short = body.slice(0, 3);
    const list = `<div class="box"><h2>アクセスランキング</h2><ol>${ranking
      .map((r, i) => `<li><a href="/rank/${i}"><span>${i + 1}</span><p>${esc(r)}</p></a></li>`)
      .join('')}</ol></div>`;
    const rankingChars = ranking.join('').length;
    expect(rankingChars).toBeGreaterThan(short.join('').length);
    const result = detect(page(`<div class="text">${short.map((p) => `<p>${esc(p)}</p>`).join('')}</div>`, list));
    expect(result.paragraphs).toEqual(short);
  });

  it('still reads a page whose content an open consent dialog has set aria-hidden, or that sits in one <form>', () => {
    const article = `<div class="text">${body.map((p) => `<p>${esc(p)}</p>`).join('')}</div>`;
    const modal = page(article)
      .replace('<body>', '<body><div id="app" aria-hidden="true">')
      .replace('</body>', '</div><div role="dialog"><p>Cookieの利用に同意してください。</p></div></body>');
    expect(detect(modal).paragraphs).toEqual(body);
    const aspNet = page(article).replace('<body>', '<body><form id="aspnetForm">').replace('</body>', '</form></body>');
    expect(detect(aspNet).paragraphs).toEqual(body);
  });

  it("keeps readers' comments next to an <article> out of the body", () => {
    const story = `<article><section>${body.map((p) => `<p>${esc(p)}</p>`).join('')}</section></article>`;
    const comments = `<div><h2>みんなの意見</h2>${body
      .slice(0, 4)
      .map((p, i) => `<div><span>読者${i + 1}</span><p>${esc(p.slice(0, 40))}と思う。</p></div>`)
      .join('')}</div>`;
    expect(detect(page(story + comments)).paragraphs).toEqual(body);
  });

  it('reports no article on a members-only page rather than the footer', () => {
    const wall = `<div class="member-only"><h2>会員限定記事です</h2><p>この記事は会員限定です。ログインすると続きをお読みいただけます。</p><a href="/login">ログインする</a><a href="/join">新規登録</a></div>`;
    const list = `<ul>${ranking
      .slice(0, 6)
      .map((r) => `<li><a href="/r">${esc(r)}</a></li>`)
      .join('')}</ul>`;
    const result = detect(page(wall, list));
    expect(result.found).toBe(false);
    expect(result.text).toBe('');
    expect(result.title).toBe(headline);
  });
});

describe('detectArticle tells the body from what sits beside it in the same containers', () => {
  /** The ideographic space that opens a Japanese paragraph. */
  const indent = '\u3000';
  const paragraphs = (ps: string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join('');

  it('leaves out a standfirst set as an <h2> in a box styled like the body’s, with class names that say nothing', () => {
    const standfirst = `${body[0]!.slice(0, 40)}。${body[1]!.slice(0, 30)}。`;
    const result = detect(
      page(
        `<div><div class="c1o68pp"><h2>${esc(standfirst)}</h2></div></div>
<div><div class="c1o68pp">[記者名]</div></div>
<div><div class="c1o68pp">${paragraphs(body.slice(0, 4))}</div></div>
<figure><img src="/a.jpg" alt=""><figcaption>${esc(caption.slice(0, 40))}</figcaption></figure>
<div><div class="c1o68pp">${paragraphs(body.slice(4))}</div></div>`,
      ),
    );
    expect(result.paragraphs).toEqual(body);
  });

  it('does not take a photo caption between <br> text lines as body', () => {
    const lines = body.map((p) => `${indent}${esc(p)}<br><br>`);
    const photo = `<div class="col"><a href="/l.jpg"><img src="/s.jpg" alt=""></a><small>${esc(caption.slice(0, 60))}</small></div>`;
    const result = detect(
      page(`<div class="inner">${lines.slice(0, 3).join('')}${photo}${lines.slice(3).join('')}${photo}</div>`),
    );
    expect(result.paragraphs).toEqual(body.map((p) => `${indent}${p}`));
  });

  it('leaves a summary box out of indented <br> text, and keeps an indented note and a subhead box', () => {
    const lines = body.map((p) => `${indent}${esc(p)}<br><br>`);
    const summary = `<div class="box"><p>「${esc(body[5]!.slice(0, 30))}」。${esc(body[6]!.slice(0, 50))}。</p></div>`;
    const note = `<div class="block"><p>${indent}<strong>新START</strong>${indent}${esc(body[2]!)}</p></div>`;
    const subhead = `<div class="block"><h2>◆関係正常化へ「利益になる」</h2></div>`;
    const result = detect(
      page(
        `<div class="text">${lines.slice(0, 4).join('')}${summary}</div><div class="text">${note}${lines.slice(4, 6).join('')}${subhead}${lines.slice(6).join('')}</div>`,
      ),
    );
    expect(result.paragraphs).toEqual([
      ...body.slice(0, 4).map((p) => `${indent}${p}`),
      `${indent}新START${indent}${body[2]!}`,
      ...body.slice(4, 6).map((p) => `${indent}${p}`),
      '◆関係正常化へ「利益になる」',
      ...body.slice(6).map((p) => `${indent}${p}`),
    ]);
  });
});

describe('detectArticle on a short paywalled body', () => {
  const described = (html: string, description: string) =>
    html.replace('</head>', `<meta name="description" content="${esc(description)}"></head>`);
  const cut = `${body[1]!.slice(0, 45)}（...`;
  const wall = `<div class="c1e6jqyp"><p>この記事は会員限定です。登録すると続きをお読みいただけます。</p><p>残り3032文字</p><a href="/login">ログインする</a></div>`;
  const topic = `<section><div class="c9x2"><h2><a href="/theme/1">米ロ外交ウオッチ</a></h2><p class="c3kd">${esc(
    body[7]!,
  )}</p><ul>${ranking
    .slice(0, 3)
    .map((r, i) => `<li><a href="/a/${i}">${esc(r)}</a></li>`)
    .join('')}</ul></div></section>`;

  it('reads on past a log-in prompt set between the paragraphs of a free article', () => {
    const prompt = `<div class="k4v"><p>ログインすると記事を保存できます。</p><a href="/login">ログイン</a></div>`;
    const result = detect(
      described(
        page(
          `<div class="c8a">${body
            .slice(0, 4)
            .map((p) => `<p>${esc(p)}</p>`)
            .join('')}${prompt}${body
            .slice(4)
            .map((p) => `<p>${esc(p)}</p>`)
            .join('')}</div>`,
        ),
        body[0]!,
      ),
    );
    expect(result.paragraphs).toEqual(body);
  });

  it('leaves out a promotion box whose own 詳しくはこちら link follows a sentence about a service', () => {
    const promo = `<div class="cq1"><ul><li><button>メールで送る</button></li></ul><div class="c7k"><p>記事利用サービスについて</p><p>企業での記事共有や会議資料への転載をご希望の方は、リンク先をご覧ください。</p><a href="/promotion/share">詳しくはこちら</a></div></div>`;
    const result = detect(
      described(
        page(
          `<article class="cz1">${promo}<section class="c8a"><p class="cp1">${esc(body[0]!)}</p><p class="cp1">${esc(cut)}</p></section>${wall}${topic}</article>`,
        ),
        body[0]!,
      ),
    );
    expect(result.paragraphs).toEqual([body[0]!, cut]);
  });

  it('keeps a paragraph the paywall cut mid-sentence after a lead in a box of its own', () => {
    const result = detect(
      described(
        page(
          `<article class="cz1"><div class="lead-box"><p class="lead">${esc(body[0]!)}</p></div><section class="c8a"><p class="cp1">${esc(cut)}</p></section>${wall}${topic}</article>`,
        ),
        body[0]!,
      ),
    );
    expect(result.paragraphs).toEqual([body[0]!, cut]);
  });

  it('reads a lead in the header block with the one cut paragraph after it, not a longer box below the paywall', () => {
    const header = `<header class="hd"><h1 class="entry-title">${esc(headline)}</h1><div class="date">2021年1月27日</div><p class="lead">${esc(
      body[0]!,
    )}</p></header>`;
    const result = detect(
      described(
        page(`${header}<section class="c8a"><p class="cp1">${esc(cut)}</p></section>${wall}${topic}`),
        body[0]!,
      ),
    );
    expect(result.paragraphs).toEqual([body[0]!, cut]);
  });
});

/**
 * Page shapes written by hand, unlike those the variant generator derives from the fixture pages: a check that the
 * rules hold on layouts they were not tuned on.
 */
describe('detectArticle on hand-made page shapes', () => {
  const described = (html: string) =>
    html.replace('</head>', `<meta name="description" content="${esc(body[0]!.slice(0, 60))}…"></head>`);

  it('a lead in the article header in a larger font, the body in two parts around an in-article ad', () => {
    const result = detect(
      described(
        page(`<article class="story">
<header class="story-head"><p class="kicker">米ロ関係</p><p class="story-lead font-l">${esc(body[0]!)}</p>
<div class="byline-area"><span>ワシントン＝共同</span></div></header>
<div class="story-body"><p class="txt">${body.slice(1, 5).map(esc).join('</p><p class="txt">')}</p></div>
<div class="inread-unit"><span>広告</span><iframe src="https://ads.example/1"></iframe></div>
<div class="story-body"><p class="txt">${body.slice(5).map(esc).join('</p><p class="txt">')}</p></div>
<div class="share-buttons"><a href="/share/x">X</a><a href="/share/fb">Facebook</a></div>
</article>`),
      ),
    );
    expect(result.paragraphs).toEqual(body);
  });

  it('a short paywalled body with a 続きを読む button and a promotion box after it', () => {
    const result = detect(
      described(
        page(`<div class="kz3"><div class="p9a"><p>${esc(body[0]!)}</p><p>${esc(body[1]!)}</p></div>
<div class="m2q"><a class="b1" href="/subscribe?from=article">続きを読む</a></div>
<div class="r7t"><p class="t1">今なら初月無料！</p><p class="t2">政治・経済の最新ニュースをいつでもどこでも。スマホでもパソコンでもお読みになれます。</p><a href="/subscribe">詳しくはこちら</a></div>
<div class="x8w"><h2>関連記事</h2><ul>${ranking
          .slice(0, 4)
          .map((r, i) => `<li><a href="/a/${i}">${esc(r)}</a></li>`)
          .join('')}</ul></div></div>`),
      ),
    );
    expect(result.paragraphs).toEqual(body.slice(0, 2));
  });

  it('a body in hashed classes split by a related-article card with a summary, photos with captions between', () => {
    const card = `<div class="q1w2"><a href="/articles/9"><img src="/t.jpg" alt=""><span>${esc(
      ranking[3]!,
    )}</span></a><p>${esc(ranking[4]!)}。</p></div>`;
    const photo = `<div class="z9y8"><img src="/p.jpg" alt=""><p class="e5r6">${esc(caption.slice(0, 50))}</p></div>`;
    const part = (ps: string[]) => `<div class="a1b2">${ps.map((p) => `<p class="c3d4">${esc(p)}</p>`).join('')}</div>`;
    const result = detect(
      described(
        page(
          `<div class="m0n0">${part(body.slice(0, 3))}${photo}${part(body.slice(3, 6))}${card}${part(body.slice(6))}</div>`,
        ),
      ),
    );
    expect(result.paragraphs).toEqual(body);
  });
});
