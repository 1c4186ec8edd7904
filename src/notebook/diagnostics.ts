/**
 * Cell errors as diagnostics on the cell's document (collection 'activation-lab').
 */
import * as vscode from 'vscode';

/** 1-based line/column (UTF-16) to the range of the token there (or the rest of the line). */
export function errorRange(document: vscode.TextDocument, line: number, column: number): vscode.Range {
  if (document.lineCount === 0) return new vscode.Range(0, 0, 0, 0);
  if (line < 1) {
    const first = document.lineAt(0);
    return first.range;
  }
  const lineIndex = Math.min(line - 1, document.lineCount - 1);
  const text = document.lineAt(lineIndex).text;
  const start = Math.max(0, Math.min(column - 1, text.length));
  let end = start;
  if (/[A-Za-z0-9_.]/.test(text[start] ?? '')) {
    while (end < text.length && /[A-Za-z0-9_.]/.test(text[end]!)) end++;
  } else if (start < text.length) {
    end = start + 1;
  }
  if (end === start) {
    // At the end of the line: mark the whole line instead of an empty range.
    return new vscode.Range(lineIndex, 0, lineIndex, text.length);
  }
  return new vscode.Range(lineIndex, start, lineIndex, end);
}

export function errorDiagnostic(document: vscode.TextDocument, message: string, line: number, column: number): vscode.Diagnostic {
  const d = new vscode.Diagnostic(errorRange(document, line, column), message, vscode.DiagnosticSeverity.Error);
  d.source = 'Activation Lab';
  return d;
}
