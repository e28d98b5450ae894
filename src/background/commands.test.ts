import { parseEnvelope } from '../messages';

type Listener = (command: string, tab?: { id?: number }) => void;
const listeners: Listener[] = [];
const sent: { tabId: number; message: unknown; options: unknown }[] = [];
let activeTabs: { id?: number }[] = [{ id: 5 }];
let failSend = false;
let stored: Record<string, unknown> = {};

vi.mock('webextension-polyfill', () => ({
  default: {
    commands: { onCommand: { addListener: (fn: Listener) => listeners.push(fn) } },
    storage: {
      local: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
      },
    },
    tabs: {
      query: async () => activeTabs,
      sendMessage: async (tabId: number, message: unknown, options: unknown) => {
        if (failSend) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push({ tabId, message, options });
      },
    },
  },
}));

const { listenForCommands, relayReadingToggle, READING_MODE_COMMAND, ENABLED_COMMAND } = await import('./commands');

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the reading-mode shortcut', () => {
  beforeAll(() => listenForCommands());
  beforeEach(() => {
    sent.length = 0;
    failSend = false;
    activeTabs = [{ id: 5 }];
  });

  it('is declared in the manifest with the name the background listens for', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { commands: Record<string, unknown> };
    expect(manifest.commands[READING_MODE_COMMAND]).toMatchObject({ suggested_key: { default: 'Alt+Shift+F' } });
  });

  it('reaches the top frame of the tab it was pressed in, as a request the content script accepts', async () => {
    listeners.forEach((fn) => fn(READING_MODE_COMMAND, { id: 9 }));
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.tabId).toBe(9);
    expect(sent[0]!.options).toEqual({ frameId: 0 });
    expect(parseEnvelope(sent[0]!.message)?.type).toBe('readingToggle');
  });

  it('falls back to the active tab when the browser does not say which', async () => {
    await relayReadingToggle(undefined);
    expect(sent.map((s) => s.tabId)).toEqual([5]);
  });

  it('ignores other commands, and pages without Kiji', async () => {
    listeners.forEach((fn) => fn('toggle-enabled', { id: 9 }));
    await settle();
    expect(sent).toHaveLength(0);
    failSend = true;
    await expect(relayReadingToggle({ id: 3 } as never)).resolves.toBeUndefined();
  });
});

describe('the on/off shortcut (Alt+Shift+K)', () => {
  it('turns the hover off and on again, keeping the other settings', async () => {
    stored = { settings: { enabled: true, hoverKey: 'Shift', showRomaji: true } };
    for (const fn of listeners) fn(ENABLED_COMMAND);
    await settle();
    expect(stored.settings).toMatchObject({ enabled: false, hoverKey: 'Shift', showRomaji: true });
    for (const fn of listeners) fn(ENABLED_COMMAND);
    await settle();
    expect(stored.settings).toMatchObject({ enabled: true, hoverKey: 'Shift' });
  });
});
