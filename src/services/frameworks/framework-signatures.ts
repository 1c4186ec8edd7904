/**
 * How frameworks pass an activation's parameters, where that differs from the
 * default rule (module classes and layers take our parameters positionally in
 * catalogue order; functions take the input first, then the same): the order
 * of positional arguments, keyword names our registry does not know, defaults
 * that differ from ours, and Keras's ReLU, whose extra arguments turn it into
 * another catalogue entry. Data only, keyed by full framework name.
 */
import type { LiteralValue } from './call-arguments';

export interface CallSignature {
  /** Positional arguments in order: our parameter (or the framework keyword to rename), null for the rest (input, inplace, dim). */
  readonly positional?: readonly (string | null)[];
  /** Framework keyword → our canonical parameter name. */
  readonly rename?: Readonly<Record<string, string>>;
  /** The framework's defaults where they differ from ours. */
  readonly defaults?: Readonly<Record<string, number | string>>;
  /** Arguments that pick a different catalogue entry (Keras's relu with max_value or negative_slope). */
  readonly rewrite?: (given: Readonly<Record<string, LiteralValue>>) => Rewritten | string;
}

/** A call re-expressed as a catalogue entry with parameters in our spelling. */
export interface Rewritten {
  readonly name: string;
  readonly given: Readonly<Record<string, number | string>>;
  /** Parameters the rewrite fixes itself, not taken from the code (`value` of a threshold). */
  readonly implied?: readonly string[];
}

/** Keyword arguments that belong to the framework, not to the function's shape: skipped without comment. */
export const FRAMEWORK_KEYWORDS: ReadonlySet<string> = new Set([
  'inplace', 'name', 'dim', 'axis', 'num_parameters', 'training', 'dtype', 'trainable', 'input_shape', 'inputShape',
  'alpha_initializer', 'alpha_regularizer', 'alpha_constraint', 'shared_axes', 'alphaInitializer', 'alphaRegularizer',
  'alphaConstraint', 'sharedAxes', 'batchInputShape', 'weights', 'kwargs',
]);

/** Booleans some frameworks use for a parameter we spell as a choice (Keras/JAX/TF `approximate=True`). */
export const BOOLEAN_CHOICES: Readonly<Record<string, { readonly true: string; readonly false: string }>> = {
  approximate: { true: 'tanh', false: 'none' },
};

/**
 * keras.activations.relu(x, negative_slope=0.0, max_value=None, threshold=0.0)
 * and keras.layers.ReLU: one function covering relu, leaky_relu, relu6 and a
 * threshold at zero. Combinations outside those have no catalogue entry.
 */
function kerasRelu(given: Readonly<Record<string, LiteralValue>>): Rewritten | string {
  const slope = given.negative_slope ?? 0;
  const max = given.max_value ?? null;
  const threshold = given.threshold ?? 0;
  if (typeof slope !== 'number' || typeof threshold !== 'number' || (max !== null && typeof max !== 'number')) {
    return 'negative_slope, max_value and threshold must be numbers';
  }
  if (max === null && threshold === 0) return slope === 0 ? { name: 'relu', given: {} } : { name: 'leaky_relu', given: { alpha: slope } };
  if (max === 6 && threshold === 0 && slope === 0) return { name: 'relu6', given: {} };
  if (max === null && slope === 0) return { name: 'threshold', given: { threshold, value: 0 }, implied: ['value'] };
  return `a ReLU with ${Object.keys(given).join(', ')} set like this has no catalogue entry; showing plain relu`;
}

const KERAS_RELU_RENAME = { alpha: 'negative_slope', maxValue: 'max_value', negativeSlope: 'negative_slope' };
const SHRINK = { rename: { threshold: 'lambd' } };

export const CALL_SIGNATURES: Readonly<Record<string, CallSignature>> = {
  // PyTorch
  'torch.nn.PReLU': { positional: [null, 'alpha'] }, // (num_parameters, init)
  // TensorFlow
  'tf.nn.leaky_relu': { defaults: { alpha: 0.2 } },
  // Keras (3, and tf.keras 2 through the tf.keras alias)
  'keras.activations.relu': { positional: [null, 'negative_slope', 'max_value', 'threshold'], rename: KERAS_RELU_RENAME, rewrite: kerasRelu },
  'keras.layers.ReLU': { positional: ['max_value', 'negative_slope', 'threshold'], rename: KERAS_RELU_RENAME, rewrite: kerasRelu },
  'keras.activations.leaky_relu': { defaults: { alpha: 0.2 } },
  'keras.layers.LeakyReLU': { defaults: { alpha: 0.3 } },
  'keras.activations.soft_shrink': SHRINK,
  'keras.activations.hard_shrink': SHRINK,
  'keras.activations.threshold': { rename: { default_value: 'value' } },
  'keras.layers.PReLU': { positional: [] }, // alpha comes from an initializer
  // JAX
  'jax.nn.gelu': { defaults: { approximate: 'tanh' } },
  // TensorFlow.js: ops take the input first; layers take one config object
  'tf.leakyRelu': { defaults: { alpha: 0.2 } },
  'tf.layers.reLU': { positional: [], rename: KERAS_RELU_RENAME, rewrite: kerasRelu },
  'tf.layers.leakyReLU': { positional: [], defaults: { alpha: 0.3 } },
  'tf.layers.elu': { positional: [] },
  'tf.layers.prelu': { positional: [] },
  'tf.layers.softmax': { positional: [] },
  'tf.layers.thresholdedReLU': { positional: [], rename: { theta: 'threshold' }, defaults: { threshold: 1, value: 0 } },
};
