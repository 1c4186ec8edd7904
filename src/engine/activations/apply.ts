/**
 * Applying catalogue entries to tensors: the entry's own loop kernel for
 * elementwise activations, row by row for softmax-like ones.
 */
import type { ActivationDefinition, ParameterValues } from './definition';
import { resolveName, resolveParameters } from './registry';
import { allocate, Tensor } from '../tensor';

type Which = 'value' | 'derivative';

function run(definition: ActivationDefinition, x: Tensor, p: ParameterValues, which: Which): Tensor {
  const y = allocate(x.dtype, x.size);
  if (definition.kind === 'elementwise') {
    definition.kernels[which](x.data, y, p);
  } else {
    const row = x.rank === 0 ? 1 : x.shape[x.rank - 1];
    for (let offset = 0; offset < x.size; offset += row) definition.rows[which](x.data, y, offset, row);
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
export function applyResolved(definition: ActivationDefinition, x: Tensor, p: ParameterValues, which: Which = 'value'): Tensor {
  return run(definition, x, p, which);
}
