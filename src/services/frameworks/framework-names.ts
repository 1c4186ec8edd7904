/**
 * Framework spellings of activations: which dotted names mean which catalogue
 * entry. The catalogue holds each entry's framework names
 * (`torch.nn.functional.leaky_relu`, TensorFlow.js's `tf.leakyRelu`) and the
 * TensorFlow.js string ids that differ from Keras's; this module adds the ways
 * code abbreviates names (`F.leaky_relu`, `tf.keras.layers.ReLU`, `jnn.gelu`)
 * and derives Keras's string ids from its `keras.activations.` names.
 */
import { catalogue, type FrameworkNames } from '../../engine';

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

/**
 * The catalogue's framework keys in the order they claim names: the Python
 * frameworks entry by entry, then TensorFlow.js, so `tf.sigmoid` (the same
 * function in TensorFlow and TensorFlow.js) counts as TensorFlow's.
 */
const CLAIM_ORDER: readonly (readonly (readonly [keyof FrameworkNames, Framework])[])[] = [
  [['pytorch', 'pytorch'], ['tensorflow', 'tensorflow'], ['keras', 'keras'], ['jax', 'jax']],
  [['tensorflowjs', 'tensorflow.js']],
];

const byQualified = new Map<string, FrameworkName>();
for (const keys of CLAIM_ORDER) {
  for (const d of catalogue) {
    for (const [key, framework] of keys) {
      for (const qualified of d.frameworks[key]) if (!byQualified.has(qualified)) byQualified.set(qualified, { qualified, framework, name: d.name });
    }
  }
}
const qualifiedNames = [...byQualified.keys()];

const KERAS_ACTIVATIONS = 'keras.activations.';
const byStringId = new Map<string, FrameworkName>();
for (const [qualified, found] of byQualified) {
  if (qualified.startsWith(KERAS_ACTIVATIONS)) byStringId.set(qualified.slice(KERAS_ACTIVATIONS.length), found);
}
for (const d of catalogue) {
  for (const id of d.tensorflowjsIds ?? []) if (!byStringId.has(id)) byStringId.set(id, { qualified: id, framework: 'tensorflow.js', name: d.name });
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
