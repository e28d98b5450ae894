import { DEFAULT_SETTINGS, MAX_READING_SITES, readSettings } from './settings';

describe('readSettings: reading mode per site', () => {
  it('keeps each site’s state as stored', () => {
    const s = readSettings({ readingMode: { 'www3.nhk.or.jp': { on: true, furigana: 'uncommon' } } });
    expect(s.readingMode).toEqual({ 'www3.nhk.or.jp': { on: true, furigana: 'uncommon' } });
    expect(readSettings(undefined).readingMode).toEqual(DEFAULT_SETTINGS.readingMode);
  });

  it('drops entries of the wrong shape: a bad level, a missing field, a key that is no hostname', () => {
    // As storage hands it back: parsed JSON, where "__proto__" is an own key like any other.
    const stored = JSON.parse(`{"readingMode": {
      "mainichi.jp": { "on": true, "furigana": "some" },
      "www.asahi.com": { "furigana": "all" },
      "__proto__": { "on": true, "furigana": "all" },
      "bad host/": { "on": true, "furigana": "all" },
      "www.yomiuri.co.jp": { "on": false, "furigana": "off" }
    }}`) as unknown;
    const s = readSettings(stored);
    expect(s.readingMode).toEqual({ 'www.yomiuri.co.jp': { on: false, furigana: 'off' } });
    expect(readSettings({ readingMode: ['x'] }).readingMode).toEqual({});
  });

  it('remembers at most MAX_READING_SITES sites, the most recent', () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_READING_SITES + 20 }, (_, i) => [`site${i}.example.jp`, { on: true, furigana: 'all' }]),
    );
    const kept = Object.keys(readSettings({ readingMode: many }).readingMode);
    expect(kept).toHaveLength(MAX_READING_SITES);
    expect(kept[0]).toBe('site20.example.jp');
  });
});

describe('readSettings: popup sections', () => {
  it('shows the kanji section unless the reader turned it off, and ignores a value of the wrong type', () => {
    expect(readSettings(undefined).showKanji).toBe(true);
    expect(readSettings({ showKanji: false }).showKanji).toBe(false);
    expect(readSettings({ showKanji: 'no' }).showKanji).toBe(true);
  });
});
