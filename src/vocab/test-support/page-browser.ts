/**
 * Test stand-in for webextension-polyfill on extension pages: the real locale files (through fake-browser), an
 * in-memory storage.local with change events, recorded permission requests, and runtime messages answered by the
 * real vocabulary request handler (give it a store on fake-indexeddb with setVocabStore).
 */
import { answerVocabRequest } from '../../background/vocab/requests';
import { parseEnvelope } from '../../messages';
import { getMessage } from '../../ui/test-support/fake-browser';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const data = new Map<string, unknown>();
const listeners = new Set<Listener>();
const granted = new Set<string>();

export const permissionRequests: string[][] = [];
/** What the next permissions.request answers (the user's click on the browser's prompt). */
export const prompt = { answer: true };

export function resetPageBrowser(): void {
  data.clear();
  granted.clear();
  permissionRequests.length = 0;
  prompt.answer = true;
}

const browser = {
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: {
    id: 'kiji-test',
    getURL: (path: string) => `chrome-extension://kiji-test/${path}`,
    async sendMessage(message: unknown) {
      const msg = parseEnvelope(JSON.parse(JSON.stringify(message)));
      if (!msg) throw new Error('Could not establish connection. Receiving end does not exist.');
      return JSON.parse(JSON.stringify(await answerVocabRequest(msg)));
    },
  },
  storage: {
    local: {
      async get(key: string) {
        return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
          data.set(k, structuredClone(v));
        }
        for (const l of listeners) l(changes, 'local');
      },
    },
    onChanged: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
    },
  },
  permissions: {
    async request({ origins }: { origins: string[] }) {
      permissionRequests.push(origins);
      if (prompt.answer) origins.forEach((o) => granted.add(o));
      return prompt.answer;
    },
    async contains({ origins }: { origins: string[] }) {
      return origins.every((o) => granted.has(o));
    },
    async remove({ origins }: { origins: string[] }) {
      origins.forEach((o) => granted.delete(o));
      return true;
    },
  },
};

export default browser;
