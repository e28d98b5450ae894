// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { setVocabStore } from '../background/vocab/requests';
import { VocabStore } from '../background/vocab/store';
import { ANKI_CONNECT_ORIGIN } from '../core/vocab/anki-connect';
import { readSettings, SETTINGS_KEY } from '../settings';
import { VocabPage } from './VocabPage';
import { permissionRequests, prompt, resetPageBrowser } from './test-support/page-browser';
import browser from './test-support/page-browser';

vi.mock('webextension-polyfill', () => import('./test-support/page-browser'));

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));
let store: VocabStore;

beforeEach(() => {
  resetPageBrowser();
  // No Anki in unit tests: connecting fails as it does with Anki closed (the e2e test has a fake AnkiConnect).
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
  store = new VocabStore({ idb: new IDBFactory(), estimate: async () => ({ usage: 0, quota: 1 }) });
  setVocabStore(store);
});
afterEach(() => {
  store.close();
  vi.unstubAllGlobals();
});

async function mount() {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<VocabPage />, root);
  for (let i = 0; i < 50 && !root.querySelector('.anki-enable'); i++) await settle();
  return root;
}

describe('AnkiConnect permission', () => {
  it('is optional in the manifest and not granted at install', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, string[] | undefined>;
    const optional = (manifest.optional_host_permissions ?? []).map(
      (p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`),
    );
    expect(optional.some((re) => re.test(ANKI_CONNECT_ORIGIN))).toBe(true);
    expect(manifest.host_permissions ?? []).not.toContain(ANKI_CONNECT_ORIGIN);
    expect(manifest.permissions ?? []).not.toContain(ANKI_CONNECT_ORIGIN);
  });

  it('is off by default, and asks for 127.0.0.1:8765 alone when turned on', async () => {
    const root = await mount();
    const box = root.querySelector<HTMLInputElement>('.anki-enable')!;
    expect(box.checked).toBe(false);
    expect(readSettings(undefined).anki.enabled).toBe(false);
    expect(permissionRequests).toEqual([]);
    box.click();
    for (let i = 0; i < 50 && !(await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]; i++) await settle();
    expect(permissionRequests).toEqual([[ANKI_CONNECT_ORIGIN]]);
    expect(readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).anki.enabled).toBe(true);
  });

  it('stays off and says why when the user refuses the permission', async () => {
    prompt.answer = false;
    const root = await mount();
    root.querySelector<HTMLInputElement>('.anki-enable')!.click();
    for (let i = 0; i < 50 && !root.querySelector('.anki-status'); i++) await settle();
    expect(root.querySelector('.anki-status')?.textContent).toMatch(/no access to 127\.0\.0\.1:8765/);
    expect(readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).anki.enabled).toBe(false);
  });
});
