/**
 * Applying catalogue entries to tensors: for elementwise activations the entry's
 * WebAssembly SIMD loop where there is one (the same bits as its JavaScript loop,
 * which runs otherwise: simd/elementwise-runner.ts), row by row for softmax-like ones.
 */
import type { ActivationDefinition, ElementwiseKernels, ParameterValues, ScalarFunctions } from './definition';
import { resolveName, resolveParameters } from './registry';
import { allocate, allocateForOverwrite, Tensor } from '../tensor';
import { inChunks, type ShouldStop } from '../interrupt';
import { runElementwise } from '../simd/elementwise-runner';

/** f, f' or f''; row-wise activations have no f'' (their f' is a Jacobian's diagonal). */
export type Which = 'value' | 'derivative' | 'secondDerivative';

/**
 * The parameters as a float32 computation uses them: each number rounded to float32 first,
 * as PyTorch casts a scalar to the tensor's dtype (`threshold(float32([0.3]), threshold=0.3,
 * value=0)` is 0 there: 0.3 rounds to the same float32 on both sides of the comparison).
 */
export function parametersFor(dtype: Tensor['dtype'], p: ParameterValues): ParameterValues {
  if (dtype !== 'float32') return p;
  const rounded: Record<string, number | string> = {};
  for (const [name, v] of Object.entries(p)) rounded[name] = typeof v === 'number' ? Math.fround(v) : v;
  return rounded;
}

function run(definition: ActivationDefinition, x: Tensor, given: ParameterValues, which: Which, shouldStop?: ShouldStop): Tensor {
  // an elementwise kernel writes every element (an interrupted one throws, and y is dropped)
  const y = definition.kind === 'elementwise' ? allocateForOverwrite(x.dtype, x.size) : allocate(x.dtype, x.size);
  const p = parametersFor(x.dtype, given);
  if (definition.kind === 'elementwise') {
    // f'' has no wasm loop (it is not on a training path): the entry's scalar closed form
    const second = which === 'secondDerivative' ? secondDerivativeKernel(definition.scalar.secondDerivative) : undefined;
    const apply = (xs: typeof x.data, ys: typeof y): void =>
      second ? second(xs, ys, p) : runElementwise(definition, which as 'value' | 'derivative', xs, ys, p);
    // subarray views let the kernel run on one chunk; they share storage, so nothing is copied
    inChunks(x.size, shouldStop, (start, end) =>
      start === 0 && end === x.size ? apply(x.data, y) : apply(x.data.subarray(start, end), y.subarray(start, end)),
    );
  } else {
    if (which === 'secondDerivative') throw new Error(`${definition.name}'' is not defined: ${definition.name}' is the diagonal of a Jacobian`);
    const row = x.rank === 0 ? 1 : x.shape[x.rank - 1];
    const rows = row === 0 ? 0 : x.size / row;
    inChunks(rows, shouldStop, (first, last) => {
      for (let r = first; r < last; r++) definition.rows[which](x.data, y, r * row, row);
    });
  }
  return new Tensor(x.dtype, x.shape, y);
}

function secondDerivativeKernel(f: ScalarFunctions['secondDerivative']): ElementwiseKernels['value'] {
  return (x, y, p) => { for (let i = 0; i < x.length; i++) y[i] = f(x[i], p); };
}

/** f(x) for an activation given by any of its names, with parameters in any spelling. */
export function applyActivation(name: string, x: Tensor, given: Readonly<Record<string, number | string>> = {}): Tensor {
  const { definition, fixed } = resolveName(name);
  return run(definition, x, resolveParameters(definition, given, fixed), 'value');
}

/** f'(x), elementwise (the Jacobian's diagonal for row-wise activations). */
export function applyActivationDerivative(name: string, x: Tensor, given: Readonly<Record<string, number | string>> = {}): Tensor {
  const { definition, fixed } = resolveName(name);
  return run(definition, x, resolveParameters(definition, given, fixed), 'derivative');
}

/** The same, for callers that resolved the definition and parameters once already. */
export function applyResolved(definition: ActivationDefinition, x: Tensor, p: ParameterValues, which: Which = 'value', shouldStop?: ShouldStop): Tensor {
  return run(definition, x, p, which, shouldStop);
}
