export {};

const opened: string[] = [];
let stored: Record<string, unknown> = {};

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: (path: string) => `chrome-extension://kiji/${path}` },
    storage: {
      local: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
      },
    },
    tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
  },
}));

const { welcomeIfNew } = await import('./welcome');

beforeEach(() => {
  opened.length = 0;
  stored = {};
});

describe('the welcome page on install', () => {
  it('opens once on a first install', async () => {
    expect(await welcomeIfNew({ reason: 'install' })).toBe(true);
    expect(opened).toEqual(['chrome-extension://kiji/welcome.html']);
  });

  it('does not open again when the browser reports the same copy installed again (a command-line load)', async () => {
    await welcomeIfNew({ reason: 'install' });
    expect(await welcomeIfNew({ reason: 'install' })).toBe(false);
    expect(opened).toHaveLength(1);
  });

  it('does not open on an update or a browser update', async () => {
    expect(await welcomeIfNew({ reason: 'update' })).toBe(false);
    expect(await welcomeIfNew({ reason: 'browser_update' })).toBe(false);
    expect(opened).toEqual([]);
  });
});
