/**
 * The command-palette plotting commands:
 *
 *   activationLab.plotActivation      pick an activation, edit its parameters, plot f and f'
 *   activationLab.compareActivations  pick several, plot them on one chart
 *   activationLab.plotAtCursor        plot the activation expression or framework call under
 *                                     the cursor or selection, in any editor
 *
 * Each also takes arguments, so it can be driven without the UI (tests, keybindings, other
 * extensions), and returns the panel it opened (PanelInfo) or undefined when cancelled.
 */
import * as vscode from 'vscode';
import { latestDefinitions } from '../services/cells/user-definitions';
import { activationCall } from '../language';
import { frameworkCallAt } from '../services/frameworks/framework-call';
import type { CellReader } from '../services/cells/cell-reader';
import { expressionCandidatesAt } from '../services/cells/expression-at';
import { PlotPanels, type PanelInfo } from './plot-panel';
import { withParameterSliders } from '../services/plots/parameter-sliders';
import {
  computePlot, defaultParameterText, parameterBoxRequest, pickerEntries, type PlotRequest,
} from '../services/plots/plot-request';

export interface PlotActivationArgs {
  readonly name: string;
  readonly parameters?: Readonly<Record<string, number | string>>;
  readonly from?: number;
  readonly to?: number;
}
export interface CompareArgs {
  readonly names: readonly string[];
  readonly from?: number;
  readonly to?: number;
}
export interface PlotAtCursorArgs {
  /** The document (default: the active editor's). */
  readonly uri?: string | vscode.Uri;
  /** 0-based position (default: the active editor's cursor, or its selection). */
  readonly line?: number;
  readonly character?: number;
}

class Cancel extends Error {}

/** A Quick Pick of the catalogue, grouped by family, with one-line descriptions. */
async function pickActivations(many: boolean): Promise<string[]> {
  const items: (vscode.QuickPickItem & { name?: string })[] = [];
  let family = '';
  for (const e of pickerEntries()) {
    if (e.family !== family) {
      family = e.family;
      items.push({ label: family, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: e.name, name: e.name, description: e.summary, detail: `f(x) = ${e.formula}` });
  }
  const title = many ? 'Activation Lab: Compare Activation Functions' : 'Activation Lab: Plot Activation Function';
  const placeHolder = many ? 'Pick the activations to compare' : 'Pick an activation to plot with its derivative';
  const options = { title, placeHolder, matchOnDescription: true, matchOnDetail: true };
  const picked = many
    ? await vscode.window.showQuickPick(items, { ...options, canPickMany: true })
    : await vscode.window.showQuickPick(items, options).then((p) => (p ? [p] : undefined));
  const names = (picked ?? []).map((p) => p.name).filter((n): n is string => !!n);
  if (names.length === 0) throw new Cancel();
  return names;
}

/**
 * What to plot of a picked activation: a slider beside the chart for each number parameter
 * (nothing to type); else, for string parameters (gelu's approximate), a box prefilled with the
 * defaults (and from=/to= for the x range), checked by evaluating as the user types.
 */
async function askParameters(name: string): Promise<PlotRequest> {
  if (withParameterSliders(name)) return { expressions: [name], sliders: true };
  const defaults = defaultParameterText(name);
  if (!defaults) return { expressions: [name] };
  const text = await vscode.window.showInputBox({
    title: `Activation Lab: parameters of ${name}`,
    prompt: 'Edit the parameters, add from= and to= for the x range, or press Enter for the defaults',
    value: defaults,
    validateInput: (t) => {
      const result = computePlot(parameterBoxRequest(name, t, defaults));
      return result.ok ? undefined : result.message;
    },
  });
  if (text === undefined) throw new Cancel();
  return parameterBoxRequest(name, text, defaults);
}

async function plotActivation(panels: PlotPanels, args?: PlotActivationArgs | string): Promise<PanelInfo> {
  if (typeof args === 'string') args = { name: args };
  if (!args) return panels.open(await askParameters((await pickActivations(false))[0]));
  return panels.open({ expressions: [activationCall(args.name, args.parameters)], from: args.from, to: args.to, sliders: true });
}

async function compareActivations(panels: PlotPanels, args?: CompareArgs | readonly string[]): Promise<PanelInfo> {
  const given = Array.isArray(args) ? { names: args as readonly string[] } : (args as CompareArgs | undefined);
  const names = given?.names.length ? given.names : await pickActivations(true);
  return panels.open({ expressions: names, from: given?.from, to: given?.to, title: names.join(' vs ') });
}

async function documentFor(given?: PlotAtCursorArgs | vscode.Uri): Promise<{ document: vscode.TextDocument; selection: vscode.Selection }> {
  // From an editor's context menu VS Code passes the document's uri alone.
  const args: PlotAtCursorArgs | undefined = given instanceof vscode.Uri ? { uri: given } : given;
  const uri = typeof args?.uri === 'string' ? vscode.Uri.parse(args.uri) : args?.uri;
  const editor = vscode.window.activeTextEditor;
  // A notebook cell's document is already open (and has a uri openTextDocument may not resolve).
  const open = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const document = uri ? open || (await vscode.workspace.openTextDocument(uri)) : editor?.document;
  if (!document) throw new Error('open an editor and put the cursor on an activation function');
  if (args?.line !== undefined) {
    const p = new vscode.Position(args.line, args.character ?? 0);
    return { document, selection: new vscode.Selection(p, p) };
  }
  return { document, selection: editor && editor.document.uri.toString() === document.uri.toString() ? editor.selection : new vscode.Selection(0, 0, 0, 0) };
}

async function plotAtCursor(panels: PlotPanels, cells: CellTexts, args?: PlotAtCursorArgs | vscode.Uri): Promise<PanelInfo | undefined> {
  const { document, selection } = await documentFor(args);
  if (document.languageId === 'activation') {
    // A cell may plot the notebook's own functions: run its definitions first.
    const prelude = [...latestDefinitions(cells.cellTexts(document)).values()].filter((d) => d.kind === 'function').map((d) => d.statement);
    const candidates = selection.isEmpty
      ? expressionCandidatesAt(document.lineAt(selection.active.line).text, selection.active.character)
      : [document.getText(selection).trim()];
    let firstError: string | undefined;
    for (const expression of candidates) {
      const request = { expressions: [expression], prelude, sliders: true };
      const result = computePlot(request);
      if (result.ok) return panels.open(request, undefined, result);
      firstError ??= result.message;
    }
    void vscode.window.showInformationMessage(firstError
      ? `Activation Lab: nothing to plot here: ${firstError}`
      : 'Activation Lab: put the cursor on a function (relu, f, leaky_relu(alpha=0.2), ...) to plot it');
    return undefined;
  }
  const text = document.getText();
  const offset = document.offsetAt(selection.isEmpty ? selection.active : selection.start);
  const call = frameworkCallAt(text, offset, { language: document.languageId });
  if (!call) {
    void vscode.window.showInformationMessage('Activation Lab: put the cursor on an activation such as torch.relu, nn.GELU() or tf.nn.silu to plot it');
    return undefined;
  }
  const notes = [`${call.spelled} (${call.framework}) is ${call.expression} here`, ...call.problems];
  return panels.open({ expressions: [call.expression], sliders: true }, notes);
}

/** Runs a command body: cancelling a picker is quiet; any other failure is one error message. */
function command<A extends unknown[], R>(name: string, body: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await body(...args);
    } catch (e) {
      if (e instanceof Cancel) return undefined;
      void vscode.window.showErrorMessage(`Activation Lab: ${name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
}

/** Plot at cursor reads the notebook's definitions. */
type CellTexts = Pick<CellReader<vscode.TextDocument, unknown>, 'cellTexts'>;

export function registerPlotCommands(panels: PlotPanels, cells: CellTexts): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('activationLab.plotActivation', command('Plot Activation Function', (args?: PlotActivationArgs | string) => plotActivation(panels, args))),
    vscode.commands.registerCommand('activationLab.compareActivations', command('Compare Activation Functions', (args?: CompareArgs | readonly string[]) => compareActivations(panels, args))),
    vscode.commands.registerCommand('activationLab.plotAtCursor', command('Plot Expression at Cursor', (args?: PlotAtCursorArgs | vscode.Uri) => plotAtCursor(panels, cells, args))),
  );
}
