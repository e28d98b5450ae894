/** User settings, kept in storage.local under `settings`; every context reads them, the options page writes them. */
import { FURIGANA_LEVELS, type FuriganaLevel, type ReadingState } from './core/reading-types';

export type HoverKey = 'none' | 'Shift' | 'Alt' | 'Control';
export type Theme = 'system' | 'light' | 'dark';
export const LEARN_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type LearnLevel = (typeof LEARN_LEVELS)[number];

export interface Settings {
  enabled: boolean;
  hoverKey: HoverKey;
  showRomaji: boolean;
  /** A section on the kanji of the word under the pointer (KANJIDIC2). */
  showKanji: boolean;
  theme: Theme;
  /** Popup text size in px. */
  fontSize: number;
  /** Sites (hostnames) where the user turned Kiji on from the toolbar, beyond the built-in news sites. */
  extraSites: string[];
  /** Reading mode per site (hostname): on or off, and the furigana level last chosen there. */
  readingMode: Record<string, ReadingState>;
  /** Reading mode tints the glossary terms of the article. */
  glossaryMarks: boolean;
  /** Which words the "This article" panel lists to learn (see popup/article-rank.ts). */
  learnLevel: LearnLevel;
  anki: AnkiSettings;
}

/** AnkiConnect: off until the user turns it on (and grants 127.0.0.1:8765 only then). */
export interface AnkiSettings {
  enabled: boolean;
  deck: string;
  /** Note type. */
  model: string;
  /** Note-type field → Kiji column (Expression, Reading, …; '' for none). */
  fields: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  hoverKey: 'none',
  showRomaji: false,
  showKanji: true,
  theme: 'system',
  fontSize: 15,
  extraSites: [],
  readingMode: {},
  glossaryMarks: true,
  learnLevel: 'intermediate',
  anki: { enabled: false, deck: '', model: '', fields: {} },
};

/** Sites whose reading mode is remembered; the oldest entries go first beyond this. */
export const MAX_READING_SITES = 500;

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
  if (typeof o.showKanji === 'boolean') s.showKanji = o.showKanji;
  if (typeof o.glossaryMarks === 'boolean') s.glossaryMarks = o.glossaryMarks;
  if (LEARN_LEVELS.includes(o.learnLevel as LearnLevel)) s.learnLevel = o.learnLevel as LearnLevel;
  if (o.theme === 'system' || o.theme === 'light' || o.theme === 'dark') s.theme = o.theme;
  if (typeof o.fontSize === 'number' && o.fontSize >= 10 && o.fontSize <= 32) s.fontSize = o.fontSize;
  if (Array.isArray(o.extraSites)) s.extraSites = o.extraSites.filter((x): x is string => typeof x === 'string');
  s.readingMode = readReadingModes(o.readingMode);
  s.anki = readAnki(o.anki);
  return s;
}

function readAnki(stored: unknown): AnkiSettings {
  const a: AnkiSettings = { ...DEFAULT_SETTINGS.anki, fields: {} };
  if (!stored || typeof stored !== 'object') return a;
  const o = stored as Record<string, unknown>;
  if (typeof o.enabled === 'boolean') a.enabled = o.enabled;
  if (typeof o.deck === 'string') a.deck = o.deck.slice(0, 500);
  if (typeof o.model === 'string') a.model = o.model.slice(0, 500);
  if (o.fields && typeof o.fields === 'object' && !Array.isArray(o.fields)) {
    for (const [field, column] of Object.entries(o.fields as Record<string, unknown>).slice(0, 100))
      if (typeof column === 'string' && column.length <= 40) a.fields[field] = column;
  }
  return a;
}

function isFuriganaLevel(x: unknown): x is FuriganaLevel {
  return (FURIGANA_LEVELS as readonly unknown[]).includes(x);
}

/** Keeps well-formed entries only: a hostname and a state with both fields of the right type. */
function readReadingModes(stored: unknown): Record<string, ReadingState> {
  const out: Record<string, ReadingState> = {};
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return out;
  const entries = Object.entries(stored as Record<string, unknown>).slice(-MAX_READING_SITES);
  for (const [site, value] of entries) {
    if (!/^[a-z0-9.-]{1,253}$/i.test(site) || !value || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    if (typeof v.on === 'boolean' && isFuriganaLevel(v.furigana)) out[site] = { on: v.on, furigana: v.furigana };
  }
  return out;
}
