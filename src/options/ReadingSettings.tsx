/**
 * Reading mode's settings: the glossary tints, the level the "This article" panel picks words for, and the sites
 * where reading mode is remembered, each with its furigana level (the toolbar popup sets these per site; here they
 * can be reviewed, changed and forgotten in one place).
 */
import { FURIGANA_LEVELS, type FuriganaLevel } from '../core/reading-types';
import { LEARN_LEVELS, type LearnLevel, type Settings } from '../settings';
import { t } from '../ui/i18n';
import { SettingToggle } from '../ui/SettingToggle';

type Save = (patch: Partial<Settings>) => Promise<void>;

export function ReadingSettings({ settings, save }: { settings: Settings; save: Save }) {
  const sites = Object.entries(settings.readingMode).sort(([a], [b]) => a.localeCompare(b));
  const setSite = (site: string, furigana: FuriganaLevel | null) => {
    const readingMode = { ...settings.readingMode };
    if (furigana === null) delete readingMode[site];
    else readingMode[site] = { on: readingMode[site]?.on ?? true, furigana };
    void save({ readingMode });
  };
  return (
    <section aria-labelledby="reading-title">
      <h2 id="reading-title">{t('optionsReading')}</h2>
      <p class="hint">{t('optionsReadingIntro')}</p>
      <SettingToggle settings={settings} save={save} name="glossaryMarks" label={t('settingGlossaryMarks')} />
      <label class="row">
        {t('learnLevelLabel')}
        <select
          value={settings.learnLevel}
          onChange={(e) => void save({ learnLevel: e.currentTarget.value as LearnLevel })}
        >
          {LEARN_LEVELS.map((level) => (
            <option value={level} key={level}>
              {t(`learnLevel_${level}`)}
            </option>
          ))}
        </select>
      </label>
      <h3 id="reading-sites">{t('optionsReadingSites')}</h3>
      {sites.length === 0 ? (
        <p class="hint">{t('optionsReadingNoSites')}</p>
      ) : (
        <ul class="sites" aria-labelledby="reading-sites">
          {sites.map(([site, state]) => (
            <li key={site}>
              <span class="site-name">
                {site}
                {!state.on && <span class="hint"> · {t('optionsReadingOff')}</span>}
              </span>
              <select
                aria-label={t('optionsReadingFuriganaOf', [site])}
                value={state.furigana}
                onChange={(e) => setSite(site, e.currentTarget.value as FuriganaLevel)}
              >
                {FURIGANA_LEVELS.map((level) => (
                  <option value={level} key={level}>
                    {t(`furigana_${level}`)}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => setSite(site, null)} aria-label={t('optionsReadingForget', [site])}>
                {t('optionsReadingForgetShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
