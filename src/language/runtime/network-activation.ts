/**
 * Any activation value of the language as a layer activation for the engine:
 *
 *   relu, leaky_relu(alpha=0.2), prelu   catalogue kernels with resolved parameters (fast path)
 *   f (user-defined), relu', sin, ...     the function applied to the whole batch as a tensor, and
 *                                         its derivative (symbolic for user functions) for backprop
 *   "linear"                              the identity, for regression outputs
 *
 * User functions run through the evaluator on each batch, so they are slower
 * than catalogue kernels and allocate; they are checked once here, on a few
 * points, so that a function that cannot run on tensors fails where it is given.
 */
import {
  catalogueActivation, fromNested, linearActivation, resolveParameters, Tensor,
  type FloatArray, type NetworkActivation,
} from '../../engine';
import { ActivationFunction } from './activation-function';
import { atSite, runtimeError, type CallSite } from './call-site';
import type { FunctionValue } from './function-value';
import { describeValue, tensorValue, type Value } from './values';

const NO_NAMED: ReadonlyMap<string, Value> = new Map();

export function toNetworkActivation(value: Value, site: CallSite, what: string): NetworkActivation {
  if (value.kind === 'string' && value.value === 'linear') return linearActivation;
  if (value.kind !== 'function') {
    throw runtimeError(site, `${what} must be an activation such as relu, leaky_relu(alpha=0.2) or a function you defined (or "linear"), but got ${describeValue(value)}`);
  }
  const fn = value.fn;
  if (fn instanceof ActivationFunction && fn.order === 0) {
    const parameters = atSite(site, () => resolveParameters(fn.definition, fn.given));
    return catalogueActivation(fn.definition, parameters, fn.label);
  }
  const adapted = new FunctionActivation(fn, fn.derivative(site), site);
  adapted.check(what);
  return adapted;
}

/**
 * The function value behind a layer activation that is not a catalogue kernel (a user
 * function, sin, relu'): what export(...) writes as a small Python function.
 */
export function functionOfActivation(act: NetworkActivation): FunctionValue | undefined {
  return act instanceof FunctionActivation ? act.fn : undefined;
}

/** A function value applied to whole batches through the evaluator. */
class FunctionActivation implements NetworkActivation {
  readonly label: string;
  constructor(readonly fn: FunctionValue, private readonly dfn: FunctionValue, private readonly site: CallSite) {
    this.label = fn.label;
  }

  check(what: string): void {
    const probe = fromNested([-1.5, 0.25, 2]);
    const out = new Float64Array(3);
    try {
      this.apply(this.fn, probe.data, out);
      this.apply(this.dfn, probe.data, out);
    } catch (e) {
      throw runtimeError(this.site, `${what} ${this.label} cannot be used in a network: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private apply(fn: FunctionValue, x: FloatArray, out: FloatArray): void {
    const input = new Tensor(x instanceof Float32Array ? 'float32' : 'float64', [x.length], x);
    const result = fn.call([tensorValue(input)], NO_NAMED, this.site);
    if (result.kind === 'number') out.fill(result.value);
    else if (result.kind === 'tensor' && result.tensor.size === x.length) out.set(result.tensor.data);
    else throw runtimeError(this.site, `${fn.label} must return one number per input, but gave ${describeValue(result)}`);
  }

  forward(z: FloatArray, a: FloatArray): void {
    this.apply(this.fn, z, a);
  }

  backward(z: FloatArray, _a: FloatArray, g: FloatArray, dz: FloatArray): number {
    this.apply(this.dfn, z, dz);
    for (let i = 0; i < dz.length; i++) dz[i] *= g[i];
    return 0;
  }
}
