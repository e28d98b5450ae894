/**
 * CSV and TSV as Anki writes and reads them: fields quoted with " when they hold the separator, a quote or a line
 * break; Anki's "#key:value" header lines at the top. The reader keeps the line each record starts on, for errors.
 */

export type Separator = ',' | '\t';

function formatField(value: string, separator: Separator): string {
  return /["\r\n]/.test(value) || value.includes(separator) || /^#/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

export function formatRecord(fields: string[], separator: Separator): string {
  return fields.map((f) => formatField(f, separator)).join(separator);
}

interface DelimitedRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

interface DelimitedFile {
  /** Anki header lines ("#separator:tab" → separator: "tab"), keys lower-cased. */
  headers: Record<string, string>;
  separator: Separator;
  records: DelimitedRecord[];
}

interface SyntaxError {
  line: number;
  code: 'unterminatedQuote' | 'textAfterQuote';
}

const SEPARATOR_NAMES: Record<string, Separator> = { comma: ',', tab: '\t', ',': ',', '\t': '\t' };

/** Tab when the first data line has one, else comma: the way Anki guesses too. */
function guessSeparator(firstLine: string): Separator {
  return firstLine.includes('\t') ? '\t' : ',';
}

/**
 * Parses a whole file. Throws nothing: a broken file comes back as the errors found, each with its line, and no
 * records (the caller must not import half a file).
 */
export function parseDelimited(
  text: string,
  forced?: Separator,
): { ok: true; file: DelimitedFile } | { ok: false; errors: SyntaxError[] } {
  const src = text.replace(/^\uFEFF/, '');
  const headers: Record<string, string> = {};
  let pos = 0;
  let line = 1;
  // Anki's header lines come first; every one of them is "#key:value".
  while (src.startsWith('#', pos)) {
    const eol = src.indexOf('\n', pos);
    const raw = src.slice(pos, eol < 0 ? src.length : eol).replace(/\r$/, '');
    const colon = raw.indexOf(':');
    if (colon > 1) headers[raw.slice(1, colon).trim().toLowerCase()] = raw.slice(colon + 1);
    pos = eol < 0 ? src.length : eol + 1;
    line++;
  }
  const firstLineEnd = src.indexOf('\n', pos);
  const separator =
    forced ??
    SEPARATOR_NAMES[(headers.separator ?? '').toLowerCase()] ??
    guessSeparator(src.slice(pos, firstLineEnd < 0 ? src.length : firstLineEnd));

  const records: DelimitedRecord[] = [];
  const errors: SyntaxError[] = [];
  let fields: string[] = [];
  let field = '';
  let recordLine = line;
  let fieldStarted = false;

  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  while (pos < src.length) {
    const ch = src[pos];
    if (ch === '"' && !fieldStarted) {
      // A quoted field: runs to the next lone quote, across line breaks.
      const quoteLine = line;
      pos++;
      let closed = false;
      while (pos < src.length) {
        const c = src[pos];
        if (c === '"') {
          if (src[pos + 1] === '"') {
            field += '"';
            pos += 2;
            continue;
          }
          closed = true;
          pos++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        pos++;
      }
      if (!closed) {
        errors.push({ line: quoteLine, code: 'unterminatedQuote' });
        break;
      }
      fieldStarted = true;
      const next = src[pos];
      if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') {
        errors.push({ line, code: 'textAfterQuote' });
        // Skip to the end of the line and go on, to report more than one problem at a time.
        while (pos < src.length && src[pos] !== '\n') pos++;
      }
      continue;
    }
    if (ch === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
      pos++;
      continue;
    }
    if (ch === '\r' && src[pos + 1] === '\n') {
      pos++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRecord();
      pos++;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
    pos++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  if (errors.length) return { ok: false, errors };
  return { ok: true, file: { headers, separator, records } };
}
