/**
 * Gradient flow at initialisation: how large the gradient is that reaches
 * each layer of a deep, narrow network, to see sigmoid's vanishing gradient
 * next to ReLU's steady one.
 *
 * The network is `depth` dense layers of `width` units, all with the given
 * activation, on a batch of BATCH standard-normal inputs; the gradient of
 * sum(g ⊙ output) for a standard-normal g (a random loss direction) is
 * backpropagated, and the Frobenius norm of each layer's weight gradient is
 * reported, index 0 the layer next to the input. Weights use the
 * initialisation each activation is normally paired with, as its catalogue
 * entry says (weightInit: He for rectifier-like ones, Xavier for sigmoid,
 * tanh, ...); Xavier for user functions.
 */
import type { WeightInit } from '../activations/definition';
import { EngineError } from '../errors';
import { Random } from '../random';
import type { NetworkActivation } from './activation';
import { initialise } from './init';
import { Network } from './network';
import { backwardPass, forwardPass } from './propagate';
import { Workspace } from './workspace';
import { spellNumber } from '../spell-number';

export const GRADFLOW_BATCH = 64;

export const gradflowInit = (act: NetworkActivation): WeightInit => act.weightInit ?? 'xavier';

export function gradflow(act: NetworkActivation, depth: number, width: number, seed: number): number[] {
  for (const [name, v, max] of [['depth', depth, 1000], ['width', width, 4096]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > max) throw new EngineError('bad-parameter', `${name} must be a whole number from 1 to ${max}, got ${spellNumber(v)}`);
  }
  const net = Network.create('float64', Array.from({ length: depth }, () => ({ inputs: width, outputs: width, activation: act })));
  initialise(net, gradflowInit(act), seed);
  const ws = new Workspace(net, GRADFLOW_BATCH);
  const random = new Random(seed + 1);
  for (let i = 0; i < ws.input.length; i++) ws.input[i] = random.normal();
  forwardPass(net, ws);
  const top = ws.g[depth - 1];
  for (let i = 0; i < top.length; i++) top[i] = random.normal();
  const grads = new Float64Array(net.parameters.length);
  backwardPass(net, ws, grads, false);
  return net.layers.map((layer) => {
    let s = 0;
    for (let i = layer.offset; i < layer.offset + layer.inputs * layer.outputs; i++) s += grads[i] * grads[i];
    return Math.sqrt(s);
  });
}
