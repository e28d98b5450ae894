import { parseJsonWithLines } from './json-lines';

describe('JSON with line numbers', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    const samples = [
      '{"a":[1,-2.5e3,true,false,null,"x\\u5ef6\\n\\"y"],"b":{}}',
      '[]',
      '"延長"',
      ' { "nested" : [ [ ], { "k" : 0 } ] } ',
    ];
    for (const text of samples) {
      const parsed = parseJsonWithLines(text);
      expect(parsed.ok && parsed.value).toEqual(JSON.parse(text));
    }
  });

  it('knows the line each object starts on', () => {
    const text = '{\n  "words": [\n    {"id": 1},\n\n    {"id": 2}\n  ]\n}';
    const parsed = parseJsonWithLines(text);
    if (!parsed.ok) throw new Error('parse failed');
    const words = (parsed.value as { words: object[] }).words;
    expect(words.map((w) => parsed.lineOf(w))).toEqual([3, 5]);
  });

  it('reports where a syntax error is', () => {
    expect(parseJsonWithLines('{\n  "a": 1,\n  "b": ]\n}')).toEqual({
      ok: false,
      error: { line: 3, column: 8, found: '"]"' },
    });
    expect(parseJsonWithLines('{"a": [1, 2')).toMatchObject({ ok: false, error: { line: 1, found: 'end of file' } });
    expect(parseJsonWithLines('{"a": 1} x')).toMatchObject({ ok: false, error: { found: '"x"' } });
  });

  it('never sets a prototype from "__proto__" keys', () => {
    const parsed = parseJsonWithLines('{"__proto__": {"polluted": true}}');
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.ok ? parsed.value : null)).toBe(Object.prototype);
  });

  it('reports absurd nesting as an error instead of crashing', () => {
    const parsed = parseJsonWithLines('['.repeat(200_000));
    expect(parsed.ok).toBe(false);
  });
});
