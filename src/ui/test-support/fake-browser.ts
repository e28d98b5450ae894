/**
 * Test stand-in for webextension-polyfill, answering i18n from the real _locales files, so component tests see the
 * strings users see. Use: vi.mock('webextension-polyfill', () => import('…/test-support/fake-browser')).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Messages = Record<string, { message: string }>;

const cache = new Map<string, Messages>();
function messages(lang: string): Messages {
  let m = cache.get(lang);
  if (!m) {
    m = JSON.parse(readFileSync(path.resolve('public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
    cache.set(lang, m);
  }
  return m;
}

let locale = 'en';

/** Switches the UI language for the following renders. */
export function useLocale(lang: 'en' | 'ja'): void {
  locale = lang;
  // A new function, as a language change gives a new extension context: i18n.ts then forgets what it read.
  browser.i18n.getMessage = (key, subs) => getMessage(key, subs);
}

/** Like browser.i18n.getMessage: '' for an unknown key, $1…$9 replaced by the substitutions. */
export function getMessage(key: string, subs?: string | string[]): string {
  const entry = messages(locale)[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (list[Number(n) - 1] ?? '')));
}

const browser = { i18n: { getMessage } };
export default browser;
