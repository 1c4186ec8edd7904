/**
 * Hovers (VS Code side). The markdown comes from the pure builders in this
 * folder; this file decides what is under the mouse and where its facts live:
 *
 *   in `activation` cells: a name the notebook's session holds (its live value),
 *     else a function or variable the cells define (not run yet), else a builtin
 *     activation (the registry), else another builtin (its signature);
 *   in Python / TypeScript / JavaScript: a framework spelling of an activation
 *     (`nn.LeakyReLU(0.2)`, `tf.nn.relu`, ...), unless `activationLab.hover.frameworks` is off.
 */
import * as vscode from 'vscode';
import { findActivation } from '../engine';
import { builtinSignature } from '../services/cells/builtin-docs';
import { latestDefinitions } from '../services/cells/user-definitions';
import { computePlot } from '../services/plots/plot-request';
import { expressionCandidatesAt } from '../services/cells/expression-at';
import { parseExpression, type Expr, type NameInfo } from '../language';
import type { FunctionDisplay } from '../shared/output';
import type { CellReader } from '../services/cells/cell-reader';
import { activationHoverMarkdown, userFunctionHoverMarkdown, variableHoverMarkdown } from '../services/hover-content/activation-hover';
import { escapeMarkdown, type HoverTheme } from '../services/hover-content/hover-markdown';
import { frameworkCallAt } from '../services/frameworks/framework-call';

export type DetailedInspector = (nb: vscode.NotebookDocument, name: string) => Promise<NameInfo | undefined>;

const FRAMEWORK_LANGUAGES = ['python', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact'];
const NAME = /[A-Za-z_][A-Za-z0-9_]*'*/;

function hoverTheme(): HoverTheme {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Light: return 'light';
    case vscode.ColorThemeKind.HighContrast: return 'high-contrast';
    case vscode.ColorThemeKind.HighContrastLight: return 'high-contrast-light';
    default: return 'dark';
  }
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

/** A literal argument as written in a cell: a number (also negated) or a string; else undefined. */
function literal(e: Expr): number | string | undefined {
  if (e.type === 'number' || e.type === 'string') return e.value;
  if (e.type === 'unary' && e.operand.type === 'number') return e.op === '-' ? -e.operand.value : e.operand.value;
  return undefined;
}

/** `leaky_relu(alpha=0.2)` written right at the hovered name: its literal named parameters, read by our parser. */
function writtenParameters(call: string | undefined): Record<string, number | string> {
  const parameters: Record<string, number | string> = {};
  let expr: Expr;
  try {
    expr = parseExpression(call ?? '');
  } catch {
    return parameters;
  }
  if (expr.type !== 'call') return parameters;
  for (const arg of expr.named) {
    const value = literal(arg.value);
    if (value !== undefined) parameters[arg.name] = value;
  }
  return parameters;
}

/** A user function's hover from its display (live from the kernel, or from a scratch session). */
function functionHover(f: FunctionDisplay, range: vscode.Range, theme: HoverTheme): vscode.Hover {
  const hover = { label: f.name, formula: f.formula, derivative: f.derivative, ...(f.latex ? { latex: f.latex } : {}), curve: f.curve!, kinks: f.kinks ?? [] };
  return new vscode.Hover(markdown(userFunctionHoverMarkdown(hover, { theme })), range);
}

type NotebookCells = CellReader<vscode.TextDocument, vscode.NotebookDocument>;

async function cellHover(document: vscode.TextDocument, position: vscode.Position, inspect: DetailedInspector, cells: NotebookCells): Promise<vscode.Hover | undefined> {
  const range = document.getWordRangeAtPosition(position, NAME);
  if (!range) return undefined;
  const word = document.getText(range);
  const name = word.replace(/'+$/, '');
  const theme = hoverTheme();
  const nb = cells.notebookOf(document);

  const live = nb ? await inspect(nb, name) : undefined;
  if (live?.function && word === name) return functionHover(live.function, range, theme);
  if (live && live.kind !== 'function') {
    return new vscode.Hover(markdown(variableHoverMarkdown({ name, kind: live.kind, dtype: live.dtype, shape: live.shape, min: live.min, max: live.max, value: live.text, display: live.display }, { theme })), range);
  }

  const definitions = latestDefinitions(cells.cellTexts(document));
  const written = definitions.get(name);
  if (written?.kind === 'function') {
    // Not run yet (or the kernel is busy): evaluate the notebook's definitions in a scratch session.
    const prelude = [...definitions.values()].filter((d) => d.kind === 'function').map((d) => d.statement);
    const result = computePlot({ expressions: [word], prelude });
    if (result.ok && result.display.kind === 'function' && result.display.curve) return functionHover(result.display, range, theme);
  } else if (written) {
    return new vscode.Hover(markdown(variableHoverMarkdown({ name, kind: 'not computed yet: run its cell', value: written.statement }, { theme })), range);
  }

  if (findActivation(name)) {
    const [call] = expressionCandidatesAt(document.lineAt(position.line).text, range.start.character);
    const parameters = writtenParameters(call);
    const label = Object.keys(parameters).length ? call : undefined;
    return new vscode.Hover(markdown(activationHoverMarkdown({ name, parameters, ...(label ? { label, written: Object.keys(parameters) } : {}) }, { theme })), range);
  }
  const signature = builtinSignature(name);
  if (signature) return new vscode.Hover(markdown(`\`\`\`activation\n${signature.label}\n\`\`\`\n\n${signature.documentation}`), range);
  return undefined;
}

function frameworkHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  if (!vscode.workspace.getConfiguration('activationLab', document).get<boolean>('hover.frameworks', true)) return undefined;
  const call = frameworkCallAt(document.getText(), document.offsetAt(position), { language: document.languageId });
  if (!call) return undefined;
  const text = activationHoverMarkdown(
    { name: call.name, parameters: { ...call.parameters }, label: call.spelled, written: call.written, source: call.framework },
    { theme: hoverTheme() },
  );
  const notes = [...call.problems, ...(call.ignored.length ? [`not literal, so shown with defaults: ${call.ignored.join(', ')}`] : [])];
  const md = markdown(notes.length ? `${text}\n\n---\n\n${notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n')}` : text);
  return new vscode.Hover(md, new vscode.Range(document.positionAt(call.start), document.positionAt(call.end)));
}

/** @param shown told when a hover is shown in a cell (the walkthrough's "hover a formula" step). */
export function registerHovers(inspect: DetailedInspector, cells: NotebookCells, shown?: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider({ language: 'activation' }, {
      provideHover: (document, position) => cellHover(document, position, inspect, cells).then((hover) => {
        if (hover) shown?.();
        return hover;
      }).catch((e) => {
        console.error('Activation Lab: hover failed', e);
        return undefined;
      }),
    }),
    vscode.languages.registerHoverProvider(FRAMEWORK_LANGUAGES.map((language) => ({ language })), {
      provideHover: (document, position) => {
        try {
          return frameworkHover(document, position);
        } catch (e) {
          console.error('Activation Lab: hover failed', e);
          return undefined;
        }
      },
    }),
  );
}
