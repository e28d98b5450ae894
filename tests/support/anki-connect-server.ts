/**
 * A small stand-in for Anki with the AnkiConnect add-on: the same HTTP+JSON protocol (version 6) for the actions
 * Kiji uses — version, deckNames, modelNames, modelFieldNames, canAddNotes, addNote — with Anki's rules for
 * duplicates (same first field in the deck) and empty first fields. Node only; tests and e2e start it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredNote {
  id: number;
  deckName: string;
  modelName: string;
  fields: Record<string, string>;
  tags: string[];
}

export interface FakeAnki {
  url: string;
  port: number;
  notes: StoredNote[];
  /** Every action received, in order. */
  actions: string[];
  /** Refuse every request with 403, as AnkiConnect does for an origin it does not trust. */
  refuse: boolean;
  close(): Promise<void>;
}

const MODELS: Record<string, string[]> = {
  Basic: ['Front', 'Back'],
  'Japanese (Kiji)': ['Expression', 'Reading', 'Meaning', 'Sentence', 'Source', 'URL'],
  Cloze: ['Text', 'Back Extra'],
};
const DECKS = ['Default', '日本語::ニュース'];

export async function startFakeAnki(port = 0): Promise<FakeAnki> {
  const notes: StoredNote[] = [];
  const actions: string[] = [];
  let nextId = 1_700_000_000_000;
  const state = { refuse: false };

  const firstField = (n: { modelName: string; fields: Record<string, string> }) =>
    (n.fields[MODELS[n.modelName]?.[0] ?? ''] ?? '').trim();
  const problem = (n: { deckName: string; modelName: string; fields: Record<string, string> }): string | null => {
    if (!DECKS.includes(n.deckName)) return `deck was not found: ${n.deckName}`;
    if (!MODELS[n.modelName]) return `model was not found: ${n.modelName}`;
    const unknown = Object.keys(n.fields).find((f) => !MODELS[n.modelName]!.includes(f));
    if (unknown) return `field was not found: ${unknown}`;
    if (!firstField(n)) return 'cannot create note because it is empty';
    const dup = notes.some(
      (x) => x.deckName === n.deckName && x.modelName === n.modelName && firstField(x) === firstField(n),
    );
    return dup ? 'cannot create note because it is a duplicate' : null;
  };

  const handle = (req: { action?: string; version?: number; params?: Record<string, unknown> }): unknown => {
    if (req.version !== 6) throw new Error('unsupported version');
    const p = req.params ?? {};
    switch (req.action) {
      case 'version':
        return 6;
      case 'deckNames':
        return DECKS;
      case 'modelNames':
        return Object.keys(MODELS);
      case 'modelFieldNames': {
        const fields = MODELS[String(p.modelName)];
        if (!fields) throw new Error(`model was not found: ${String(p.modelName)}`);
        return fields;
      }
      case 'canAddNotes':
        return (p.notes as StoredNote[]).map((n) => problem(n) === null);
      case 'addNote': {
        const n = p.note as StoredNote;
        const why = problem(n);
        if (why) throw new Error(why);
        const id = nextId++;
        notes.push({ id, deckName: n.deckName, modelName: n.modelName, fields: n.fields, tags: n.tags ?? [] });
        return id;
      }
      default:
        throw new Error('unsupported action');
    }
  };

  const server: Server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      if (state.refuse) return void res.writeHead(403, cors).end();
      let parsed: { action?: string; version?: number; params?: Record<string, unknown> };
      try {
        parsed = JSON.parse(body);
      } catch {
        return void res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end('null');
      }
      actions.push(String(parsed.action));
      let reply: { result: unknown; error: string | null };
      try {
        reply = { result: handle(parsed), error: null };
      } catch (err) {
        reply = { result: null, error: err instanceof Error ? err.message : String(err) };
      }
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    notes,
    actions,
    get refuse() {
      return state.refuse;
    },
    set refuse(v: boolean) {
      state.refuse = v;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
