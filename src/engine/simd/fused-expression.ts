/**
 * A fused elementwise expression as data: what one element of the result is,
 * computed from element i of some tensors and from numbers, in the operations
 * and roundings the per-operator path makes. The language's fusion plan
 * (language/runtime/fusion.ts) builds it from the syntax tree; it runs as a
 * WebAssembly function where every node has a vector form (fused-module.ts),
 * else as the language's JavaScript loop (language/runtime/fused-loop.ts).
 * Both read the same tree, so they make the same operations in the same order.
 *
 * Nothing here comes from user text: tensors and numbers are referred to by
 * slot, functions are the engine's own (the catalogue's scalar functions, our
 * numerics, Math's exact ones).
 */
import type { ElementwiseDefinition, FloatArray, ParameterValues } from '../activations/definition';

/** f, f' or f'' of a catalogue entry. */
export type FusedOrder = 'value' | 'derivative' | 'secondDerivative';

export type FusedNode =
  /** Element i of the program's tensor in this slot (a float32 tensor's element widened exactly). */
  | { readonly kind: 'tensor'; readonly slot: number }
  /** The program's number in this slot. */
  | { readonly kind: 'scalar'; readonly slot: number }
  | { readonly kind: 'negate'; readonly a: FusedNode }
  | { readonly kind: 'arithmetic'; readonly op: '+' | '-' | '*' | '/'; readonly a: FusedNode; readonly b: FusedNode }
  /** a^b by the engine's pow (numerics/pow.ts). */
  | { readonly kind: 'power'; readonly a: FusedNode; readonly b: FusedNode }
  /** Math.fround: where the per-operator path stores into a Float32Array. */
  | { readonly kind: 'round32'; readonly a: FusedNode }
  /** A catalogue entry's f, f' or f'' at these parameters (already in the dtype's precision: parametersFor). */
  | { readonly kind: 'activation'; readonly definition: ElementwiseDefinition; readonly order: FusedOrder; readonly parameters: ParameterValues; readonly a: FusedNode }
  /** A one-number function of the engine's numerics or Math (exp, sqrt, ...). */
  | { readonly kind: 'elementary'; readonly f: (x: number) => number; readonly a: FusedNode };

/** The tree and what its slots hold; every tensor has the result's number of elements. */
export interface FusedProgram {
  readonly root: FusedNode;
  readonly tensors: readonly FloatArray[];
  readonly scalars: readonly number[];
}
