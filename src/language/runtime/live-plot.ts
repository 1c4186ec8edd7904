/**
 * A plot of functions with slider(...) parameters, written back as source of the language
 * (shared/output.ts LivePlot), so that the renderer can redraw it for a new slider position
 * with the bundled language and no kernel: `plot(leaky_relu(alpha=slider(0, 1)))` becomes
 * `plot(leaky_relu(alpha=__slider_0), from=-12, to=3, ...)` with `__slider_0` a slider
 * spanning 0 to 1 that starts at 0.01; user functions travel as their definitions as written,
 * with the definitions and numbers their bodies read.
 *
 * The source is made from values, not from the cell's text, so `a = slider(0, 1)` in one cell
 * and `plot(elu(alpha=a))` in another work alike. A plot whose functions cannot be written so
 * (a body reading a tensor variable, a function made by a math builtin) has no live part and
 * draws as a still plot.
 */
import type { Expr } from '../ast';
import type { LivePlot, PlotSlider } from '../../shared/output';
import { subexpressions } from '../subexpressions';
import { quoteString } from '../symbolic';
import { ActivationFunction } from './activation-function';
import type { FunctionValue } from './function-value';
import { UserFunction } from './user-function';
import type { SliderSpec, Value } from './values';

/** A number as source that reads back as the same double. */
export function numberSource(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

class Writer {
  readonly sliders: PlotSlider[] = [];
  private readonly definitions = new Map<string, string>();
  private readonly names = new Set<string>();

  definitionsText(): string {
    return [...this.definitions.values()].join('\n');
  }

  private slider(owner: string, parameter: string, spec: SliderSpec): string {
    const variable = `__slider_${this.sliders.length}`;
    const name = this.names.has(parameter) ? `${owner}.${parameter}` : parameter;
    this.names.add(name);
    this.sliders.push({ name, variable, min: spec.min, max: spec.max, step: spec.step, value: spec.value ?? spec.min });
    return variable;
  }

  /** `value` as source; sliders become variables when `live`, else their values. */
  value(v: Value, owner: string, parameter: string, live: boolean): string | undefined {
    if (v.kind === 'number') return live && v.slider ? this.slider(owner, parameter, v.slider) : numberSource(v.value);
    if (v.kind === 'string') return quoteString(v.value);
    if (v.kind === 'boolean') return String(v.value);
    if (v.kind === 'function') return this.fn(v.fn, live);
    return undefined;
  }

  fn(fn: FunctionValue, live: boolean): string | undefined {
    const primes = "'".repeat(fn.order);
    if (fn instanceof ActivationFunction) {
      const args: string[] = [];
      for (const [key, given] of Object.entries(fn.shown)) {
        const slider = fn.sliders[key];
        args.push(`${key}=${live && slider ? this.slider(fn.name, key, slider) : typeof given === 'string' ? quoteString(given) : numberSource(given)}`);
      }
      return (args.length ? `${fn.name}(${args.join(', ')})` : fn.name) + primes;
    }
    if (fn instanceof UserFunction && fn.definition !== undefined) {
      if (!this.define(fn)) return undefined;
      const args: string[] = [];
      for (const [key, given] of fn.overrides) {
        const written = this.value(given, fn.name, key, live);
        if (written === undefined) return undefined;
        args.push(`${key}=${written}`);
      }
      return (args.length ? `${fn.name}(${args.join(', ')})` : fn.name) + primes;
    }
    return undefined;
  }

  /** Adds a user function's definition and what its body reads; false when something cannot be written. */
  private define(fn: UserFunction): boolean {
    if (this.definitions.has(fn.name)) return true;
    this.definitions.set(fn.name, fn.definition!);
    const locals = new Set(fn.params.map((p) => p.name));
    const globals = fn.home.session.globals;
    const free = new Set<string>();
    const walk = (e: Expr): void => {
      if (e.type === 'name' && !locals.has(e.name)) free.add(e.name);
      subexpressions(e).forEach(walk);
    };
    walk(fn.body);
    for (const p of fn.params) if (p.default) walk(p.default);
    for (const name of free) {
      const v = globals.get(name);
      if (v === undefined || this.definitions.has(name)) continue; // a builtin, or written already
      if (v.kind === 'function' && v.fn instanceof UserFunction && v.fn.name === name) {
        if (!this.define(v.fn)) return false;
        continue;
      }
      this.definitions.set(name, '');
      const written = this.value(v, name, name, false);
      if (written === undefined) return false;
      this.definitions.set(name, `${name} = ${written}`);
    }
    return true;
  }
}

/**
 * A function value as source with the definitions it reads (no sliders: their values), for a
 * page that runs it with the bundled language (a network layer's user-defined activation, which
 * the diagram draws); undefined when it cannot be written so.
 */
export function functionSource(fn: FunctionValue): { readonly definitions: string; readonly source: string } | undefined {
  const writer = new Writer();
  const source = writer.fn(fn, false);
  return source === undefined ? undefined : { definitions: writer.definitionsText(), source };
}

export interface PlotCall {
  readonly fns: readonly FunctionValue[];
  readonly from: number;
  readonly to: number;
  readonly points: number;
  readonly derivative: boolean;
  readonly title?: string;
}

/** The plot as source with its sliders; undefined when it has none or cannot be written. */
export function livePlot(call: PlotCall): LivePlot | undefined {
  const writer = new Writer();
  const written: string[] = [];
  for (const fn of call.fns) {
    const source = writer.fn(fn, true);
    if (source === undefined) return undefined;
    written.push(source);
  }
  if (writer.sliders.length === 0) return undefined;
  const options = [`from=${numberSource(call.from)}`, `to=${numberSource(call.to)}`, `points=${call.points}`, `derivative=${call.derivative}`];
  if (call.title !== undefined) options.push(`title=${quoteString(call.title)}`);
  return { definitions: writer.definitionsText(), plot: `plot(${[...written, ...options].join(', ')})`, sliders: writer.sliders };
}
