import { strict as assert } from 'assert';
import { EngineError, fromNested, reduceAll, reduceAxis, Reduction, toArray, zeros } from '../../../src/engine';

function engineError(code: string, pattern: RegExp = /./) {
  return (e: unknown) => e instanceof EngineError && e.code === code && pattern.test(e.message);
}

/** Spacing of doubles at |x| (for normal x). */
function ulp(x: number): number {
  return 2 ** (Math.floor(Math.log2(Math.abs(x))) - 52);
}

function naiveSum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

describe('engine/reductions', () => {
  describe('sum', () => {
    it('recovers a small term between cancelling large ones', () => {
      const values = [1e16, 1, -1e16];
      assert.equal(naiveSum(values), 0); // 1e16 + 1 rounds back to 1e16
      assert.equal(reduceAll(fromNested(values), 'sum'), 1);
    });

    it('adds a million copies of 0.1 to 1e5 within one ulp, where a naive loop drifts', () => {
      const t = zeros('float64', [1_000_000]);
      t.data.fill(0.1);
      const sum = reduceAll(t, 'sum');
      const naive = naiveSum(t.data);
      assert.ok(Math.abs(sum - 1e5) <= ulp(1e5), `sum = ${sum}`);
      assert.ok(Math.abs(naive - 1e5) > 1000 * ulp(1e5), `naive = ${naive}`);
    });

    it('is 0 for an empty tensor', () => {
      assert.equal(reduceAll(fromNested([]), 'sum'), 0);
    });

    it('keeps infinities and NaN as IEEE addition does', () => {
      assert.equal(reduceAll(fromNested([Infinity]), 'sum'), Infinity);
      assert.equal(reduceAll(fromNested([1, Infinity, 2]), 'sum'), Infinity);
      assert.equal(reduceAll(fromNested([-Infinity, 1e300]), 'sum'), -Infinity);
      assert.ok(Number.isNaN(reduceAll(fromNested([Infinity, -Infinity]), 'sum')));
      assert.ok(Number.isNaN(reduceAll(fromNested([1, NaN]), 'sum')));
      assert.equal(reduceAll(fromNested([-Infinity, 2]), 'mean'), -Infinity);
    });
  });

  describe('mean', () => {
    it('divides the compensated sum by the count', () => {
      assert.equal(reduceAll(fromNested([1, 2, 3, 4]), 'mean'), 2.5);
      assert.equal(reduceAll(fromNested([[1e16, 1, -1e16]]), 'mean'), 1 / 3);
      assert.equal(reduceAll(fromNested(-3), 'mean'), -3);
    });
  });

  describe('min and max', () => {
    it('find the extremes', () => {
      const t = fromNested([3, -1, 2, -Infinity, 7]);
      assert.equal(reduceAll(t, 'min'), -Infinity);
      assert.equal(reduceAll(t, 'max'), 7);
    });

    it('return NaN when any element is NaN, wherever it is', () => {
      for (const values of [[NaN, 1, 2], [1, NaN, 2], [1, 2, NaN]]) {
        assert.ok(Number.isNaN(reduceAll(fromNested(values), 'min')), `min ${values}`);
        assert.ok(Number.isNaN(reduceAll(fromNested(values), 'max')), `max ${values}`);
      }
    });
  });

  describe('argmax', () => {
    it('gives the first index of the largest element', () => {
      assert.equal(reduceAll(fromNested([1, 5, 5, 2]), 'argmax'), 1);
      assert.equal(reduceAll(fromNested([9, 5, 9]), 'argmax'), 0);
      assert.equal(reduceAll(fromNested([-3, -2, -2.5]), 'argmax'), 1);
      assert.equal(reduceAll(fromNested([-Infinity]), 'argmax'), 0);
    });

    it('treats the first NaN as largest, as NumPy does', () => {
      assert.equal(reduceAll(fromNested([1, NaN, 9, NaN]), 'argmax'), 1);
      assert.equal(reduceAll(fromNested([NaN, 9]), 'argmax'), 0);
    });

    it('counts row-major over a matrix', () => {
      assert.equal(reduceAll(fromNested([[1, 2], [8, 3]]), 'argmax'), 2);
    });
  });

  describe('norm', () => {
    it('is the Euclidean length', () => {
      assert.equal(reduceAll(fromNested([3, 4]), 'norm'), 5);
      assert.equal(reduceAll(fromNested([[-3], [4]]), 'norm'), 5);
      assert.equal(reduceAll(fromNested([]), 'norm'), 0);
    });

    it('does not overflow for huge elements', () => {
      assert.equal(Math.sqrt(3e300 * 3e300 + 4e300 * 4e300), Infinity);
      const n = reduceAll(fromNested([3e300, 4e300]), 'norm');
      assert.ok(Math.abs(n - 5e300) <= 2 * ulp(5e300), `norm = ${n}`);
    });

    it('does not underflow for tiny elements', () => {
      assert.equal(Math.sqrt(3e-300 * 3e-300 + 4e-300 * 4e-300), 0);
      const n = reduceAll(fromNested([3e-300, 4e-300]), 'norm');
      assert.ok(Math.abs(n - 5e-300) <= 2 * ulp(5e-300), `norm = ${n}`);
    });

    it('is Infinity with an infinite element and NaN with a NaN one', () => {
      assert.equal(reduceAll(fromNested([1, -Infinity]), 'norm'), Infinity);
      assert.ok(Number.isNaN(reduceAll(fromNested([1, NaN]), 'norm')));
    });
  });

  describe('count', () => {
    it('counts non-zero elements (NaN is non-zero, -0 is zero)', () => {
      assert.equal(reduceAll(fromNested([0, 1, -2, 0, NaN, 0.5, -0]), 'count'), 4);
      assert.equal(reduceAll(fromNested([]), 'count'), 0);
      assert.equal(reduceAll(fromNested([[0, 0], [0, 3]]), 'count'), 1);
    });
  });

  describe('reduceAxis', () => {
    const M = [[1, 9, 3], [7, 2, 7]];
    const m = fromNested(M);

    it('axis 0 reduces down each column, giving one value per column', () => {
      const expect = (r: Reduction, values: number[]) => {
        const t = reduceAxis(m, r, 0);
        assert.deepEqual(t.shape, [3], r);
        assert.deepEqual(toArray(t), values, r);
      };
      expect('sum', [1 + 7, 9 + 2, 3 + 7]);
      expect('mean', [4, 5.5, 5]);
      expect('min', [1, 2, 3]);
      expect('max', [7, 9, 7]);
      expect('argmax', [1, 0, 1]);
      expect('count', [2, 2, 2]);
    });

    it('axis 1 reduces along each row, giving one value per row', () => {
      const expect = (r: Reduction, values: number[]) => {
        const t = reduceAxis(m, r, 1);
        assert.deepEqual(t.shape, [2], r);
        assert.deepEqual(toArray(t), values, r);
      };
      expect('sum', [13, 16]);
      expect('mean', [13 / 3, 16 / 3]);
      expect('min', [1, 2]);
      expect('max', [9, 7]);
      expect('argmax', [1, 0]); // the first 7 in row 1
      // rows: 1 + 81 + 9 = 91 and 49 + 4 + 49 = 102; scaling by the largest element may cost an ulp or two
      const norms = toArray(reduceAxis(m, 'norm', 1));
      [91, 102].forEach((sq, i) => assert.ok(Math.abs(norms[i] - Math.sqrt(sq)) <= 2 * ulp(Math.sqrt(sq)), `norm row ${i} = ${norms[i]}`));
    });

    it('keeps float32 for values and gives float64 for argmax and count', () => {
      const m32 = fromNested([[0.1, 0.2], [0.3, 0.4]], 'float32');
      const s = reduceAxis(m32, 'sum', 1);
      assert.equal(s.dtype, 'float32');
      assert.deepEqual(toArray(s), [
        Math.fround(Math.fround(0.1) + Math.fround(0.2)),
        Math.fround(Math.fround(0.3) + Math.fround(0.4)),
      ]);
      assert.equal(reduceAxis(m32, 'argmax', 0).dtype, 'float64');
      assert.equal(reduceAxis(m32, 'count', 1).dtype, 'float64');
    });

    it('axis 0 of a vector reduces it to a scalar, with the same dtype rule', () => {
      const v = fromNested([2, 8, 5], 'float32');
      const s = reduceAxis(v, 'sum', 0);
      assert.deepEqual(s.shape, []);
      assert.equal(s.dtype, 'float32');
      assert.equal(s.data[0], 15);
      const a = reduceAxis(v, 'argmax', 0);
      assert.deepEqual(a.shape, []);
      assert.equal(a.data[0], 1);
      // an index above 2^24 would not survive float32 storage
      assert.equal(a.dtype, 'float64');
      assert.equal(reduceAxis(v, 'count', 0).dtype, 'float64');
    });

    it('refuses axis 1 of a vector and any axis of a scalar', () => {
      assert.throws(() => reduceAxis(fromNested([1, 2]), 'sum', 1), engineError('bad-shape', /axis 1 needs a matrix/));
      assert.throws(() => reduceAxis(fromNested(3), 'sum', 0), engineError('bad-shape', /rank 0/));
    });
  });

  describe('empty tensors', () => {
    it('refuse min, max, mean and argmax', () => {
      for (const r of ['min', 'max', 'mean', 'argmax'] as const) {
        assert.throws(() => reduceAll(fromNested([]), r), engineError('bad-shape', new RegExp(`${r} of an empty tensor`)), r);
        assert.throws(() => reduceAll(zeros('float64', [0, 3]), r), engineError('bad-shape'), r);
      }
    });

    it('refuse an empty axis but allow an empty result', () => {
      const e = zeros('float64', [0, 3]);
      assert.throws(() => reduceAxis(e, 'max', 0), engineError('bad-shape', /max along an empty axis/));
      assert.deepEqual(toArray(reduceAxis(e, 'sum', 0)), [0, 0, 0]);
      assert.deepEqual(reduceAxis(e, 'mean', 1).shape, [0]);
    });
  });
});
