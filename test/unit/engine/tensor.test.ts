import { strict as assert } from 'assert';
import {
  allocate, cast, EngineError, fromNested, full, MAX_ELEMENTS, reshape, scalar, Tensor, toArray, transpose, zeros,
} from '../../../src/engine';

function engineError(code: string, pattern: RegExp = /./) {
  return (e: unknown) => e instanceof EngineError && e.code === code && pattern.test(e.message);
}

/**
 * Runs fn with Float32Array/Float64Array replaced by subclasses that record every
 * requested length, so a test can tell whether storage was ever asked for.
 */
function recordTypedArrayAllocations(fn: () => void): number[] {
  const g = globalThis as unknown as { Float32Array: typeof Float32Array; Float64Array: typeof Float64Array };
  const original = { f32: g.Float32Array, f64: g.Float64Array };
  const lengths: number[] = [];
  g.Float32Array = class extends original.f32 {
    constructor(...args: unknown[]) {
      lengths.push(args[0] as number);
      super(...(args as [number]));
    }
  } as typeof Float32Array;
  g.Float64Array = class extends original.f64 {
    constructor(...args: unknown[]) {
      lengths.push(args[0] as number);
      super(...(args as [number]));
    }
  } as typeof Float64Array;
  try {
    fn();
  } finally {
    g.Float32Array = original.f32;
    g.Float64Array = original.f64;
  }
  return lengths;
}

describe('engine/tensor', () => {
  describe('construction', () => {
    it('builds a vector from a flat list', () => {
      const v = fromNested([1.5, -2, 3]);
      assert.equal(v.dtype, 'float64');
      assert.deepEqual(v.shape, [3]);
      assert.equal(v.rank, 1);
      assert.equal(v.size, 3);
      assert.ok(v.data instanceof Float64Array);
      assert.deepEqual(toArray(v), [1.5, -2, 3]);
      assert.equal(v.at(2), 3);
    });

    it('builds a matrix row-major from equal-length rows', () => {
      const m = fromNested([[1, 2, 3], [4, 5, 6]]);
      assert.deepEqual(m.shape, [2, 3]);
      assert.equal(m.rank, 2);
      assert.deepEqual(toArray(m), [1, 2, 3, 4, 5, 6]);
      assert.equal(m.at(1, 0), 4);
      assert.equal(m.at(0, 2), 3);
      assert.equal(m.at(1, 2), 6);
    });

    it('builds a rank-0 scalar from a number', () => {
      const s = fromNested(7);
      assert.deepEqual(s.shape, []);
      assert.equal(s.rank, 0);
      assert.equal(s.size, 1);
      assert.equal(s.data[0], 7);
      const s32 = scalar(0.1, 'float32');
      assert.equal(s32.dtype, 'float32');
      assert.equal(s32.data[0], Math.fround(0.1));
    });

    it('stores float32 tensors in Float32Array, rounding each value', () => {
      const v = fromNested([0.1, 1 / 3], 'float32');
      assert.ok(v.data instanceof Float32Array);
      assert.deepEqual(toArray(v), [Math.fround(0.1), Math.fround(1 / 3)]);
    });

    it('rejects ragged rows with a bad-shape error naming the row', () => {
      assert.throws(() => fromNested([[1, 2], [3]]), engineError('bad-shape', /row 1 has 1 elements but row 0 has 2/));
      assert.throws(() => fromNested([[1], [2], [3, 4]]), engineError('bad-shape', /row 2 has 2 elements but row 0 has 1/));
      assert.throws(() => fromNested([[1, 2], [3, 4], []]), engineError('bad-shape', /equal lengths/));
    });

    it('refuses storage whose length does not fit the shape', () => {
      assert.throws(() => new Tensor('float64', [2, 2], new Float64Array(3)), engineError('bad-shape', /\[2, 2\] needs 4 elements, got 3/));
    });

    it('fills with full()', () => {
      const t = full('float32', [2, 2], 0.1);
      assert.deepEqual(toArray(t), [0.1, 0.1, 0.1, 0.1].map(Math.fround));
    });
  });

  describe('allocation cap', () => {
    it('refuses lengths above MAX_ELEMENTS and non-numeric lengths', () => {
      assert.throws(() => allocate('float64', MAX_ELEMENTS + 1), engineError('allocation-cap', /50,000,001 elements exceeds the limit of 50,000,000/));
      assert.throws(() => allocate('float32', Infinity), engineError('allocation-cap'));
      assert.throws(() => allocate('float64', NaN), engineError('allocation-cap'));
    });

    it('throws for zeros([60000, 1000]) before asking for any storage', () => {
      // the spy sees ordinary allocations, so an empty record below means "not allocated"
      assert.deepEqual(recordTypedArrayAllocations(() => zeros('float64', [2, 3])), [6]);
      let error: unknown;
      const lengths = recordTypedArrayAllocations(() => {
        try {
          zeros('float64', [60000, 1000]);
        } catch (e) {
          error = e;
        }
      });
      assert.ok(engineError('allocation-cap', /60,000,000/)(error), `expected allocation-cap, got ${String(error)}`);
      assert.deepEqual(lengths, []);
    });

    it('applies the cap to full() and to float32 too', () => {
      const start = Date.now();
      assert.throws(() => full('float32', [MAX_ELEMENTS + 1], 1), engineError('allocation-cap'));
      assert.throws(() => zeros('float32', [100000, 100000]), engineError('allocation-cap'));
      assert.ok(Date.now() - start < 1000, 'refusing should not take time');
    });
  });

  describe('cast', () => {
    it('rounds float64 to float32 and keeps shape', () => {
      const m = fromNested([[0.1, 1 / 3], [2, 1e-50]]);
      const m32 = cast(m, 'float32');
      assert.equal(m32.dtype, 'float32');
      assert.ok(m32.data instanceof Float32Array);
      assert.deepEqual(m32.shape, [2, 2]);
      assert.notEqual(Math.fround(0.1), 0.1); // so the next line says something
      assert.deepEqual(toArray(m32), [Math.fround(0.1), Math.fround(1 / 3), 2, 0]);
    });

    it('widens float32 to float64 exactly, as a copy', () => {
      const v32 = fromNested([0.1, -2.5], 'float32');
      const v64 = cast(v32, 'float64');
      assert.equal(v64.dtype, 'float64');
      assert.ok(v64.data instanceof Float64Array);
      assert.deepEqual(toArray(v64), [Math.fround(0.1), -2.5]);
      v64.data[0] = 99;
      assert.equal(v32.data[0], Math.fround(0.1));
    });
  });

  describe('reshape', () => {
    it('keeps row-major order and dtype and copies the data', () => {
      const m = fromNested([[1, 2, 3], [4, 5, 6]], 'float32');
      const r = reshape(m, [3, 2]);
      assert.deepEqual(r.shape, [3, 2]);
      assert.equal(r.dtype, 'float32');
      assert.equal(r.at(1, 0), 3);
      assert.deepEqual(toArray(reshape(m, [6])), [1, 2, 3, 4, 5, 6]);
      r.data[0] = 42;
      assert.equal(m.data[0], 1);
      assert.deepEqual(reshape(fromNested([5]), []).shape, []);
    });

    it('refuses a shape with a different number of elements', () => {
      const m = fromNested([[1, 2, 3], [4, 5, 6]]);
      assert.throws(() => reshape(m, [4]), engineError('shape-mismatch', /cannot reshape 6 elements \[2, 3\] into \[4\] \(4 elements\)/));
      assert.throws(() => reshape(m, [3, 3]), engineError('shape-mismatch'));
    });
  });

  describe('transpose', () => {
    it('transposes a 2x3 matrix into a 3x2 one', () => {
      const m = fromNested([[1, 2, 3], [4, 5, 6]]);
      const t = transpose(m);
      assert.deepEqual(t.shape, [3, 2]);
      assert.deepEqual(toArray(t), [1, 4, 2, 5, 3, 6]);
      for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) assert.equal(t.at(j, i), m.at(i, j));
      assert.deepEqual(toArray(transpose(t)), toArray(m));
    });

    it('leaves vectors and scalars unchanged', () => {
      const v = fromNested([1, 2, 3]);
      assert.deepEqual(transpose(v).shape, [3]);
      assert.deepEqual(toArray(transpose(v)), [1, 2, 3]);
      assert.deepEqual(transpose(scalar(4)).shape, []);
    });
  });

  describe('shapes', () => {
    it('refuses rank-3 shapes wherever shapes are made', () => {
      assert.throws(() => zeros('float64', [2, 2, 2]), engineError('bad-shape', /at most 2 dimensions, got 3/));
      assert.throws(() => full('float32', [1, 1, 1], 0), engineError('bad-shape'));
      assert.throws(() => reshape(fromNested([1, 2, 3, 4, 5, 6]), [1, 2, 3]), engineError('bad-shape', /at most 2 dimensions/));
    });

    it('refuses negative and fractional dimensions', () => {
      assert.throws(() => zeros('float64', [-1]), engineError('bad-shape', /whole number >= 0, got -1/));
      assert.throws(() => zeros('float64', [2, 1.5]), engineError('bad-shape', /got 1.5/));
    });

    it('allows empty dimensions', () => {
      const e = zeros('float64', [0, 3]);
      assert.deepEqual(e.shape, [0, 3]);
      assert.equal(e.size, 0);
    });
  });
});
