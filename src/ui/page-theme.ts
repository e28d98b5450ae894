import browser, { type Storage } from 'webextension-polyfill';
import { readSettings, SETTINGS_KEY } from '../settings';
import { loadSettings } from './settings-store';
import { t } from './i18n';
import { FONT_JA, FONT_UI, themeCss } from './theme';

/**
 * The colour tokens and font stacks of the hover popup, declared on <html> so the pages' sheet (page.css) and the
 * popup draw from one palette; the fonts go through custom properties because page.css is a static file.
 */
export function pageTokensCss(): string {
  return `${themeCss(':root')}\n:root { --kiji-font-ui: ${FONT_UI}; --kiji-font-ja: ${FONT_JA}; }`;
}

/**
 * Sets up an extension page before its first paint: the UI language (screen readers and the Japanese font stack
 * follow `lang`), the shared tokens, and the theme the user chose, followed when it changes in another tab.
 */
export function preparePage(doc: Document = document): void {
  const html = doc.documentElement;
  // The language of the messages actually shown (a French browser gets the English ones), not the browser's.
  html.lang = t('pageLang');
  html.dataset.theme ??= 'system';
  const style = doc.createElement('style');
  style.textContent = pageTokensCss();
  doc.head.prepend(style);
  void loadSettings().then((s) => (html.dataset.theme = s.theme));
  browser.storage.onChanged.addListener((changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY])
      html.dataset.theme = readSettings(changes[SETTINGS_KEY].newValue).theme;
  });
}
