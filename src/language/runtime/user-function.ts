/**
 * A user-defined function, `f(x) = x * sigmoid(1.702 * x)`, or one derived
 * from it (`f'`, whose body is the simplified symbolic derivative).
 *
 * Its body is evaluated with the parameters bound; since every operation is
 * vectorised, calling it on a tensor applies it elementwise with no per-element
 * interpretation.
 */
import type { Expr, Parameter } from '../ast';
import { runtimeError, type CallSite } from './call-site';
import type { FunctionValue } from './function-value';
import { differentiateBody, formatBody, latexOfBody } from './symbolic-bridge';
import { boundSlider, fnValue, type Value } from './values';
import type { Evaluator } from './evaluator';
import { didYouMean } from '../../engine';

export class UserFunction implements FunctionValue {
  constructor(
    readonly name: string,
    readonly params: readonly Parameter[],
    readonly body: Expr,
    /** The cell text the body's spans refer to. */
    readonly sourceText: string,
    /** The evaluator of the defining session, for globals and builtins. */
    readonly home: Evaluator,
    /** Defaults replaced by partial application: `g(a=0.2)`. */
    readonly overrides: ReadonlyMap<string, Value> = new Map(),
    readonly order = 0,
    /** The definition as written (`g(x, a=0.1) = max(a * x, x)`), for plots that redraw in the renderer; absent for functions made otherwise. */
    readonly definition?: string,
  ) {}

  get label(): string {
    const shown = [...this.overrides].map(([k, v]) => `${k}=${v.kind === 'number' ? v.value : '…'}`);
    return (shown.length ? `${this.name}(${shown.join(', ')})` : this.name) + "'".repeat(this.order);
  }

  call(args: readonly Value[], named: ReadonlyMap<string, Value>, site: CallSite): Value {
    for (const key of named.keys()) {
      if (!this.params.some((p) => p.name === key)) {
        const names = this.params.map((p) => p.name);
        const hint = didYouMean(key, names) || `; its parameters are ${names.join(', ') || 'none'}`;
        throw runtimeError(site, `${this.label} has no parameter '${key}'${hint}`);
      }
    }
    if (args.length > this.params.length) {
      throw runtimeError(site, `${this.label} takes ${this.params.length} argument${this.params.length === 1 ? '' : 's'}, but got ${args.length}`);
    }
    if (args.length === 0 && named.size > 0 && this.params.length > 0 && !named.has(this.params[0].name)) {
      // partial application: fix some parameters now, apply later (h(x=3) names the input, so it is a call)
      const overrides = new Map(this.overrides);
      for (const [k, v] of named) overrides.set(k, v.kind === 'number' && v.slider ? boundSlider(v.slider, this.defaultOf(k, site)) : v);
      return fnValue(new UserFunction(this.name, this.params, this.body, this.sourceText, this.home, overrides, this.order, this.definition));
    }
    const bindings = new Map<string, Value>();
    this.params.forEach((param, i) => {
      const given = i < args.length ? args[i] : named.get(param.name) ?? this.overrides.get(param.name);
      if (given !== undefined) {
        if (i < args.length && named.has(param.name)) throw runtimeError(site, `${this.label}: '${param.name}' was given twice`);
        bindings.set(param.name, given);
      } else if (param.default) {
        bindings.set(param.name, this.home.evaluateIn(param.default, this.sourceText, bindings, site, this.label));
      } else {
        throw runtimeError(site, `${this.label} needs a value for '${param.name}'`);
      }
    });
    return this.home.evaluateIn(this.body, this.sourceText, bindings, site, this.label);
  }

  derivative(site: CallSite): FunctionValue {
    if (this.params.length === 0) throw runtimeError(site, `${this.label} has no variable to differentiate by`);
    const body = differentiateBody(this, site);
    return new UserFunction(this.name, this.params, body, this.sourceText, this.home, this.overrides, this.order + 1, this.definition);
  }

  /** A parameter's default as a number, when it is one without the input (`a=0.1`, `b=2*pi`), for a slider's start. */
  private defaultOf(name: string, site: CallSite): number | undefined {
    const param = this.params.find((p) => p.name === name);
    if (!param?.default) return undefined;
    try {
      const v = this.home.evaluateIn(param.default, this.sourceText, new Map(), site, this.label);
      return v.kind === 'number' ? v.value : undefined;
    } catch {
      return undefined; // it depends on another parameter: the slider starts at its min
    }
  }

  formula(): string {
    // the body as written; a derivative's body is a new tree, not a slice of the cell
    return formatBody(this.body, this.order === 0 ? this.sourceText : '');
  }

  latex(): string {
    return latexOfBody(this.body);
  }

  kinks(): readonly number[] {
    return [];
  }
}
