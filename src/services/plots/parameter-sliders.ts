/**
 * A slider for each number parameter of an activation, for the plot panel (issue 13, point 5):
 * `leaky_relu` becomes `leaky_relu(alpha=slider(0, 1, value=0.01))`, `leaky_relu(alpha=0.2)`
 * starts its slider at 0.2, `softplus` has beta and threshold. The ranges are the catalogue's
 * (ParameterSpec.slider), widened to hold a value given outside them. Parameters given as
 * strings (gelu's approximate) or as expressions other than a number stay as written; a
 * preset's fixed parameters (relu6's clamp) get no slider.
 */
import { defaultParameters, findActivation, findParameter, formulaWithParameters, type ParameterSpec } from '../../engine';
import { functionNameLatex, parseExpression, sliceSpan, type Expr } from '../../language';
import type { FunctionDisplay } from '../../shared/output';

/** An activation as the expression names it: `elu`, `elu(alpha=2)`, `gelu'`. */
interface Named {
  readonly name: string;
  readonly order: number;
  /** The named arguments as written, by their spelling. */
  readonly given: readonly { readonly spelling: string; readonly value: Expr }[];
}

function activationIn(expr: Expr): Named | undefined {
  if (expr.type === 'derivative') {
    const inner = activationIn(expr.target);
    return inner && { ...inner, order: inner.order + expr.order };
  }
  if (expr.type === 'name') return { name: expr.name, order: 0, given: [] };
  // positional arguments apply the function (relu(x)): that is a value, not a function to plot
  if (expr.type === 'call' && expr.callee.type === 'name' && expr.args.length === 0) {
    return { name: expr.callee.name, order: 0, given: expr.named.map((n) => ({ spelling: n.name, value: n.value })) };
  }
  return undefined;
}

/** A number written as one: `0.2`, `-1.5`. */
function literal(e: Expr): number | undefined {
  if (e.type === 'number') return e.value;
  if (e.type === 'unary' && e.operand.type === 'number') return e.op === '-' ? -e.operand.value : e.operand.value;
  return undefined;
}

function sliderText(spec: ParameterSpec, value: number): string {
  const range = spec.slider!;
  const min = Math.min(range.min, value);
  const max = Math.max(range.max, value);
  const step = range.step === undefined ? '' : `, step=${range.step}`;
  return `slider(${min}, ${max}${step}, value=${value})`;
}

export interface SliderExpression {
  /** `leaky_relu(alpha=slider(0, 1, value=0.01))` */
  readonly expression: string;
  /**
   * The activation's formulas in its parameters' symbols (`\\alpha x`), as the sliders change
   * them: numbers written in would be wrong once a slider moves. Absent for a derivative.
   */
  readonly formulas?: FunctionDisplay;
}

/** The expression with a slider per number parameter; undefined when it is not an activation that has any. */
export function withParameterSliders(expression: string): SliderExpression | undefined {
  let expr: Expr;
  try {
    expr = parseExpression(expression);
  } catch {
    return undefined;
  }
  const named = activationIn(expr);
  const resolved = named && findActivation(named.name);
  if (!named || !resolved) return undefined;
  const args: string[] = [];
  const done = new Set<string>();
  let sliders = 0;
  for (const { spelling, value } of named.given) {
    const spec = findParameter(resolved.definition, spelling);
    if (!spec) return undefined; // a parameter it does not take: the plain expression says why
    done.add(spec.name);
    const number = literal(value);
    if (spec.slider && number !== undefined && Number.isFinite(number) && !(spec.name in resolved.fixed)) {
      args.push(`${spec.name}=${sliderText(spec, number)}`);
      sliders++;
    } else {
      args.push(`${spec.name}=${sliceSpan(expression, value.span)}`);
    }
  }
  for (const spec of resolved.definition.parameters) {
    if (done.has(spec.name) || !spec.slider || spec.name in resolved.fixed) continue;
    const start = typeof spec.default === 'number' ? spec.default : spec.slider.start;
    if (start === undefined) return undefined;
    args.push(`${spec.name}=${sliderText(spec, start)}`);
    sliders++;
  }
  if (sliders === 0) return undefined;
  const withSliders = `${named.name}(${args.join(', ')})${"'".repeat(named.order)}`;
  return named.order === 0 ? { expression: withSliders, formulas: symbolicFormulas(named.name) } : { expression: withSliders };
}

/** `leaky_relu(x) = x if x > 0 else alpha * x`, typeset from the catalogue with symbols, a preset's fixed values written in. */
function symbolicFormulas(name: string): FunctionDisplay | undefined {
  const resolved = findActivation(name);
  if (!resolved) return undefined;
  const { definition, fixed } = resolved;
  let forms: Pick<typeof definition, 'formula' | 'derivativeFormula'> = definition;
  try {
    forms = definition.formulasFor?.(defaultParameters(definition)) ?? definition;
  } catch {
    // parameters without defaults (threshold's): the entry's own forms
  }
  const formula = formulaWithParameters(definition, forms.formula, fixed);
  const derivative = formulaWithParameters(definition, forms.derivativeFormula, fixed);
  const f = functionNameLatex(name);
  return {
    kind: 'function', name, formula: formula.text, derivative: derivative.text,
    latex: { formula: `${f}(x) = ${formula.latex}`, derivative: `${f}'(x) = ${derivative.latex}` },
  };
}
