import { formatRecord, parseDelimited } from './delimited';

describe('CSV and TSV', () => {
  it('quotes fields holding the separator, quotes or line breaks, and reads them back', () => {
    const fields = ['延長', 'a, b', 'say "hi"', 'two\nlines', '#not a header', 'tab\there'];
    for (const sep of [',', '\t'] as const) {
      const text = formatRecord(fields, sep) + '\n' + formatRecord(['合意', 'ごうい'], sep) + '\n';
      const parsed = parseDelimited(text, sep);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.file.records.map((r) => r.fields)).toEqual([fields, ['合意', 'ごうい']]);
      // The second record starts after the quoted line break.
      expect(parsed.file.records.map((r) => r.line)).toEqual([1, 3]);
    }
  });

  it("reads Anki's header lines and counts them in line numbers", () => {
    const parsed = parseDelimited('#separator:tab\n#html:true\n延長\tえんちょう\r\n合意\tごうい\n');
    expect(parsed.ok && parsed.file.separator).toBe('\t');
    expect(parsed.ok && parsed.file.headers.html).toBe('true');
    expect(parsed.ok && parsed.file.records.map((r) => r.line)).toEqual([3, 4]);
  });

  it('reports an unterminated quote at the line it opened, and returns no records', () => {
    const parsed = parseDelimited('延長,えんちょう\n合意,"ごうい\n条約,じょうやく\n');
    expect(parsed).toEqual({ ok: false, errors: [{ line: 2, code: 'unterminatedQuote' }] });
  });

  it('reports text after a closing quote on its line', () => {
    const parsed = parseDelimited('a,b\n"c"d,e\nf,"g"h\n');
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { line: 2, code: 'textAfterQuote' },
        { line: 3, code: 'textAfterQuote' },
      ],
    });
  });
});
