/**
 * Every buffer one batch size needs, allocated once before training: the
 * batch's inputs and targets, and per layer the pre-activations z, the
 * activations a, dL/da (g) and dL/dz (dz). The hot loop then allocates nothing.
 *
 * A training run may place them in wasm memory (run-buffers.ts): they are then
 * views of it, of the network's dtype, and `wasm` holds the kernels that work on them.
 */
import type { FloatArray } from '../activations/definition';
import { allocate } from '../tensor';
import type { Network } from './network';
import type { WasmKernels } from './wasm/kernels';

/** Where a workspace's buffers come from when not from the heap. */
export interface WorkspaceMemory {
  alloc(length: number): FloatArray;
  readonly kernels: WasmKernels;
}

export class Workspace {
  readonly input: FloatArray;
  readonly target: FloatArray;
  readonly z: readonly FloatArray[];
  readonly a: readonly FloatArray[];
  readonly g: readonly FloatArray[];
  readonly dz: readonly FloatArray[];
  readonly wasm?: WasmKernels;

  constructor(net: Network, readonly rows: number, withGradients = true, memory?: WorkspaceMemory) {
    const alloc = memory ? (n: number) => memory.alloc(n) : (n: number) => allocate(net.dtype, n);
    this.wasm = memory?.kernels;
    this.input = alloc(rows * net.inputs);
    this.target = alloc(rows * net.outputs);
    const per = (on: boolean) => net.layers.map((l) => alloc(on ? rows * l.outputs : 0));
    this.z = per(true);
    this.a = per(true);
    this.g = per(withGradients);
    this.dz = per(withGradients);
  }

  /** The lengths the constructor allocates, in its order: for sizing wasm memory beforehand. */
  static lengths(net: Network, rows: number, withGradients = true): number[] {
    const per = (on: boolean) => net.layers.map((l) => (on ? rows * l.outputs : 0));
    return [rows * net.inputs, rows * net.outputs, ...per(true), ...per(true), ...per(withGradients), ...per(withGradients)];
  }

  /** The last layer's outputs. */
  get output(): FloatArray {
    return this.a[this.a.length - 1];
  }
}
