import { strict as assert } from 'assert';
import { binary, BinaryOperator, EngineError, fromNested, map, resultDType, scalar, Tensor, toArray, where } from '../../../src/engine';

function engineError(code: string, pattern: RegExp = /./) {
  return (e: unknown) => e instanceof EngineError && e.code === code && pattern.test(e.message);
}

/** Independent reference: element (i, j) of the broadcast of a rows x cols grid given as a function. */
function grid(rows: number, cols: number, f: (i: number, j: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.push(f(i, j));
  return out;
}

/** Deterministic pseudo-random numbers (LCG) so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('engine/arithmetic', () => {
  const M = [[1, 2, 3], [4, 5, 6]];
  const m = fromNested(M);

  describe('broadcasting', () => {
    it('combines a number or a rank-0 tensor with every element', () => {
      const r = binary('mul', 2, m);
      assert.deepEqual(r.shape, [2, 3]);
      assert.deepEqual(toArray(r), [2, 4, 6, 8, 10, 12]);
      assert.deepEqual(toArray(binary('sub', m, scalar(1))), [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(toArray(binary('sub', 10, m)), [9, 8, 7, 6, 5, 4]);
      assert.deepEqual(toArray(binary('div', fromNested([1, 2, 4]), 4)), [0.25, 0.5, 1]);
    });

    it('gives a rank-0 float64 tensor for two numbers', () => {
      const r = binary('add', 2, 3);
      assert.deepEqual(r.shape, []);
      assert.equal(r.dtype, 'float64');
      assert.equal(r.data[0], 5);
    });

    it('applies a vector (n) to each row of an (r, n) matrix', () => {
      const v = [10, 20, 30];
      const right = binary('add', m, fromNested(v));
      assert.deepEqual(right.shape, [2, 3]);
      assert.deepEqual(toArray(right), grid(2, 3, (i, j) => M[i][j] + v[j]));
      const left = binary('sub', fromNested(v), m);
      assert.deepEqual(left.shape, [2, 3]);
      assert.deepEqual(toArray(left), grid(2, 3, (i, j) => v[j] - M[i][j]));
    });

    it('applies a column (r, 1) to each column of an (r, n) matrix', () => {
      const c = [100, 200];
      const col = fromNested([[100], [200]]);
      assert.deepEqual(toArray(binary('add', m, col)), grid(2, 3, (i, j) => M[i][j] + c[i]));
      const left = binary('div', col, m);
      assert.deepEqual(left.shape, [2, 3]);
      assert.deepEqual(toArray(left), grid(2, 3, (i, j) => c[i] / M[i][j]));
    });

    it('broadcasts (r, 1) with (1, c) to an (r, c) outer result', () => {
      const col = [1, 2, 3];
      const row = [10, 20];
      const outer = binary('mul', fromNested([[1], [2], [3]]), fromNested([row]));
      assert.deepEqual(outer.shape, [3, 2]);
      assert.deepEqual(toArray(outer), grid(3, 2, (i, j) => col[i] * row[j]));
      const reversed = binary('sub', fromNested([row]), fromNested([[1], [2], [3]]));
      assert.deepEqual(reversed.shape, [3, 2]);
      assert.deepEqual(toArray(reversed), grid(3, 2, (i, j) => row[j] - col[i]));
    });

    it('broadcasts a vector against a (1, 1) matrix and a (1, n) row against (r, n)', () => {
      const r = binary('add', fromNested([1, 2, 3]), fromNested([[10]]));
      assert.deepEqual(r.shape, [1, 3]);
      assert.deepEqual(toArray(r), [11, 12, 13]);
      const rows = binary('mul', fromNested([[1, 10, 100]]), m);
      assert.deepEqual(toArray(rows), grid(2, 3, (i, j) => M[i][j] * [1, 10, 100][j]));
    });

    it('refuses incompatible shapes and hints at reshape for a vector matching the rows', () => {
      assert.throws(() => binary('add', fromNested([1, 2]), m), engineError('shape-mismatch', /\[2\] and \[2, 3\].*reshape\(v, 2, 1\)/));
      assert.throws(() => binary('mul', m, fromNested([[1, 2], [3, 4]])), engineError('shape-mismatch', /\[2, 3\] and \[2, 2\]/));
    });
  });

  describe('dtype promotion', () => {
    const a = [0.1, 1 / 3, 1e-3, 7];
    const b = [0.2, 3, 1 / 7, 1e-8];
    const ops: [BinaryOperator, (x: number, y: number) => number][] = [
      ['add', (x, y) => x + y], ['sub', (x, y) => x - y], ['mul', (x, y) => x * y], ['div', (x, y) => x / y],
    ];

    it('float32 with float32 gives float32, rounded once from the float64 result', () => {
      const a32 = fromNested(a, 'float32');
      const b32 = fromNested(b, 'float32');
      for (const [op, f] of ops) {
        const r = binary(op, a32, b32);
        assert.equal(r.dtype, 'float32', op);
        assert.ok(r.data instanceof Float32Array, op);
        const expected = a.map((x, i) => Math.fround(f(Math.fround(x), Math.fround(b[i]))));
        assert.deepEqual(toArray(r), expected, op);
      }
    });

    it('float32 with float64 gives float64 without rounding', () => {
      const r = binary('add', fromNested(a, 'float32'), fromNested(b));
      assert.equal(r.dtype, 'float64');
      assert.ok(r.data instanceof Float64Array);
      assert.deepEqual(toArray(r), a.map((x, i) => Math.fround(x) + b[i]));
      assert.equal(binary('mul', fromNested(b), fromNested(a, 'float32')).dtype, 'float64');
    });

    it('a plain number does not promote float32', () => {
      const r = binary('mul', fromNested([1.5, -2.25, 3], 'float32'), 2);
      assert.equal(r.dtype, 'float32');
      assert.ok(r.data instanceof Float32Array);
      assert.deepEqual(toArray(r), [3, -4.5, 6]);
      assert.equal(binary('add', 0.5, fromNested([1], 'float32')).dtype, 'float32');
      assert.equal(resultDType(fromNested([1], 'float32'), 1), 'float32');
      assert.equal(resultDType(1, 2), 'float64');
    });
  });

  describe('operators', () => {
    it('mod is floored: the result takes the sign of the divisor, as in Python', () => {
      const a = [-7, 7, -7, 7, 5.5, -5.5, 6, -6];
      const b = [3, -3, -3, 3, 2, 2, 3, 3];
      // Python: -7 % 3 == 2, 7 % -3 == -2, -7 % -3 == -1, 7 % 3 == 1, 5.5 % 2 == 1.5, -5.5 % 2 == 0.5
      assert.deepEqual(toArray(binary('mod', fromNested(a), fromNested(b))), [2, -2, -1, 1, 1.5, 0.5, 0, 0]);
      // a zero remainder takes the divisor's sign too: Python gives 6 % -3 == -0.0 and -6 % 3 == 0.0
      assert.ok(Object.is(binary('mod', 6, -3).data[0], -0));
      assert.ok(Object.is(binary('mod', -6, 3).data[0], 0));
      // Python: -5 % inf == inf, 5 % inf == 5; x % 0 has no value here (NaN)
      assert.deepEqual(toArray(binary('mod', fromNested([-5, 5]), Infinity)), [Infinity, 5]);
      assert.ok(Number.isNaN(binary('mod', 5, 0).data[0]));
    });

    it('mod is exact: 1 % 0.1 is the true remainder of the double 0.1, not 0', () => {
      // 0.1 is 3602879701896397 / 2^55 and 1 is 2^55 / 2^55, so the remainder is (2^55 mod 3602879701896397) / 2^55
      assert.equal(0.1, 3602879701896397 / 2 ** 55);
      const expected = Number(2n ** 55n % 3602879701896397n) / 2 ** 55;
      assert.equal(binary('mod', 1, 0.1).data[0], expected);
    });

    it('mod keeps the sign of the divisor and stays within it across magnitudes', () => {
      const rand = lcg(12345);
      for (let n = 0; n < 20000; n++) {
        const x = (rand() - 0.5) * 10 ** (rand() * 40 - 20);
        const y = (rand() - 0.5) * 10 ** (rand() * 40 - 20);
        const r = binary('mod', x, y).data[0];
        assert.ok(r === 0 || Math.sign(r) === Math.sign(y), `${x} mod ${y} = ${r} has the wrong sign`);
        assert.ok(Math.abs(r) <= Math.abs(y), `${x} mod ${y} = ${r} exceeds the divisor`);
      }
    });

    it('comparisons give 1 and 0, and NaN compares unequal to everything', () => {
      const x = fromNested([1, 2, 3, NaN]);
      const expect = (op: BinaryOperator, values: number[]) => assert.deepEqual(toArray(binary(op, x, 2)), values, op);
      expect('lt', [1, 0, 0, 0]);
      expect('le', [1, 1, 0, 0]);
      expect('gt', [0, 0, 1, 0]);
      expect('ge', [0, 1, 1, 0]);
      expect('eq', [0, 1, 0, 0]);
      expect('ne', [1, 0, 1, 1]);
      assert.equal(binary('eq', NaN, NaN).data[0], 0);
    });

    it('min and max propagate NaN from either side', () => {
      const x = fromNested([1, NaN, 3, -1]);
      const y = fromNested([NaN, 2, 1, 5]);
      const mn = toArray(binary('min', x, y));
      const mx = toArray(binary('max', x, y));
      assert.ok(Number.isNaN(mn[0]) && Number.isNaN(mn[1]));
      assert.ok(Number.isNaN(mx[0]) && Number.isNaN(mx[1]));
      assert.deepEqual(mn.slice(2), [1, -1]);
      assert.deepEqual(mx.slice(2), [3, 5]);
    });

    it('pow and the plain operators broadcast too', () => {
      assert.deepEqual(toArray(binary('pow', fromNested([1, 2, 3]), 2)), [1, 4, 9]);
      assert.deepEqual(toArray(binary('pow', 2, fromNested([[0], [3]]))), [1, 8]);
    });
  });

  describe('where', () => {
    it('picks a where cond is non-zero, b elsewhere, broadcasting all three', () => {
      const cond = [1, 0, -2];
      const r = where(fromNested(cond), m, -1);
      assert.deepEqual(r.shape, [2, 3]);
      assert.deepEqual(toArray(r), grid(2, 3, (i, j) => (cond[j] !== 0 ? M[i][j] : -1)));
      const byRow = where(fromNested([[0], [1]]), fromNested([7, 8, 9]), m);
      assert.deepEqual(byRow.shape, [2, 3]);
      assert.deepEqual(toArray(byRow), grid(2, 3, (i, j) => (i === 1 ? [7, 8, 9][j] : M[i][j])));
    });

    it('treats a NaN condition as false', () => {
      assert.deepEqual(toArray(where(fromNested([NaN, 1, 0]), 10, 20)), [20, 10, 20]);
      assert.equal(where(NaN, 1, 2).data[0], 2);
    });

    it('takes its dtype from the two branches', () => {
      const r = where(fromNested([1, 0]), fromNested([0.1, 0.2], 'float32'), 0.5);
      assert.equal(r.dtype, 'float32');
      assert.deepEqual(toArray(r), [Math.fround(0.1), 0.5]);
      assert.equal(where(fromNested([1, 0], 'float32'), fromNested([1, 2], 'float32'), fromNested([3, 4])).dtype, 'float64');
    });

    it('refuses incompatible shapes', () => {
      assert.throws(() => where(fromNested([1, 0, 1, 0]), m, 0), engineError('shape-mismatch'));
    });
  });

  describe('map', () => {
    it('keeps shape and dtype and rounds float32 results', () => {
      const t = fromNested([[1, 2], [3, 4]], 'float32');
      const r: Tensor = map(t, (x) => x / 3);
      assert.deepEqual(r.shape, [2, 2]);
      assert.equal(r.dtype, 'float32');
      assert.ok(r.data instanceof Float32Array);
      assert.deepEqual(toArray(r), [1, 2, 3, 4].map((x) => Math.fround(x / 3)));
      assert.deepEqual(toArray(t), [1, 2, 3, 4]);
    });

    it('works on float64 vectors and scalars', () => {
      const r = map(fromNested([0, 1]), Math.exp);
      assert.equal(r.dtype, 'float64');
      assert.deepEqual(toArray(r), [1, Math.E]);
      assert.deepEqual(map(scalar(-2), Math.abs).shape, []);
    });
  });
});
