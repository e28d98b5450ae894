// @vitest-environment happy-dom
import { render } from 'preact';
import { COMMANDS } from '../content/keys';
import { useLocale } from './test-support/fake-browser';
import { Keys } from './KeyLists';

let bindings: { name?: string; description?: string; shortcut?: string }[] = [];

vi.mock('webextension-polyfill', async () => {
  const fake = await import('./test-support/fake-browser');
  return {
    default: {
      ...fake.default,
      commands: { getAll: async () => bindings },
      runtime: { getURL: (p: string) => `chrome-extension://kiji/${p}` },
      tabs: { create: async () => ({}) },
    },
  };
});

async function mount(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Keys />, root);
  // The bindings arrive asynchronously, then Preact redraws.
  for (let i = 0; i < 50 && !root.querySelector('dl.browser-shortcuts > div') && bindings.length > 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  return root;
}

const rows = (root: HTMLElement, list: string) =>
  [...root.querySelectorAll(`dl.${list} > div`)].map((d) => [
    d.querySelector('dt')!.textContent,
    d.querySelector('dd')!.textContent,
  ]);

beforeEach(() => useLocale('en'));

describe('the options page’s Keys section', () => {
  it('shows the shortcuts as the browser has them bound, a rebinding and a removed one included', async () => {
    bindings = [
      { name: '_execute_action', shortcut: '' },
      { name: 'toggle-enabled', description: 'Turn Kiji on or off', shortcut: 'Ctrl+Shift+Y' },
      { name: 'toggle-reading-mode', description: 'Reading mode on or off', shortcut: '' },
    ];
    const root = await mount();
    expect(rows(root, 'browser-shortcuts')).toEqual([
      ['Ctrl+Shift+Y', 'Turn Kiji on or off'],
      ['not set', 'Reading mode on or off'],
    ]);
    expect([...root.querySelectorAll('dl.browser-shortcuts kbd')].map((k) => k.textContent)).toEqual([
      'Ctrl',
      'Shift',
      'Y',
    ]);
  });

  it('lists every key the popup answers to, with a label', async () => {
    bindings = [];
    const root = await mount();
    const listed = rows(root, 'popup-keys');
    const caps = new Set(listed.flatMap(([keys]) => keys!.split(' ').map((k) => k.toLowerCase())));
    // The names a reader sees on the key caps, for the KeyboardEvent.key values keys.ts maps.
    const printed: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', PageDown: 'pgdn', PageUp: 'pgup' };
    for (const key of Object.keys(COMMANDS)) expect(caps, key).toContain((printed[key] ?? key).toLowerCase());
    for (const [, label] of listed) expect(label).toMatch(/^[a-z]/);
  });

  it('reads in Japanese when the browser does', async () => {
    useLocale('ja');
    bindings = [{ name: 'toggle-enabled', description: 'Kiji のオン／オフを切り替える', shortcut: 'Alt+Shift+K' }];
    const root = await mount();
    expect(root.querySelector('h2')!.textContent).toBe('キー操作');
    expect(rows(root, 'popup-keys')[1]).toEqual(['Enter', '見出しを開く・閉じる']);
  });
});
