/**
 * Where a JSON syntax error is. V8's JSON.parse messages carry a position only
 * sometimes (Node 20 often says just "Unexpected token '}'"), so when they do not,
 * a small strict scanner finds the offending offset itself.
 */

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the text, when known. */
  offset?: number;
}

/**
 * Position of a `JSON.parse` error, from its message. Understands V8's
 * "... in JSON at position 42" (Node 20) and "... (line 3 column 5)" (newer
 * V8, which may also carry the position). Returns undefined when the message
 * has neither, e.g. Node 20's `Unexpected token '}', "..." is not valid JSON`.
 */
export function positionFromJsonError(message: string, text: string): SourcePosition | undefined {
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  const pos = /at position (\d+)/.exec(message);
  const offset = pos ? Math.min(Number(pos[1]), text.length) : undefined;
  if (lc) {
    const p: SourcePosition = { line: Number(lc[1]), column: Number(lc[2]) };
    if (offset !== undefined) p.offset = offset;
    return p;
  }
  if (offset !== undefined) return { ...lineColumn(text, offset), offset };
  return undefined;
}

/** 1-based line and column of `offset`; "\r\n", "\n" and a lone "\r" end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function cleanJsonMessage(message: string): string {
  let m = message
    .replace(/,\s*(\.\.\.)?"[\s\S]*"?\s+is not valid JSON\s*$/, '')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/\s*at position \d+/, '')
    .trim();
  m = m.replace(/(token )?'(\r\n|\n|\r)'/, 'line break').replace(/(token )?'\t'/, 'tab');
  return m === '' ? 'syntax error' : m;
}

/**
 * Offset of the first JSON syntax error in `text` (a strict RFC 8259 scan,
 * like `JSON.parse`), or undefined if it finds none. Used when the engine's
 * error message carries no position.
 */
export function locateJsonSyntaxError(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  class Fail {
    constructor(readonly at: number) {}
  }
  const fail = (at: number): never => {
    throw new Fail(at);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  const str = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail(n);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail(i);
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail(i);
      } else i++;
    }
  };
  const num = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (isDigit(text[i])) while (isDigit(text[i])) i++;
    else fail(i);
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) fail(i);
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) fail(i);
      while (isDigit(text[i])) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(i);
        str();
        ws();
        if (text[i] !== ':') fail(i);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail(i);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail(i);
      }
    }
    if (c === '"') return str();
    if (c === '-' || isDigit(c)) return num();
    for (const lit of ['true', 'false', 'null']) {
      if (c === lit[0]) {
        for (const ch of lit) {
          if (text[i] !== ch) fail(i);
          i++;
        }
        return;
      }
    }
    fail(i);
  };
  try {
    value();
    ws();
    if (i < n) fail(i);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e.at;
    return undefined; // e.g. stack overflow on absurd nesting: position unknown
  }
}
