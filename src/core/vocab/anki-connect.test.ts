import { createServer } from 'node:net';
import { AnkiConnect, AnkiConnectError, guessMapping, noteFor, sendWords, type AnkiMapping } from './anki-connect';
import { startFakeAnki, type FakeAnki } from '../../../tests/support/anki-connect-server';
import { realSaves, seedSentences, saveOf } from '../../../tests/support/real-saves';
import { applySave, type VocabWord } from './word';

let anki: FakeAnki;
let client: AnkiConnect;
const listName = (id: string) => ({ default: 'My words', 'l-gunshuku': '軍縮' })[id];

beforeEach(async () => {
  anki = await startFakeAnki();
  client = new AnkiConnect(fetch, anki.url);
});
afterEach(() => anki.close());

async function enchou(): Promise<VocabWord> {
  const sentence = seedSentences().find((s) => s.includes('延長'))!;
  return applySave(undefined, await saveOf(sentence, '延長'), 'l-gunshuku', 1);
}

describe('AnkiConnect', () => {
  it('reads the version, decks, note types and their fields', async () => {
    expect(await client.version()).toBe(6);
    expect(await client.deckNames()).toContain('日本語::ニュース');
    expect(await client.modelNames()).toContain('Basic');
    expect(await client.modelFieldNames('Basic')).toEqual(['Front', 'Back']);
  });

  it('guesses a mapping from field names, always filling the first field', () => {
    expect(guessMapping(['Front', 'Back'])).toEqual({ Front: 'Expression', Back: 'Meaning' });
    expect(guessMapping(['Expression', 'Reading', 'Meaning', 'Sentence', 'Source', 'URL'])).toEqual({
      Expression: 'Expression',
      Reading: 'Reading',
      Meaning: 'Meaning',
      Sentence: 'Sentence',
      Source: 'Source title',
      URL: 'URL',
    });
    expect(guessMapping(['Text', 'Back Extra'])).toEqual({ Text: 'Cloze', 'Back Extra': '' });
    expect(guessMapping(['Foo', 'Bar'])).toEqual({ Foo: 'Expression', Bar: '' });
  });

  it('adds a word as a note with the mapped fields and the list as a tag, and skips it the second time', async () => {
    const word = await enchou();
    const mapping: AnkiMapping = {
      deck: '日本語::ニュース',
      model: 'Japanese (Kiji)',
      fields: guessMapping(await client.modelFieldNames('Japanese (Kiji)')),
    };
    expect(await sendWords(client, [word], mapping, listName)).toEqual({ added: 1, skipped: [], failed: [] });
    const [note] = anki.notes;
    expect(note!.deckName).toBe('日本語::ニュース');
    expect(note!.fields.Expression).toBe('延長');
    expect(note!.fields.Reading).toBe('えんちょう');
    expect(note!.fields.Meaning).toMatch(/extension/);
    expect(note!.fields.Sentence).toContain('<b>延長</b>');
    expect(note!.fields.URL).toMatch(/^https:\/\/www\.newsweekjapan\.jp\//);
    expect(note!.tags).toEqual(['kiji', '軍縮']);
    expect(await sendWords(client, [word], mapping, listName)).toEqual({ added: 0, skipped: ['延長'], failed: [] });
    expect(anki.notes).toHaveLength(1);
    expect(anki.actions).toEqual(['modelFieldNames', 'canAddNotes', 'addNote', 'canAddNotes']);
  });

  it('sends a cloze note from the sentence', async () => {
    const word = await enchou();
    const mapping: AnkiMapping = { deck: 'Default', model: 'Cloze', fields: guessMapping(['Text', 'Back Extra']) };
    await sendWords(client, [word], mapping, listName);
    expect(anki.notes[0]!.fields.Text).toContain('{{c1::延長}}');
    expect(noteFor(word, mapping, listName).options).toEqual({ allowDuplicate: false, duplicateScope: 'deck' });
  });

  it('sends many words at once and reports the ones Anki refused', async () => {
    const words = (await realSaves(30)).map((s) => applySave(undefined, s, 'default', 1));
    const mapping: AnkiMapping = { deck: 'Default', model: 'Basic', fields: { Front: 'Expression', Back: 'Meaning' } };
    const out = await sendWords(client, words, mapping, listName);
    // Basic's first field is the headword: two readings of one spelling make one card, the other is skipped.
    const distinct = new Set(words.map((w) => w.headword));
    expect(distinct.size).toBeLessThan(words.length);
    expect(out.added).toBe(distinct.size);
    expect(out.skipped).toHaveLength(words.length - distinct.size);
    expect(out.failed).toEqual([]);
    expect(new Set(anki.notes.map((n) => n.fields.Front))).toEqual(distinct);
    const bad = await sendWords(client, words.slice(0, 1), { ...mapping, deck: 'Nope' }, listName);
    expect(bad).toEqual({ added: 0, skipped: [words[0]!.headword], failed: [] });
  });

  it('says Anki is not running when nothing listens on the port', async () => {
    // A port that was free a moment ago: connection refused, as when Anki is closed.
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const err = await new AnkiConnect(fetch, `http://127.0.0.1:${free}`).version().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnkiConnectError);
    expect((err as AnkiConnectError).code).toBe('notRunning');
  });

  it('tells a refused origin (403) and an Anki error apart', async () => {
    anki.refuse = true;
    await expect(client.version()).rejects.toMatchObject({ code: 'forbidden' });
    anki.refuse = false;
    await expect(client.modelFieldNames('Nope')).rejects.toMatchObject({
      code: 'ankiError',
      detail: 'model was not found: Nope',
    });
  });
});
