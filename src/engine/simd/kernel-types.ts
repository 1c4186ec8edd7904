/**
 * What a catalogue entry gives the WebAssembly path: its value and derivative as
 * f64x2 code (written with a VectorBuilder, next to the entry's scalar math), so
 * that src/engine/simd/elementwise-module.ts can emit a float32 and a float64
 * loop of each, and a fused backward pass.
 *
 * The contract: for every lane, the emitted code computes the same bits as the
 * entry's JavaScript kernel (`kernels.value`, `kernels.derivative`, and
 * `kernels.backward` where the entry has one, else `scalar.derivative(x) * g`).
 * test/unit/engine/simd/elementwise-kernels.test.ts holds every entry to it.
 */
import type { ParameterValues } from '../activations/definition';
import type { Vec, VectorBuilder } from './vector-builder';

/** f(x) or f'(x) per lane, given the entry's numeric parameters in `parameters` order (splatted). */
export type VectorFunction = (v: VectorBuilder, x: Vec, p: readonly Vec[]) => Vec;

export interface WasmElementwise {
  /** The numeric parameters the kernels read, in the order they are passed. */
  readonly parameters: readonly string[];
  /** False for parameter values these kernels do not cover (gelu's tanh form): the JavaScript kernels run. */
  readonly accepts?: (p: ParameterValues) => boolean;
  readonly value: VectorFunction;
  readonly derivative: VectorFunction;
  /** dx = f'(x) g as the entry's own `kernels.backward` computes it; omitted: derivative times g, rounded once. */
  readonly backward?: (v: VectorBuilder, x: Vec, g: Vec, p: readonly Vec[]) => Vec;
}
