import browser from 'webextension-polyfill';
import { t } from '../ui/i18n';
import { EnabledToggle, SettingToggle } from '../ui/SettingToggle';
import { useSettings } from '../ui/settings-store';
import type { HoverKey, Theme } from '../settings';
import { About } from './About';

const HOVER_KEYS: HoverKey[] = ['none', 'Shift', 'Alt', 'Control'];
const THEMES: Theme[] = ['system', 'light', 'dark'];

export function Options() {
  const [settings, save] = useSettings();
  if (!settings) return null;
  return (
    <main class="kiji-page options">
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('optionsHover')}</h2>
      <EnabledToggle settings={settings} save={save} />
      <label class="row">
        {t('settingHoverKey')}
        <select value={settings.hoverKey} onChange={(e) => void save({ hoverKey: e.currentTarget.value as HoverKey })}>
          {HOVER_KEYS.map((k) => (
            <option value={k} key={k}>
              {t(`hoverKey_${k}`)}
            </option>
          ))}
        </select>
      </label>
      <SettingToggle settings={settings} save={save} name="showRomaji" label={t('settingRomaji')} />
      <SettingToggle settings={settings} save={save} name="showKanji" label={t('settingKanji')} />
      <h2>{t('optionsAppearance')}</h2>
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
          min={10}
          max={32}
          value={settings.fontSize}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (n >= 10 && n <= 32) void save({ fontSize: n });
          }}
        />
      </label>
      <p class="hint">
        {t('shortcutHint')}{' '}
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => undefined);
          }}
        >
          {t('shortcutLink')}
        </a>
      </p>
      <About />
    </main>
  );
}
