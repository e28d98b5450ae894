import { overhang, type NodeRuby } from './ruby-dom';

const at = (data: string, base: string, reading: string): NodeRuby => {
  const start = data.indexOf(base);
  return { start, end: start + base.length, reading };
};

describe('a reading wider than its word', () => {
  it('needs nothing when it fits over the word', () => {
    const data = '延びて合意';
    expect(overhang(data, at(data, '延', 'の'), undefined, undefined)).toBeNull();
    expect(overhang(data, at(data, '合意', 'ごうい'), undefined, undefined)).toBeNull();
  });

  it('hangs over the kana on both sides, never spreading the word', () => {
    // 強調 read きょうちょう: 3 characters of reading over 2 of text; half a character over し and た.
    const data = 'と強調した';
    expect(overhang(data, at(data, '強調', 'きょうちょう'), undefined, undefined)).toEqual({
      hang: [0.5, 0.5],
      space: [0, 0],
      squeeze: 0,
    });
  });

  it('hangs over the side that has kana when the other is a kanji or another reading', () => {
    // 米ロの両政府: りょう goes over の, not over せいふ.
    const data = '米ロの両政府';
    const ryou = at(data, '両', 'りょう');
    const seifu = at(data, '政府', 'せいふ');
    expect(overhang(data, ryou, undefined, seifu)).toEqual({ hang: [0.5, 0], space: [0, 0], squeeze: 0 });
  });

  it('sets the kana a little closer, then leaves a little space, where it has no room at all', () => {
    const data = '領空開放';
    const ryoukuu = at(data, '領空', 'りょうくう');
    const kaihou = at(data, '開放', 'かいほう');
    const wide = overhang(data, ryoukuu, undefined, kaihou)!;
    expect(wide.squeeze).toBeGreaterThan(0);
    // What is left is under a tenth of a character on each side.
    expect(wide.space[0]).toBeLessThan(0.1);
    expect(wide.space[1]).toBeLessThan(0.1);
    expect(wide.hang[0] + wide.hang[1] + wide.squeeze * 5).toBeCloseTo(0.5);
  });
});
