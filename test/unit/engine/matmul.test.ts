import { strict as assert } from 'assert';
import { EngineError, fromNested, matmul, scalar, toArray } from '../../../src/engine';

function engineError(code: string, pattern: RegExp = /./) {
  return (e: unknown) => e instanceof EngineError && e.code === code && pattern.test(e.message);
}

/** Reference product on nested arrays: an independent dot-product loop in float64, p in ascending order. */
function reference(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, x, p) => s + x * b[p][j], 0)));
}

describe('engine/matmul', () => {
  const A = [[1, 2, 3], [4, 5, 6]];
  const B = [[7, 8], [9, 10], [11, 12]];

  it('multiplies (2, 3) @ (3, 2)', () => {
    const c = matmul(fromNested(A), fromNested(B));
    assert.deepEqual(c.shape, [2, 2]);
    // 1*7+2*9+3*11, 1*8+2*10+3*12, 4*7+5*9+6*11, 4*8+5*10+6*12
    assert.deepEqual(toArray(c), [58, 64, 139, 154]);
    assert.equal(c.dtype, 'float64');
  });

  it('agrees with a reference product on a non-square case', () => {
    const a = [[0.5, -1, 2, 0.25], [3, 0, -2, 1], [1, 1, 1, 1]];
    const b = [[1, 2, -1, 0, 4], [0.5, 0, 3, 1, -2], [2, -1, 0, 0.5, 1], [-3, 1, 1, 2, 0]];
    const c = matmul(fromNested(a), fromNested(b));
    assert.deepEqual(c.shape, [3, 5]);
    assert.deepEqual(toArray(c), reference(a, b).flat());
  });

  it('treats a vector on the left as a row: (3) @ (3, 2) -> (2)', () => {
    const c = matmul(fromNested([1, 2, 3]), fromNested(B));
    assert.deepEqual(c.shape, [2]);
    assert.deepEqual(toArray(c), [58, 64]);
  });

  it('treats a vector on the right as a column: (2, 3) @ (3) -> (2)', () => {
    const c = matmul(fromNested(A), fromNested([1, 0, -1]));
    assert.deepEqual(c.shape, [2]);
    assert.deepEqual(toArray(c), [1 - 3, 4 - 6]);
  });

  it('gives a rank-0 scalar for vector @ vector', () => {
    const c = matmul(fromNested([1, 2, 3]), fromNested([4, 5, 6]));
    assert.deepEqual(c.shape, []);
    assert.equal(c.rank, 0);
    assert.equal(c.data[0], 4 + 10 + 18);
  });

  it('refuses mismatched inner sizes, naming both shapes', () => {
    assert.throws(() => matmul(fromNested(A), fromNested(A)), engineError('shape-mismatch', /\[2, 3\] @ \[2, 3\].*inner sizes 3 and 2/));
    assert.throws(() => matmul(fromNested([1, 2]), fromNested(B)), engineError('shape-mismatch', /\[2\] @ \[3, 2\]/));
    assert.throws(() => matmul(fromNested(A), fromNested([1, 2])), engineError('shape-mismatch', /\[2, 3\] @ \[2\]/));
  });

  it('refuses scalars and points to *', () => {
    assert.throws(() => matmul(scalar(2), fromNested(A)), engineError('shape-mismatch', /use \*/));
    assert.throws(() => matmul(fromNested([1]), scalar(2)), engineError('shape-mismatch'));
  });

  it('gives float32 for float32 inputs, accumulated in float64 and rounded once', () => {
    const a = [[0.1, 1 / 3, -0.7], [1e-3, 2.5, 1 / 7]];
    const b = [[0.3, -1 / 9], [0.2, 5], [1 / 11, 0.6]];
    const a32 = fromNested(a, 'float32');
    const b32 = fromNested(b, 'float32');
    const c = matmul(a32, b32);
    assert.equal(c.dtype, 'float32');
    assert.ok(c.data instanceof Float32Array);
    const exact = reference(a.map((r) => r.map(Math.fround)), b.map((r) => r.map(Math.fround)));
    assert.deepEqual(toArray(c), exact.flat().map(Math.fround));
  });

  it('does not lose terms that float32 accumulation would', () => {
    // 1 + 2^-24 + 2^-24: in float32 each addition ties back to 1; in float64 the sum 1 + 2^-23 is exact and a float32
    const row = fromNested([1, 1, 1], 'float32');
    const col = fromNested([1, 2 ** -24, 2 ** -24], 'float32');
    assert.equal(Math.fround(Math.fround(1 + 2 ** -24) + 2 ** -24), 1);
    assert.equal(matmul(row, col).data[0], 1 + 2 ** -23);
  });

  it('gives float64 when either input is float64', () => {
    const c = matmul(fromNested([0.1], 'float32'), fromNested([[0.1]]));
    assert.equal(c.dtype, 'float64');
    assert.equal(c.data[0], Math.fround(0.1) * 0.1);
  });

  it('propagates NaN and Infinity, including 0 * Infinity = NaN', () => {
    const c = matmul(fromNested([[0, 1], [1, 0]]), fromNested([[Infinity, 2], [3, 4]]));
    const [c00, c01, c10, c11] = toArray(c);
    assert.ok(Number.isNaN(c00), 'c00 = 0 * Inf + 1 * 3');
    assert.equal(c01, 4);
    assert.equal(c10, Infinity);
    assert.equal(c11, 2);
    assert.ok(Number.isNaN(matmul(fromNested([NaN, 0]), fromNested([0, 0])).data[0]));
  });

  it('leaves a matrix unchanged when multiplied by the identity on either side', () => {
    const M = [[1.5, -2, 0.1, 7], [3, 1 / 3, -8, 2], [0.25, 9, 4, -1e-9]];
    const identity = (n: number) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    const m = fromNested(M);
    const left = matmul(fromNested(identity(3)), m);
    const right = matmul(m, fromNested(identity(4)));
    assert.deepEqual(left.shape, [3, 4]);
    assert.deepEqual(right.shape, [3, 4]);
    assert.deepEqual(toArray(left), M.flat());
    assert.deepEqual(toArray(right), M.flat());
  });

  it('handles an empty inner dimension as a sum of nothing', () => {
    const c = matmul(fromNested([[], []]), fromNested([])); // (2, 0) @ (0)
    assert.deepEqual(c.shape, [2]);
    assert.deepEqual(toArray(c), [0, 0]);
  });
});
