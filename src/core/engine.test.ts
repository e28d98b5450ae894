import { nodeAssets } from '../node/assets';
import { createEngine, KANJI_FILE, type AssetLoader } from './engine';

/** The real files, with kanji.json held back until `release`, or failing when `fail` is set. */
function heldKanji(fail = false) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const load: AssetLoader = async (path) => {
    if (path !== KANJI_FILE) return nodeAssets(path);
    await released;
    if (fail) throw new Error('kanji.json is unreadable');
    return nodeAssets(path);
  };
  return { load, release };
}

describe('engine: the kanji section', () => {
  it('keeps answers partial until the kanji file is in, so that none is cached without its kanji', async () => {
    const { load, release } = heldKanji();
    const engine = createEngine(load);
    // Everything but the kanji file loads.
    while (!(engine.status().tokenizer && engine.status().names)) await new Promise((r) => setTimeout(r, 20));
    const early = await engine.lookup('新START延長で合意', 6);
    expect(early).toMatchObject({ match: '延長', partial: true });
    expect(early!.kanji).toBeUndefined();
    release();
    await engine.ready();
    const later = await engine.lookup('新START延長で合意', 6);
    expect(later!.partial).toBeUndefined();
    expect(later!.kanji?.map((k) => k.literal)).toEqual(['延', '長']);
  }, 60_000);

  it('answers in full without the section when the kanji file cannot be read', async () => {
    const { load, release } = heldKanji(true);
    const engine = createEngine(load);
    release();
    await engine.ready();
    const result = await engine.lookup('新START延長で合意', 6);
    expect(result!.partial).toBeUndefined();
    expect(result!.kanji).toBeUndefined();
    expect(result!.entries[0]!.headword).toBe('延長');
    expect(engine.status().error).toMatch(/kanji/);
  }, 60_000);
});
