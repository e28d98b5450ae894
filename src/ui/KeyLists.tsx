/**
 * Every key Kiji answers to, for the options and welcome pages: the browser's shortcuts as the user has them bound
 * (read from the browser, so a rebinding shows), and the popup's keys from the same table as the popup's own `?` list.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';
import { POPUP_KEY_HELP } from './popup/key-help';

/** Keys of the popup its `?` list leaves out, since it shows them or they act as in any scrolling box. */
export const POPUP_KEYS_BEYOND_HELP: readonly (readonly [key: string, label: string])[] = [
  ['?', 'keyHelp'],
  ['PgUp PgDn', 'keyScroll'],
];

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** Where each browser lets the user bind extension shortcuts; Firefox's page cannot be opened by an extension. */
const SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

/** "Alt+Shift+K" as three key caps joined by "+"; "↓ ↑" as two caps side by side. */
function KeyCaps({ keys, joiner }: { keys: string; joiner: '+' | ' ' }) {
  return (
    <>
      {keys
        .split(joiner)
        .filter(Boolean)
        .map((k, i) => (
          <span key={i}>
            {i > 0 && joiner}
            <kbd>{k}</kbd>
          </span>
        ))}
    </>
  );
}

function useShortcuts(): Shortcut[] | null {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) =>
        setShortcuts(
          all
            .filter((c) => c.name && !c.name.startsWith('_'))
            .map((c) => ({ name: c.name!, description: c.description ?? c.name!, shortcut: c.shortcut ?? '' })),
        ),
      )
      .catch(() => setShortcuts([]));
  }, []);
  return shortcuts;
}

/** Alt+Shift+K and Alt+Shift+F, or what the user bound instead, and where to change them. */
export function BrowserShortcuts({ labelledBy }: { labelledBy: string }) {
  const shortcuts = useShortcuts();
  const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return (
    <>
      <dl class="keys browser-shortcuts" aria-labelledby={labelledBy}>
        {shortcuts?.map((c) => (
          <div key={c.name} data-command={c.name}>
            <dt>{c.shortcut ? <KeyCaps keys={c.shortcut} joiner="+" /> : t('keysUnbound')}</dt>
            <dd>{c.description}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">
        {firefox ? (
          t('keysChangeFirefox')
        ) : (
          <>
            {t('keysChangeChrome')}{' '}
            <a
              href={SHORTCUTS_PAGE}
              onClick={(e) => {
                e.preventDefault();
                void browser.tabs.create({ url: SHORTCUTS_PAGE }).catch(() => undefined);
              }}
            >
              {t('shortcutLink')}
            </a>
          </>
        )}
      </p>
    </>
  );
}

/** The keys of the hover popup while it is open. */
export function PopupKeys({ labelledBy }: { labelledBy: string }) {
  return (
    <dl class="keys popup-keys" aria-labelledby={labelledBy}>
      {[...POPUP_KEY_HELP, ...POPUP_KEYS_BEYOND_HELP].map(([keys, label]) => (
        <div key={keys}>
          <dt>
            <KeyCaps keys={keys} joiner=" " />
          </dt>
          <dd>{t(label)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The options page's Keys section. */
export function Keys() {
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('optionsKeys')}</h2>
      <h3 id="keys-browser">{t('keysBrowser')}</h3>
      <BrowserShortcuts labelledBy="keys-browser" />
      <h3 id="keys-popup">{t('keysTitle')}</h3>
      <p class="hint">{t('keysPopupIntro')}</p>
      <PopupKeys labelledBy="keys-popup" />
    </section>
  );
}
