/**
 * The content script's side of the vocabulary: for the popup on screen, asks which of its words are saved, saves and
 * marks them (button or `s`), and redraws the popup with the answers. It records what the reader was reading: the
 * sentence with the word's place in it, the article title, URL and site.
 */
import type { LookupEntry, LookupResult } from '../core/types';
import type { SaveOutcome, WordState } from '../core/vocab/store-types';
import { vocabErrorCode } from '../core/vocab/store-types';
import { siteOf, wordId, type SaveInput, type WordStatus } from '../core/vocab/word';
import { envelope, type Envelope, type Reply, type RequestName, type RequestOf } from '../messages';
import { t } from '../ui/i18n';
import type { PopupListChoice, PopupVocab } from '../ui/popup/VocabBar';
import { isContextGone } from './lookup-client';
import { RecentMap } from './recent-map';

type SendMessage = (message: Envelope) => Promise<unknown>;

/** Set by reading mode on the element holding the article's own title (better than document.title). */
const TITLE_SELECTOR = '[data-kiji-title]';

/** A random id for a write, so that a message Chrome delivers twice is applied once. */
function randomRid(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The article's title: reading mode's mark if present, else the document title. */
function articleTitle(doc: Document): string {
  const marked = doc.querySelector(TITLE_SELECTOR)?.textContent?.replace(/\s+/g, ' ').trim();
  return (marked || doc.title || '').slice(0, 2000);
}

/** The page's URL without its fragment (a link back needs no scroll position). */
function pageUrl(loc: Pick<Location, 'href'>): string {
  return loc.href.replace(/#.*$/, '').slice(0, 8000);
}

/** The save of `entry` from the popup over `sentence`, where the lookup matched from `result.start`. */
export function saveInputFor(entry: LookupEntry, result: LookupResult, sentence: string, doc: Document): SaveInput {
  const url = pageUrl(doc.location ?? { href: '' });
  const start = result.start;
  const end = Math.min(sentence.length, start + (entry.matchLength || result.end - result.start));
  return {
    entry: { source: entry.source, headword: entry.headword, reading: entry.reading, senses: entry.senses },
    context: { sentence: { text: sentence, start, end }, title: articleTitle(doc), url, site: siteOf(url) },
  };
}

/** The entry `s` saves: the first one the popup shows, which is the engine's first (a name only when it leads). */
function firstShown(result: LookupResult): LookupEntry | null {
  return result.entries[0] ?? null;
}

/** How long the popup trusts the lists it was told about. */
const LISTS_TTL_MS = 10_000;
/** Saved states remembered for the popup's first draw (each show asks again, and redraws only on a change). */
const KNOWN_STATES = 1000;

interface Open {
  result: LookupResult;
  sentence: string;
  redraw: (vocab: PopupVocab) => void;
  states: Record<string, WordState | null>;
  busy: Set<string>;
  notice: PopupVocab['notice'];
}

export class PopupVocabController {
  private open: Open | null = null;
  private lists: PopupListChoice[] = [];
  private lastListId = 'default';
  private listsAt = 0;
  /** The last state heard of each word, so a word met again is drawn right the first time. */
  private readonly known = new RecentMap<string, WordState | null>(KNOWN_STATES);

  constructor(
    private readonly send: SendMessage,
    private readonly doc: Document,
    /** The extension went away (reload, update): stop talking to it. */
    private readonly onContextGone: () => void = () => {},
    /** Runs the question about saved states; the content script puts it after the popup's first paint. */
    private readonly defer: (fn: () => void) => void = (fn) => fn(),
  ) {}

  private remember(id: string, state: WordState | null): void {
    this.known.set(id, state);
  }

  private async request<N extends RequestName>(type: N, payload: RequestOf<N>): Promise<Reply<N>> {
    try {
      const reply = (await this.send(envelope(type, payload))) as Reply<N> | undefined;
      return reply ?? { ok: false, error: 'no answer' };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      if (isContextGone(error)) this.onContextGone();
      return { ok: false, error };
    }
  }

  /**
   * The popup now shows `result`: returns the vocabulary part of its view and calls `redraw` each time it changes
   * (saved states arrive, a save completes). The answers never delay the popup itself.
   */
  show(result: LookupResult, sentence: string, redraw: (vocab: PopupVocab) => void): PopupVocab {
    const ids = [...new Set(result.entries.map((e) => wordId(e.headword, e.reading)))].slice(0, 50);
    const states: Open['states'] = {};
    for (const id of ids) if (this.known.has(id)) states[id] = this.known.get(id) ?? null;
    const open: Open = { result, sentence, redraw, states, busy: new Set(), notice: null };
    this.open = open;
    this.defer(() => void this.refresh(open, ids));
    return this.view(open);
  }

  /** Asks for the saved states of the popup's words (and now and then the lists); redraws if anything changed. */
  private async refresh(open: Open, ids: string[]): Promise<void> {
    if (this.open !== open) return;
    // The lists change rarely (on the vocabulary page): one hover in a while asks for them, not every hover.
    const listsStale = Date.now() - this.listsAt > LISTS_TTL_MS;
    if (listsStale) this.listsAt = Date.now();
    const [status, summary] = await Promise.all([
      this.request('vocabStatus', { ids }),
      listsStale ? this.request('vocabSummary', { limit: 0 }) : null,
    ]);
    let changed = false;
    if (summary?.ok) {
      const lists = summary.value.lists.map(({ id, name }) => ({ id, name }));
      changed = JSON.stringify(lists) !== JSON.stringify(this.lists) || summary.value.lastListId !== this.lastListId;
      this.lists = lists;
      this.lastListId = summary.value.lastListId;
    } else if (summary) {
      this.listsAt = 0;
    }
    if (status.ok) {
      for (const id of ids) {
        const state = status.value[id] ?? null;
        this.remember(id, state);
        if (this.open !== open) continue;
        if (!(id in open.states) || JSON.stringify(open.states[id]) !== JSON.stringify(state)) changed = true;
        open.states[id] = state;
      }
    }
    // Unchanged answers leave the popup alone: a redraw is a layout the reader gains nothing from.
    if (changed) this.redraw(open);
  }

  /** The popup closed: late answers must not redraw it. */
  hide(): void {
    this.open = null;
  }

  /** `s`: saves the first entry of the popup on screen. False when there is none. */
  saveFirst(): boolean {
    const entry = this.open && firstShown(this.open.result);
    if (!entry) return false;
    void this.save(this.open!, entry);
    return true;
  }

  private view(open: Open): PopupVocab {
    const first = firstShown(open.result);
    return {
      states: { ...open.states },
      busy: [...open.busy],
      lists: this.lists,
      lastListId: this.lastListId,
      notice: open.notice,
      firstId: first ? wordId(first.headword, first.reading) : null,
      save: (entry, listId) => void this.save(open, entry, listId),
      mark: (entry, status) => void this.mark(open, entry, status),
    };
  }

  private redraw(open: Open): void {
    if (this.open === open) open.redraw(this.view(open));
  }

  private failure(error: string): PopupVocab['notice'] {
    switch (vocabErrorCode(error)) {
      case 'quota':
        return { kind: 'error', text: t('vocabErrorQuota') };
      case 'unknownList':
        return { kind: 'error', text: t('vocabErrorUnknownList') };
      default:
        return { kind: 'error', text: t('vocabErrorSave', [error]) };
    }
  }

  private async write(
    open: Open,
    id: string,
    call: () => Promise<Reply<'vocabSave'> | Reply<'vocabDelete'>>,
    after: (reply: SaveOutcome | null) => void,
  ): Promise<void> {
    open.busy.add(id);
    this.redraw(open);
    const reply = await call();
    open.busy.delete(id);
    if (reply.ok) {
      const value = reply.value as SaveOutcome | unknown[];
      after(Array.isArray(value) ? null : value);
    } else {
      open.notice = this.failure(reply.error);
    }
    this.redraw(open);
  }

  private async save(open: Open, entry: LookupEntry, listId?: string): Promise<void> {
    const id = wordId(entry.headword, entry.reading);
    const save: SaveInput = { ...saveInputFor(entry, open.result, open.sentence, this.doc), list: listId };
    await this.write(
      open,
      id,
      () => this.request('vocabSave', { rid: randomRid(), save }),
      (out) => {
        if (!out) return;
        open.states[id] = out.state;
        this.remember(id, out.state);
        if (listId) this.lastListId = listId;
        open.notice = out.nearQuota ? { kind: 'warning', text: t('vocabNearQuota') } : null;
      },
    );
  }

  /**
   * Known / learning from the popup. A word not saved yet is recorded with its sentence but in no list; unmarking
   * such a word removes it again, so a stray click leaves nothing behind.
   */
  private async mark(open: Open, entry: LookupEntry, status: WordStatus): Promise<void> {
    const id = wordId(entry.headword, entry.reading);
    const state = open.states[id];
    if (status === 'new' && state && state.lists.length === 0) {
      await this.write(
        open,
        id,
        () => this.request('vocabDelete', { rid: randomRid(), ids: [id] }),
        () => {
          open.states[id] = null;
          this.remember(id, null);
        },
      );
      return;
    }
    const save: SaveInput = { ...saveInputFor(entry, open.result, open.sentence, this.doc), list: null, status };
    await this.write(
      open,
      id,
      () => this.request('vocabSave', { rid: randomRid(), save }),
      (out) => {
        if (!out) return;
        open.states[id] = out.state;
        this.remember(id, out.state);
      },
    );
  }
}

export { isSaveKey, isTyping } from './keys';
