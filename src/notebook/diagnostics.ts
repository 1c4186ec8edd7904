/**
 * Cell errors as diagnostics on the cell's document (collection 'activation-lab'),
 * underlining the span the error output carries (see error-range.ts).
 */
import * as vscode from 'vscode';
import type { ErrorDisplay } from '../shared/output';
import { errorRange } from '../services/cells/error-range';

/** The diagnostic for a cell's error, or undefined when the error has no place in the cell. */
export function errorDiagnostic(document: vscode.TextDocument, error: ErrorDisplay): vscode.Diagnostic | undefined {
  const range = errorRange(error, document);
  if (!range) return undefined;
  const { start, end } = range;
  const d = new vscode.Diagnostic(
    new vscode.Range(start.line, start.character, end.line, end.character),
    error.message,
    vscode.DiagnosticSeverity.Error,
  );
  d.source = 'Activation Lab';
  return d;
}
