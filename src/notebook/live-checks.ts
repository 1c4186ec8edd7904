/**
 * Errors while typing: the syntax errors and unknown names of a notebook's cells
 * (services/cells/cell-problems.ts) become diagnostics without a run. A change in
 * any cell checks every cell of its notebook, since a name one cell defines is
 * used in others; checking is cheap (parsing a few short cells). New problems
 * appear after a pause in typing, fixed ones disappear at once
 * (services/cells/typing-schedule.ts); the cell's run error goes with the first
 * change of its text.
 */
import * as vscode from 'vscode';
import { notebookProblems, type CellProblem } from '../services/cells/cell-problems';
import { TypingSchedule } from '../services/cells/typing-schedule';
import type { CellDiagnostics } from './cell-diagnostics';
import { notebookOf } from './cell-documents';
import { CELL_LANGUAGE, NOTEBOOK_TYPE } from './serializer';

/** How long typing must pause before a new problem is shown. */
export const TYPING_PAUSE_MS = 300;

export function registerLiveChecks(diagnostics: CellDiagnostics): vscode.Disposable {
  const schedules = new Map<string, TypingSchedule<vscode.TextDocument, CellProblem>>();
  const scheduleOf = (nb: vscode.NotebookDocument): TypingSchedule<vscode.TextDocument, CellProblem> => {
    const key = nb.uri.toString();
    let schedule = schedules.get(key);
    if (!schedule) {
      schedule = new TypingSchedule({
        delayMs: TYPING_PAUSE_MS,
        check: () => guarded('checking the cells', new Map(), () => problemsOf(nb)),
        // Position left out: the same problem after an edit elsewhere in the cell stays on screen.
        identity: (p) => `${p.kind}\n${p.message}`,
        publish: (document, problems) => diagnostics.typingProblems(document, problems),
      });
      schedules.set(key, schedule);
    }
    return schedule;
  };
  const opened = (nb: vscode.NotebookDocument): void => {
    if (nb.notebookType === NOTEBOOK_TYPE) scheduleOf(nb).showAll();
  };

  for (const nb of vscode.workspace.notebookDocuments) opened(nb);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenNotebookDocument(opened),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || e.document.languageId !== CELL_LANGUAGE) return;
      const nb = notebookOf(e.document);
      if (nb?.notebookType !== NOTEBOOK_TYPE) return;
      diagnostics.textChanged(e.document);
      scheduleOf(nb).typed();
    }),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.notebook.notebookType !== NOTEBOOK_TYPE) return;
      // Cells added or removed (a cell made markdown is one of each) change what the notebook defines.
      if (e.contentChanges.length === 0) return;
      for (const change of e.contentChanges) for (const cell of change.removedCells) diagnostics.forget(cell.document);
      scheduleOf(e.notebook).typed();
    }),
    vscode.workspace.onDidCloseNotebookDocument((nb) => {
      schedules.get(nb.uri.toString())?.dispose();
      schedules.delete(nb.uri.toString());
    }),
    { dispose: () => schedules.forEach((s) => s.dispose()) },
  );
}

/** The problems of each code cell of the notebook, by its document. */
function problemsOf(nb: vscode.NotebookDocument): Map<vscode.TextDocument, readonly CellProblem[]> {
  const cells = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === CELL_LANGUAGE);
  const problems = notebookProblems(cells.map((c) => c.document.getText()));
  return new Map(cells.map((c, i) => [c.document, problems[i] ?? []]));
}

/** A bug of ours in a check must not escape into the extension host: log it and go on without the check. */
function guarded<T>(what: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (e) {
    console.error(`Activation Lab: ${what} failed`, e);
    return fallback;
  }
}
