/**
 * A catalogue entry's facts in words, for whatever explains an activation in
 * prose — hovers, and help(...) in a cell — so that the two never word the
 * same fact differently.
 */
import type { FrameworkNames, Properties } from './definition';

/** How each property reads when true and when false (nothing for a false that is unremarkable). */
const PROPERTY_WORDS: readonly (readonly [keyof Properties, string, string | undefined])[] = [
  ['monotonic', 'monotonic', 'non-monotonic'],
  ['boundedBelow', 'bounded below', 'unbounded below'],
  ['boundedAbove', 'bounded above', 'unbounded above'],
  ['smooth', 'smooth', 'has kinks'],
  ['zeroCentred', 'zero-centred', undefined],
  ['selfGated', 'self-gated', undefined],
];

/** `monotonic`, `bounded below`, `unbounded above`, `has kinks`, ... in a fixed order. */
export function propertyWords(properties: Properties): string[] {
  return PROPERTY_WORDS.flatMap(([key, yes, no]) => (properties[key] ? [yes] : no ? [no] : []));
}

/** Each framework as its users name it, in the order they are listed. */
export const FRAMEWORK_LABELS: readonly (readonly [keyof FrameworkNames, string])[] = [
  ['pytorch', 'PyTorch'],
  ['tensorflow', 'TensorFlow'],
  ['keras', 'Keras'],
  ['jax', 'JAX'],
  ['tensorflowjs', 'TensorFlow.js'],
];
