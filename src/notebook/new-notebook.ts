/**
 * "Activation Lab: New Notebook": an untitled notebook that starts with a short example
 * cell, commented, rather than an empty one: a first-time user has something to run and
 * a pointer to the lessons.
 */
import * as vscode from 'vscode';
import { CELL_LANGUAGE, NOTEBOOK_TYPE } from './serializer';
import { NEW_NOTEBOOK_CELL } from './new-notebook-cell';

export async function newNotebook(): Promise<vscode.NotebookDocument> {
  const data = new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Code, NEW_NOTEBOOK_CELL, CELL_LANGUAGE)]);
  const nb = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
  await vscode.window.showNotebookDocument(nb);
  return nb;
}
