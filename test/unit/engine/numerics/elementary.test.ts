import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { exp, expm1, log, log1p } from '../../../../src/engine/numerics/exp-log';
import { powerOfTwo, scaleByPowerOfTwo } from '../../../../src/engine/numerics/float-bits';
import { tanh } from '../../../../src/engine/numerics/hyperbolic';
import { hypot } from '../../../../src/engine/numerics/hypot';
import { pow } from '../../../../src/engine/numerics/pow';
import { cos, sin, sinOfSum, tan } from '../../../../src/engine/numerics/trig';
import { ulp64 } from '../../helpers/ulp';

interface Values { want: number[]; rest: number[] }
type Table = { x: number[]; y?: number[] } & Record<string, Values | number[] | undefined>;
const reference: Record<string, Table> = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/elementary-reference.json'), 'utf8'));

/**
 * The issue asks for 1 ulp. Every function measures at most about 0.53 ulp (the final
 * rounding and a hair), so 0.55 catches a regression long before it reaches 1. Subnormal
 * results are rounded twice (to 53 bits, then to the subnormal grid): 0.75 there.
 */
const BOUND = 0.55;
const SUBNORMAL_BOUND = 0.75;
const SMALLEST_NORMAL = 2.2250738585072014e-308;

const cases: [string, string, (x: number, y: number) => number][] = [
  ['exp', 'exp', exp], ['expm1', 'expm1', expm1], ['log', 'log', log], ['log1p', 'log1p', log1p],
  ['tanh', 'tanh', tanh], ['trig', 'sin', sin], ['trig', 'cos', cos], ['trig', 'tan', tan],
  ['sin_of_sum', 'sin_of_sum', sinOfSum], ['pow', 'pow', pow], ['hypot', 'hypot', hypot],
];

describe('engine/numerics: exp, log, trig, tanh, pow, hypot against mpmath', () => {
  for (const [group, name, f] of cases) {
    const t = reference[group];
    const v = t[name] as Values;
    it(`${name} is within ${BOUND} ulp of a 60-digit reference at ${t.x.length} points`, () => {
      let worst = 0;
      let worstSubnormal = 0;
      let worstAt = '';
      t.x.forEach((x, i) => {
        const y = t.y ? t.y[i] : 0;
        const want = v.want[i];
        // (got - want) is exact this close; rest is the exact value's distance from want, in ulps
        const err = Math.abs((f(x, y) - want) / ulp64(want) - v.rest[i]);
        if (Math.abs(want) < SMALLEST_NORMAL) worstSubnormal = Math.max(worstSubnormal, err);
        else if (err > worst) [worst, worstAt] = [err, t.y ? `${x}, ${y}` : `${x}`];
      });
      assert.ok(worst <= BOUND, `${name} worst ${worst.toFixed(3)} ulp at ${worstAt}`);
      assert.ok(worstSubnormal <= SUBNORMAL_BOUND, `${name} worst ${worstSubnormal.toFixed(3)} ulp on subnormal results`);
    });
  }

  // Special values are fixed by IEEE 754 and ECMAScript, so the platform's Math is a reference for them.
  const specials = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1e-310, -1e-310, 1e308, -1e308];
  it('has the special values ECMAScript prescribes (signed zeros, infinities, NaN)', () => {
    const one: [string, (x: number) => number, (x: number) => number][] = [
      ['exp', exp, Math.exp], ['expm1', expm1, Math.expm1], ['log', log, Math.log], ['log1p', log1p, Math.log1p],
      ['tanh', tanh, Math.tanh], ['sin', sin, Math.sin], ['cos', cos, Math.cos], ['tan', tan, Math.tan],
    ];
    for (const [name, f, g] of one) {
      for (const x of [0, -0, Infinity, -Infinity, NaN]) assert.ok(Object.is(f(x), g(x)), `${name}(${Object.is(x, -0) ? '-0' : x}) = ${f(x)}`);
    }
    for (const x of [-1, -2, -Infinity, -1e-310]) assert.ok(Number.isNaN(log(x)), `log(${x})`);
    for (const x of [-1.5, -2, -Infinity]) assert.ok(Number.isNaN(log1p(x)), `log1p(${x})`);
    assert.ok(Object.is(log1p(-1), -Infinity) && Object.is(log(1), 0) && Object.is(expm1(-1e-320), -1e-320));
    assert.ok(Object.is(sin(-1e-310), -1e-310) && Object.is(tan(-1e-310), -1e-310) && Object.is(tanh(-1e-310), -1e-310));
  });

  it('pow follows Number::exponentiate wherever a zero, an infinity, a NaN or |x| = 1 decides the result', () => {
    for (const x of specials) {
      for (const y of specials) {
        const decided = [x, y].some((v) => v === 0 || !Number.isFinite(v)) || Math.abs(x) === 1;
        if (decided) assert.ok(Object.is(pow(x, y), Math.pow(x, y)), `pow(${x}, ${y}) = ${pow(x, y)}, not ${Math.pow(x, y)}`);
      }
    }
    assert.ok(Number.isNaN(pow(-8, 1 / 3)), 'a negative base to a non-integer power');
    assert.ok(Object.is(pow(-2, 3), -8) && Object.is(pow(-2, -1075), -0) && Object.is(pow(-2, 1025), -Infinity));
    assert.ok(Object.is(pow(0.5, 2 ** 70), 0) && Object.is(pow(1 + 2 ** -52, 2 ** 70), Infinity));
  });

  it('hypot: an infinity wins even over NaN, as in Math.hypot; zeros and signs', () => {
    for (const [a, b] of [[Infinity, NaN], [NaN, -Infinity], [NaN, 1], [0, -0], [-3, 0], [0, -5e-324]]) {
      assert.ok(Object.is(hypot(a, b), Math.hypot(a, b)), `hypot(${a}, ${b})`);
    }
  });

  it('overflows and underflows where the exact results leave the doubles', () => {
    // exp(709.79) > 1.0001 * MAX_VALUE; exp(-745.2) < 2^-1075, half the smallest subnormal
    assert.equal(exp(709.79), Infinity);
    assert.equal(exp(-745.2), 0);
    assert.equal(expm1(709.79), Infinity);
    assert.equal(expm1(-50), -1);
    assert.equal(pow(10, 309), Infinity);
    assert.equal(pow(10, -324), 0);
    assert.equal(hypot(1.5e308, 1.5e308), Infinity);
  });

  it('builds powers of two from bits, scaling with one rounding', () => {
    assert.equal(powerOfTwo(0), 1);
    assert.equal(powerOfTwo(-1022), 2.2250738585072014e-308);
    assert.equal(powerOfTwo(1023), 8.98846567431158e307);
    assert.equal(powerOfTwo(-53), 1.1102230246251565e-16);
    assert.equal(scaleByPowerOfTwo(1, -1074), 5e-324);
    assert.equal(scaleByPowerOfTwo(1.5, -1074), 1e-323, '1.5 * 2^-1074 rounds to even, 2^-1073');
    assert.equal(scaleByPowerOfTwo(0.5, 1024), 8.98846567431158e307);
    assert.equal(scaleByPowerOfTwo(1, 1024), Infinity);
  });
});
