/**
 * What one unit of a network computes, written out with its numbers:
 * `relu(0.53·x1 − 1.20·x2 + 0.10)`. The one place this is spelled, so the
 * language's neuron(...) display, the CLI's text and the notebook diagram's
 * hover all say the same thing.
 *
 * Inputs are named by where they come from: a first-layer unit reads the data's
 * columns x1, x2, ... (as data sets name them); a unit of layer L >= 2 reads the
 * units of layer L - 1, `h1_0`, `h1_1`, ... (layer and unit as neuron(net, L, U, data)
 * and the diagram's `data-neuron="L:U"` number them).
 */

/** The name of input `index` (from 0) of a unit in `layer` (1 = the first hidden layer). */
export function unitInputName(layer: number, index: number): string {
  return layer <= 1 ? `x${index + 1}` : `h${layer - 1}_${index}`;
}

/** Terms shown before the rest is summarised as `+ … (k more)`: a unit of a 64-wide layer stays one line. */
export const MAX_FORMULA_TERMS = 8;

/**
 * The magnitude of a weight or bias for the formula (its sign is the operator before it):
 * two decimals, as a reader compares them (0.53, 1.20); smaller magnitudes keep two
 * significant digits (0.0031) so they do not read as 0.00; nan and inf as the language writes them.
 */
export function formulaCoefficient(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return 'inf';
  const a = Math.abs(v);
  if (a === 0) return '0.00';
  if (a < 0.005) return String(Number(a.toPrecision(2)));
  if (a >= 1e6) return a.toExponential(2);
  return a.toFixed(2);
}

export interface UnitFormulaOptions {
  /** The input names; unitInputName(layer, i) when absent. */
  readonly inputNames?: readonly string[];
  readonly maxTerms?: number;
}

/**
 * `act(w0·in0 − w1·in1 + b)`: signs as operators (the minus sign U+2212), weights and the bias
 * at formulaCoefficient's precision; `linear` writes the sum alone.
 */
export function unitFormula(activation: string, weights: ArrayLike<number>, bias: number, layer: number, options: UnitFormulaOptions = {}): string {
  const maxTerms = options.maxTerms ?? MAX_FORMULA_TERMS;
  const name = (i: number) => options.inputNames?.[i] ?? unitInputName(layer, i);
  const parts: string[] = [];
  const term = (v: number, body: string) => {
    const negative = v < 0 || Object.is(v, -0);
    const sign = parts.length === 0 ? (negative ? '−' : '') : negative ? ' − ' : ' + ';
    parts.push(`${sign}${body}`);
  };
  const shown = Math.min(weights.length, maxTerms);
  for (let i = 0; i < shown; i++) term(weights[i], `${formulaCoefficient(weights[i])}·${name(i)}`);
  if (weights.length > shown) parts.push(` + … (${weights.length - shown} more)`);
  term(bias, formulaCoefficient(bias));
  const sum = parts.join('');
  return activation === 'linear' ? sum : `${activation}(${sum})`;
}
