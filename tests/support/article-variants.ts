/**
 * Article pages as site redesigns reshape them, derived from the real fixture pages (tests/fixtures/pages): the
 * body split across sibling or cousin containers with a link box, an ad or a figure between the parts; the lead
 * paragraph moved out of the body into the header block or a container of its own; a teaser followed by "続きを読む"
 * or a paywall notice and then the rest; a related-links box inside the body; hashed class names; paragraphs as
 * bare text between <br>s; empty <article> shells. Each case carries what a correct detector must find, computed by
 * the manifest's definitions over the transformed page. Node only (linkedom).
 */
import { parseHTML } from 'linkedom';

export interface PageExpectation {
  file: string;
  title: string;
  title_selector: string;
  body_selector: string;
  body_exclude: string;
  body_first20: string;
  body_last20: string;
  body_chars: number;
}

export interface BodyExpectation {
  first20: string;
  last20: string;
  chars: number;
}

export interface VariantCase {
  file: string;
  variant: string;
  html: string;
  expected: BodyExpectation;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['createElement']>;
type Node_ = El['childNodes'][number];

/** What the transforms work on: the page, its body elements in document order, and what the body text leaves out. */
interface Draft {
  doc: Doc;
  bodies: El[];
  excluded: Set<El>;
  title: El | null;
  /** Headlines of other articles on the page, for the link boxes a transform inserts. */
  headlines: string[];
  /** The containers the paragraphs sit in (one until a transform splits it), and the paragraphs, in order. */
  parts: El[];
  units: El[];
  /** The manifest's selector names the paragraphs themselves, not their container. */
  unitsAreBodies: boolean;
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'RT', 'RP']);

function rawText(node: Node_, excluded: Set<El>): string {
  if (node.nodeType === 3 || node.nodeType === 4) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as El;
  if (NOT_TEXT.has(el.tagName) || excluded.has(el)) return '';
  let s = '';
  for (const k of el.childNodes) s += rawText(k, excluded);
  return s;
}

/**
 * The manifest's definition: textContent without script/style/rt/rp and the excluded parts, the body elements
 * joined by a space, runs of ASCII whitespace collapsed, ends trimmed of the ideographic space too (this reproduces
 * all twelve pages' figures exactly; a test checks it).
 */
export function bodyExpectation(bodies: El[], excluded: Set<El>): BodyExpectation {
  const text = bodies
    .map((b) => rawText(b, excluded))
    .join(' ')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/^[ \t\n\r\f\u3000]+|[ \t\n\r\f\u3000]+$/g, '');
  return { first20: text.slice(0, 20), last20: text.slice(-20), chars: text.length };
}

export function loadDraft(page: PageExpectation, html: string): Draft {
  const { document } = parseHTML(html);
  const bodies = [...document.querySelectorAll(page.body_selector)] as El[];
  const excluded = new Set<El>();
  if (page.body_exclude) {
    for (const el of document.querySelectorAll(page.body_exclude) as Iterable<El>)
      if (bodies.some((b) => b.contains(el))) excluded.add(el);
  }
  const title = document.querySelector(page.title_selector) as El | null;
  const headlines: string[] = [];
  for (const a of document.querySelectorAll('a') as Iterable<El>) {
    const t = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (
      t.length >= 12 &&
      t.length <= 40 &&
      /[\u3040-\u30ff\u4e00-\u9fff]/.test(t) &&
      !bodies.some((b) => b.contains(a))
    )
      if (!headlines.includes(t) && t !== page.title) headlines.push(t);
  }
  const d: Draft = { doc: document, bodies, excluded, title, headlines, parts: [], units: [], unitsAreBodies: false };
  const l = layout(d);
  if (l) {
    d.parts = [l.box];
    d.units = l.units;
    d.unitsAreBodies = bodies.length > 1;
  }
  return d;
}

const TEXT_BLOCK = /^(?:P|DIV)$/;
const HEADING = /^H[1-6]$/;

function visibleChars(el: El, d: Pick<Draft, 'excluded'>): number {
  return rawText(el, d.excluded).replace(/\s+/g, '').length;
}

/** The element the body's paragraphs sit in, and those paragraphs (the blocks that hold body text), in order. */
function layout(d: Pick<Draft, 'bodies' | 'excluded'>): { box: El; units: El[] } | null {
  if (d.bodies.length === 0) return null;
  if (d.bodies.length === 1) {
    const box = d.bodies[0]!;
    const units = [...box.children].filter((k) => !d.excluded.has(k as El) && visibleChars(k as El, d) > 0) as El[];
    return units.length >= 2 ? { box, units } : null;
  }
  const box = d.bodies[0]!.parentElement as El | null;
  if (!box || d.bodies.some((b) => b.parentElement !== box)) return null;
  return { box, units: d.bodies.filter((b) => visibleChars(b, d) > 0) };
}

/** An element with attributes and children (strings become text nodes). */
function el(d: Draft, tag: string, attrs: Record<string, string> = {}, ...kids: (El | string)[]): El {
  const e = d.doc.createElement(tag) as El;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.appendChild(typeof k === 'string' ? (d.doc.createTextNode(k) as unknown as El) : k);
  return e;
}

function linkList(d: Draft, headlines: string[], path: string): El {
  return el(d, 'ul', {}, ...headlines.map((h, i) => el(d, 'li', {}, el(d, 'a', { href: `${path}${i}` }, h))));
}

type Box = 'related' | 'ad' | 'figure';

/** Furniture that real pages put between the parts of a body. */
function furniture(d: Draft, kind: Box, n: number): El {
  const links = (d.headlines.length > 0 ? d.headlines : ['関連するニュースの一覧はこちらから']).slice(n, n + 3);
  if (kind === 'related')
    return el(
      d,
      'div',
      { class: 'article-related-links' },
      el(d, 'p', { class: 'heading' }, '関連記事'),
      linkList(d, links, `/articles/${n}`),
    );
  if (kind === 'ad')
    return el(
      d,
      'div',
      { class: 'ad-slot' },
      el(d, 'span', { class: 'ad-label' }, '広告'),
      el(d, 'div', { id: `gpt-ad-${n}` }),
    );
  return el(
    d,
    'figure',
    { class: 'article-photo' },
    el(d, 'img', { src: `/photo/${n}.jpg`, alt: '' }),
    el(d, 'figcaption', {}, `記者会見する関係者（${n + 1}日、東京都内で）`),
  );
}

/** Indexes of units to cut before, so that the parts hold about equal text; never right after a subhead. */
function cuts(d: Draft, units: El[], parts: number): number[] | null {
  const sizes = units.map((u) => visibleChars(u, d));
  const total = sizes.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let acc = 0;
  for (let i = 1; i < units.length && out.length < parts - 1; i++) {
    acc += sizes[i - 1]!;
    if (acc >= (total * (out.length + 1)) / parts && !HEADING.test(units[i - 1]!.tagName)) out.push(i);
  }
  return out.length === parts - 1 ? out : null;
}

/** A copy of the container's tag and attributes (no id: the site repeats its class, not its id). */
function shell(d: Draft, box: El): El {
  const c = d.doc.createElement(box.tagName.toLowerCase()) as El;
  for (const name of box.getAttributeNames()) if (name !== 'id') c.setAttribute(name, box.getAttribute(name) ?? '');
  return c;
}

/**
 * Moves the container's children from each cut on into a new container of the same kind placed after it, with
 * `between(i)` set between the parts; `wrap` puts each part in a wrapper of its own (cousins instead of siblings).
 */
function splitAt(d: Draft, at: number[], between: (i: number) => El[], wrap: boolean): boolean {
  const box = d.parts[0];
  if (!box || d.parts.length > 1) return false;
  const starts = at.map((i) => d.units[i]!);
  const parts: El[] = [box];
  // What follows the last paragraph (share buttons, a related box) goes into a container of its own after the body.
  const tail = el(d, 'div');
  let n: Node_ | null = d.units[d.units.length - 1]!.nextSibling;
  while (n) {
    const next: Node_ | null = n.nextSibling;
    tail.appendChild(n);
    n = next;
  }
  for (let p = starts.length - 1; p >= 0; p--) {
    const part = shell(d, box);
    let n: Node_ | null = starts[p]!;
    while (n) {
      const next: Node_ | null = n.nextSibling;
      part.appendChild(n);
      n = next;
    }
    parts.splice(1, 0, part);
  }
  let anchor: El = box;
  if (wrap) {
    const w = el(d, 'div', { class: 'article-section' });
    box.parentNode!.insertBefore(w, box);
    w.appendChild(box);
    anchor = w;
  }
  for (let p = 1; p < parts.length; p++) {
    let next: El = parts[p]!;
    if (wrap) {
      next = el(d, 'div', { class: 'article-section' });
      next.appendChild(parts[p]!);
    }
    for (const f of between(p - 1)) {
      anchor.parentNode!.insertBefore(f, anchor.nextSibling);
      anchor = f;
    }
    anchor.parentNode!.insertBefore(next, anchor.nextSibling);
    anchor = next;
  }
  if (tail.firstChild) anchor.parentNode!.insertBefore(tail, anchor.nextSibling);
  d.parts = parts;
  if (!d.unitsAreBodies) d.bodies = d.bodies.flatMap((b) => (b === box ? parts : [b]));
  return true;
}

type Transform = (d: Draft) => boolean;

const BOXES: Box[] = ['related', 'ad', 'figure'];

function split(parts: number, wrap: boolean): Transform {
  return (d) => {
    const at = cuts(d, d.units, parts);
    if (!at) return false;
    return splitAt(d, at, (i) => [furniture(d, BOXES[(i + parts) % BOXES.length]!, i)], wrap);
  };
}

/** The first paragraph, taken out of the body as a <p class="lead"> of its own; null when nothing would remain. */
function takeLead(d: Draft): El | null {
  if (d.units.length < 2) return null;
  const first = d.units[0]!;
  if (
    !TEXT_BLOCK.test(first.tagName) ||
    (first.children.length > 0 && [...first.children].some((k) => !/^(?:A|SPAN|B|STRONG|EM|BR|RUBY)$/.test(k.tagName)))
  )
    return null;
  if (visibleChars(first, d) < 20) return null;
  const lead = el(d, 'p', { class: 'lead' });
  while (first.firstChild) lead.appendChild(first.firstChild);
  first.remove();
  d.bodies = d.bodies.filter((b) => b !== first);
  d.units = d.units.slice(1);
  return lead;
}

/** The headline, a date line and the lead in a header block right above the body, a photo between them. */
const leadInHeader: Transform = (d) => {
  const box = d.parts[0];
  const title = d.title;
  // The headline must come before the body and not hold it.
  if (!box || !title || title.contains(box) || box.contains(title)) return false;
  const order = [...d.doc.querySelectorAll('*')];
  if (order.indexOf(title) > order.indexOf(box)) return false;
  const lead = takeLead(d);
  if (!lead) return false;
  const header = el(d, 'header', { class: 'article-header' });
  header.appendChild(title);
  header.appendChild(el(d, 'div', { class: 'date' }, '2021年10月13日 12時00分'));
  header.appendChild(lead);
  box.parentNode!.insertBefore(header, box);
  box.parentNode!.insertBefore(furniture(d, 'figure', 0), box);
  d.bodies.unshift(lead);
  return true;
};

/** The lead in a container of its own, immediately before the body's container. */
const leadBeforeBody: Transform = (d) => {
  const box = d.parts[0];
  const lead = box && takeLead(d);
  if (!box || !lead) return false;
  const wrapper = el(d, 'div', { class: 'article-lead' });
  wrapper.appendChild(lead);
  box.parentNode!.insertBefore(wrapper, box);
  d.bodies.unshift(lead);
  return true;
};

/** The first part of the body as a teaser, then a notice or a "read on" link, then the rest in a container of its own. */
function teaser(notice: 'more' | 'paywall'): Transform {
  return (d) => {
    if (d.units.length < 3) return false;
    const at = d.units.length >= 6 ? 2 : 1;
    return splitAt(
      d,
      [at],
      () =>
        notice === 'more'
          ? [el(d, 'div', { class: 'read-more' }, el(d, 'a', { href: '?page=2' }, '続きを読む'))]
          : [
              el(
                d,
                'div',
                { class: 'paywall-notice' },
                el(d, 'p', {}, 'この記事は有料会員限定です。'),
                el(d, 'p', {}, '会員登録すると続きをお読みいただけます。'),
                el(d, 'a', { href: '/login' }, 'ログイン'),
                el(d, 'a', { href: '/signup' }, '会員登録'),
              ),
            ],
      false,
    );
  };
}

/** A related-links box inside the body, between two paragraphs, the body going on after it. */
const inlineRelated: Transform = (d) => {
  const at = cuts(d, d.units, 2);
  const before = at && d.units[at[0]!];
  if (!before) return false;
  const box = el(
    d,
    'div',
    { class: 'inline-links' },
    el(d, 'p', {}, 'あわせて読みたい'),
    linkList(d, d.headlines.slice(3, 6), '/articles/r'),
  );
  before.parentNode!.insertBefore(box, before);
  d.excluded.add(box);
  return true;
};

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36).slice(0, 6);
}

/** Every class name replaced by a hash, as CSS modules and styled-components emit them; ids dropped. */
const hashed: Transform = (d) => {
  for (const e of d.doc.querySelectorAll('[class],[id]') as Iterable<El>) {
    const cls = e.getAttribute('class');
    if (cls !== null)
      e.setAttribute(
        'class',
        cls
          .split(/\s+/)
          .filter(Boolean)
          .map((c) => `c${hash(c)}`)
          .join(' '),
      );
    e.removeAttribute('id');
  }
  return true;
};

/** Paragraphs as bare text between <br><br> in the container, not as <p> or <div> of their own. */
const brText: Transform = (d) => {
  const plain = d.units.filter(
    (u) =>
      TEXT_BLOCK.test(u.tagName) &&
      ![...u.children].some((k) => !/^(?:A|SPAN|B|STRONG|EM|BR|RUBY|RT|RP)$/.test(k.tagName)),
  );
  if (plain.length < 2) return false;
  const others = d.unitsAreBodies
    ? d.parts.flatMap((part) => [...part.children].filter((k) => !d.bodies.includes(k as El)))
    : [];
  for (const u of plain) {
    const parent = u.parentNode!;
    while (u.firstChild) parent.insertBefore(u.firstChild, u);
    parent.insertBefore(el(d, 'br'), u);
    parent.insertBefore(el(d, 'br'), u);
    u.remove();
  }
  d.units = d.units.filter((u) => !plain.includes(u));
  if (d.unitsAreBodies) {
    // The body is now its containers, less what they held besides the paragraphs.
    for (const k of others) d.excluded.add(k as El);
    d.bodies = [...d.parts];
    d.unitsAreBodies = false;
  }
  return true;
};

/** Two dozen empty <article> cards, as pages that fill their teaser lists by script ship them. */
const shells: Transform = (d) => {
  const body = d.doc.body as El | null;
  const box = d.parts[0];
  if (!body || !box) return false;
  const card = (i: number) =>
    i % 2
      ? el(d, 'article', { class: 'card-item' }, el(d, 'a', { href: '#' }, el(d, 'div')))
      : el(d, 'article', { class: 'card-item' });
  for (let i = 0; i < 10; i++) body.insertBefore(card(i), body.firstChild);
  for (let i = 0; i < 10; i++) body.appendChild(card(i));
  for (let i = 0; i < 4; i++) box.parentNode!.insertBefore(card(i), box.nextSibling);
  return true;
};

const VARIANTS: [string, Transform[]][] = [
  ['split in 2, related links between', [split(2, false)]],
  ['split in 3, ad and figure between', [split(3, false)]],
  ['split in 4 cousins', [split(4, true)]],
  ['lead in the header block', [leadInHeader]],
  ['lead in its own container', [leadBeforeBody]],
  ['teaser, 続きを読む, the rest', [teaser('more')]],
  ['teaser, paywall notice, the rest', [teaser('paywall')]],
  ['related links inside the body', [inlineRelated]],
  ['hashed class names', [hashed]],
  ['hashed, split in 3 cousins', [split(3, true), hashed]],
  ['hashed, lead in the header block', [leadInHeader, hashed]],
  ['text between <br>s, split in 2', [split(2, false), brText]],
  ['empty <article> shells, split in 2', [shells, split(2, false)]],
  ['lead in the header block, split in 3', [leadInHeader, split(3, false)]],
];

/** Every variant the page allows (some need more paragraphs than a page has, or a headline above the body). */
export function pageVariants(page: PageExpectation, html: string): VariantCase[] {
  const out: VariantCase[] = [];
  if (page.body_chars === 0) return out;
  for (const [variant, steps] of VARIANTS) {
    const d = loadDraft(page, html);
    if (!steps.every((t) => t(d))) continue;
    out.push({ file: page.file, variant, html: d.doc.toString(), expected: bodyExpectation(d.bodies, d.excluded) });
  }
  return out;
}
