/**
 * The activation reference (test/fixtures/activation-reference.json, 60-digit mpmath from
 * tools/make_activation_reference.py): every activation's second derivative, and values and
 * derivatives at parameters the golden file lacks, through applyResolved as users' tensors go.
 *
 * f'': float64 within 8 ulp, exact where the reference is an integer or zero (kinks: PyTorch's
 * double backward gives 0). f and f' at other parameters: the golden file's bounds, 4 ulp and
 * exact on integers. float32: within 1 float32 ulp of the reference computed with the
 * parameters rounded to float32, as PyTorch casts them (every x is a float32 number).
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { applyResolved, catalogue, resolveName, resolveParameters, Tensor } from '../../../../src/engine';
import type { ElementwiseDefinition, Which } from '../../../../src/engine';
import { ulp32, ulpError } from '../../helpers/ulp';

interface ReferenceCase {
  fn: string;
  params: Record<string, number | string>;
  x: number[];
  d2y: number[];
  d2y32: number[];
  y?: number[];
  dy?: number[];
  y32?: number[];
  dy32?: number[];
}
const reference: { cases: ReferenceCase[] } = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/activation-reference.json'), 'utf8'));

const FIELDS = [
  ['secondDerivative', 'd2y', 'd2y32', 8],
  ['value', 'y', 'y32', 4],
  ['derivative', 'dy', 'dy32', 4],
] as const;

function run(def: ElementwiseDefinition, which: Which, p: Record<string, number | string>, x: Float32Array | Float64Array): ArrayLike<number> {
  const dtype = x instanceof Float32Array ? 'float32' : 'float64';
  return applyResolved(def, new Tensor(dtype, [x.length], x), p, which).data;
}

describe('engine/activations: the activation reference (f\'\', and f, f\' at other parameters)', () => {
  it('has f\'\' of every elementwise activation, and other parameters for each that takes numbers', () => {
    const elementwise = catalogue.filter((d): d is ElementwiseDefinition => d.kind === 'elementwise');
    const names = new Set(reference.cases.map((c) => c.fn));
    for (const def of elementwise) {
      assert.ok(names.has(def.name), `${def.name} has no second-derivative reference`);
      if (def.parameters.some((s) => s.choices === undefined)) {
        const others = reference.cases.filter((c) => c.fn === def.name && c.y !== undefined);
        assert.ok(others.length > 0, `${def.name} has no reference at non-default parameters`);
      }
    }
  });

  for (const c of reference.cases) {
    const label = `${c.fn}(${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(', ')})`;
    const def = resolveName(c.fn).definition as ElementwiseDefinition;
    const p = resolveParameters(def, c.params);
    for (const [which, key, key32, bound] of FIELDS) {
      const want = c[key];
      const want32 = c[key32];
      if (!want || !want32) continue;
      const name = which === 'secondDerivative' ? "f''" : which === 'derivative' ? "f'" : 'f';
      it(`${label} ${name}: float64 within ${bound} ulp, exact on integers`, () => {
        const got = run(def, which, p, Float64Array.from(c.x));
        c.x.forEach((x, i) => {
          const err = ulpError(got[i], want[i]);
          const ok = Number.isInteger(want[i]) ? got[i] === want[i] : err <= bound;
          assert.ok(ok, `${label} ${name} at x = ${x}: got ${got[i]}, want ${want[i]} (${err.toFixed(2)} ulp)`);
          assert.ok(Object.is(def.scalar[which](x, p), got[i]), `${label} ${name}: scalar and kernel disagree at x = ${x}`);
        });
      });
      it(`${label} ${name}: float32 within 1 float32 ulp, parameters rounded to float32`, () => {
        const got = run(def, which, p, Float32Array.from(c.x));
        c.x.forEach((x, i) => {
          const err = ulpError(got[i], want32[i], ulp32);
          assert.ok(err <= 1, `${label} ${name} at x = ${x}: got ${got[i]}, want ${want32[i]} (${err.toFixed(2)} float32 ulp)`);
        });
      });
    }
  }
});
