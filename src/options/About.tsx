import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';

/** Attribution the EDRDG licence requires, and the other parts Kiji ships. */
export function About() {
  const version = browser.runtime.getManifest().version;
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title">{t('aboutTitle')}</h2>
      <p>{t('aboutVersion', [version])}</p>
      <p>{t('aboutPrivacy')}</p>
      <h3>{t('aboutDataTitle')}</h3>
      <p class="licence">
        {t('aboutEdrdg')}{' '}
        <a href="https://www.edrdg.org/edrdg/licence.html" target="_blank" rel="noreferrer">
          https://www.edrdg.org/edrdg/licence.html
        </a>{' '}
        (CC BY-SA 4.0)
      </p>
      <p class="licence">{t('aboutEdrdgFiles')}</p>
      <p class="licence">{t('aboutKuromoji')}</p>
      <p class="licence">{t('aboutLibraries')}</p>
      <p class="licence">{t('aboutGlossary')}</p>
    </section>
  );
}
