/**
 * The forward and backward pass of a network on one input, keeping everything a
 * computational-graph view shows: every layer's z and a, d(output k)/da and
 * d(output k)/dz of every unit, d(output k)/dw of every weight and d(output k)/dx
 * of every input. It runs the training code (propagate.ts) with dL/da = 1 on
 * output k and 0 elsewhere, so the numbers are the ones training uses.
 */
import type { FloatArray } from '../activations/definition';
import { EngineError } from '../errors';
import { allocate } from '../tensor';
import type { Network } from './network';
import { backwardPass, forwardPass, inputGradientsOf } from './propagate';
import { Workspace } from './workspace';

export interface SingleInputPass {
  readonly z: readonly FloatArray[];
  readonly a: readonly FloatArray[];
  /** d(output)/da per layer. */
  readonly g: readonly FloatArray[];
  /** d(output)/dz per layer. */
  readonly dz: readonly FloatArray[];
  /** d(output)/d(parameter), laid out as net.parameters. */
  readonly grads: FloatArray;
  /** d(output)/dx. */
  readonly dx: FloatArray;
}

export function singleInputPass(net: Network, x: ArrayLike<number>, output: number): SingleInputPass {
  if (x.length !== net.inputs) throw new EngineError('shape-mismatch', `the network takes ${net.inputs} input${net.inputs === 1 ? '' : 's'}, got ${x.length}`);
  if (!Number.isInteger(output) || output < 0 || output >= net.outputs) {
    throw new EngineError('out-of-range', `output ${output} is not an output of this network: outputs are 0 to ${net.outputs - 1}`);
  }
  const ws = new Workspace(net, 1, true);
  for (let i = 0; i < x.length; i++) ws.input[i] = x[i];
  forwardPass(net, ws);
  const last = net.layers.length - 1;
  ws.g[last].fill(0);
  ws.g[last][output] = 1;
  const grads = allocate(net.dtype, net.parameters.length);
  backwardPass(net, ws, grads, false);
  // backwardPass stops at the first layer's weights; the inputs' gradient is dz0 W0
  const first = net.layers[0];
  const dx = allocate(net.dtype, net.inputs);
  inputGradientsOf(ws.dz[0], first.weights, dx, 1, first.inputs, first.outputs);
  return { z: ws.z, a: ws.a, g: ws.g, dz: ws.dz, grads, dx };
}
