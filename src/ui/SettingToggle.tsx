import { t } from './i18n';
import type { Settings } from '../settings';

type BooleanSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];
type Save = (patch: Partial<Settings>) => unknown;

/** A checkbox for one on/off setting, saved as soon as it changes. */
export function SettingToggle({
  settings,
  save,
  name,
  label,
}: {
  settings: Settings;
  save: Save;
  name: BooleanSetting;
  label: string;
}) {
  return (
    <label class="row">
      <input
        type="checkbox"
        checked={settings[name]}
        onChange={(e) => void save({ [name]: e.currentTarget.checked })}
      />
      {label}
    </label>
  );
}

/** Kiji on or off, in the toolbar popup and on the options page. */
export function EnabledToggle({ settings, save }: { settings: Settings; save: Save }) {
  return <SettingToggle settings={settings} save={save} name="enabled" label={t('settingEnabled')} />;
}
