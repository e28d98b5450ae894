import { t } from '../ui/i18n';
import { EnabledToggle, SettingToggle } from '../ui/SettingToggle';
import { useSettings } from '../ui/settings-store';
import type { HoverKey, Theme } from '../settings';
import { About } from './About';
import { Keys } from '../ui/KeyLists';
import { PopupPreview } from './PopupPreview';
import { ReadingSettings } from './ReadingSettings';

const HOVER_KEYS: HoverKey[] = ['none', 'Shift', 'Alt', 'Control'];
const THEMES: Theme[] = ['system', 'light', 'dark'];
const FONT_SIZES = { min: 10, max: 32 };

export function Options() {
  const [settings, save] = useSettings();
  if (!settings) return null;
  return (
    <main class="kiji-page options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="hover-title">
        <h2 id="hover-title">{t('optionsHover')}</h2>
        <EnabledToggle settings={settings} save={save} />
        <label class="row">
          {t('settingHoverKey')}
          <select
            value={settings.hoverKey}
            onChange={(e) => void save({ hoverKey: e.currentTarget.value as HoverKey })}
          >
            {HOVER_KEYS.map((k) => (
              <option value={k} key={k}>
                {t(`hoverKey_${k}`)}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section aria-labelledby="appearance-title">
        <h2 id="appearance-title">{t('optionsAppearance')}</h2>
        <label class="row">
          {t('settingTheme')}
          <select value={settings.theme} onChange={(e) => void save({ theme: e.currentTarget.value as Theme })}>
            {THEMES.map((k) => (
              <option value={k} key={k}>
                {t(`theme_${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          {t('settingFontSize')}
          <input
            type="number"
            min={FONT_SIZES.min}
            max={FONT_SIZES.max}
            value={settings.fontSize}
            onInput={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= FONT_SIZES.min && n <= FONT_SIZES.max) void save({ fontSize: n });
            }}
          />
        </label>
        <SettingToggle settings={settings} save={save} name="showRomaji" label={t('settingRomaji')} />
        <SettingToggle settings={settings} save={save} name="showKanji" label={t('settingKanji')} />
        <PopupPreview settings={settings} />
      </section>
      <ReadingSettings settings={settings} save={save} />
      <Keys />
      <About />
    </main>
  );
}
