/**
 * From a cell's text document to its notebook and the notebook's other cells:
 * completion, hovers and Plot-at-cursor read what the notebook defines.
 */
import * as vscode from 'vscode';
import type { CellReader } from '../services/cells/cell-reader';

export type NotebookCells = CellReader<vscode.TextDocument, vscode.NotebookDocument>;

/** The notebooks open in VS Code, as the feature folders read them (passed in by extension.ts). */
export const notebookCells: NotebookCells = { notebookOf, cellTexts };

/** The notebook a cell's text document belongs to. */
export function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === document));
}

/** The texts of the notebook's code cells, in order (or of the document alone, outside a notebook). */
export function cellTexts(document: vscode.TextDocument): string[] {
  const nb = notebookOf(document);
  if (!nb) return [document.getText()];
  return nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code).map((c) => c.document.getText());
}
