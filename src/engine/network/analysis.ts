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
