/**
 * A catalogue activation as a language value: `relu`, `leaky_relu(alpha=0.2)`,
 * `gelu_tanh'`. Parameters given so far are kept by their spelling and resolved
 * (aliases, defaults, checks) by the engine's registry when it is applied.
 */
import {
  applyResolved, DEFAULT_PLOT_RANGE, findParameter, formulasAt, plotRange, resolveParameters, Tensor,
  type ActivationDefinition, type Formula, type ParameterValues, type PlotRange,
} from '../../engine';
import { atSite, runtimeError, type CallSite } from './call-site';
import type { FunctionValue } from './function-value';
import { boundSlider, describeValue, fnValue, num, tensorValue, type SliderSpec, type Value } from './values';

type Given = Readonly<Record<string, number | string>>;

/** f, f', f'': what each order computes, all from the catalogue entry (its closed forms). */
export const ORDERS = ['value', 'derivative', 'secondDerivative'] as const;

export class ActivationFunction implements FunctionValue {
  constructor(
    readonly definition: ActivationDefinition,
    /** Parameters the user (or a preset name) fixed, in their spelling. */
    readonly given: Given,
    /** 0 for f, 1 for f', 2 for f''. */
    readonly order: number,
    /** The name it was reached by (`swish`, `gelu_tanh`), for labels. */
    readonly name: string,
    /** Parameters shown in the label (a preset's own are implied by its name). */
    readonly shown: Given = {},
    /** Parameters given as slider(...), by canonical name, their start resolved: what a plot turns into sliders. */
    readonly sliders: Readonly<Record<string, SliderSpec>> = {},
  ) {}

  get label(): string {
    const args = Object.entries(this.shown).map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : v}`);
    return (args.length ? `${this.name}(${args.join(', ')})` : this.name) + "'".repeat(this.order);
  }

  private parameters(site: CallSite, extra: Given = {}): ParameterValues {
    return atSite(site, () => resolveParameters(this.definition, { ...this.given, ...extra }));
  }

  /** The parameters a call with these named arguments would use (for fused loops). */
  resolvedParameters(named: ReadonlyMap<string, Value>, site: CallSite): ParameterValues {
    return this.parameters(site, this.givenInCall([], named, site, {}));
  }

  /**
   * The parameters one call gives, by canonical name: positional ones after the input, then
   * named ones in any spelling (`negative_slope=` is leaky_relu's alpha). A parameter given
   * twice in one call — by position and by name, or by two spellings — is an error, as for
   * user functions: silently keeping one of them would compute something the student did
   * not ask for. (A partial application's parameters may still be changed by a later call.)
   */
  private givenInCall(args: readonly Value[], named: ReadonlyMap<string, Value>, site: CallSite, sliders: Record<string, SliderSpec | undefined>): Given {
    const specs = this.definition.parameters;
    // no prototype: `given['__proto__'] = 1` on a plain object sets nothing, so relu(x, __proto__=1) was accepted
    const given: Record<string, number | string> = Object.create(null);
    const how = new Map<string, string>();
    const take = (canonical: string, key: string, value: Value) => {
      if (value.kind === 'number' && value.slider) {
        // slider(0, 1) as alpha starts at alpha's default when it lies in the range (LANGUAGE.md)
        const bound = boundSlider(value.slider, specs.find((s) => s.name === canonical)?.default);
        sliders[canonical] = bound.slider;
        given[canonical] = bound.value;
      } else {
        sliders[canonical] = undefined;
        given[canonical] = parameterValue(this.label, key, value, site);
      }
    };
    args.slice(1).forEach((value, i) => {
      take(specs[i]!.name, specs[i]!.name, value);
      how.set(specs[i]!.name, `its ${ordinal(i + 2)} argument`);
    });
    for (const [key, value] of named) {
      const canonical = findParameter(this.definition, key)?.name ?? key;
      const before = how.get(canonical);
      if (before) throw runtimeError(site, `${this.label}: '${canonical}' is given twice, as ${before} and as ${key}=; give it once`);
      take(canonical, key, value);
      how.set(canonical, `${key}=`);
    }
    return given;
  }

  call(args: readonly Value[], named: ReadonlyMap<string, Value>, site: CallSite): Value {
    const specs = this.definition.parameters;
    if (args.length > 1 + specs.length) {
      const takes = specs.length === 0 ? 'only its input' : `its input and at most ${specs.length} parameter${specs.length > 1 ? 's' : ''} (${specs.map((s) => s.name).join(', ')})`;
      throw runtimeError(site, `${this.label} takes ${takes}, but got ${args.length} arguments`);
    }
    const sliders: Record<string, SliderSpec | undefined> = {};
    const extra = this.givenInCall(args, named, site, sliders);
    if (args.length === 0) {
      if (named.size === 0) throw runtimeError(site, `${this.label} needs an input, e.g. ${this.name}(x)`);
      this.parameters(site, extra); // validate now, so a mistake is reported where it is made
      const kept: Record<string, SliderSpec> = {};
      for (const [k, v] of Object.entries({ ...this.sliders, ...sliders })) if (v) kept[k] = v;
      return fnValue(new ActivationFunction(this.definition, { ...this.given, ...extra }, this.order, this.name, { ...this.shown, ...extra }, kept));
    }
    return this.apply(args[0], this.parameters(site, extra), site);
  }

  private apply(input: Value, p: ParameterValues, site: CallSite): Value {
    const def = this.definition;
    if (input.kind === 'number' || input.kind === 'boolean') {
      const x = input.kind === 'number' ? input.value : input.value ? 1 : 0;
      if (def.kind === 'rowwise') {
        // a number is a row of one: softmax(3) = 1, log_softmax(3) = 0
        const row = applyResolved(def, new Tensor('float64', [1], Float64Array.of(x)), p, this.order === 0 ? 'value' : 'derivative');
        return num(row.data[0]);
      }
      return num(this.scalarAt(x, p));
    }
    if (input.kind !== 'tensor') {
      throw runtimeError(site, `${this.label} applies to numbers and tensors, but got ${describeValue(input)}`);
    }
    const t = input.tensor;
    return atSite(site, () => {
      const stop = site.evaluator.shouldStop;
      return tensorValue(applyResolved(def, t, p, ORDERS[this.order], stop));
    });
  }

  private scalarAt(x: number, p: ParameterValues): number {
    const def = this.definition;
    if (def.kind !== 'elementwise') return NaN;
    return def.scalar[ORDERS[this.order]](x, p);
  }

  derivative(site: CallSite): FunctionValue {
    if (this.order >= 2) throw runtimeError(site, `${this.label}: derivatives of builtin activations go up to the second ('')`);
    if (this.definition.kind === 'rowwise' && this.order >= 1) {
      throw runtimeError(site, `${this.label}: ${this.name}' is the diagonal of a Jacobian; it has no further derivative`);
    }
    // check what is given so far where it is written; a required parameter not given yet may come
    // with the call (threshold'(x, threshold=0.5, value=0), and so f' of f(x) = threshold(x, ...))
    const pending = this.definition.parameters.some((spec) => spec.default === undefined && !Object.keys(this.given).some((k) => findParameter(this.definition, k)?.name === spec.name));
    if (!pending) this.parameters(site);
    return new ActivationFunction(this.definition, this.given, this.order + 1, this.name, this.shown, this.sliders);
  }

  formula(): string {
    return this.formulas().text;
  }

  latex(): string {
    return this.formulas().latex;
  }

  /** The catalogue's formula for this order, in the form and with the parameters' values it has here. */
  private formulas(): Formula {
    const def = this.definition;
    let forms: { readonly formula: Formula; readonly derivativeFormula: Formula } = def;
    try {
      forms = formulasAt(def, resolveParameters(def, this.given));
    } catch {
      // a required parameter not given yet (threshold): the formula keeps its names
    }
    const written = this.order === 0 ? forms.formula : forms.derivativeFormula;
    if (this.order <= 1) return written;
    return { text: `d/dx (${written.text})`, latex: `\\frac{d}{dx}\\left(${written.latex}\\right)` };
  }

  /** Places on the x axis: a kink at ±inf (softshrink(lambd=inf)) is none, and JSON could not hold it. */
  kinks(): readonly number[] {
    try {
      return this.definition.kinks(resolveParameters(this.definition, this.given)).filter(Number.isFinite);
    } catch {
      return [];
    }
  }

  /** f's range, for f' and f'' too: they are read against f's picture. */
  plotRange(): PlotRange {
    try {
      return plotRange(this.definition, resolveParameters(this.definition, this.given));
    } catch {
      return DEFAULT_PLOT_RANGE;
    }
  }
}

const ordinal = (n: number): string => `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

function parameterValue(label: string, key: string, value: Value, site: CallSite): number | string {
  if (value.kind === 'number' || value.kind === 'string') return value.value;
  if (value.kind === 'boolean') return value.value ? 1 : 0;
  if (value.kind === 'tensor' && value.tensor.size === 1) return value.tensor.data[0];
  throw runtimeError(site, `${label}: parameter '${key}' must be a number, but got ${describeValue(value)}`);
}

