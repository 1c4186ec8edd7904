/**
 * Optimizers over the flat parameter array: one loop per step, state in
 * float64 buffers allocated when training starts.
 *
 *   sgd       p -= lr g
 *   momentum  v = 0.9 v + g; p -= lr v            (PyTorch's SGD with momentum=0.9)
 *   adam      Kingma & Ba with beta1 0.9, beta2 0.999, eps 1e-8 (PyTorch's and Keras's defaults but eps)
 */
import type { FloatArray } from '../activations/definition';
import { EngineError } from '../errors';
import { didYouMean } from '../nearest-name';
import { pow } from '../numerics/pow';

export interface Optimizer {
  step(params: FloatArray, grads: FloatArray, lr: number): void;
}

const MOMENTUM = 0.9;
const BETA1 = 0.9;
const BETA2 = 0.999;
const ADAM_EPS = 1e-8;

const FACTORIES: Readonly<Record<string, (size: number) => Optimizer>> = {
  sgd: () => ({
    step(params, grads, lr) {
      for (let i = 0; i < params.length; i++) params[i] -= lr * grads[i];
    },
  }),
  momentum: (size) => {
    const v = new Float64Array(size);
    return {
      step(params, grads, lr) {
        for (let i = 0; i < params.length; i++) {
          v[i] = MOMENTUM * v[i] + grads[i];
          params[i] -= lr * v[i];
        }
      },
    };
  },
  adam: (size) => {
    const m = new Float64Array(size);
    const v = new Float64Array(size);
    let t = 0;
    return {
      step(params, grads, lr) {
        t++;
        const c1 = 1 - pow(BETA1, t);
        const c2 = 1 - pow(BETA2, t);
        for (let i = 0; i < params.length; i++) {
          const g = grads[i];
          m[i] = BETA1 * m[i] + (1 - BETA1) * g;
          v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
          params[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + ADAM_EPS);
        }
      },
    };
  },
};

export const optimizerNames = (): string[] => Object.keys(FACTORIES);

export function checkOptimizer(name: string): string {
  if (!Object.prototype.hasOwnProperty.call(FACTORIES, name)) {
    throw new EngineError('bad-parameter', `unknown optimizer "${name}"${didYouMean(name, optimizerNames())}; use one of ${optimizerNames().map((n) => `"${n}"`).join(', ')}`);
  }
  return name;
}

export function createOptimizer(name: string, size: number): Optimizer {
  return FACTORIES[checkOptimizer(name)](size);
}
