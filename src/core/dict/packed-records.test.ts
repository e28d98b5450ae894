import { zlibDeflate } from '../../node/dictionaries';
import { openPackedRecords, packRecords } from './packed-records';

/** Records of varied sizes: empty ones, short ones, and some longer than a block. */
function sampleRecords(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 3000; i++) {
    if (i % 97 === 0) out.push('');
    else if (i % 251 === 0) out.push(`長い記録${i} `.repeat(400));
    else out.push(`延長${i}\u001eえんちょう\u001en,vs\u001f\u001fextension${i % 7 === 0 ? '\u001dprolongation' : ''}`);
  }
  return out;
}

function encode(records: string[]): { raw: Uint8Array; offsets: Uint32Array } {
  const encoder = new TextEncoder();
  const parts = records.map((r) => encoder.encode(r));
  const offsets = new Uint32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  const raw = new Uint8Array(offsets[parts.length]!);
  parts.forEach((p, i) => raw.set(p, offsets[i]));
  return { raw, offsets };
}

describe('packed records', () => {
  const records = sampleRecords();
  const { raw, offsets } = encode(records);
  const decoder = new TextDecoder();

  it.each([
    ['the JavaScript deflate', undefined],
    ['zlib', zlibDeflate],
  ])('gives back every record, read in any order, packed with %s', (_, deflate) => {
    const packed = packRecords(raw, offsets, deflate);
    expect(packed.length).toBeLessThan(raw.length / 3);
    const reader = openPackedRecords(packed, offsets);
    expect(reader.recordCount).toBe(records.length);
    expect(reader.rawBytes).toBe(raw.length);
    const order = records.map((_, i) => (i * 1237) % records.length);
    for (const r of order) expect(decoder.decode(reader.record(r))).toBe(records[r]);
    for (let r = 0; r < records.length; r++) expect(decoder.decode(reader.record(r))).toBe(records[r]);
  });

  it('opens a file handed over at an odd byte offset, and refuses a damaged one', () => {
    const packed = packRecords(raw, offsets, zlibDeflate);
    const shifted = new Uint8Array(packed.length + 1);
    shifted.set(packed, 1);
    expect(decoder.decode(openPackedRecords(shifted.subarray(1), offsets).record(2000))).toBe(records[2000]);
    expect(() => openPackedRecords(packed.subarray(0, packed.length - 1), offsets)).toThrow(/truncated/);
    expect(() => openPackedRecords(raw, offsets)).toThrow(/not a Kiji/);
    expect(() => openPackedRecords(packed, offsets).record(records.length)).toThrow(RangeError);
  });
});
