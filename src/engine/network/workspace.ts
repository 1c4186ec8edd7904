/**
 * Every buffer one batch size needs, allocated once before training: the
 * batch's inputs and targets, and per layer the pre-activations z, the
 * activations a, dL/da (g) and dL/dz (dz). The hot loop then allocates nothing.
 */
import type { FloatArray } from '../activations/definition';
import { allocate } from '../tensor';
import type { Network } from './network';

export class Workspace {
  readonly input: FloatArray;
  readonly target: FloatArray;
  readonly z: readonly FloatArray[];
  readonly a: readonly FloatArray[];
  readonly g: readonly FloatArray[];
  readonly dz: readonly FloatArray[];

  constructor(net: Network, readonly rows: number, withGradients = true) {
    const dtype = net.dtype;
    this.input = allocate(dtype, rows * net.inputs);
    this.target = allocate(dtype, rows * net.outputs);
    const per = (on: boolean) => net.layers.map((l) => (on ? allocate(dtype, rows * l.outputs) : allocate(dtype, 0)));
    this.z = per(true);
    this.a = per(true);
    this.g = per(withGradients);
    this.dz = per(withGradients);
  }

  /** The last layer's outputs. */
  get output(): FloatArray {
    return this.a[this.a.length - 1];
  }
}
