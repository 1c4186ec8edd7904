/**
 * "Activation Lab: Export Notebook as HTML…" (activationLab.exportHtml): the notebook as it is
 * now — its cells and the outputs they show, nothing re-run — as the one offline page that
 * `activation-lab run --html` writes. The page is built by src/page/html-export.ts, which
 * src/extension.ts passes in (this folder may not import it). Asks where with a save dialog
 * (next to the notebook, NAME.html), writes with workspace.fs, offers to open it in a browser.
 */
import * as vscode from 'vscode';
import { VALUE_MIME, type DisplayValue } from '../shared/output';
import { displayOfOutputs } from '../shared/output-items';
import type { HtmlCell, PageBuilder } from '../shared/page-cell';
import { exerciseId } from '../services/lessons/exercises';
import { NOTEBOOK_TYPE } from './serializer';

export const EXPORT_HTML = 'activationLab.exportHtml';

const OPEN_IN_BROWSER = 'Open in Browser';

/** The cells of `notebook` for the page, with the displays its outputs hold. */
export function pageCells(notebook: vscode.NotebookDocument): HtmlCell[] {
  return notebook.getCells().map((cell): HtmlCell => {
    const source = cell.document.getText();
    if (cell.kind === vscode.NotebookCellKind.Markup) return { kind: 'markdown', source };
    const display = displayOfOutputs(cell.outputs.map((o) => valueOf(o.items.find((i) => i.mime === VALUE_MIME))));
    const exercise = exerciseId({ kind: 'code', metadata: cell.metadata }) !== undefined ? { exercise: true } : {};
    return { kind: 'code', source, order: cell.executionSummary?.executionOrder, display, ...exercise };
  });
}

function valueOf(item: vscode.NotebookCellOutputItem | undefined): DisplayValue | undefined {
  if (!item) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(item.data)) as DisplayValue;
  } catch {
    return undefined; // not ours after all: the cell is shown without it
  }
}

/**
 * The notebook's name without `.actnb` (`relu-basics.actnb` → `relu-basics`). An untitled lesson's
 * copy (Open Lesson…) is named by its lesson's id, kept in the notebook's metadata, not `Untitled-1`.
 */
function baseName(notebook: vscode.NotebookDocument): string {
  const lesson = (notebook.metadata as { lesson?: { id?: unknown } } | undefined)?.lesson?.id;
  if (notebook.isUntitled && typeof lesson === 'string' && /^[\w.-]+$/.test(lesson)) return lesson;
  const name = notebook.uri.path.split('/').pop() || 'notebook';
  return name.replace(/\.actnb$/i, '') || 'notebook';
}

/**
 * Runs the command on `notebook` (the toolbar's, else the active one). Returns the file
 * written, if any (the integration tests read it).
 */
export async function exportHtml(build: PageBuilder, notebook: vscode.NotebookDocument | undefined): Promise<vscode.Uri | undefined> {
  if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) {
    void vscode.window.showInformationMessage('Activation Lab: open an Activation Lab notebook (.actnb) to export it as HTML.');
    return undefined;
  }
  const name = baseName(notebook);
  // next to the notebook; an untitled one (a lesson's copy) in the workspace's folder
  const folder = notebook.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(notebook.uri, '..');
  const target = await vscode.window.showSaveDialog({
    title: 'Export Notebook as HTML',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.html`) : undefined,
    filters: { 'HTML page': ['html'] },
    saveLabel: 'Export',
  });
  if (!target) return undefined;
  if (target.toString() === notebook.uri.toString()) {
    void vscode.window.showErrorMessage('Activation Lab: that is the notebook itself; export the page to another file.');
    return undefined;
  }
  // as the CLI titles it: the notebook's file name
  const title = notebook.isUntitled ? `${name}.actnb` : (notebook.uri.path.split('/').pop() ?? name);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(build(title, pageCells(notebook))));
  void vscode.window.showInformationMessage(`Activation Lab: exported ${target.path.split('/').pop()}`, OPEN_IN_BROWSER).then((choice) => {
    if (choice === OPEN_IN_BROWSER) void vscode.env.openExternal(target);
  });
  return target;
}
