/**
 * The part of a cell that an error output underlines: exactly the span its
 * `line`/`column` and `endLine`/`endColumn` give, fitted to the cell's text
 * (which may have been edited while the cell ran). Plain numbers and no
 * `vscode`, so that it can be unit-tested; diagnostics.ts makes a Range of it.
 */
import type { ErrorDisplay } from '../../shared/output';

/** 0-based line and character (UTF-16), as vscode.Position counts. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** End exclusive, as vscode.Range. */
export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** What errorRange needs of a document; a vscode.TextDocument is one. */
export interface CellLines {
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

/** Where an error is: an error output's place, or a problem found while typing (cell-problems.ts). */
export type ErrorPlace = Pick<ErrorDisplay, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** The range to underline, or undefined when the error has no place in the cell (line 0). */
export function errorRange(error: ErrorPlace, lines: CellLines): TextRange | undefined {
  if (error.line < 1 || lines.lineCount === 0) return undefined;
  const start = fit(lines, error.line, error.column);
  const end = error.endLine !== undefined && error.endColumn !== undefined ? fit(lines, error.endLine, error.endColumn) : start;
  if (end.line > start.line || (end.line === start.line && end.character > start.character)) return { start, end };
  // A point, not a span (say, a ')' missing at the end of the input; or an
  // output saved before errors had an end): underline the character there, or
  // the whole line at its end, so that the squiggle can be seen.
  const text = lines.lineAt(start.line).text;
  if (start.character < text.length) return { start, end: { line: start.line, character: start.character + 1 } };
  return { start: { line: start.line, character: 0 }, end: { line: start.line, character: text.length } };
}

/** 1-based line and column to a 0-based position inside the text; past its last line, the end of the text. */
function fit(lines: CellLines, line: number, column: number): TextPosition {
  const last = lines.lineCount - 1;
  if (line - 1 > last) return { line: last, character: lines.lineAt(last).text.length };
  const index = Math.max(0, line - 1);
  return { line: index, character: Math.max(0, Math.min(column - 1, lines.lineAt(index).text.length)) };
}
