/**
 * Runtime values of the `activation` language. Numbers stay plain JavaScript
 * numbers (float64); anything with a shape is an engine Tensor.
 */
import type { Tensor } from '../../engine';
import type { CheckResult, GradflowDisplay, GraphDisplay, PlotDisplay, TableDisplay } from '../../shared/output';
import type { FunctionValue } from './function-value';
import type { DatasetData, NetworkData, NeuronData, TrainingData } from './network-values';

/**
 * What slider(min, max, step=, value=) made: a number that plots turn into a slider. `value` is
 * the start given by value=, or, once the slider is bound to a parameter, the start resolved
 * from that parameter's default (in range) or min.
 */
export interface SliderSpec {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value?: number;
}

export type Value =
  /** `slider` marks a slider(...) value: everywhere else just its current value. */
  | { readonly kind: 'number'; readonly value: number; readonly slider?: SliderSpec }
  /** `gradflow` marks a gradflow(...) result: a plain vector everywhere, drawn as gradient norm against depth. */
  | { readonly kind: 'tensor'; readonly tensor: Tensor; readonly gradflow?: string }
  /** `language` marks source code (export(net, "pytorch")): shown as a code block with Copy and Save as…. */
  | { readonly kind: 'string'; readonly value: string; readonly language?: 'python' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'function'; readonly fn: FunctionValue }
  /** plot(...): curves, or gradient norms against depth for plot(gradflow(sigmoid), gradflow(relu)). */
  | { readonly kind: 'plot'; readonly display: PlotDisplay | GradflowDisplay }
  | { readonly kind: 'table'; readonly display: TableDisplay }
  | { readonly kind: 'network'; readonly network: NetworkData }
  | { readonly kind: 'dataset'; readonly dataset: DatasetData }
  | { readonly kind: 'training'; readonly training: TrainingData }
  /** neuron(net, layer, unit, data): one unit on some data. */
  | { readonly kind: 'neuron'; readonly neuron: NeuronData }
  /** graph(f, at=x0), graph(net, x): a computational graph with values and gradients. */
  | { readonly kind: 'graph'; readonly display: GraphDisplay }
  /** check(...): what one check of an exercise found. */
  | { readonly kind: 'check'; readonly result: CheckResult }
  | { readonly kind: 'none' };

export const NONE: Value = { kind: 'none' };
export const num = (value: number): Value => ({ kind: 'number', value });
export const tensorValue = (tensor: Tensor): Value => ({ kind: 'tensor', tensor });
export const fnValue = (fn: FunctionValue): Value => ({ kind: 'function', fn });

/** For messages: "a number", "a float32 tensor of shape [3]", "the function relu". */
export function describeValue(v: Value): string {
  switch (v.kind) {
    case 'number': return 'a number';
    case 'tensor': return `a ${v.tensor.dtype} tensor of shape [${v.tensor.shape.join(', ')}]`;
    case 'string': return 'a string';
    case 'boolean': return 'a boolean';
    case 'function': return `the function ${v.fn.label}`;
    case 'plot': return 'a plot';
    case 'table': return 'a table';
    case 'network': return `a network ${v.network.net.layers.length === 1 ? '(one dense layer)' : `of ${v.network.net.layers.length} layers`}`;
    case 'dataset': return `the dataset "${v.dataset.name}"`;
    case 'training': return 'a training run';
    case 'neuron': return `neuron ${v.neuron.layer}:${v.neuron.unit}`;
    case 'graph': return 'a computational graph';
    case 'check': return `a check (${v.result.passed ? 'passed' : 'failed'})`;
    case 'none': return 'nothing';
  }
}

/** A slider's start when it is bound to a parameter whose default is `fallback`: value=, else the default when in range, else min. */
export function sliderStart(spec: SliderSpec, fallback: unknown): number {
  if (spec.value !== undefined) return spec.value;
  return typeof fallback === 'number' && fallback >= spec.min && fallback <= spec.max ? fallback : spec.min;
}

/** The slider value bound to a parameter with default `fallback`: its start resolved and kept. */
export function boundSlider(spec: SliderSpec, fallback: unknown): Value & { kind: 'number'; slider: SliderSpec } {
  const value = sliderStart(spec, fallback);
  return { kind: 'number', value, slider: { ...spec, value } };
}
