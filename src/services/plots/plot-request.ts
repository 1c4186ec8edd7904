/**
 * What the plot commands draw, computed without VS Code: activation names and
 * parameters become expressions of our language, evaluated in a scratch
 * session (never in a notebook's kernel, so a plot cannot disturb or wait for
 * a running notebook). A notebook's function definitions can be given as
 * `prelude` so that `f` or `f'` from a cell can be plotted too.
 */
import { catalogue, findActivation, parameterText } from '../../engine';
import { Session } from '../../language';
import type { FunctionDisplay, PlotDisplay } from '../../shared/output';
import { typesetFunction } from '../hover-content/display-formulas';
import { withParameterSliders } from './parameter-sliders';

export interface PlotRequest {
  /** Expressions of the language that evaluate to functions: `gelu`, `leaky_relu(alpha=0.2)`, `f'`. */
  readonly expressions: readonly string[];
  readonly from?: number;
  readonly to?: number;
  readonly title?: string;
  /** Statements run first, e.g. a notebook's `f(x) = ...` definitions. */
  readonly prelude?: readonly string[];
  /**
   * A slider for each number parameter when the one expression is an activation
   * (parameter-sliders.ts): a plot the panel redraws as they move. Else as without.
   */
  readonly sliders?: boolean;
}

export type PlotResult =
  | {
    readonly ok: true;
    readonly display: FunctionDisplay | PlotDisplay;
    readonly title: string;
    /** A plot with parameter sliders: the activation's formulas in symbols, typeset, shown above it. */
    readonly formulas?: FunctionDisplay;
  }
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

/**
 * What the parameters box asks for: `alpha=0.2, from=-20, to=2` is the request to plot
 * `leaky_relu(alpha=0.2)` from -20 to 2 (from= and to= as plot() takes them, in any place);
 * the text as typed, when it is only parameters. The defaults as offered mean the plain
 * function: `gelu`, not `gelu(approximate="none")`.
 */
export function parameterBoxRequest(name: string, text: string, defaults = defaultParameterText(name)): PlotRequest {
  const items = splitTopLevel(text);
  const range: { from?: number; to?: number } = {};
  const rest: string[] = [];
  for (const item of items) {
    const m = /^\s*(from|to)\s*=\s*(.*?)\s*$/.exec(item);
    if (m) range[m[1] as 'from' | 'to'] = m[2] === '' ? NaN : Number(m[2]);
    else if (item.trim() !== '') rest.push(item.trim());
  }
  const parameters = rest.join(', ');
  const plain = parameters.replace(/\s+/g, '') === defaults.replace(/\s+/g, '');
  return { expressions: [plain ? name : withParameterText(name, parameters)], ...range };
}

/** `a, b="x,y", c=(1, 2)` at its top-level commas (not inside quotes or brackets). */
function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

/** Names for pickers: every catalogue entry in catalogue order, with its family and one-liner. */
export function pickerEntries(): { name: string; family: string; summary: string; formula: string }[] {
  return catalogue.map((d) => ({ name: d.name, family: d.family, summary: d.summary, formula: d.formula.text }));
}

function run(session: Session, source: string): ReturnType<Session['run']>['display'] {
  return session.run(source).display;
}

function rangeArgs(request: PlotRequest): string[] {
  return [
    ...(request.from !== undefined ? [`from=${request.from}`] : []),
    ...(request.to !== undefined ? [`to=${request.to}`] : []),
  ];
}

export function computePlot(request: PlotRequest): PlotResult {
  if (request.expressions.length === 0) return { ok: false, message: 'nothing to plot: give at least one function' };
  const session = new Session();
  for (const statement of request.prelude ?? []) run(session, statement); // a failing definition just stays undefined
  for (const [key, value] of [['from', request.from], ['to', request.to]] as const) {
    if (value !== undefined && !Number.isFinite(value)) return { ok: false, message: `${key}= must be a number, e.g. ${key}=${key === 'from' ? -5 : 5}` };
  }
  const range = request.from !== undefined || request.to !== undefined;
  const title = request.title ?? request.expressions.join(', ');
  if (request.sliders && request.expressions.length === 1) {
    // an activation gets a slider per number parameter; an expression with slider(...) of its own keeps those
    const withSliders = withParameterSliders(request.expressions[0]);
    const display = run(session, `plot(${[withSliders?.expression ?? request.expressions[0], ...rangeArgs(request)].join(', ')})`);
    if (display.kind === 'plot' && display.live) {
      return { ok: true, display, title, ...(withSliders?.formulas ? { formulas: typesetFunction(withSliders.formulas) } : {}) };
    }
    // no sliders, or a position they start at that does not plot: the expression as given (its error says why)
  }
  if (request.expressions.length === 1 && !range) {
    const display = run(session, request.expressions[0]);
    if (display.kind === 'function') return { ok: true, display: typesetFunction(display), title };
    if (display.kind === 'error') return { ok: false, message: `${request.expressions[0]}: ${display.message}` };
    return { ok: false, message: `${request.expressions[0]} is not a function (it is a ${display.kind}), so it has no curve to plot` };
  }
  const args = [...request.expressions, ...rangeArgs(request)];
  // no title= on the chart: the panel's heading is the title, shown once
  const display = run(session, `plot(${args.join(', ')})`);
  if (display.kind === 'plot') return { ok: true, display, title };
  if (display.kind === 'error') return { ok: false, message: display.message };
  return { ok: false, message: `could not plot ${title}` };
}
