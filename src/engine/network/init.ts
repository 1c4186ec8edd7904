/**
 * Weight initialisation, from the engine's seeded generator so that the same
 * seed gives the same network everywhere. Biases start at zero.
 *
 *   he       normal, std sqrt(2 / fan_in)          (He et al. 2015; keeps ReLU signals' variance)
 *   xavier   normal, std sqrt(2 / (fan_in + fan_out))  (Glorot & Bengio 2010; for tanh/sigmoid)
 *   uniform  U(-1/sqrt(fan_in), 1/sqrt(fan_in))     (PyTorch's nn.Linear default scale)
 */
import { EngineError } from '../errors';
import { didYouMean } from '../nearest-name';
import { Random } from '../random';
import type { Network } from './network';

type Draw = (fanIn: number, fanOut: number, random: Random) => number;

const SCHEMES: Readonly<Record<string, Draw>> = {
  he: (fanIn, _fanOut, random) => random.normal() * Math.sqrt(2 / fanIn),
  xavier: (fanIn, fanOut, random) => random.normal() * Math.sqrt(2 / (fanIn + fanOut)),
  uniform: (fanIn, _fanOut, random) => (2 * random.uniform() - 1) / Math.sqrt(fanIn),
};

export const initSchemes = (): string[] => Object.keys(SCHEMES);

export function checkInitScheme(name: string): string {
  if (!Object.prototype.hasOwnProperty.call(SCHEMES, name)) {
    throw new EngineError('bad-parameter', `unknown init "${name}"${didYouMean(name, initSchemes())}; use one of ${initSchemes().map((s) => `"${s}"`).join(', ')}`);
  }
  return name;
}

/** Fills weights in place (layer by layer, row by row), zeroes biases, resets slopes. */
export function initialise(net: Network, scheme: string, seed: number): void {
  const draw = SCHEMES[checkInitScheme(scheme)];
  const random = new Random(seed);
  for (const layer of net.layers) {
    const w = layer.weights;
    for (let i = 0; i < w.length; i++) w[i] = draw(layer.inputs, layer.outputs, random);
    layer.bias.fill(0);
    if (layer.slopeIndex >= 0) net.parameters[layer.slopeIndex] = layer.activation.learnableSlope!;
  }
}
