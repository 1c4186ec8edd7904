/**
 * Cell errors as diagnostics on the cell's document, underlining the span the
 * error carries (see error-range.ts): a run's error output, or a problem found
 * while typing (cell-problems.ts).
 */
import * as vscode from 'vscode';
import { errorRange, type ErrorPlace } from '../services/cells/error-range';

/** The range an error underlines, or undefined when it has no place in the cell. */
export function errorPlaceRange(document: vscode.TextDocument, place: ErrorPlace): vscode.Range | undefined {
  const range = errorRange(place, document);
  if (!range) return undefined;
  const { start, end } = range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/**
 * The diagnostic for a cell's error, or undefined when the error has no place in the cell.
 * `code` says what kind of problem it is ('syntax', 'unknown-name'), for the quick fixes that answer it.
 */
export function errorDiagnostic(document: vscode.TextDocument, error: ErrorPlace & { readonly message: string }, code?: string): vscode.Diagnostic | undefined {
  const range = errorPlaceRange(document, error);
  if (!range) return undefined;
  const d = new vscode.Diagnostic(range, error.message, vscode.DiagnosticSeverity.Error);
  d.source = 'Activation Lab';
  if (code !== undefined) d.code = code;
  return d;
}
