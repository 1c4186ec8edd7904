/**
 * How a network layer sees its activation: a value kernel and a backward
 * kernel over whole batches in typed arrays, and optionally one learnable
 * slope (PReLU's). The engine adapts catalogue entries here; the language
 * adapts user-defined functions and partial applications to the same interface.
 */
import type { ActivationDefinition, FloatArray, ParameterValues } from '../activations/definition';

export interface NetworkActivation {
  /** As the user wrote it: `relu`, `leaky_relu(alpha=0.2)`, `f`. */
  readonly label: string;
  /** Losses compute the output gradient directly from logits for these (bce + sigmoid, ce + softmax). */
  readonly fuses?: 'sigmoid' | 'softmax';
  /** The activation family, for choosing an initialisation (gradflow): He for rectifier-like ones. */
  readonly family?: string;
  /**
   * An activation the wasm kernels compute themselves, bit-identical to its
   * catalogue kernels (float32 training then skips the JavaScript call).
   */
  readonly wasm?: 'relu';
  /** Present when the activation learns a slope (prelu): the slope a fresh layer starts with. */
  readonly learnableSlope?: number;
  /** a = f(z) over a batch of `z.length / units` rows of `units` values. */
  forward(z: FloatArray, a: FloatArray, units: number, slope: number): void;
  /**
   * dz = dL/dz from g = dL/da (z and a from the forward pass); returns dL/dslope,
   * summed over the batch (0 when nothing is learned).
   */
  backward(z: FloatArray, a: FloatArray, g: FloatArray, dz: FloatArray, units: number, slope: number): number;
}

/** A catalogue entry with resolved parameters as a layer activation. */
export function catalogueActivation(definition: ActivationDefinition, parameters: ParameterValues, label = definition.name): NetworkActivation {
  return definition.kind === 'elementwise' ? new ElementwiseActivation(definition, parameters, label) : new RowwiseActivation(definition, label);
}

class ElementwiseActivation implements NetworkActivation {
  readonly fuses?: 'sigmoid';
  readonly family: string;
  readonly learnableSlope?: number;
  readonly wasm?: 'relu';
  /** Mutable copy: the learnable slope is written into it before each kernel call (no allocation). */
  private readonly p: Record<string, number | string>;
  private readonly slopeName?: string;

  constructor(private readonly definition: Extract<ActivationDefinition, { kind: 'elementwise' }>, parameters: ParameterValues, readonly label: string) {
    this.p = { ...parameters };
    this.family = definition.family;
    if (definition.name === 'sigmoid') this.fuses = 'sigmoid';
    if (definition.name === 'relu') this.wasm = 'relu';
    // The catalogue marks PReLU's slope as learnable; its gradient d/da (a·x for x < 0) is x on the negative side.
    const learnable = definition.parameters.find((s) => s.learnable);
    if (learnable) {
      this.slopeName = learnable.name;
      this.learnableSlope = parameters[learnable.name] as number;
    }
  }

  forward(z: FloatArray, a: FloatArray, _units: number, slope: number): void {
    if (this.slopeName) this.p[this.slopeName] = slope;
    this.definition.kernels.value(z, a, this.p);
  }

  backward(z: FloatArray, _a: FloatArray, g: FloatArray, dz: FloatArray, _units: number, slope: number): number {
    if (this.slopeName) this.p[this.slopeName] = slope;
    const kernels = this.definition.kernels;
    if (kernels.backward) kernels.backward(z, g, dz, this.p);
    else {
      kernels.derivative(z, dz, this.p);
      for (let i = 0; i < dz.length; i++) dz[i] *= g[i];
    }
    if (!this.slopeName) return 0;
    let dSlope = 0;
    for (let i = 0; i < z.length; i++) if (z[i] < 0) dSlope += g[i] * z[i];
    return dSlope;
  }
}

class RowwiseActivation implements NetworkActivation {
  readonly fuses?: 'softmax';
  readonly family: string;
  constructor(private readonly definition: Extract<ActivationDefinition, { kind: 'rowwise' }>, readonly label: string) {
    this.family = definition.family;
    if (definition.name === 'softmax') this.fuses = 'softmax';
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
