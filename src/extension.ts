import * as path from 'path';
import * as vscode from 'vscode';
import { registerPlotCommands } from './commands/plot-commands';
import { PlotPanels } from './commands/plot-panel';
import { registerCompletion } from './completion/providers';
import { registerHovers } from './hover/hover-providers';
import { CellDiagnostics } from './notebook/cell-diagnostics';
import { registerCodeBlockMessages } from './notebook/code-block-messages';
import { notebookCells } from './notebook/cell-documents';
import { ActivationController, type InterruptTiming } from './notebook/controller';
import { registerLiveChecks } from './notebook/live-checks';
import { registerNameFixes } from './notebook/name-fixes';
import { NOTEBOOK_TYPE, registerSerializer } from './notebook/serializer';
import { registerRendererMessages } from './notebook/renderer-messages';
import { folderOf, handleChartImage } from './commands/chart-images';
import { openLesson, OPEN_LESSON } from './notebook/lessons';
import { newNotebook } from './notebook/new-notebook';
import { markStep, WALKTHROUGH_CONTEXT } from './notebook/walkthrough-progress';
import { EXPORT_HTML, exportHtml } from './notebook/export-html';
import { renderNotebookHtml } from './page/html-export';

/**
 * Entry point of the Activation Lab extension.
 *
 * This file and src/cli.ts are the only wiring points of the architecture:
 * they connect the engine, language and renderer modules to their hosts.
 * Here: the *.actnb serializer, the kernel (notebook controller), diagnostics
 * while typing and their quick fixes, hovers, completion and signature help,
 * the plot panels and the commands. Every handler catches its own errors: nothing escapes to the
 * extension host.
 */
/** What the extension offers other extensions (and the integration tests). */
export interface ActivationLabApi {
  /** How the last interrupted cell stopped: our kernel's part and the workbench's (see InterruptTiming). */
  lastInterrupt(): InterruptTiming | undefined;
}

export function activate(context: vscode.ExtensionContext): ActivationLabApi {
  // Each notebook's session runs in a worker thread from its own bundle (see services/kernel/kernel-worker.ts).
  // One owner of the cells' diagnostics: errors found while typing and the errors of runs, merged.
  const diagnostics = new CellDiagnostics();
  const controller = new ActivationController(diagnostics, path.join(context.extensionPath, 'dist', 'kernel-worker.js'));
  // What the extension does behind the scenes (a panel restored after a reload, ...): the "Activation Lab"
  // output channel, and the console too while the extension is developed or tested (the harness reads it).
  const output = vscode.window.createOutputChannel('Activation Lab', { log: true });
  const log = (line: string): void => {
    output.info(line);
    if (context.extensionMode !== vscode.ExtensionMode.Production) console.log(`[activation-lab] ${line}`);
  };
  const panels = new PlotPanels(context.extensionUri, context.workspaceState, log);
  context.subscriptions.push(
    output,
    registerSerializer(),
    diagnostics,
    controller,
    registerLiveChecks(diagnostics),
    registerNameFixes(),
    registerRendererMessages(log, (image, notebook) => handleChartImage(image, folderOf(notebook))),
    registerCodeBlockMessages(),
    // Hovers and completion may ask the notebook's kernel; a busy kernel must not stall them.
    registerCompletion((nb, names, detailed) => controller.inspect(nb, names, detailed, 300), notebookCells),
    registerHovers(async (nb, name) => (await controller.inspect(nb, [name], true, 500))[0], notebookCells, () => markStep(WALKTHROUGH_CONTEXT.hovered)),
    registerPlotCommands(panels, notebookCells),
    panels.registerSerializer(),
    vscode.commands.registerCommand('activationLab.restartKernel', (arg?: unknown) =>
      guard('Restart Kernel', async () => {
        const nb = notebookFrom(arg) ?? vscode.window.activeNotebookEditor?.notebook;
        if (!nb || nb.notebookType !== NOTEBOOK_TYPE) {
          void vscode.window.showInformationMessage('Activation Lab: open an Activation Lab notebook to restart its kernel.');
          return;
        }
        controller.restart(nb);
        void vscode.window.setStatusBarMessage('Activation Lab: kernel restarted', 3000);
      }),
    ),
    vscode.commands.registerCommand('activationLab.newNotebook', () =>
      guard('New Notebook', newNotebook),
    ),
    // the CLI's page builder; plotly.min.js and export-page.js are read from beside dist/extension.js
    vscode.commands.registerCommand(EXPORT_HTML, (arg?: unknown) =>
      guard('Export Notebook as HTML', () => exportHtml((title, cells) => renderNotebookHtml(title, cells), notebookFrom(arg) ?? vscode.window.activeNotebookEditor?.notebook)),
    ),
    vscode.commands.registerCommand(OPEN_LESSON, (arg?: unknown) => guard('Open Lesson', () => openLesson(context.extensionUri, arg))),
  );
  return { lastInterrupt: () => controller.lastInterrupt };
}

/** The notebook a command was invoked on (toolbar passes `{ notebookEditor: { notebookUri } }` or a uri). */
function notebookFrom(arg: unknown): vscode.NotebookDocument | undefined {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (arg && typeof arg === 'object') {
    const a = arg as { notebookEditor?: { notebookUri?: vscode.Uri }; notebookUri?: vscode.Uri; uri?: vscode.Uri };
    uri = a.notebookEditor?.notebookUri ?? a.notebookUri ?? a.uri;
  }
  if (!(uri instanceof vscode.Uri)) return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.uri.toString() === uri!.toString());
}

async function guard<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`Activation Lab: ${what} failed`, e);
    void vscode.window.showErrorMessage(`Activation Lab: ${what} failed: ${message}`);
    return undefined;
  }
}

export function deactivate(): void {}
