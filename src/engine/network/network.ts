/**
 * A multilayer perceptron in one flat typed array. Every layer's weights
 * (outputs × inputs, row-major, PyTorch's layout), biases and learnable slope
 * are views into `parameters`, so copying a network is one slice and an
 * optimizer step is one loop over all parameters.
 */
import type { FloatArray } from '../activations/definition';
import { EngineError } from '../errors';
import { allocateOutsideHeap, type DType } from '../tensor';
import type { NetworkActivation } from './activation';
import { spellNumber } from '../spell-number';

export interface LayerShape {
  readonly inputs: number;
  readonly outputs: number;
  readonly activation: NetworkActivation;
}

export class Layer {
  constructor(
    readonly inputs: number,
    readonly outputs: number,
    readonly activation: NetworkActivation,
    /** Where this layer's weights start in the flat parameter array; biases follow, then the slope. */
    readonly offset: number,
    readonly weights: FloatArray,
    readonly bias: FloatArray,
    /** Index of the learnable slope in the flat array, or -1. */
    readonly slopeIndex: number,
  ) {}

  get parameterCount(): number {
    return this.inputs * this.outputs + this.outputs + (this.slopeIndex >= 0 ? 1 : 0);
  }
}

export class Network {
  readonly layers: readonly Layer[];

  private constructor(readonly dtype: DType, readonly shapes: readonly LayerShape[], readonly parameters: FloatArray) {
    const layers: Layer[] = [];
    let offset = 0;
    for (const s of shapes) {
      const w = s.inputs * s.outputs;
      const hasSlope = s.activation.learnableSlope !== undefined;
      layers.push(new Layer(
        s.inputs, s.outputs, s.activation, offset,
        parameters.subarray(offset, offset + w),
        parameters.subarray(offset + w, offset + w + s.outputs),
        hasSlope ? offset + w + s.outputs : -1,
      ));
      offset += w + s.outputs + (hasSlope ? 1 : 0);
    }
    this.layers = layers;
  }

  /** Zero weights and biases, slopes at their initial value; shapes must chain. */
  static create(dtype: DType, shapes: readonly LayerShape[]): Network {
    if (shapes.length === 0) throw new EngineError('bad-shape', 'a network needs at least one layer');
    shapes.forEach((s, i) => {
      for (const [what, n] of [['inputs', s.inputs], ['outputs', s.outputs]] as const) {
        if (!Number.isInteger(n) || n < 1) throw new EngineError('bad-shape', `layer ${i} needs a whole number of ${what} >= 1, got ${spellNumber(n)}`);
      }
      if (i > 0 && shapes[i - 1].outputs !== s.inputs) {
        throw new EngineError('shape-mismatch', `layer ${i - 1} has ${shapes[i - 1].outputs} outputs but layer ${i} takes ${s.inputs} inputs`);
      }
    });
    const count = shapes.reduce((n, s) => n + s.inputs * s.outputs + s.outputs + (s.activation.learnableSlope !== undefined ? 1 : 0), 0);
    const net = new Network(dtype, shapes, allocateOutsideHeap(dtype, count));
    for (const layer of net.layers) if (layer.slopeIndex >= 0) net.parameters[layer.slopeIndex] = layer.activation.learnableSlope!;
    return net;
  }

  /** An independent copy (same activations, which hold no per-network state). */
  copy(): Network {
    return new Network(this.dtype, this.shapes, this.parameters.slice());
  }

  /**
   * The same layers over `parameters` (same dtype and length), without copying:
   * training works on a copy of the parameters in wasm memory.
   */
  withParameters(parameters: FloatArray): Network {
    if (parameters.length !== this.parameters.length) throw new EngineError('shape-mismatch', `expected ${this.parameters.length} parameters, got ${parameters.length}`);
    return new Network(this.dtype, this.shapes, parameters);
  }

  /** The same layers from `first` to `last` (exclusive) as a network of their own, with copied parameters. */
  slice(first: number, last: number): Network {
    const start = this.layers[first].offset;
    const end = last >= this.layers.length ? this.parameters.length : this.layers[last].offset;
    return new Network(this.dtype, this.shapes.slice(first, last), this.parameters.slice(start, end));
  }

  get inputs(): number {
    return this.layers[0].inputs;
  }
  get outputs(): number {
    return this.layers[this.layers.length - 1].outputs;
  }
  /** The learnable slope of a layer, 0 when it has none. */
  slope(layer: Layer): number {
    return layer.slopeIndex >= 0 ? this.parameters[layer.slopeIndex] : 0;
  }
}
