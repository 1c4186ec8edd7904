/**
 * What the plot commands draw, computed without VS Code: activation names and
 * parameters become expressions of our language, evaluated in a scratch
 * session (never in a notebook's kernel, so a plot cannot disturb or wait for
 * a running notebook). A notebook's function definitions can be given as
 * `prelude` so that `f` or `f'` from a cell can be plotted too.
 */
import { catalogue, findActivation, parameterText } from '../../engine';
import { Session, quoteString } from '../../language';
import type { FunctionDisplay, PlotDisplay } from '../../shared/output';
import { typesetFunction } from '../hover-content/display-formulas';

export interface PlotRequest {
  /** Expressions of the language that evaluate to functions: `gelu`, `leaky_relu(alpha=0.2)`, `f'`. */
  readonly expressions: readonly string[];
  readonly from?: number;
  readonly to?: number;
  readonly title?: string;
  /** Statements run first, e.g. a notebook's `f(x) = ...` definitions. */
  readonly prelude?: readonly string[];
}

export type PlotResult =
  | { readonly ok: true; readonly display: FunctionDisplay | PlotDisplay; readonly title: string }
  | { readonly ok: false; readonly message: string };

/** `alpha=0.01, beta=1`: an activation's parameters with their defaults, for the input box. */
export function defaultParameterText(name: string): string {
  const resolved = findActivation(name);
  if (!resolved) return '';
  return resolved.definition.parameters
    .filter((p) => !(p.name in (resolved.fixed ?? {})))
    .map((p) => (p.default === undefined ? `${p.name}=` : parameterText(p)))
    .join(', ');
}

/** The name applied to the parameters written in the input box: `leaky_relu(alpha=0.2)`. */
export function withParameterText(name: string, text: string): string {
  return text.trim() ? `${name}(${text.trim()})` : name;
}

/** Names for pickers: every catalogue entry in catalogue order, with its family and one-liner. */
export function pickerEntries(): { name: string; family: string; summary: string; formula: string }[] {
  return catalogue.map((d) => ({ name: d.name, family: d.family, summary: d.summary, formula: d.formula.text }));
}

function run(session: Session, source: string): ReturnType<Session['run']>['display'] {
  return session.run(source).display;
}

export function computePlot(request: PlotRequest): PlotResult {
  if (request.expressions.length === 0) return { ok: false, message: 'nothing to plot: give at least one function' };
  const session = new Session();
  for (const statement of request.prelude ?? []) run(session, statement); // a failing definition just stays undefined
  const range = request.from !== undefined || request.to !== undefined;
  const title = request.title ?? request.expressions.join(', ');
  if (request.expressions.length === 1 && !range) {
    const display = run(session, request.expressions[0]);
    if (display.kind === 'function') return { ok: true, display: typesetFunction(display), title };
    if (display.kind === 'error') return { ok: false, message: `${request.expressions[0]}: ${display.message}` };
    return { ok: false, message: `${request.expressions[0]} is not a function (it is a ${display.kind}), so it has no curve to plot` };
  }
  const args = [...request.expressions];
  if (request.from !== undefined) args.push(`from=${request.from}`);
  if (request.to !== undefined) args.push(`to=${request.to}`);
  const display = run(session, `plot(${args.join(', ')}, title=${quoteString(title)})`);
  if (display.kind === 'plot') return { ok: true, display, title };
  if (display.kind === 'error') return { ok: false, message: display.message };
  return { ok: false, message: `could not plot ${title}` };
}
