/**
 * Applying catalogue entries to tensors: the entry's own loop kernel for
 * elementwise activations, row by row for softmax-like ones.
 */
import type { ActivationDefinition, ParameterValues } from './definition';
import { resolveName, resolveParameters } from './registry';
import { allocate, Tensor } from '../tensor';
import { inChunks, type ShouldStop } from '../interrupt';

type Which = 'value' | 'derivative';

function run(definition: ActivationDefinition, x: Tensor, p: ParameterValues, which: Which, shouldStop?: ShouldStop): Tensor {
  const y = allocate(x.dtype, x.size);
  if (definition.kind === 'elementwise') {
    const kernel = definition.kernels[which];
    // subarray views let the kernel run on one chunk; they share storage, so nothing is copied
    inChunks(x.size, shouldStop, (start, end) =>
      start === 0 && end === x.size ? kernel(x.data, y, p) : kernel(x.data.subarray(start, end), y.subarray(start, end), p),
    );
  } else {
    const row = x.rank === 0 ? 1 : x.shape[x.rank - 1];
    const rows = row === 0 ? 0 : x.size / row;
    inChunks(rows, shouldStop, (first, last) => {
      for (let r = first; r < last; r++) definition.rows[which](x.data, y, r * row, row);
    });
  }
  return new Tensor(x.dtype, x.shape, y);
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
