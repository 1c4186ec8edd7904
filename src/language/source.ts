/**
 * Positions in a cell's source text. Every token and AST node carries a Span
 * so that any error — syntax now, runtime later — can say where it happened.
 */

/**
 * A range of the source as UTF-16 offsets (what JavaScript string indices and
 * VS Code's `document.positionAt` use), end exclusive.
 */
export interface Span {
  start: number;
  end: number;
}

/** A 1-based line and column, as people (and the CLI's JSON) count them. */
export interface Position {
  line: number;
  column: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** The smallest span covering both: a node's span from its first to its last part. */
export function cover(first: Span, last: Span): Span {
  return { start: Math.min(first.start, last.start), end: Math.max(first.end, last.end) };
}

/** The source text a span covers. */
export function sliceSpan(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/**
 * Line and column of an offset. Only '\n' starts a line ('\r\n' therefore
 * works; a '\r' is an ordinary column). Columns count UTF-16 units, so a
 * character outside the BMP counts as two — the same as VS Code's columns.
 * Offsets outside the text are clamped rather than rejected: errors at the
 * end of input point one past the last character.
 */
export function positionAt(text: string, offset: number): Position {
  const end = Math.max(0, Math.min(Math.floor(offset), text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** "line 2, column 5" — the way messages refer to another place in the source. */
export function describePosition(text: string, offset: number): string {
  const { line, column } = positionAt(text, offset);
  return `line ${line}, column ${column}`;
}
