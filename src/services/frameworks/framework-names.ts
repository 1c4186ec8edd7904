/**
 * Framework spellings of activations: which dotted names mean which catalogue
 * entry. The registry holds each entry's canonical framework names
 * (`torch.nn.functional.leaky_relu`); this module adds the ways code
 * abbreviates them (`F.leaky_relu`, `tf.keras.layers.ReLU`, `jnn.gelu`), the
 * TensorFlow.js names the registry does not list, and Keras's string ids.
 */
import { catalogue } from '../../engine';

export type Framework = 'pytorch' | 'tensorflow' | 'keras' | 'jax' | 'tensorflow.js';

export interface FrameworkName {
  /** The full name: `torch.nn.LeakyReLU`. */
  readonly qualified: string;
  readonly framework: Framework;
  /** Catalogue entry name: `leaky_relu`. */
  readonly name: string;
}

/**
 * Import aliases: a written prefix and what it stands for, tried in order
 * (`nn.relu` is not PyTorch, so JAX's `jax.nn.relu` is tried next).
 * Longer prefixes are matched before shorter ones.
 */
const PREFIX_ALIASES: readonly (readonly [string, readonly string[]])[] = [
  ['F', ['torch.nn.functional']],
  ['functional', ['torch.nn.functional']],
  ['nn', ['torch.nn', 'jax.nn', 'tf.nn']],
  ['torch.nn.modules.activation', ['torch.nn']],
  ['tensorflow', ['tf']],
  ['tf.keras', ['keras']],
  ['tensorflow.keras', ['keras']],
  ['keras.src', ['keras']],
  ['tf_keras', ['keras']],
  ['layers', ['keras.layers', 'tf.layers']],
  ['activations', ['keras.activations']],
  ['jnn', ['jax.nn']],
  ['jnp', ['jax.numpy']],
  ['tfjs', ['tf']],
];

/** TensorFlow.js (`import * as tf from '@tensorflow/tfjs'`): ops and layer factories. */
const TFJS_NAMES: Readonly<Record<string, string>> = {
  'tf.relu': 'relu',
  'tf.relu6': 'relu6',
  'tf.leakyRelu': 'leaky_relu',
  'tf.prelu': 'prelu',
  'tf.elu': 'elu',
  'tf.selu': 'selu',
  'tf.sigmoid': 'sigmoid',
  'tf.logSigmoid': 'logsigmoid',
  'tf.tanh': 'tanh',
  'tf.softplus': 'softplus',
  'tf.softmax': 'softmax',
  'tf.logSoftmax': 'log_softmax',
  'tf.layers.reLU': 'relu',
  'tf.layers.leakyReLU': 'leaky_relu',
  'tf.layers.prelu': 'prelu',
  'tf.layers.elu': 'elu',
  'tf.layers.softmax': 'softmax',
  'tf.layers.thresholdedReLU': 'threshold',
};

/** Activation string ids of TensorFlow.js that differ from Keras's (`activation: 'hardSigmoid'`). */
const TFJS_STRING_IDS: Readonly<Record<string, string>> = {
  hardSigmoid: 'hardsigmoid',
  swish: 'silu',
};

const FRAMEWORK_KEYS = ['pytorch', 'tensorflow', 'keras', 'jax'] as const;

const byQualified = new Map<string, FrameworkName>();
for (const d of catalogue) {
  for (const framework of FRAMEWORK_KEYS) {
    for (const qualified of d.frameworks[framework]) byQualified.set(qualified, { qualified, framework, name: d.name });
  }
}
// The registry's Python names come first: `tf.sigmoid` is the same function in both.
for (const [qualified, name] of Object.entries(TFJS_NAMES)) {
  if (!byQualified.has(qualified)) byQualified.set(qualified, { qualified, framework: 'tensorflow.js', name });
}
const qualifiedNames = [...byQualified.keys()];

const KERAS_ACTIVATIONS = 'keras.activations.';
const byStringId = new Map<string, FrameworkName>();
for (const [qualified, found] of byQualified) {
  if (qualified.startsWith(KERAS_ACTIVATIONS)) byStringId.set(qualified.slice(KERAS_ACTIVATIONS.length), found);
}
for (const [id, name] of Object.entries(TFJS_STRING_IDS)) {
  if (!byStringId.has(id)) byStringId.set(id, { qualified: id, framework: 'tensorflow.js', name });
}

/**
 * The framework name a dotted name as written refers to. It needs a module
 * prefix (`relu` alone is anybody's variable); the prefix may be an import
 * alias, and the name may be any dotted tail of a full name (`functional.relu`).
 */
export function matchFrameworkName(written: string): FrameworkName | undefined {
  if (!written.includes('.')) return undefined;
  for (const candidate of expansions(written)) {
    const exact = byQualified.get(candidate);
    if (exact) return exact;
  }
  for (const candidate of expansions(written)) {
    const tail = qualifiedNames.find((q) => q.endsWith(`.${candidate}`));
    if (tail) return byQualified.get(tail);
  }
  return undefined;
}

/** A Keras / TensorFlow.js activation string id (`'relu'`, `'leaky_relu'`, `'hardSigmoid'`). */
export function matchStringActivation(id: string): FrameworkName | undefined {
  return byStringId.get(id);
}

/** The written name with each applicable alias expanded, the name itself last. */
function expansions(written: string): string[] {
  const result: string[] = [];
  const aliases = PREFIX_ALIASES.filter(([prefix]) => written.startsWith(`${prefix}.`)).sort((a, b) => b[0].length - a[0].length);
  for (const [prefix, meanings] of aliases) {
    for (const meaning of meanings) result.push(meaning + written.slice(prefix.length));
  }
  result.push(written);
  return result;
}
