/**
 * What the notebook tests share: opening fixtures with our kernel, waiting, reading outputs.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'activation-lab.activation-lab';
export const KERNEL = { id: 'activation-lab.kernel', extension: EXTENSION_ID };
export const VALUE_MIME = 'application/vnd.activation-lab.value+json';
export const ERROR_MIME = 'application/vnd.code.notebook.error';

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.NotebookDocument> {
  const nb = await vscode.workspace.openNotebookDocument(fixture(name));
  await vscode.window.showNotebookDocument(nb);
  await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
  return nb;
}

export async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const done = (cell: vscode.NotebookCell): boolean => cell.executionSummary?.success !== undefined;

/**
 * How the last interrupted cell stopped, from the extension's API: when the interrupt reached the
 * kernel, when the kernel stopped and when the cell ended (extension-host milliseconds). It tells
 * our kernel's latency from the workbench's, whose one UI thread may be busy drawing.
 */
export function lastInterrupt(): { asked: number; stopped: number; ended: number } {
  const api = vscode.extensions.getExtension(EXTENSION_ID)?.exports as { lastInterrupt?: () => { asked: number; stopped: number; ended: number } | undefined } | undefined;
  const timing = api?.lastInterrupt?.();
  assert.ok(timing, 'the extension reports the interrupt it handled');
  return timing;
}

export function item(cell: vscode.NotebookCell, mime: string): vscode.NotebookCellOutputItem | undefined {
  for (const o of cell.outputs) for (const i of o.items) if (i.mime === mime) return i;
  return undefined;
}

export function json(cell: vscode.NotebookCell, mime = VALUE_MIME): any {
  const i = item(cell, mime);
  assert.ok(i, `cell ${cell.index} has no ${mime} output (has ${cell.outputs.flatMap((o) => o.items.map((x) => x.mime)).join(', ') || 'none'})`);
  return JSON.parse(new TextDecoder().decode(i.data));
}

export async function runCells(nb: vscode.NotebookDocument, start: number, end: number): Promise<void> {
  await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start, end }], document: nb.uri });
}

/** The text of a file the extension is writing; waits for it. */
export async function readWhenWritten(file: vscode.Uri, ms: number): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
