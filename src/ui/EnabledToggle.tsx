import { t } from './i18n';
import type { Settings } from '../settings';

/** Kiji on or off, in the toolbar popup and on the options page. */
export function EnabledToggle({ settings, save }: { settings: Settings; save: (patch: Partial<Settings>) => unknown }) {
  return (
    <label class="row">
      <input
        type="checkbox"
        checked={settings.enabled}
        onChange={(e) => void save({ enabled: e.currentTarget.checked })}
      />
      {t('settingEnabled')}
    </label>
  );
}
