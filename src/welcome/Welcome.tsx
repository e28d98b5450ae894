/**
 * The page Kiji opens once, on first install: try a hover on the bundled sample article, the keys, and where the
 * options and the vocabulary are.
 */
import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';
import { BrowserShortcuts, PopupKeys } from '../ui/KeyLists';

/** The sample article, shipped in the package (scripts/build.ts) with the hover script loaded. */
export const SAMPLE_PAGE = 'sample.html';

const openInTab = (page: string) => void browser.tabs.create({ url: browser.runtime.getURL(page) });

export function Welcome() {
  return (
    <main class="kiji-page welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeLead')}</p>

      <section aria-labelledby="try-title">
        <h2 id="try-title">{t('welcomeTryTitle')}</h2>
        <p>{t('welcomeTry')}</p>
        <div class="try">
          <button type="button" class="primary open-sample" onClick={() => openInTab(SAMPLE_PAGE)}>
            {t('welcomeOpenSample')}
          </button>
        </div>
        <p>{t('welcomeSites')}</p>
      </section>

      <section aria-labelledby="welcome-keys-title">
        <h2 id="welcome-keys-title">{t('optionsKeys')}</h2>
        <h3 id="welcome-keys-browser">{t('keysBrowser')}</h3>
        <BrowserShortcuts labelledBy="welcome-keys-browser" />
        <h3 id="welcome-keys-popup">{t('keysTitle')}</h3>
        <PopupKeys labelledBy="welcome-keys-popup" />
      </section>

      <section aria-labelledby="more-title">
        <h2 id="more-title">{t('welcomeMoreTitle')}</h2>
        <p>{t('welcomeReading')}</p>
        <p>{t('welcomeVocab')}</p>
        <p>{t('welcomeOptions')}</p>
        <div class="try">
          <button type="button" class="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('welcomeOpenOptions')}
          </button>
          <button type="button" class="open-vocab" onClick={() => openInTab('vocab.html')}>
            {t('vocabOpenPage')}
          </button>
        </div>
        <p class="hint">{t('aboutPrivacy')}</p>
      </section>
    </main>
  );
}
