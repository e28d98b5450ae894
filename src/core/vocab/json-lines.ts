/**
 * A JSON reader that remembers on which line every object and array starts, so that a backup that parses but holds
 * a bad word can be reported as "line 1234", not "words[1187]". Same grammar as JSON.parse (RFC 8259).
 */

interface JsonSyntaxError {
  line: number;
  column: number;
  /** What was found where something else was expected ('end of file' at the end). */
  found: string;
}

type JsonParse =
  { ok: true; value: unknown; lineOf: (node: object) => number | undefined } | { ok: false; error: JsonSyntaxError };

class Failure extends Error {
  constructor(readonly at: number) {
    super('json');
  }
}

export function parseJsonWithLines(text: string): JsonParse {
  const src = text.replace(/^\uFEFF/, '');
  const lines = new WeakMap<object, number>();
  let pos = 0;
  let line = 1;

  const fail = (): never => {
    throw new Failure(pos);
  };
  const ws = () => {
    for (;;) {
      const c = src.charCodeAt(pos);
      if (c === 0x0a) {
        line++;
        pos++;
      } else if (c === 0x20 || c === 0x09 || c === 0x0d) pos++;
      else return;
    }
  };
  const expect = (ch: string) => {
    if (src[pos] !== ch) fail();
    pos++;
  };

  const string = (): string => {
    expect('"');
    let out = '';
    let from = pos;
    for (;;) {
      const c = src.charCodeAt(pos);
      if (Number.isNaN(c) || c < 0x20) fail();
      if (c === 0x22) {
        out += src.slice(from, pos);
        pos++;
        return out;
      }
      if (c === 0x5c) {
        out += src.slice(from, pos);
        const e = src[pos + 1];
        pos += 2;
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = src.slice(pos, pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            pos -= 1;
            fail();
        }
        from = pos;
        continue;
      }
      pos++;
    }
  };

  const number = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(pos, pos + 40));
    if (!m) fail();
    pos += m![0].length;
    return Number(m![0]);
  };

  const literal = (word: string, value: unknown) => {
    if (!src.startsWith(word, pos)) fail();
    pos += word.length;
    return value;
  };

  const value = (): unknown => {
    ws();
    const c = src[pos] ?? '';
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      lines.set(obj, line);
      pos++;
      ws();
      if (src[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        ws();
        const key = string();
        ws();
        expect(':');
        const v = value();
        // Own data property even for "__proto__": never touch the prototype.
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (src[pos] === ',') {
          pos++;
          continue;
        }
        expect('}');
        return obj;
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      lines.set(arr, line);
      pos++;
      ws();
      if (src[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (src[pos] === ',') {
          pos++;
          continue;
        }
        expect(']');
        return arr;
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    return fail();
  };

  try {
    const v = value();
    ws();
    if (pos < src.length) fail();
    return { ok: true, value: v, lineOf: (node) => lines.get(node) };
  } catch (err) {
    // A file nested deeper than the stack: report where the reader gave up, like any other syntax error.
    if (!(err instanceof Failure) && !(err instanceof RangeError)) throw err;
    const at = Math.min(err instanceof Failure ? err.at : pos, src.length);
    const before = src.slice(0, at);
    const errLine = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const found = at >= src.length ? 'end of file' : JSON.stringify(String.fromCodePoint(src.codePointAt(at)!));
    return { ok: false, error: { line: errLine, column, found } };
  }
}
