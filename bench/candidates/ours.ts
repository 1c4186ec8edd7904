/**
 * Our engine (as bundled by ../engine.ts), three ways:
 *  - the WebAssembly path: `runElementwise(def, kind, x, y, p)` into a preallocated
 *    output (the entry's wasm kernel, streamed; its JavaScript loop where it has none),
 *    which is what applyActivation runs and what the targets are about;
 *  - the JavaScript fallback: `def.kernels.value|derivative(x, y, p)`, what runs
 *    without WebAssembly SIMD (the same bits);
 *  - the allocating path: `applyActivation(name, tensor)` (and the derivative
 *    twin), which adds name resolution, parameter resolution and a fresh
 *    output array per call, i.e. what the language layer pays.
 */
import type { ElementwiseDefinition, ParameterValues } from '../../src/engine';
import { engine } from '../engine';
import type { FloatArray, Kind, Loop } from './common';

const { applyActivation, applyActivationDerivative, defaultParameters, getActivation, runElementwise, Tensor } = engine;

export function elementwiseDefinition(name: string): ElementwiseDefinition {
  const def = getActivation(name);
  if (def.kind !== 'elementwise') throw new Error(`${name} is not an elementwise activation`);
  return def;
}

/** The default parameter values the benchmark uses for every candidate (e.g. leaky_relu's alpha). */
export function oursParameters(name: string): ParameterValues {
  return defaultParameters(elementwiseDefinition(name));
}

/** The kernel bound to default parameters, as a Loop over a preallocated output. */
export function oursKernel(name: string, kind: Kind): Loop {
  const def = elementwiseDefinition(name);
  const p = defaultParameters(def);
  const kernel = def.kernels[kind];
  return (x, y) => kernel(x, y, p);
}

/** The WebAssembly path bound to default parameters (the JavaScript loop for entries without wasm kernels). */
export function oursWasm(name: string, kind: Kind): Loop {
  const def = elementwiseDefinition(name);
  const p = defaultParameters(def);
  return (x, y) => runElementwise(def, kind, x, y, p);
}

/** Whether the entry has WebAssembly kernels (else the wasm column times its JavaScript loop). */
export function hasWasmKernels(name: string): boolean {
  return elementwiseDefinition(name).wasm !== undefined;
}

/** The allocating tensor API; returns a thunk that allocates and fills a new output each call. */
export function oursAllocating(name: string, kind: Kind, x: FloatArray): () => void {
  const tensor = new Tensor(x instanceof Float32Array ? 'float32' : 'float64', [x.length], x);
  const apply = kind === 'value' ? applyActivation : applyActivationDerivative;
  return () => {
    apply(name, tensor);
  };
}
