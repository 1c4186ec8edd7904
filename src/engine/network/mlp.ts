/** A multilayer perceptron from its layer sizes: [2, 8, 8, 1] is two hidden layers of 8. */
import { EngineError } from '../errors';
import type { DType } from '../tensor';
import type { NetworkActivation } from './activation';
import { initialise } from './init';
import { Network, type LayerShape } from './network';

export interface MlpOptions {
  readonly sizes: readonly number[];
  /** Every hidden layer's activation. */
  readonly hidden: NetworkActivation;
  readonly output: NetworkActivation;
  readonly init: string;
  readonly seed: number;
  readonly dtype: DType;
}

export function mlp(o: MlpOptions): Network {
  if (o.sizes.length < 2) throw new EngineError('bad-shape', `an mlp needs at least 2 sizes (inputs and outputs), e.g. [2, 8, 1]; got [${o.sizes.join(', ')}]`);
  const shapes: LayerShape[] = [];
  for (let i = 1; i < o.sizes.length; i++) {
    shapes.push({ inputs: o.sizes[i - 1], outputs: o.sizes[i], activation: i === o.sizes.length - 1 ? o.output : o.hidden });
  }
  const net = Network.create(o.dtype, shapes);
  initialise(net, o.init, o.seed);
  return net;
}
