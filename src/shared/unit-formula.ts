/**
 * One unit of a network written out with its numbers plugged in, as a student would write
 * it on paper: `relu(0.53·x1 − 1.20·x2 + 0.10)`. The hover of a neuron in the network
 * diagram shows it (and it is meant to be the one spelling of a unit's formula).
 */

/** A weight or bias at the precision a reader compares them: two decimals, small ones to two significant digits. */
export function unitNumber(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 0.005) return a.toFixed(2);
  return String(Number(a.toPrecision(2)));
}

/** The name of unit `unit` (from 0) of layer `layer` (0 = the inputs x1, x2, ...; hidden layers h1[0], h1[1], ...). */
export function unitName(layer: number, unit: number): string {
  return layer === 0 ? `x${unit + 1}` : `h${layer}[${unit}]`;
}

/**
 * `activation(w1·in1 + w2·in2 + ... + b)` with signs as minus signs (−), terms with a zero
 * weight left out; `linear` units are the sum alone. `slope` is a learned PReLU slope,
 * written after the call.
 */
export function unitFormula(activation: string, weights: readonly number[], bias: number, inputs: readonly string[], slope?: number): string {
  let sum = '';
  const term = (coefficient: number, name: string | undefined) => {
    // a zero weight adds nothing; a zero bias is written only when nothing else is
    if (coefficient === 0 && (name !== undefined || sum !== '')) return;
    const magnitude = unitNumber(coefficient);
    const text = name === undefined ? magnitude : `${magnitude}·${name}`;
    const negative = coefficient < 0;
    sum += sum === '' ? (negative ? `−${text}` : text) : negative ? ` − ${text}` : ` + ${text}`;
  };
  weights.forEach((w, i) => term(w, inputs[i] ?? `in${i + 1}`));
  term(bias, undefined);
  const call = activation === 'linear' ? sum : `${activation}(${sum})`;
  return slope === undefined ? call : `${call}, slope ${slope < 0 ? '−' : ''}${unitNumber(slope)}`;
}
