/**
 * The diagnostics of a notebook's cells (the collection 'activation-lab'), from two sources:
 *   - the problems found while typing (live-checks.ts): syntax errors and unknown names,
 *     replaced on every check;
 *   - the error of the cell's last run (controller.ts): shapes, arity and everything else only
 *     a run finds. It is dropped as soon as the cell's text changes, because it points at text
 *     that may be gone, and it is not shown at all when the text changed while the cell ran.
 * A run error on exactly the range of a typing problem is the same error (a syntax error comes
 * from the same parser, an unknown name from the same lookup), so it is shown once.
 */
import * as vscode from 'vscode';
import type { CellProblem } from '../services/cells/cell-problems';
import type { ErrorDisplay } from '../shared/output';
import { errorDiagnostic } from './diagnostics';

interface CellEntry {
  typing: readonly vscode.Diagnostic[];
  run?: vscode.Diagnostic;
}

export class CellDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('activation-lab');
  private readonly cells = new Map<string, CellEntry>();
  private readonly closing = vscode.workspace.onDidCloseNotebookDocument((nb) => {
    for (const cell of nb.getCells()) this.forget(cell.document);
  });

  /**
   * A run of the cell ended, with an error or without. `version` is the document's version
   * when the run took its text: if the text changed since, the error is about text that is gone.
   */
  runEnded(document: vscode.TextDocument, version: number, error: ErrorDisplay | undefined): void {
    if (document.version !== version) return;
    this.update(document, (entry) => {
      entry.run = error ? errorDiagnostic(document, error) : undefined;
    });
  }

  /** The problems a check of the cell's current text found (none: it has none). */
  typingProblems(document: vscode.TextDocument, problems: readonly CellProblem[]): void {
    this.update(document, (entry) => {
      entry.typing = problems.flatMap((p) => errorDiagnostic(document, p, p.kind) ?? []);
    });
  }

  /** The cell's text changed: its run error no longer points at what it was about. */
  textChanged(document: vscode.TextDocument): void {
    const entry = this.cells.get(document.uri.toString());
    if (entry?.run) this.update(document, (e) => (e.run = undefined));
  }

  /** The cell is gone (deleted, or its notebook closed). */
  forget(document: vscode.TextDocument): void {
    this.cells.delete(document.uri.toString());
    this.collection.delete(document.uri);
  }

  private update(document: vscode.TextDocument, change: (entry: CellEntry) => void): void {
    const key = document.uri.toString();
    const entry: CellEntry = this.cells.get(key) ?? { typing: [] };
    change(entry);
    const { run, typing } = entry;
    const shown = run && !typing.some((d) => d.range.isEqual(run.range)) ? [...typing, run] : typing;
    if (shown.length === 0) {
      this.cells.delete(key);
      this.collection.delete(document.uri);
      return;
    }
    this.cells.set(key, entry);
    this.collection.set(document.uri, shown);
  }

  dispose(): void {
    this.closing.dispose();
    this.collection.dispose();
    this.cells.clear();
  }
}
