/**
 * How a network layer sees its activation: a value kernel and a backward
 * kernel over whole batches in typed arrays, and optionally one learnable
 * parameter, which the network calls the layer's slope (PReLU's alpha). The
 * engine adapts catalogue entries here, reading what they say about
 * themselves (fusedLoss, wasmKernel, learnable parameters and their gradient
 * kernels); the language adapts user-defined functions and partial
 * applications to the same interface.
 */
import type {
  ActivationDefinition, ElementwiseDefinition, FloatArray, FusedLoss, ParameterGradientKernel, ParameterValues, RowwiseDefinition, WasmActivationKernel, WeightInit,
} from '../activations/definition';
import { runBackward, runElementwise } from '../simd/elementwise-runner';

export interface NetworkActivation {
  /** As the user wrote it: `relu`, `leaky_relu(alpha=0.2)`, `f`. */
  readonly label: string;
  /** The loss that computes the output gradient directly from logits after this activation (bce after sigmoid, ce after softmax). */
  readonly fusedLoss?: FusedLoss;
  /** The weight initialisation it is normally paired with (gradflow uses it); Xavier when absent. */
  readonly weightInit?: WeightInit;
  /**
   * The wasm kernel that computes this activation, bit-identical to its
   * catalogue kernels (training in wasm memory then skips the JavaScript call).
   */
  readonly wasmKernel?: WasmActivationKernel;
  /** Present when the activation has a learnable parameter (prelu's alpha): the value a fresh layer starts with. */
  readonly learnableSlope?: number;
  /**
   * The catalogue entry and its resolved parameters, for catalogue activations: what
   * export(net, "pytorch") writes in a framework's terms and a graph reads (softmax is rowwise).
   */
  readonly catalogue?: { readonly definition: ActivationDefinition; readonly parameters: ParameterValues };
  /** a = f(z) over a batch of `z.length / units` rows of `units` values. */
  forward(z: FloatArray, a: FloatArray, units: number, slope: number): void;
  /**
   * dz = dL/dz from g = dL/da (z and a from the forward pass); returns dL/dslope
   * for the learnable parameter, summed over the batch (0 when nothing is learned).
   */
  backward(z: FloatArray, a: FloatArray, g: FloatArray, dz: FloatArray, units: number, slope: number): number;
}

/** A catalogue entry with resolved parameters as a layer activation. */
export function catalogueActivation(definition: ActivationDefinition, parameters: ParameterValues, label = definition.name): NetworkActivation {
  return definition.kind === 'elementwise' ? new ElementwiseActivation(definition, parameters, label) : new RowwiseActivation(definition, label);
}

class ElementwiseActivation implements NetworkActivation {
  readonly fusedLoss?: FusedLoss;
  readonly weightInit: WeightInit;
  readonly learnableSlope?: number;
  readonly wasmKernel?: WasmActivationKernel;
  /** Mutable copy: the learnable parameter is written into it before each kernel call (no allocation). */
  private readonly p: Record<string, number | string>;
  private readonly slopeName?: string;
  private readonly slopeGradient?: ParameterGradientKernel;
  readonly catalogue: { readonly definition: ActivationDefinition; readonly parameters: ParameterValues };

  constructor(private readonly definition: ElementwiseDefinition, parameters: ParameterValues, readonly label: string) {
    this.catalogue = { definition, parameters };
    this.p = { ...parameters };
    this.weightInit = definition.weightInit;
    this.fusedLoss = definition.fusedLoss;
    this.wasmKernel = definition.wasmKernel;
    const learnable = definition.parameters.filter((s) => s.learnable);
    if (learnable.length === 0) return;
    const gradient = definition.kernels.parameterGradients?.[learnable[0].name];
    // the catalogue's tests keep entries to what a layer holds: one learned number with its gradient kernel
    if (learnable.length > 1 || !gradient) throw new Error(`${definition.name}: a layer learns one parameter, with a gradient kernel`);
    this.slopeName = learnable[0].name;
    this.slopeGradient = gradient;
    this.learnableSlope = parameters[this.slopeName] as number;
  }

  forward(z: FloatArray, a: FloatArray, _units: number, slope: number): void {
    if (this.slopeName) this.p[this.slopeName] = slope;
    runElementwise(this.definition, 'value', z, a, this.p);
  }

  backward(z: FloatArray, _a: FloatArray, g: FloatArray, dz: FloatArray, _units: number, slope: number): number {
    if (this.slopeName) this.p[this.slopeName] = slope;
    // through the entry's wasm kernels where it has them (the same bits as its JavaScript loops)
    if (this.definition.kernels.backward) runBackward(this.definition, z, g, dz, this.p);
    else {
      runElementwise(this.definition, 'derivative', z, dz, this.p);
      for (let i = 0; i < dz.length; i++) dz[i] *= g[i];
    }
    return this.slopeGradient ? this.slopeGradient(z, g, this.p) : 0;
  }
}

class RowwiseActivation implements NetworkActivation {
  readonly fusedLoss?: FusedLoss;
  readonly weightInit: WeightInit;
  readonly catalogue: { readonly definition: ActivationDefinition; readonly parameters: ParameterValues };
  constructor(private readonly definition: RowwiseDefinition, readonly label: string) {
    this.catalogue = { definition, parameters: {} };
    this.weightInit = definition.weightInit;
    this.fusedLoss = definition.fusedLoss;
  }
  forward(z: FloatArray, a: FloatArray, units: number): void {
    for (let offset = 0; offset < z.length; offset += units) this.definition.rows.value(z, a, offset, units);
  }
  backward(z: FloatArray, _a: FloatArray, g: FloatArray, dz: FloatArray, units: number): number {
    for (let offset = 0; offset < z.length; offset += units) this.definition.rows.backward(z, g, dz, offset, units);
    return 0;
  }
}

/** f(z) = z: a linear output layer (regression). */
export const linearActivation: NetworkActivation = {
  label: 'linear',
  forward(z, a) {
    a.set(z);
  },
  backward(_z, _a, g, dz) {
    dz.set(g);
    return 0;
  },
};
