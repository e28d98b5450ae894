/** Every string a user reads comes from _locales through here. */
import browser from 'webextension-polyfill';

/** The message for `key`; the key itself when the locale lacks it, so a gap shows up instead of an empty label. */
export function t(key: string, subs?: string | string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

/** The message for `key`, or '' when there is none (for labels built from data codes). */
export function tOptional(key: string, subs?: string | string[]): string {
  return browser.i18n.getMessage(key, subs);
}
