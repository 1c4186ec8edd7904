/**
 * One unit of a network on some data: its incoming weights and bias, its
 * pre-activation z and output a on every row, and two summaries:
 *
 *   active  the fraction of rows where the unit passes a gradient back, i.e. where the
 *           derivative of its output with respect to its own z is nonzero. It is read from
 *           the layer's backward kernel (the catalogue's derivative, with PyTorch's values at
 *           kinks), so for relu it is the fraction with z > 0 (relu'(0) = 0), for sigmoid or
 *           leaky_relu 1 unless a value underflows, for relu6 or hardtanh the rows off their
 *           flat parts, and for softmax outputs ∂a_j/∂z_j = s_j(1 − s_j).
 *   dead    1 when the unit outputs 0 on every row: the same test as deadUnits, so
 *           sum(dead(net, data)) counts exactly the hidden units whose dead is 1.
 *
 * Layers are numbered as the network diagram numbers them: 0 is the inputs (which have no
 * weights), hidden layers from 1, the output layer last (net.layers.length); units from 0.
 */
import type { FloatArray } from '../activations/definition';
import { EngineError } from '../errors';
import { spellNumber } from '../spell-number';
import { allocate } from '../tensor';
import { activations } from './analysis';
import type { Network } from './network';

export interface UnitInspection {
  readonly layer: number;
  readonly unit: number;
  /** The layer's activation as written (`relu`, `leaky_relu(alpha=0.2)`, `linear`). */
  readonly activation: string;
  /** Incoming weights, one per unit of the layer before (or input column). */
  readonly weights: FloatArray;
  readonly bias: number;
  /** z on each row. */
  readonly pre: FloatArray;
  /** a = f(z) on each row. */
  readonly out: FloatArray;
  readonly active: number;
  readonly dead: boolean;
  /** The mean of `out` over the rows. */
  readonly mean: number;
}

/** Throws, naming the valid range, unless `layer` and `unit` name a unit of `net`. */
export function checkUnit(net: Network, layer: number, unit: number): void {
  const last = net.layers.length;
  const layers = `layers are 1 to ${last} (hidden layers from 1, the output layer ${last}; 0 is the inputs, which have no weights)`;
  if (!Number.isInteger(layer) || layer < 1 || layer > last) {
    throw new EngineError('out-of-range', `layer ${spellNumber(layer)} is not a layer of this network: ${layers}`);
  }
  const units = net.layers[layer - 1].outputs;
  if (!Number.isInteger(unit) || unit < 0 || unit >= units) {
    throw new EngineError('out-of-range', `unit ${spellNumber(unit)} is not in layer ${layer}, which has ${units} unit${units === 1 ? '' : 's'}: units are 0 to ${units - 1}`);
  }
}

/** The unit `unit` of layer `layer` (numbered as above) on `rows` rows of `x`. */
export function inspectUnit(net: Network, x: ArrayLike<number>, rows: number, layer: number, unit: number): UnitInspection {
  checkUnit(net, layer, unit);
  const l = net.layers[layer - 1];
  const ws = activations(net, x, rows);
  const n = l.outputs;
  const pre = allocate(net.dtype, rows);
  const out = allocate(net.dtype, rows);
  let sum = 0;
  let dead = true;
  for (let i = 0; i < rows; i++) {
    pre[i] = ws.z[layer - 1][i * n + unit];
    out[i] = ws.a[layer - 1][i * n + unit];
    sum += out[i];
    if (out[i] !== 0) dead = false;
  }
  const active = activeFraction(net, layer, ws.z[layer - 1], ws.a[layer - 1], rows, unit);
  return {
    layer, unit, activation: l.activation.label,
    weights: l.weights.slice(unit * l.inputs, (unit + 1) * l.inputs),
    bias: l.bias[unit],
    pre, out,
    active,
    dead: rows > 0 && dead,
    mean: rows === 0 ? NaN : sum / rows,
  };
}

/**
 * `active` above for unit `unit` of layer `layer` (numbered as above), given that layer's z
 * and a over `rows` rows (from `activations`): the fraction of rows where ∂a_unit/∂z_unit is
 * nonzero, NaN without rows. The network diagram's hover says the same number.
 */
export function activeFraction(net: Network, layer: number, z: FloatArray, a: FloatArray, rows: number, unit: number): number {
  if (rows === 0) return NaN;
  const l = net.layers[layer - 1];
  const n = l.outputs;
  // the backward kernel with dL/da = 1 on this unit, 0 on the others (softmax's rows mix units)
  const g = allocate(net.dtype, rows * n);
  const dz = allocate(net.dtype, rows * n);
  for (let i = 0; i < rows; i++) g[i * n + unit] = 1;
  l.activation.backward(z, a, g, dz, n, net.slope(l));
  let passing = 0;
  for (let i = 0; i < rows; i++) if (dz[i * n + unit] !== 0) passing++;
  return passing / rows;
}
