/**
 * LANGUAGE.md "Builtins" / tensors: constructors, seeded random numbers,
 * reductions and shape functions, and float32/float64 dtype rules.
 */
import { strict as assert } from 'assert';
import { asError, asNumber, asTensor, assertAllClose, assertClose, display, evalCell, Session, sigmoid } from './support';
import { ulp32 } from '../../helpers/ulp';

describe('runtime: tensor builtins (LANGUAGE.md tensors)', () => {
  describe('constructors', () => {
    it('linspace(a, b, n): n points, both ends exact', () => {
      assert.deepEqual(asTensor(evalCell('linspace(0, 1, 5)'), [5], 'float64'), [0, 0.25, 0.5, 0.75, 1]);
      const t = asTensor(evalCell('linspace(-3, 7, 11)'), [11]);
      assertAllClose(t, Array.from({ length: 11 }, (_, i) => -3 + i), 1e-15);
      assert.equal(t[10], 7);
      assert.deepEqual(asTensor(evalCell('linspace(2, 5, 1)'), [1]), [2]);
    });

    it('linspace between ends further apart than the largest double: the points, not NaN and inf (fuzz)', () => {
      // (b - a) overflows to inf: was [NaN, inf, 1e308]
      assert.deepEqual(asTensor(evalCell('linspace(-1e308, 1e308, 3)'), [3]), [-1e308, 0, 1e308]);
      const t = asTensor(evalCell('linspace(-1.7976931348623157e308, 1.7976931348623157e308, 401)'), [401]);
      assert.ok(t.every(Number.isFinite), 'every point finite');
      assert.ok(t.every((v, i) => i === 0 || v > t[i - 1]!), 'increasing');
      // a span that fits but not times i: 0 to 1.5e308 over 401 points
      assert.ok(asTensor(evalCell('linspace(0, 1.5e308, 401)'), [401]).every(Number.isFinite));
    });

    it('arange(a, b, step=1) stops before b', () => {
      assert.deepEqual(asTensor(evalCell('arange(0, 4)'), [4]), [0, 1, 2, 3]);
      assert.deepEqual(asTensor(evalCell('arange(1, 2, 0.25)'), [4]), [1, 1.25, 1.5, 1.75]);
      assert.deepEqual(asTensor(evalCell('arange(0, 1, step=0.5)'), [2]), [0, 0.5]);
      assert.deepEqual(asTensor(evalCell('arange(3, 0, -1)'), [3]), [3, 2, 1]);
      assert.deepEqual(asTensor(evalCell('arange(2, 2)'), [0]), []);
      asError(evalCell('arange(0, 1, 0)'), /step/, 1, 1);
    });

    it('zeros(n), zeros(r, c), ones(...)', () => {
      assert.deepEqual(evalCell('zeros(3)'), { kind: 'tensor', dtype: 'float64', shape: [3], data: [0, 0, 0] });
      assert.deepEqual(asTensor(evalCell('zeros(2, 3)'), [2, 3]), [0, 0, 0, 0, 0, 0]);
      assert.deepEqual(asTensor(evalCell('ones(2)'), [2]), [1, 1]);
      assert.deepEqual(asTensor(evalCell('ones(2, 2)'), [2, 2]), [1, 1, 1, 1]);
      asError(evalCell('zeros(-1)'), /whole number/, 1, 1);
    });

    it('rand(...) is uniform in [0, 1) with the requested shape', () => {
      const r = asTensor(evalCell('rand(2, 500, seed=11)'), [2, 500]);
      assert.ok(r.every((v) => v >= 0 && v < 1), 'all in [0, 1)');
      const mean = r.reduce((a, b) => a + b, 0) / r.length;
      assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`); // sd of the mean is 0.0065
      assert.ok(new Set(r).size > 990, 'values differ');
    });

    it('seed= makes rand and randn reproducible; different seeds differ', () => {
      for (const fn of ['rand', 'randn']) {
        const a = asTensor(evalCell(`${fn}(5, seed=42)`), [5]);
        const b = asTensor(evalCell(`${fn}(5, seed=42)`), [5]);
        const c = asTensor(evalCell(`${fn}(5, seed=43)`), [5]);
        assert.deepEqual(a, b, `${fn} same seed`);
        assert.ok(a.some((v, i) => v !== c[i]), `${fn} different seed`);
        // reproducible across sessions, too
        assert.deepEqual(asTensor(new Session().run(`${fn}(5, seed=42)`).display), a);
      }
    });

    it('without a seed, two calls differ', () => {
      const a = asTensor(evalCell('rand(8)'));
      const b = asTensor(evalCell('rand(8)'));
      assert.ok(a.some((v, i) => v !== b[i]));
    });

    it('randn: 10000 samples have mean ≈ 0 and standard deviation ≈ 1', () => {
      const r = asTensor(evalCell('randn(10000, seed=7)'), [10000]);
      const mean = r.reduce((a, b) => a + b, 0) / r.length;
      const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
      assert.ok(Math.abs(mean) < 0.04, `mean ${mean}`); // 4 standard errors
      assert.ok(Math.abs(sd - 1) < 0.03, `sd ${sd}`);
      // about 68% within one standard deviation
      const within = r.filter((v) => Math.abs(v) < 1).length / r.length;
      assert.ok(Math.abs(within - 0.6827) < 0.02, `fraction within 1 sd: ${within}`);
      // the language's own mean agrees with ours
      assertClose(asNumber(evalCell('mean(randn(10000, seed=7))')), mean, 1e-12);
    });
  });

  describe('reductions', () => {
    const M = '[[1, 2, 3], [4, 5, 6]]';
    it('sum, mean, min, max of all elements', () => {
      assert.equal(asNumber(evalCell(`sum(${M})`)), 21);
      assert.equal(asNumber(evalCell(`mean(${M})`)), 3.5);
      assert.equal(asNumber(evalCell(`min(${M})`)), 1);
      assert.equal(asNumber(evalCell(`max(${M})`)), 6);
    });

    it('sum and mean along an axis', () => {
      assert.deepEqual(asTensor(evalCell(`sum(${M}, axis=0)`), [3]), [5, 7, 9]);
      assert.deepEqual(asTensor(evalCell(`sum(${M}, axis=1)`), [2]), [6, 15]);
      assert.deepEqual(asTensor(evalCell(`mean(${M}, axis=1)`), [2]), [2, 5]);
      asError(evalCell(`sum(${M}, axis=2)`), /axis must be 0.*or 1/, 1, 1);
    });

    it('sum is accurate (compensated): sum of 0.1 ten times is 1', () => {
      assert.equal(asNumber(evalCell('sum(ones(10) * 0.1)')), 1);
      assert.equal(asNumber(evalCell('sum([1e16, 1, -1e16])')), 1);
    });

    it('argmax: index of the (first) largest element', () => {
      assert.equal(asNumber(evalCell('argmax([3, 9, 2, 9])')), 1);
      assert.deepEqual(asTensor(evalCell(`argmax(${M}, axis=1)`)), [2, 2]);
    });

    it('norm: Euclidean norm, without overflow', () => {
      assert.equal(asNumber(evalCell('norm([3, 4])')), 5);
      assertClose(asNumber(evalCell('norm([1, 1, 1, 1])')), 2, 1e-15);
      assertClose(asNumber(evalCell('norm([3e200, 4e200])')), 5e200, 1e-15);
    });

    it('count(cond): how many elements hold', () => {
      assert.equal(asNumber(evalCell('x = linspace(-3, 3, 7); count(x > 0)')), 3);
      assert.equal(asNumber(evalCell('count([0, 0, 1, 2])')), 2);
    });

    it('reductions of a number treat it as one element', () => {
      assert.equal(asNumber(evalCell('sum(4)')), 4);
    });

    it('min/max/mean of an empty tensor are errors', () => {
      asError(evalCell('mean(arange(0, 0))'), /empty/, 1, 1);
    });
  });

  describe('shape functions', () => {
    it('shape(x) as a vector; len(x) the first axis', () => {
      assert.deepEqual(asTensor(evalCell('shape([[1, 2, 3], [4, 5, 6]])'), [2]), [2, 3]);
      assert.deepEqual(asTensor(evalCell('shape([1, 2, 3])'), [1]), [3]);
      assert.equal(asNumber(evalCell('len([[1, 2, 3], [4, 5, 6]])')), 2);
      assert.equal(asNumber(evalCell('len(linspace(0, 1, 9))')), 9);
    });

    it('reshape keeps row-major order; size must match', () => {
      assert.deepEqual(asTensor(evalCell('reshape(arange(0, 6), 2, 3)'), [2, 3]), [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(asTensor(evalCell('reshape([[1, 2], [3, 4]], 4)'), [4]), [1, 2, 3, 4]);
      asError(evalCell('reshape([1, 2, 3], 2, 2)'), /cannot reshape 3 elements/, 1, 1);
    });

    it('transpose(m) equals m.T', () => {
      assert.deepEqual(asTensor(evalCell('transpose([[1, 2, 3], [4, 5, 6]])'), [3, 2]), [1, 4, 2, 5, 3, 6]);
    });
  });

  describe('dtypes: float32 and float64', () => {
    const F32 = [0.1, 0.7, 1.3, -2.9];
    const f32 = F32.map(Math.fround);
    const a = `a = float32(${JSON.stringify(F32)})`;

    it('float32(x) rounds to float32; float64(x) converts back exactly', () => {
      assert.deepEqual(asTensor(evalCell(`float32(${JSON.stringify(F32)})`), [4], 'float32'), f32);
      assert.deepEqual(asTensor(evalCell(`${a}; float64(a)`), [4], 'float64'), f32);
      assert.deepEqual(asTensor(evalCell('float32(0.1)'), [], 'float32'), [Math.fround(0.1)]);
    });

    it('linspace(..., dtype="float32") and the other constructors take dtype=', () => {
      assert.deepEqual(asTensor(evalCell('linspace(0, 1, 3, dtype="float32")'), [3], 'float32'), [0, 0.5, 1]);
      asTensor(evalCell('zeros(2, dtype="float32")'), [2], 'float32');
      asTensor(evalCell('ones(2, dtype="float32")'), [2], 'float32');
      asTensor(evalCell('arange(0, 3, dtype="float32")'), [3], 'float32');
      const r = asTensor(evalCell('rand(4, seed=3, dtype="float32")'), [4], 'float32');
      assert.ok(r.every((v) => v === Math.fround(v)));
      asTensor(evalCell('randn(4, seed=3, dtype="float32")'), [4], 'float32');
      asError(evalCell('zeros(2, dtype="int8")'), /dtype must be "float32" or "float64"/, 1, 1);
    });

    it('float32 op number stays float32, and equals Math.fround of the float64 computation', () => {
      // A number meeting a float32 tensor is taken as float32 first (as PyTorch does with a
      // Python scalar), so the float64 computation is on fround(number): fround(x - fround(1/3)).
      const r = Math.fround;
      const cases: [string, (x: number) => number][] = [
        ['a + 0.2', (x) => x + r(0.2)],
        ['a - 1 / 3', (x) => x - r(1 / 3)],
        ['a * 3.3', (x) => x * r(3.3)],
        ['a / 7', (x) => x / 7],
        ['0.5 - a', (x) => 0.5 - x],
        ['a ^ 2', (x) => x ** 2],
        ['-a', (x) => -x],
        ['exp(a)', Math.exp],
        ['sqrt(abs(a))', (x) => Math.fround(Math.sqrt(Math.fround(Math.abs(x))))],
        ['relu(a)', (x) => Math.max(0, x)],
      ];
      for (const [expr, f] of cases) {
        const got = asTensor(evalCell(`${a}; ${expr}`), [4], 'float32');
        assert.deepEqual(got, f32.map((x) => Math.fround(f(x))), expr);
      }
    });

    it('float32 activations are correct to float32 accuracy (within 1 ulp of the rounded exact value)', () => {
      for (const [name, f] of [['sigmoid', sigmoid], ['tanh', Math.tanh], ['silu', (x: number) => x * sigmoid(x)]] as const) {
        const got = asTensor(evalCell(`${a}; ${name}(a)`), [4], 'float32');
        got.forEach((g, i) => {
          const want = f(f32[i]);
          assert.ok(Math.abs(g - want) <= ulp32(want), `${name}(${f32[i]}) = ${g}, want ${want}`);
        });
      }
    });

    it('float32 with float32 stays float32: a * a, a @ a (accumulated, rounded once)', () => {
      assert.deepEqual(asTensor(evalCell(`${a}; a * a`), [4], 'float32'), f32.map((x) => Math.fround(x * x)));
      const dot = f32.reduce((s, x) => s + x * x, 0);
      assert.deepEqual(asTensor(evalCell(`${a}; a @ a`), [], 'float32'), [Math.fround(dot)]);
    });

    it('float32 with a float64 tensor gives float64 (computed from the float32 values)', () => {
      const got = asTensor(evalCell(`${a}; a + [0.2, 0.2, 0.2, 0.2]`), [4], 'float64');
      assert.deepEqual(got, f32.map((x) => x + 0.2));
      asTensor(evalCell(`${a}; [[1, 0, 0, 0]] @ a`), [1], 'float64');
    });

    it('a matrix of float32 rows is float32; mixed rows are float64', () => {
      asTensor(evalCell('r = float32([1, 2]); [r, r]'), [2, 2], 'float32');
      asTensor(evalCell('r = float32([1, 2]); [r, [3, 4]]'), [2, 2], 'float64');
    });

    it('a session with default dtype float32 (like --dtype float32) creates float32 tensors', () => {
      const s = new Session({ defaultDType: 'float32' });
      assert.deepEqual(asTensor(display(s, '[0.1, 0.2]'), [2], 'float32'), [Math.fround(0.1), Math.fround(0.2)]);
      asTensor(display(s, '[[1, 2], [3, 4]]'), [2, 2], 'float32');
      asTensor(display(s, 'linspace(-1, 1, 5)'), [5], 'float32');
      asTensor(display(s, 'zeros(2)'), [2], 'float32');
      asTensor(display(s, 'ones(2, 2)'), [2, 2], 'float32');
      asTensor(display(s, 'arange(0, 3)'), [3], 'float32');
      asTensor(display(s, 'rand(3, seed=1)'), [3], 'float32');
      asTensor(display(s, 'randn(3, seed=1)'), [3], 'float32');
      // an explicit dtype= still wins
      asTensor(display(s, 'linspace(-1, 1, 5, dtype="float64")'), [5], 'float64');
      // results of float32 tensors stay float32
      display(s, 'x = linspace(-1, 1, 5)');
      const got = asTensor(display(s, 'x * 0.1 + relu(x)'), [5], 'float32');
      const x = [-1, -0.5, 0, 0.5, 1];
      assert.deepEqual(got, x.map((v) => Math.fround(Math.fround(v * 0.1) + Math.max(0, v))));
      // numbers are still numbers
      assert.deepEqual(display(s, '0.1 + 0.2'), { kind: 'number', value: 0.1 + 0.2 });
    });

    it('the default session is float64', () => {
      asTensor(evalCell('[0.1]'), [1], 'float64');
      assert.deepEqual(asTensor(evalCell('[0.1]')), [0.1]);
    });
  });
});
