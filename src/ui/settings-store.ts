import browser, { type Storage } from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { readSettings, SETTINGS_KEY, type Settings } from '../settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readSettings(stored[SETTINGS_KEY]);
}

async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const next = { ...(await loadSettings()), ...patch };
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
}

/** Settings as Preact state, kept in step with changes made in other contexts. */
export function useSettings(): [Settings | null, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[SETTINGS_KEY]) setSettings(readSettings(changes[SETTINGS_KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return [settings, saveSettings];
}
