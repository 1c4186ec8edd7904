/**
 * Looking inside a network on some data: its outputs (the forward pass on a
 * matrix of rows), dead units and sparsity of each hidden layer.
 */
import type { FloatArray } from '../activations/definition';
import { EngineError } from '../errors';
import type { Network } from './network';
import { forwardPass } from './propagate';
import { Workspace } from './workspace';

/** Runs the network on `rows` rows of `x` (rows × net.inputs) and returns the workspace with every layer's activations. */
export function activations(net: Network, x: ArrayLike<number>, rows: number): Workspace {
  if (x.length !== rows * net.inputs) {
    throw new EngineError('shape-mismatch', `the network takes rows of ${net.inputs} input${net.inputs === 1 ? '' : 's'}, got ${x.length} values for ${rows} rows`);
  }
  const ws = new Workspace(net, rows, false);
  for (let i = 0; i < x.length; i++) ws.input[i] = x[i];
  forwardPass(net, ws);
  return ws;
}

/** The outputs, rows × net.outputs. */
export function predict(net: Network, x: ArrayLike<number>, rows: number): FloatArray {
  return activations(net, x, rows).output;
}

/** Per hidden layer: how many units output 0 for every row (what `dead(net, data)` counts). */
export function deadUnits(net: Network, x: ArrayLike<number>, rows: number): number[] {
  return deadUnitIndices(net, x, rows).map((units) => units.length);
}

/** Per hidden layer: the units (from 0) whose output is 0 for every row. */
export function deadUnitIndices(net: Network, x: ArrayLike<number>, rows: number): number[][] {
  const ws = activations(net, x, rows);
  return net.layers.slice(0, -1).map((layer, l) => {
    const a = ws.a[l];
    const dead: number[] = [];
    for (let j = 0; j < layer.outputs; j++) {
      let zero = true;
      for (let i = j; i < a.length && zero; i += layer.outputs) zero = a[i] === 0;
      if (zero) dead.push(j);
    }
    return dead;
  });
}

/** Per hidden layer: the fraction of activations (rows × units) that are exactly 0. */
export function sparsity(net: Network, x: ArrayLike<number>, rows: number): number[] {
  const ws = activations(net, x, rows);
  return net.layers.slice(0, -1).map((_, l) => {
    const a = ws.a[l];
    let zeros = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === 0) zeros++;
    return a.length === 0 ? NaN : zeros / a.length;
  });
}

/**
 * The network's answer at every point of a grid, z[row][col] at (xs[col], ys[row]): its output
 * for one output unit, the winning class (argmax) for several. A 2-input network's decision
 * boundary; the notebook redraws it from weight snapshots with the same function.
 */
export function gridAnswers(net: Network, xs: readonly number[], ys: readonly number[]): number[][] {
  const cols = xs.length;
  const grid = new Float64Array(2 * cols * ys.length);
  ys.forEach((y, r) => xs.forEach((x, c) => {
    grid[2 * (r * cols + c)] = x;
    grid[2 * (r * cols + c) + 1] = y;
  }));
  const out = predict(net, grid, cols * ys.length);
  const k = net.outputs;
  const value = (i: number): number => {
    if (k === 1) return out[i];
    let best = 0;
    for (let j = 1; j < k; j++) if (out[i * k + j] > out[i * k + best]) best = j;
    return best;
  };
  return ys.map((_, r) => xs.map((_, c) => value(r * cols + c)));
}
