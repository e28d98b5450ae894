/**
 * Site-independent evidence about page furniture: which tags, roles, class/id words and short texts mark blocks
 * that are not article prose. Hashed class names (CSS modules, styled-components) carry no meaning and are ignored.
 */

import { type DomElement } from './dom';

/** Never rendered as text, or not article text by nature (readings inside ruby, form controls, embeds). */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'rt',
  'rp',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'link',
  'meta',
  'head',
]);

/** Elements that flow inside a paragraph; everything else (including unknown custom elements) starts a block. */
export const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'output',
  'picture',
  'q',
  'rb',
  'rtc',
  'ruby',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Page furniture by its HTML semantics. */
// Not <form>: ASP.NET pages wrap the whole page in one.
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'figure', 'figcaption', 'menu', 'dialog']);
const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
  'tablist',
]);

/**
 * Words in class or id that name furniture in the vocabulary sites actually use. Matched against whole tokens
 * (split at punctuation and at camelCase humps), never substrings, so "header" does not match "head".
 */
const FURNITURE_WORDS = new Set([
  'ad',
  'ads',
  'adsense',
  'advert',
  'advertisement',
  'dfp',
  'sponsor',
  'sponsored',
  'promo',
  'pr',
  'banner',
  'ranking',
  'rank',
  'related',
  'relation',
  'recommend',
  'recommended',
  'recommendation',
  'pickup',
  'popular',
  'trending',
  'share',
  'sharing',
  'sns',
  'social',
  'breadcrumb',
  'breadcrumbs',
  'topicpath',
  'nav',
  'navi',
  'navigation',
  'gnav',
  'menu',
  'sidebar',
  'side',
  'aside',
  'header',
  'footer',
  'comment',
  'comments',
  'copyright',
  'caption',
  'credit',
  'byline',
  'author',
  'profile',
  'tag',
  'tags',
  'widget',
  'modal',
  'popup',
  'toolbar',
  'tools',
  'pager',
  'pagination',
  'paywall',
  'login',
  'signup',
  'subscribe',
  'subscription',
  'newsletter',
  'readmore',
]);

/** Classes that hide an element from sight while keeping it for screen readers or other viewports. */
const HIDING_CLASSES = new Set([
  'hidden',
  'is-hidden',
  'u-hidden',
  'hide',
  'hide-text',
  'hidetext',
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'screen-reader-text',
  'screen-reader-only',
  'a11y-hidden',
  'offscreen',
  'd-none',
  'display-none',
]);

const CAMEL_PART = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;

/** Lower-case word tokens of a class/id value; a camelCase token is split only when every part is a real word. */
function classTokens(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(/[^A-Za-z0-9]+/)) {
    if (!raw) continue;
    out.push(raw.toLowerCase());
    if (/[a-z][A-Z]|^[A-Z][a-z]+[A-Z]/.test(raw) && !/\d/.test(raw)) {
      const parts = raw.match(CAMEL_PART) ?? [];
      if (parts.join('') === raw && parts.every((p) => p.length >= 2)) {
        for (const p of parts) out.push(p.toLowerCase());
      }
    }
  }
  return out;
}

/** Furniture by HTML semantics: tag, or ARIA role when the element has attributes at all. */
export function isFurnitureElement(el: DomElement, tag: string, hasAttributes: boolean): boolean {
  if (FURNITURE_TAGS.has(tag)) return true;
  if (!hasAttributes) return false;
  const role = el.getAttribute('role');
  return role !== null && FURNITURE_ROLES.has(role.trim().toLowerCase());
}

/** Any furniture word as a substring: most class values have none and need no tokenising. */
const ANY_FURNITURE_WORD = new RegExp([...FURNITURE_WORDS].join('|'), 'i');

function namesFurniture(value: string): boolean {
  if (!ANY_FURNITURE_WORD.test(value)) return false;
  for (const t of classTokens(value)) if (FURNITURE_WORDS.has(t)) return true;
  return false;
}

function namesHeader(value: string): boolean {
  return classTokens(value).includes('header');
}

function namesHiding(cls: string): boolean {
  for (const c of cls.split(/\s+/)) if (HIDING_CLASSES.has(c.toLowerCase())) return true;
  return false;
}

interface NameVerdict {
  /** Furniture by the words of its class or id; weaker evidence (a <body class="news-social"> is not a share box). */
  furniture: boolean;
  /** Named a header: the site's masthead, or the article's own header block, where a lead paragraph may sit. */
  header: boolean;
  /** Visually hidden by a conventional utility class (screen-reader copies of the headline, for instance). */
  hiding: boolean;
}

export const PLAIN_NAME: NameVerdict = { furniture: false, header: false, hiding: false };

/** Judges class and id values, remembering each distinct value: a page repeats a few hundred class strings. */
export function createNameJudge(): (el: DomElement) => NameVerdict {
  const byClass = new Map<string, NameVerdict>();
  const byId = new Map<string, boolean>();
  return (el) => {
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    if (!cls && !id) return PLAIN_NAME;
    let v = PLAIN_NAME;
    if (cls) {
      let c = byClass.get(cls);
      if (!c) {
        const furniture = namesFurniture(cls);
        c = { furniture, header: furniture && namesHeader(cls), hiding: namesHiding(cls) };
        byClass.set(cls, c);
      }
      v = c;
    }
    if (id && !v.furniture) {
      let f = byId.get(id);
      if (f === undefined) {
        f = namesFurniture(id);
        byId.set(id, f);
      }
      if (f) v = { furniture: true, header: namesHeader(id), hiding: v.hiding };
    }
    return v;
  };
}

const DISPLAY_NONE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Hidden without computed styles: the hidden attribute, aria-hidden, inline display:none. */
export function isHidden(el: DomElement, honourAriaHidden = true): boolean {
  if (!el.hasAttributes()) return false;
  if (el.getAttribute('hidden') !== null) return true;
  if (honourAriaHidden && isAriaHidden(el)) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}

export function isAriaHidden(el: DomElement): boolean {
  return el.getAttribute('aria-hidden') === 'true';
}

/** A link that goes somewhere; javascript: links are widgets (dictionary pop-ups, toggles) inside prose. */
export function isNavigatingLink(el: DomElement): boolean {
  const href = el.getAttribute('href');
  if (href === null) return false;
  const h = href.trim().toLowerCase();
  return h !== '' && h !== '#' && !h.startsWith('javascript:');
}

/** Only short blocks are judged by their wording: a long paragraph that mentions ログイン is still news. */
export const SHORT_BLOCK = 100;

/** Paywall and sign-up prompts, "read more" links. */
const PAYWALL =
  /(?:有料|会員|読者)(?:会員)?(?:限定|記事)|会員登録|新規登録|ログイン|購読(?:手続|申し込|する|者)|続きを読む|続きをお読み|今なら|詳しくはこちら|月額\s*[0-9０-９,，]+\s*円|残り\s*[0-9０-９,，]+\s*文字|全文\s*[0-9０-９,，]+\s*文字|\b(?:read more|subscribe|sign in|log in|sign up)\b/i;
/** Advertising labels standing alone. */
const AD_LABEL =
  /^[\s[【(（<＜]*(?:PR|AD|Ads?|広告|スポンサー(?:リンク)?|Sponsored|Advertisement|プロモーション|提供)[\s\]】)）>＞]*$/i;
const COPYRIGHT = /all rights reserved|無断転載|無断複製|禁無断|^\s*copyright\b|^\s*©/i;
/** Headings of related-article, ranking and recommendation boxes, standing alone (never a paragraph's opening). */
const BOX_HEADING =
  /^[\s[【■◆●＜<]*(?:関連(?:記事|ニュース|リンク|トピック|情報)|あわせて読みたい|合わせて読みたい|こちらもおすすめ|おすすめ(?:記事|ニュース)?|オススメ|人気(?:記事|ランキング)?|(?:アクセス|記事)?ランキング|注目(?:記事|コンテンツ|ニュース)|最新(?:記事|ニュース)|新着(?:記事|ニュース)?|この記事を(?:シェア|共有)する?|(?:カテゴリー|トピック)をフォローする)(?:一覧|はこちら)?[\s\]】＞>]*$/;

/** Members-only notices among those: the text a page serves stops there (a "read on" link leads on instead). */
const MEMBERS_ONLY =
  /(?:有料|会員|読者)(?:会員)?(?:限定|記事)|会員登録|ログイン|続きをお読み|残り\s*[0-9０-９,，]+\s*文字|\b(?:subscribe|sign in|log in)\b/i;

export function isPaywallText(text: string): boolean {
  return MEMBERS_ONLY.test(text);
}

export function isFurnitureText(text: string): boolean {
  return PAYWALL.test(text) || AD_LABEL.test(text) || COPYRIGHT.test(text) || BOX_HEADING.test(text);
}

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}
