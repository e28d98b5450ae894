// @vitest-environment happy-dom
import { render } from 'preact';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { useLocale } from '../ui/test-support/fake-browser';
import { ReadingSettings } from './ReadingSettings';

vi.mock('webextension-polyfill', () => import('../ui/test-support/fake-browser'));

function mount(settings: Settings) {
  const saved: Partial<Settings>[] = [];
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(
    <ReadingSettings
      settings={settings}
      save={async (patch) => {
        saved.push(patch);
      }}
    />,
    root,
  );
  return { root, saved };
}

beforeEach(() => useLocale('en'));

describe('the options page’s reading-mode settings', () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    readingMode: {
      'www3.nhk.or.jp': { on: true, furigana: 'unknown' },
      'www.asahi.com': { on: false, furigana: 'all' },
    },
  };

  it('lists the remembered sites in order, each with its furigana level, and says which are off', () => {
    const { root } = mount(settings);
    const items = [...root.querySelectorAll('.sites li')];
    expect(items.map((li) => li.querySelector('.site-name')!.textContent)).toEqual([
      'www.asahi.com · off',
      'www3.nhk.or.jp',
    ]);
    expect(items.map((li) => li.querySelector('select')!.value)).toEqual(['all', 'unknown']);
    expect(items[1]!.querySelector('select')!.getAttribute('aria-label')).toBe('Furigana on www3.nhk.or.jp');
  });

  it('changes a site’s furigana level and forgets a site, leaving the others as they were', () => {
    const { root, saved } = mount(settings);
    const nhk = root.querySelectorAll('.sites li')[1]!;
    const select = nhk.querySelector('select')!;
    select.value = 'uncommon';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(saved.at(-1)).toEqual({
      readingMode: {
        'www3.nhk.or.jp': { on: true, furigana: 'uncommon' },
        'www.asahi.com': { on: false, furigana: 'all' },
      },
    });
    root.querySelector<HTMLButtonElement>('.sites li button')!.click();
    expect(saved.at(-1)).toEqual({ readingMode: { 'www3.nhk.or.jp': { on: true, furigana: 'unknown' } } });
  });

  it('says so when no site is remembered yet', () => {
    useLocale('ja');
    const { root } = mount(DEFAULT_SETTINGS);
    expect(root.querySelector('.sites')).toBeNull();
    expect(root.textContent).toContain('まだありません');
  });
});
