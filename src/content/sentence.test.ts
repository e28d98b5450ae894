import { buildSentence, sourceRange, type RawPiece } from './sentence';

// Sentences from the Reuters article Kiji was conceived on (shared seed, 2021-01-27).
const LEAD = 'バイデン米大統領は26日、就任後初めてロシアのプーチン大統領と電話会談した。';
const NEXT = 'ある米政府当局者は、26日に文書を交わす予定だと述べた。';

const normal = { collapseSpaces: true, keepNewlines: false };
const preWrap = { collapseSpaces: false, keepNewlines: true };

/** Pieces named after the page node they stand for, so mapped offsets can be checked by name. */
function pieces(...parts: [string, string, typeof normal][]): RawPiece<string>[] {
  return parts.map(([node, text, ws]) => ({ node, start: 0, text, ...ws }));
}

describe('buildSentence', () => {
  it('cuts the sentence under the pointer at 。 on both sides', () => {
    const p = pieces(['p', LEAD + NEXT, normal]);
    const at = LEAD.length + NEXT.indexOf('文書');
    const s = buildSentence(p, { piece: 0, offset: at })!;
    expect(s.text).toBe('ある米政府当局者は、26日に文書を交わす予定だと述べた');
    expect(s.text.slice(s.at, s.at + 2)).toBe('文書');
  });

  it('joins inline pieces (a link, a ruby base) into one sentence and maps a match back to each node', () => {
    // <p>…ロシアの<a>プーチン</a>大統領と<ruby>電話<rt>でんわ</rt></ruby>会談した。</p>, readings left out.
    const p = pieces(
      ['t1', 'バイデン米大統領は26日、就任後初めてロシアの', normal],
      ['a', 'プーチン', normal],
      ['t2', '大統領と', normal],
      ['rb', '電話', normal],
      ['t3', '会談した。', normal],
    );
    const s = buildSentence(p, { piece: 3, offset: 0 })!;
    expect(s.text).toBe('バイデン米大統領は26日、就任後初めてロシアのプーチン大統領と電話会談した');
    const start = s.text.indexOf('電話会談');
    expect(s.at).toBe(start);
    expect(sourceRange(s.segments, start, start + 4)).toEqual({
      start: { node: 'rb', offset: 0 },
      end: { node: 't3', offset: 2 },
    });
  });

  it('drops a source line break between Japanese characters, as browsers render it, and keeps the map exact', () => {
    const p = pieces(['p', '\n  ロシア大統領府によると、プーチン大統領は\n  バイデン大統領に伝えた。', normal]);
    const raw = p[0]!.text;
    const s = buildSentence(p, { piece: 0, offset: raw.indexOf('バイデン') })!;
    expect(s.text).toBe('ロシア大統領府によると、プーチン大統領はバイデン大統領に伝えた');
    const at = s.text.indexOf('はバイ');
    expect(sourceRange(s.segments, at, at + 3)).toEqual({
      start: { node: 'p', offset: raw.indexOf('は\n') },
      end: { node: 'p', offset: raw.indexOf('バイ') + 2 },
    });
  });

  it('folds a line break between Latin words into one space (glossary terms like "New START" stay whole)', () => {
    const p = pieces(['p', '両国は New\n    START の延長で合意した。', normal]);
    const s = buildSentence(p, { piece: 0, offset: p[0]!.text.indexOf('S') })!;
    expect(s.text).toBe('両国は New START の延長で合意した');
    expect(s.text.slice(s.at)).toMatch(/^START/);
  });

  it('ends a sentence at a line feed only where the page shows line feeds (white-space: pre-wrap)', () => {
    const text = '群馬県知事が法的措置を検討\n\n北関東３県の低迷が続いている。';
    const at = text.indexOf('北関東');
    expect(buildSentence(pieces(['p', text, preWrap]), { piece: 0, offset: at })!.text).toBe(
      '北関東３県の低迷が続いている',
    );
    expect(buildSentence(pieces(['p', text, normal]), { piece: 0, offset: at })!.text).toBe(
      '群馬県知事が法的措置を検討北関東３県の低迷が続いている',
    );
  });

  it('keeps at most maxEach characters on each side of a sentence without delimiters', () => {
    const long = LEAD.replace('。', '').repeat(10);
    const s = buildSentence(pieces(['p', long, normal]), { piece: 0, offset: 200 }, 50)!;
    expect(s.at).toBe(50);
    expect(s.text).toBe(long.slice(150, 251));
  });

  it('has nothing to offer when the pointer is on a line break that the page does not show', () => {
    expect(buildSentence(pieces(['p', '記事\n本文', normal]), { piece: 0, offset: 2 })).toBeNull();
  });
});
