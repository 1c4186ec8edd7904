/**
 * Runtime values of the `activation` language. Numbers stay plain JavaScript
 * numbers (float64); anything with a shape is an engine Tensor.
 */
import type { Tensor } from '../../engine';
import type { PlotDisplay, TableDisplay } from '../../shared/output';
import type { FunctionValue } from './function-value';

export type Value =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'tensor'; readonly tensor: Tensor }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'function'; readonly fn: FunctionValue }
  | { readonly kind: 'plot'; readonly display: PlotDisplay }
  | { readonly kind: 'table'; readonly display: TableDisplay }
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
    case 'none': return 'nothing';
  }
}
