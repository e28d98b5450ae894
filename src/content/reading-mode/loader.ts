/**
 * The always-loaded side of reading mode, kept small: in the top frame only, once the page has loaded and is idle,
 * it loads reading.js (the article detector, furigana, highlights) when the page has Japanese text, and answers the
 * toolbar panel and the keyboard shortcut. The reading-mode state of each site lives in settings.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { DEFAULT_READING_STATE, type ReadingState } from '../../core/reading-types';
import { envelope, type Envelope, type Reply, type RequestName, type RequestOf } from '../../messages';
import { readSettings, SETTINGS_KEY, type Settings } from '../../settings';
import type { CreateReadingMode, ReadingHost, ReadingModeApi } from './api';

/** Built from ./module.ts; web-accessible so that a content script may import it. */
const READING_MODULE = 'reading.js';

const TAB_REQUESTS = new Set<RequestName>(['articleInfo', 'articleFlash', 'readingMode', 'readingToggle']);

function asTabRequest(message: unknown): Envelope | null {
  if (!message || typeof message !== 'object') return null;
  const m = message as Partial<Envelope>;
  if (m.kiji !== 1 || typeof m.type !== 'string' || !TAB_REQUESTS.has(m.type)) return null;
  if (!m.payload || typeof m.payload !== 'object') return null;
  return m as Envelope;
}
/** Japanese characters that make a page worth looking for an article in. */
const MIN_JAPANESE = 50;
const PROBE_CHARS = 200_000;

type LoadReadingModule = () => Promise<{ createReadingMode: CreateReadingMode }>;

const importModule: LoadReadingModule = () => import(/* @vite-ignore */ browser.runtime.getURL(READING_MODULE));

/** Read text node by text node, not as body.textContent: a page of a megabyte would be copied whole for 50 characters. */
function hasJapanese(doc: Document): boolean {
  if (!doc.body) return false;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  let read = 0;
  for (let node = walker.nextNode(); node && read < PROBE_CHARS; node = walker.nextNode()) {
    const text = (node as Text).data;
    const limit = Math.min(text.length, PROBE_CHARS - read);
    read += limit;
    for (let i = 0; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) && ++n >= MIN_JAPANESE) return true;
    }
  }
  return false;
}

/** Headwords the reader marked known in the vocabulary store; none when the store cannot answer. */
async function knownWords(): Promise<ReadonlySet<string>> {
  const reply = (await browser.runtime.sendMessage(envelope('knownWords', {})).catch(() => null)) as
    Reply<'knownWords'> | null | undefined;
  return new Set(reply?.ok ? reply.value : []);
}

async function annotate(texts: string[]): Promise<Reply<'annotate'>> {
  return (await browser.runtime.sendMessage(envelope('annotate', { texts }))) as Reply<'annotate'>;
}

const host: ReadingHost = {
  async annotate(texts) {
    let reply = await annotate(texts).catch(() => null);
    // The Chrome service worker may be waking up, or the engine document starting: one retry.
    if (!reply) reply = await new Promise((r) => setTimeout(r, 300)).then(() => annotate(texts));
    if (!reply?.ok) throw new Error(reply?.ok === false ? reply.error : 'no answer from the engine');
    return reply.value;
  },
  knownWords,
};

function sameState(a: ReadingState, b: ReadingState): boolean {
  return a.on === b.on && a.furigana === b.furigana;
}

export class ReadingLoader {
  private mode: Promise<ReadingModeApi> | null = null;
  private state: ReadingState;
  private readonly site: string;
  private started = false;
  private marks: boolean;
  /** Called once the idle probe finds the page in Japanese (the top frame only). */
  onJapanese: (() => void) | null = null;

  constructor(
    private readonly win: Window & typeof globalThis,
    settings: Settings,
    private readonly load: LoadReadingModule = importModule,
  ) {
    this.site = win.location.hostname;
    this.state = settings.readingMode[this.site] ?? DEFAULT_READING_STATE;
    this.marks = settings.glossaryMarks;
  }

  start(): void {
    // Frames are ads and widgets: the article is in the top document.
    if (this.win.top !== this.win || this.started) return;
    this.started = true;
    browser.runtime.onMessage.addListener(this.onMessage);
    const idle = () => {
      const run = () => {
        const japanese = hasJapanese(this.win.document);
        if (japanese) this.onJapanese?.();
        if (!this.state.on && !japanese) return;
        this.ensure()
          .then((m) => (this.state.on ? m.setState(this.state) : undefined))
          .catch(() => undefined);
      };
      if (typeof this.win.requestIdleCallback === 'function') this.win.requestIdleCallback(run, { timeout: 3000 });
      else this.win.setTimeout(run, 200);
    };
    if (this.win.document.readyState === 'complete') idle();
    else this.win.addEventListener('load', idle, { once: true });
  }

  stop(): void {
    try {
      browser.runtime.onMessage.removeListener(this.onMessage);
    } catch {
      // The extension context is gone already.
    }
    void this.mode?.then((m) => m.stop());
    this.mode = null;
  }

  /** Settings changed (here, or in another tab of the same site): follow this site's reading mode. */
  updateSettings(settings: Settings): void {
    if (settings.glossaryMarks !== this.marks) {
      this.marks = settings.glossaryMarks;
      void this.mode?.then((m) => m.setMarks(this.marks)).catch(() => undefined);
    }
    const next = settings.readingMode[this.site] ?? DEFAULT_READING_STATE;
    // Frames never start (see start()): reading mode is the top document's.
    if (!this.started || sameState(next, this.state)) return;
    this.state = next;
    if (this.mode || next.on)
      this.ensure()
        .then((m) => m.setState(next))
        .catch(() => undefined);
  }

  private ensure(): Promise<ReadingModeApi> {
    if (!this.mode) {
      const loading = this.load().then(async (module) => {
        const mode = module.createReadingMode(this.win, host);
        mode.setMarks(this.marks);
        // Detection in a task of its own, not in the one that compiled and ran the module.
        await new Promise((resolve) => this.win.setTimeout(resolve, 0));
        await mode.start();
        return mode;
      });
      loading.catch(() => {
        if (this.mode === loading) this.mode = null;
      });
      this.mode = loading;
    }
    return this.mode;
  }

  private readonly onMessage = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    // Only Kiji's own popup and background can message a content script (runtime messages never come from the
    // page). The background validates everything the page side sends it; here the sender check is the guard, and
    // the content script stays free of the schema library (the 60 KB budget).
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = asTabRequest(message);
    if (!msg) return undefined;
    return this.answer(msg).then(
      (value) => ({ ok: true, value }),
      (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  };

  private async answer(msg: Envelope): Promise<unknown> {
    switch (msg.type) {
      case 'articleInfo': {
        const summary = await (await this.ensure()).summary();
        const url = this.win.location.href.replace(/#.*$/, '');
        return { ...summary, site: this.site, url, readingMode: this.state };
      }
      case 'articleFlash':
        return (await this.ensure()).flash(msg.payload as RequestOf<'articleFlash'>);
      case 'readingMode': {
        const p = msg.payload as RequestOf<'readingMode'>;
        return this.setState({ on: p.on, furigana: p.furigana });
      }
      case 'readingToggle':
        return this.setState({ ...this.state, on: !this.state.on });
      default:
        throw new Error(`not a tab request: ${msg.type}`);
    }
  }

  /** Applies the state here and remembers it for the site; resolves once the page shows it. */
  private async setState(next: ReadingState): Promise<ReadingState> {
    this.state = next;
    const mode = await this.ensure();
    await Promise.all([this.remember(next), mode.setState(next)]);
    return next;
  }

  private async remember(state: ReadingState): Promise<void> {
    if (!this.site) return;
    try {
      const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
      const settings = readSettings(stored);
      const readingMode = { ...settings.readingMode };
      // Re-inserted last: the oldest sites are the ones dropped beyond the limit.
      delete readingMode[this.site];
      readingMode[this.site] = state;
      await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, readingMode } });
    } catch {
      // Storage unavailable: the mode still applies to this page.
    }
  }
}
