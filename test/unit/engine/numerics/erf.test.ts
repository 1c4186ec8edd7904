import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { erf, erfc, erfcShifted } from '../../../../src/engine/numerics/erf';
import { ulpError } from '../../helpers/ulp';

interface Reference { x: number[]; erf: number[]; erfc: number[] }
const reference: Reference = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/erf-reference.json'), 'utf8'));

describe('engine/numerics/erf', () => {
  // erfc's tail is exp(-x^2) (1 ulp) times a fitted erfcx (1.2 ulp): 3 ulp in the worst case
  for (const [name, f, bound] of [['erf', erf, 2], ['erfc', erfc, 3]] as const) {
    it(`${name} is within ${bound} ulp of a 60-digit reference at ${reference.x.length} points`, () => {
      let worst = 0;
      let worstAt = 0;
      reference.x.forEach((x, i) => {
        const want = reference[name][i];
        // subnormal results carry fewer digits; compare them absolutely
        const err = Math.abs(want) < 2 ** -1022 ? Math.abs(f(x) - want) / 2 ** -1074 : ulpError(f(x), want);
        if (err > worst) [worst, worstAt] = [err, x];
      });
      assert.ok(worst <= bound, `${name} worst ${worst.toFixed(2)} ulp at x = ${worstAt}`);
    });
  }

  it('has the exact symmetries erf(-x) = -erf(x) and erfc(-x) = 2 - erfc(x) in rounding terms', () => {
    for (const x of [0.1, 0.49, 0.5, 0.7, 1.3, 3.9, 5.99]) {
      assert.equal(erf(-x), -erf(x));
      assert.ok(ulpError(erfc(-x), 2 - erfc(x)) <= 1);
    }
  });

  it('handles the edges: signed zero, infinities, NaN, underflow', () => {
    assert.ok(Object.is(erf(-0), -0));
    assert.equal(erf(Infinity), 1);
    assert.equal(erf(-Infinity), -1);
    assert.equal(erfc(Infinity), 0);
    assert.equal(erfc(-Infinity), 2);
    assert.equal(erfc(30), 0);
    assert.ok(Number.isNaN(erf(NaN)) && Number.isNaN(erfc(NaN)));
    assert.equal(erf(1e-310), 1e-310 * 1.1283791670955126);
  });

  it('erfcShifted(hi, lo) follows the low part of a double-double argument', () => {
    // erfc(x + d) - erfc(x) = -d 2/sqrt(pi) exp(-x^2) to first order: the shift must move the result.
    const x = 10;
    const d = 1e-15;
    const relativeSlope = (-d * 2 * 10) / 1; // d/dx log erfc(x) ~ -2x for large x
    const ratio = erfcShifted(x, d) / erfc(x) - 1;
    assert.ok(Math.abs(ratio - relativeSlope) < 1e-15, `ratio ${ratio}`);
  });
});
