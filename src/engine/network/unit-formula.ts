/**
 * What one unit of a network computes, written out with its numbers as a student would
 * write it on paper: `relu(0.53·x1 − 1.20·x2 + 0.10)`. The one place this is spelled: the
 * language's neuron(...) display and the network diagram's hover and inspector (renderer/
 * network-model.ts) all call it, so they say the same thing.
 *
 * Units are named by where they are, as neuron(net, L, U, data) and the diagram's
 * `data-neuron="L:U"` number them: the inputs (layer 0) x1, x2, ... (as data sets name
 * their columns); unit U of hidden layer L `hL[U]`.
 */

/** The name of unit `unit` (from 0) of layer `layer`: 0 is the inputs x1, x2, ...; hidden layers h1[0], h1[1], ... */
export function unitName(layer: number, unit: number): string {
  return layer === 0 ? `x${unit + 1}` : `h${layer}[${unit}]`;
}

/** Terms shown before the rest is counted as `+ … (k more)`: a unit of a 64-wide layer stays one line. */
export const MAX_FORMULA_TERMS = 8;

/**
 * The magnitude of a weight or bias for the formula (its sign is the operator before it): two
 * decimals, as a reader compares them (0.53, 1.20); smaller magnitudes two significant digits
 * (0.0031) so they do not read as 0.00; 0 as 0; nan and inf as the language writes them.
 */
export function formulaCoefficient(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return 'inf';
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a < 0.005) return String(Number(a.toPrecision(2)));
  if (a >= 1e6) return a.toExponential(2);
  return a.toFixed(2);
}

export interface UnitFormulaOptions {
  /** A learned PReLU slope, written after the call: `prelu(…), slope 0.31`. */
  readonly slope?: number;
  /** Weighted terms shown at most (MAX_FORMULA_TERMS). */
  readonly maxTerms?: number;
}

/**
 * `act(w1·in1 − w2·in2 + b)`: signs as operators (the minus sign U+2212), terms with a zero
 * weight left out and a zero bias too unless nothing else is left; `linear` writes the sum alone.
 * @param inputs the names of the unit's inputs (unitName(layer - 1, i))
 */
export function unitFormula(activation: string, weights: ArrayLike<number>, bias: number, inputs: readonly string[], options: UnitFormulaOptions = {}): string {
  const maxTerms = options.maxTerms ?? MAX_FORMULA_TERMS;
  let sum = '';
  const term = (v: number, name: string | undefined) => {
    // a zero weight adds nothing; a zero bias is written only when nothing else is
    if (v === 0 && (name !== undefined || sum !== '')) return;
    const magnitude = formulaCoefficient(v);
    const text = name === undefined ? magnitude : `${magnitude}·${name}`;
    const negative = v < 0;
    sum += sum === '' ? (negative ? `−${text}` : text) : negative ? ` − ${text}` : ` + ${text}`;
  };
  let shown = 0;
  let hidden = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    if (shown < maxTerms) { term(weights[i], inputs[i] ?? `in${i + 1}`); shown++; } else hidden++;
  }
  if (hidden > 0) sum += ` + … (${hidden} more)`;
  term(bias, undefined);
  const call = activation === 'linear' ? sum : `${activation}(${sum})`;
  const slope = options.slope;
  return slope === undefined ? call : `${call}, slope ${slope < 0 ? '−' : ''}${formulaCoefficient(slope)}`;
}

/** The names of the inputs of a unit in `layer` (1 = the first hidden layer): x1, x2, ... or h1[0], h1[1], ... */
export function unitInputs(layer: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => unitName(layer - 1, i));
}
