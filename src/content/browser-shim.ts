/**
 * What content.js gets for `import browser from 'webextension-polyfill'` (an alias in scripts/build.ts): Firefox's
 * own `browser`, or Chrome's `chrome`, whose MV3 APIs already return promises. The one difference the content script
 * meets is runtime.onMessage: Chrome answers a listener's reply only through sendResponse, so listeners that return a
 * promise are wrapped. The full polyfill (≈10 KB) stays in the extension's pages, where size does not matter.
 */
import type Browser from 'webextension-polyfill';

type Listener = (message: unknown, sender: unknown) => unknown;
type ChromeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

interface ChromeEvent<T> {
  addListener(fn: T): void;
  removeListener(fn: T): void;
}

interface ChromeLike {
  runtime: Record<string, unknown> & { onMessage: ChromeEvent<ChromeListener> };
}

const g = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome?: ChromeLike };

function fromChrome(chrome: ChromeLike): typeof Browser {
  const wrapped = new Map<Listener, ChromeListener>();
  const onMessage = {
    addListener(fn: Listener) {
      const w: ChromeListener = (message, sender, sendResponse) => {
        const reply = fn(message, sender);
        if (!reply || typeof (reply as Promise<unknown>).then !== 'function') return false;
        (reply as Promise<unknown>).then(sendResponse, (err: unknown) =>
          sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
        );
        return true;
      };
      wrapped.set(fn, w);
      chrome.runtime.onMessage.addListener(w);
    },
    removeListener(fn: Listener) {
      const w = wrapped.get(fn);
      if (w) chrome.runtime.onMessage.removeListener(w);
      wrapped.delete(fn);
    },
    hasListener: (fn: Listener) => wrapped.has(fn),
  };
  const runtime = new Proxy(chrome.runtime, {
    get(target, prop) {
      if (prop === 'onMessage') return onMessage;
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(chrome, {
    get: (target, prop) => (prop === 'runtime' ? runtime : Reflect.get(target, prop)),
  }) as unknown as typeof Browser;
}

const browser: typeof Browser = g.browser?.runtime?.id ? (g.browser as typeof Browser) : fromChrome(g.chrome!);
export default browser;
