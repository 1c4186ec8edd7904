/**
 * Helpers for the runtime evaluation tests: run a cell through Session.run and
 * pick its display JSON apart, failing with the whole display when it is not
 * the kind expected. Reference values in the tests are computed here or by hand,
 * never copied from the implementation.
 */
import { strict as assert } from 'assert';
import { Session, type CellResult } from '../../../../src/language/runtime/session';
import {
  fromJsonNumber, type DisplayValue, type ErrorDisplay, type FunctionDisplay, type JsonNumber, type PlotDisplay,
  type TableDisplay, type TensorDisplay,
} from '../../../../src/shared/output';

export { Session };

/** Runs each cell in order in one session; returns the last cell's display. */
export function display(session: Session, ...cells: string[]): DisplayValue {
  let result: CellResult | undefined;
  for (const cell of cells) result = session.run(cell);
  assert.ok(result, 'no cell given');
  return result.display;
}

/** One cell in a fresh float64 session. */
export function evalCell(source: string): DisplayValue {
  return new Session().run(source).display;
}

function expectKind<K extends DisplayValue['kind']>(d: DisplayValue, kind: K): Extract<DisplayValue, { kind: K }> {
  assert.equal(d.kind, kind, `expected a ${kind} display, got ${JSON.stringify(d).slice(0, 400)}`);
  return d as Extract<DisplayValue, { kind: K }>;
}

export function asNumber(d: DisplayValue): number {
  return fromJsonNumber(expectKind(d, 'number').value);
}

/** A number, or a rank-0 tensor's element (e.g. a dot product `v @ w`). */
export function asScalar(d: DisplayValue): number {
  if (d.kind === 'tensor') {
    assert.deepEqual(d.shape, [], `expected a scalar, got a tensor of shape [${d.shape}]`);
    return fromJsonNumber(d.data[0]);
  }
  return asNumber(d);
}

export function asTensor(d: DisplayValue, shape?: readonly number[], dtype?: 'float32' | 'float64'): number[] {
  const t = expectKind(d, 'tensor') as TensorDisplay;
  if (shape) assert.deepEqual(t.shape, [...shape], `shape of ${JSON.stringify(t).slice(0, 200)}`);
  if (dtype) assert.equal(t.dtype, dtype, 'dtype');
  const size = t.shape.reduce((a, b) => a * b, 1);
  assert.equal(t.data.length, size, 'data length matches the shape');
  return t.data.map(fromJsonNumber);
}

export function asFunction(d: DisplayValue): FunctionDisplay {
  return expectKind(d, 'function');
}

export function asPlot(d: DisplayValue): PlotDisplay {
  return expectKind(d, 'plot');
}

export function asTable(d: DisplayValue): TableDisplay {
  return expectKind(d, 'table');
}

export function asError(d: DisplayValue, message: RegExp | string, line?: number, column?: number): ErrorDisplay {
  const e = expectKind(d, 'error');
  if (typeof message === 'string') assert.equal(e.message, message);
  else assert.match(e.message, message);
  if (line !== undefined) assert.equal(e.line, line, `line of error "${e.message}"`);
  if (column !== undefined) assert.equal(e.column, column, `column of error "${e.message}"`);
  return e;
}

export function expectNone(d: DisplayValue): void {
  assert.deepEqual(d, { kind: 'none' });
}

/** |got - want| <= tol * max(1, |want|); equal infinities and NaN with NaN pass. */
export function assertClose(got: number, want: number, tol = 1e-12, what = ''): void {
  if (Number.isNaN(want)) return assert.ok(Number.isNaN(got), `${what}: expected NaN, got ${got}`);
  if (!Number.isFinite(want)) return assert.equal(got, want, what);
  const err = Math.abs(got - want);
  assert.ok(err <= tol * Math.max(1, Math.abs(want)), `${what}: got ${got}, want ${want} (error ${err}, tol ${tol})`);
}

export function assertAllClose(got: readonly number[], want: readonly number[], tol = 1e-12, what = ''): void {
  assert.equal(got.length, want.length, `${what}: lengths`);
  got.forEach((g, i) => assertClose(g, want[i], tol, `${what}[${i}]`));
}

/** |got - want| <= tol * |want| (relative only). */
export function assertRelative(got: number, want: number, tol: number, what = ''): void {
  const err = Math.abs(got - want);
  assert.ok(err <= tol * Math.abs(want), `${what}: got ${got}, want ${want} (relative error ${err / Math.abs(want)}, tol ${tol})`);
}

export function numbers(values: readonly JsonNumber[]): number[] {
  return values.map(fromJsonNumber);
}

/** The grid LANGUAGE.md's plots use: `points` points from `from` to `to`, both included. */
export function grid(from: number, to: number, points: number): number[] {
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

// ---------------------------------------------------------------------------
// Independent reference functions (textbook / PyTorch definitions)

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** erf by its Maclaurin series; accurate to ~1e-14 for |x| <= 3. */
export function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-18 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

export const softplusRef = (x: number): number => (x > 20 ? x : Math.log1p(Math.exp(x)));

/** SELU constants as PyTorch documents them. */
export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE = 1.0507009873554804934193349852946;

/** Central difference of a reference function, for derivative checks away from kinks. */
export function centralDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}
