/**
 * Elementwise arithmetic on tensors and numbers, with broadcasting and dtype
 * promotion: the result is float32 only if every tensor operand is float32
 * (plain numbers do not promote, as with PyTorch's Python scalars).
 */
import { broadcastShapes, strides } from './broadcast';
import { allocate, DType, sizeOf, Tensor } from './tensor';
import { inChunks, type ShouldStop } from './interrupt';
import { pow } from './numerics/pow';

export type Operand = Tensor | number;

/** Binary operators as data: the language maps its symbols to these names. */
export const binaryOperators = {
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  /** Floored remainder, so the result has the divisor's sign (as in Python and NumPy). */
  mod: (a: number, b: number) => {
    // JS % is the exact truncated remainder; shift it into the divisor's sign as CPython does.
    // (a - floor(a / b) * b rounds a / b and can return a wrong-signed or even larger-than-b value.)
    const r = a % b;
    if (r === 0) return b < 0 ? -0 : 0;
    return r < 0 !== b < 0 ? r + b : r;
  },
  pow,
  eq: (a: number, b: number) => (a === b ? 1 : 0),
  ne: (a: number, b: number) => (a !== b ? 1 : 0),
  lt: (a: number, b: number) => (a < b ? 1 : 0),
  le: (a: number, b: number) => (a <= b ? 1 : 0),
  gt: (a: number, b: number) => (a > b ? 1 : 0),
  ge: (a: number, b: number) => (a >= b ? 1 : 0),
  min: (a: number, b: number) => (a < b || a !== a ? a : b),
  max: (a: number, b: number) => (a > b || a !== a ? a : b),
} as const;
export type BinaryOperator = keyof typeof binaryOperators;

export function resultDType(...operands: readonly (Operand | undefined)[]): DType {
  let sawTensor = false;
  for (const o of operands) {
    if (o instanceof Tensor) {
      sawTensor = true;
      if (o.dtype === 'float64') return 'float64';
    }
  }
  return sawTensor ? 'float32' : 'float64';
}

export function asTensor(o: Operand, dtype: DType): Tensor {
  if (o instanceof Tensor) return o;
  const t = new Tensor(dtype, [], allocate(dtype, 1));
  t.data[0] = o;
  return t;
}

/** op(a, b) elementwise; two numbers give a rank-0 tensor. */
export function binary(operator: BinaryOperator, a: Operand, b: Operand, shouldStop?: ShouldStop): Tensor {
  const f = binaryOperators[operator];
  const dtype = resultDType(a, b);
  const ta = asTensor(a, dtype);
  const tb = asTensor(b, dtype);
  const shape = broadcastShapes(ta.shape, tb.shape);
  const out = allocate(dtype, sizeOf(shape));
  const x = ta.data;
  const y = tb.data;
  if (ta.size === out.length && tb.size === out.length) {
    inChunks(out.length, shouldStop, (s, e) => {
      for (let i = s; i < e; i++) out[i] = f(x[i], y[i]);
    });
  } else if (tb.size === 1) {
    const v = y[0];
    inChunks(out.length, shouldStop, (s, e) => {
      for (let i = s; i < e; i++) out[i] = f(x[i % x.length], v);
    });
  } else if (ta.size === 1) {
    const v = x[0];
    inChunks(out.length, shouldStop, (s, e) => {
      for (let i = s; i < e; i++) out[i] = f(v, y[i % y.length]);
    });
  } else {
    const rows = shape.length === 2 ? shape[0] : 1;
    const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
    const sa = strides(ta.shape, shape);
    const sb = strides(tb.shape, shape);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        out[i * cols + j] = f(x[i * sa.rowStride + j * sa.colStride], y[i * sb.rowStride + j * sb.colStride]);
      }
    }
  }
  return new Tensor(dtype, shape, out);
}

/** f applied to each element; for the language's math builtins (exp, log, ...). */
export function map(t: Tensor, f: (x: number) => number, shouldStop?: ShouldStop): Tensor {
  const out = allocate(t.dtype, t.size);
  const x = t.data;
  inChunks(x.length, shouldStop, (s, e) => {
    for (let i = s; i < e; i++) out[i] = f(x[i]);
  });
  return new Tensor(t.dtype, t.shape, out);
}

/** where(cond, a, b): a where cond is non-zero, else b, all three broadcast together. */
export function where(cond: Operand, a: Operand, b: Operand): Tensor {
  const dtype = resultDType(a, b);
  const tc = asTensor(cond, dtype);
  const ta = asTensor(a, dtype);
  const tb = asTensor(b, dtype);
  const shape = broadcastShapes(broadcastShapes(tc.shape, ta.shape), tb.shape);
  const rows = shape.length === 2 ? shape[0] : 1;
  const cols = shape.length === 0 ? 1 : shape[shape.length - 1];
  const [sc, sa, sb] = [strides(tc.shape, shape), strides(ta.shape, shape), strides(tb.shape, shape)];
  const out = allocate(dtype, sizeOf(shape));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const c = tc.data[i * sc.rowStride + j * sc.colStride];
      out[i * cols + j] = c !== 0 && c === c ? ta.data[i * sa.rowStride + j * sa.colStride] : tb.data[i * sb.rowStride + j * sb.colStride];
    }
  }
  return new Tensor(dtype, shape, out);
}
