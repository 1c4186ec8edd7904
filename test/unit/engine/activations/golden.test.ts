/**
 * Every value and derivative of the project's golden file (60-digit mpmath,
 * correctly rounded to float64), through the same loop kernels users run.
 *
 * float64: within 4 ulp, and exactly equal where the reference is an integer or zero.
 * float32: within 1 float32 ulp of the reference rounded to float32. Inputs such
 * as 0.1 are not float32 numbers, so there the reference is moved to the float32
 * input first: y(x32) = y(x) + y'(x) (x32 - x), and for derivatives with y''
 * from a central difference of the float64 derivative, which the float64 pass
 * has just verified.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { resolveName, resolveParameters } from '../../../../src/engine';
import type { ElementwiseDefinition, ParameterValues } from '../../../../src/engine';
import { ulp32, ulpError } from '../../helpers/ulp';

interface GoldenCase { fn: string; params: Record<string, number | string>; x: number[]; y: number[]; dy: number[] }
const golden: { cases: GoldenCase[] } = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/golden-activations.json'), 'utf8'));

function elementwise(name: string): ElementwiseDefinition {
  const { definition } = resolveName(name);
  assert.equal(definition.kind, 'elementwise', `${name} should be elementwise`);
  return definition as ElementwiseDefinition;
}

function run(def: ElementwiseDefinition, which: 'value' | 'derivative', p: ParameterValues, xs: Float32Array | Float64Array): number[] {
  const out = xs instanceof Float32Array ? new Float32Array(xs.length) : new Float64Array(xs.length);
  def.kernels[which](xs, out, p);
  return Array.from(out);
}

describe('engine/activations: golden values', () => {
  it('covers every elementwise activation of the catalogue', () => {
    const covered = new Set(golden.cases.map((c) => c.fn));
    assert.ok(covered.size >= 27, `golden covers ${covered.size} functions`);
  });

  for (const c of golden.cases) {
    const label = `${c.fn}(${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(', ')})`;
    const def = elementwise(c.fn);
    const p = resolveParameters(def, c.params);

    for (const [which, want] of [['value', c.y], ['derivative', c.dy]] as const) {
      it(`${label} ${which}: float64 within 4 ulp, exact on integers`, () => {
        const got = run(def, which, p, Float64Array.from(c.x));
        const scalar = c.x.map((x) => def.scalar[which](x, p));
        c.x.forEach((x, i) => {
          const exact = Number.isInteger(want[i]);
          const err = ulpError(got[i], want[i]);
          assert.ok(exact ? got[i] === want[i] : err <= 4, `${label} ${which} at x = ${x}: got ${got[i]}, want ${want[i]} (${err.toFixed(2)} ulp)`);
          assert.ok(Object.is(scalar[i], got[i]), `scalar and kernel disagree at x = ${x}`);
        });
      });

      it(`${label} ${which}: float32 within 1 float32 ulp`, () => {
        const x32 = Float32Array.from(c.x);
        const got = run(def, which, p, x32);
        c.x.forEach((x, i) => {
          const shift = x32[i] - x;
          let reference = want[i];
          if (shift !== 0) {
            const slope = which === 'value' ? c.dy[i] : secondDerivative(def, p, x);
            reference += slope * shift;
          }
          const err = ulpError(got[i], Math.fround(reference), ulp32);
          assert.ok(err <= 1, `${label} ${which} at x = ${x}: got ${got[i]}, want ${Math.fround(reference)} (${err.toFixed(2)} float32 ulp)`);
        });
      });
    }
  }
});

function secondDerivative(def: ElementwiseDefinition, p: ParameterValues, x: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (def.scalar.derivative(x + h, p) - def.scalar.derivative(x - h, p)) / (2 * h);
}
