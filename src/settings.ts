/** User settings, kept in storage.local under `settings`; every context reads them, the options page writes them. */
export type HoverKey = 'none' | 'Shift' | 'Alt' | 'Control';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  enabled: boolean;
  hoverKey: HoverKey;
  showRomaji: boolean;
  theme: Theme;
  /** Popup text size in px. */
  fontSize: number;
  /** Sites (hostnames) where the user turned Kiji on from the toolbar, beyond the built-in news sites. */
  extraSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  hoverKey: 'none',
  showRomaji: false,
  theme: 'system',
  fontSize: 15,
  extraSites: [],
};

export const SETTINGS_KEY = 'settings';

/** Merges what storage holds over the defaults, dropping fields of the wrong type (old or hand-edited data). */
export function readSettings(stored: unknown): Settings {
  const s = { ...DEFAULT_SETTINGS };
  if (!stored || typeof stored !== 'object') return s;
  const o = stored as Record<string, unknown>;
  if (typeof o.enabled === 'boolean') s.enabled = o.enabled;
  if (o.hoverKey === 'none' || o.hoverKey === 'Shift' || o.hoverKey === 'Alt' || o.hoverKey === 'Control')
    s.hoverKey = o.hoverKey;
  if (typeof o.showRomaji === 'boolean') s.showRomaji = o.showRomaji;
  if (o.theme === 'system' || o.theme === 'light' || o.theme === 'dark') s.theme = o.theme;
  if (typeof o.fontSize === 'number' && o.fontSize >= 10 && o.fontSize <= 32) s.fontSize = o.fontSize;
  if (Array.isArray(o.extraSites)) s.extraSites = o.extraSites.filter((x): x is string => typeof x === 'string');
  return s;
}
