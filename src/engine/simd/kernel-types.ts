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
import type { Float32Shortcut } from './float32-shortcuts';
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
  /**
   * Other forms, chosen by a string parameter (gelu's approximate = 'tanh'): `formFor` names
   * the form these parameters ask for, undefined for the kernels above.
   */
  readonly formFor?: (p: ParameterValues) => string | undefined;
  readonly forms?: Readonly<Record<string, WasmElementwise>>;
  /**
   * Float32 kernels in four f32 lanes instead of two f64 lanes, for entries whose result is
   * a comparison's pick among x, g and float32 constants (relu, relu6): no arithmetic rounds,
   * so computing in f32 gives the bits of widening, computing in doubles and narrowing, at
   * twice the lanes. A kind left out runs the f64x2 kernel above. No parameters: a double
   * parameter compared in f32 would first have to round.
   */
  readonly f32x4?: {
    readonly value?: (v: VectorBuilder, x: Vec) => Vec;
    readonly derivative?: (v: VectorBuilder, x: Vec) => Vec;
    readonly backward?: (v: VectorBuilder, x: Vec, g: Vec) => Vec;
  };
  /**
   * Float32 shortcuts (float32-shortcuts.ts): a cheaper approximation of `value` or
   * `derivative` that the float32 loop rounds where that rounding is provably the kernel's,
   * running the kernel itself for the rare pair where it is not. The same bits, fewer steps.
   */
  readonly float32?: {
    readonly value?: Float32Shortcut;
    readonly derivative?: Float32Shortcut;
  };
}

/** The kernels these parameters select, and the name the module exports them under. */
export function selectForm(name: string, wasm: WasmElementwise, p: ParameterValues): { name: string; kernels: WasmElementwise } | undefined {
  const form = wasm.formFor?.(p);
  if (form === undefined) return { name, kernels: wasm };
  const kernels = wasm.forms?.[form];
  return kernels ? { name: formName(name, form), kernels } : undefined;
}

/** The export name of an entry's other form. */
export function formName(name: string, form: string): string {
  return `${name}~${form}`;
}
