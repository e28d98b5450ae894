/** Every string a user reads comes from _locales through here. */
import browser from 'webextension-polyfill';

/**
 * Messages without substitutions, as already read: the UI language cannot change while a page lives, and a popup
 * asks for the same labels at every hover (each read is a call into the browser's native code).
 */
const plain = new Map<string, string>();

/** The reader the messages were read with: a new one (tests switching the language) starts afresh. */
let reader: unknown = null;

function message(key: string, subs?: string | string[]): string {
  if (subs !== undefined) return browser.i18n.getMessage(key, subs);
  if (browser.i18n.getMessage !== reader) {
    plain.clear();
    reader = browser.i18n.getMessage;
  }
  let text = plain.get(key);
  if (text === undefined) {
    text = browser.i18n.getMessage(key);
    plain.set(key, text);
  }
  return text;
}

/** The message for `key`; the key itself when the locale lacks it, so a gap shows up instead of an empty label. */
export function t(key: string, subs?: string | string[]): string {
  return message(key, subs) || key;
}

/** The message for `key`, or '' when there is none (for labels built from data codes). */
export function tOptional(key: string, subs?: string | string[]): string {
  return message(key, subs);
}

/**
 * A message about `count` things. chrome.i18n has no plural rules, so such a message is two: `KEY_one` for a count of
 * one and `KEY_other` for any other (Japanese gives both the same text). The number is $1, grouped (1,234); `subs`
 * follow as $2….
 */
export function tCount(key: string, count: number, subs: string[] = []): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}`, [count.toLocaleString('en-US'), ...subs]);
}
