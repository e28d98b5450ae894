type ChromeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

/** A stand-in for Chrome's `chrome` (no `browser`): the shim must answer promise-returning listeners. */
function fakeChrome() {
  const listeners: ChromeListener[] = [];
  return {
    listeners,
    chrome: {
      runtime: {
        id: 'abc',
        getURL(this: unknown, path: string) {
          if (this !== fake.chrome.runtime) throw new TypeError('Illegal invocation');
          return `chrome-extension://abc/${path}`;
        },
        onMessage: {
          addListener: (fn: ChromeListener) => listeners.push(fn),
          removeListener: (fn: ChromeListener) => listeners.splice(listeners.indexOf(fn), 1),
        },
      },
      storage: { local: { get: async () => ({}) } },
    },
  };
}
let fake: ReturnType<typeof fakeChrome>;

describe('content.js browser shim over Chrome', () => {
  beforeEach(() => {
    vi.resetModules();
    fake = fakeChrome();
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', fake.chrome);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('answers through sendResponse when a listener returns a promise, and not otherwise', async () => {
    const { default: browser } = await import('./browser-shim');
    const answer = async (m: unknown) => ({ ok: true, value: m });
    browser.runtime.onMessage.addListener(answer as never);
    browser.runtime.onMessage.addListener((() => undefined) as never);
    const replies: unknown[] = [];
    expect(fake.listeners[0]!('hi', {}, (r) => replies.push(r))).toBe(true);
    expect(fake.listeners[1]!('hi', {}, (r) => replies.push(r))).toBe(false);
    await Promise.resolve();
    await Promise.resolve();
    expect(replies).toEqual([{ ok: true, value: 'hi' }]);
    browser.runtime.onMessage.removeListener(answer as never);
    expect(fake.listeners).toHaveLength(1);
  });

  it('passes everything else through to chrome, methods bound to their object', async () => {
    const { default: browser } = await import('./browser-shim');
    expect(browser.runtime.id).toBe('abc');
    const getURL = browser.runtime.getURL;
    expect(getURL('vocab-ui.js')).toBe('chrome-extension://abc/vocab-ui.js');
    expect(await browser.storage.local.get('settings')).toEqual({});
  });

  it('uses Firefox’s own browser object where there is one', async () => {
    const firefox = { runtime: { id: 'fx' } };
    vi.stubGlobal('browser', firefox);
    const { default: browser } = await import('./browser-shim');
    expect(browser).toBe(firefox);
  });
});
