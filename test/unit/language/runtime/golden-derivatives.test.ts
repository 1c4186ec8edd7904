/**
 * The golden file once more, through the language as a student writes it:
 * `leaky_relu(alpha=0.2)'(x)` must give PyTorch's derivative, to 4 ulp; and the
 * activation reference's second derivatives (`gelu''(x)`, 8 ulp) and other parameters.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Session } from '../../../../src/language/runtime/session';
import { resolveName, type ElementwiseDefinition } from '../../../../src/engine';
import { ulp32, ulpError } from '../../helpers/ulp';

interface GoldenCase { fn: string; params: Record<string, number | string>; x: number[]; y: number[]; dy: number[] }
const golden: { cases: GoldenCase[] } = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/golden-activations.json'), 'utf8'));

function call(c: GoldenCase): string {
  const params = Object.entries(c.params).map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  return params.length ? `${c.fn}(${params.join(', ')})` : c.fn;
}

describe('language/runtime: golden values and derivatives through the language', () => {
  const session = new Session();
  for (const c of golden.cases) {
    const fn = call(c);
    it(`${fn} and ${fn}' match the golden file`, () => {
      const xs = `[${c.x.map((v) => String(v)).join(', ')}]`;
      for (const [source, want] of [[`${fn}(${xs})`, c.y], [`${fn}'(${xs})`, c.dy]] as const) {
        const d = session.run(source).display;
        assert.equal(d.kind, 'tensor', `${source} gave ${JSON.stringify(d).slice(0, 200)}`);
        if (d.kind !== 'tensor') return;
        d.data.forEach((got, i) => {
          const err = ulpError(got as number, want[i]);
          assert.ok(err <= 4, `${source.slice(0, 40)} at x = ${c.x[i]}: ${got} vs ${want[i]} (${err.toFixed(1)} ulp)`);
        });
      }
    });
  }
});

interface ReferenceCase { fn: string; params: Record<string, number | string>; x: number[]; d2y: number[]; d2y32: number[]; y?: number[]; dy?: number[] }
const reference: { cases: ReferenceCase[] } = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/activation-reference.json'), 'utf8'));

describe("language/runtime: the activation reference through the language (f'', other parameters)", () => {
  const session = new Session();
  const tensor = (source: string): number[] => {
    const d = session.run(source).display;
    assert.equal(d.kind, 'tensor', `${source.slice(0, 60)} gave ${JSON.stringify(d).slice(0, 200)}`);
    return d.kind === 'tensor' ? d.data.map((v) => v as number) : [];
  };
  const within = (source: string, got: number[], want: number[], xs: number[], bound: number, ulp?: (v: number) => number) =>
    got.forEach((g, i) => {
      const err = ulpError(g, want[i], ulp);
      assert.ok(err <= bound, `${source.slice(0, 50)} at x = ${xs[i]}: ${g} vs ${want[i]} (${err.toFixed(1)} ulp)`);
    });
  for (const c of reference.cases) {
    const fn = call(c as GoldenCase);
    const xs = `[${c.x.map((v) => String(v)).join(', ')}]`;
    it(`${fn}'' in float64 (8 ulp) and float32 (1 ulp), and through a user function's symbolic f''`, () => {
      within(`${fn}''`, tensor(`${fn}''(${xs})`), c.d2y, c.x, 8);
      within(`${fn}'' float32`, tensor(`${fn}''(float32(${xs}))`), c.d2y32, c.x, 1, ulp32);
      // f's symbolic second derivative reads the catalogue's f'' (gelu''(x)), except where the entry
      // states a textbook f' (sigmoid(x)*(1 - sigmoid(x)), 1 - tanh(x)^2): that formula is differentiated
      // as written, and where it cancels (1 - tanh(-25)^2 = 0) so does its derivative
      const def = resolveName(c.fn).definition as ElementwiseDefinition;
      if (def.derivativeExpression !== undefined) return;
      const named = Object.entries(c.params).map(([k, v]) => `, ${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`).join('');
      session.run(`reference_f(x) = ${c.fn}(x${named})`);
      within(`f(x) = ${fn}(x); f''`, tensor(`reference_f''(${xs})`), c.d2y, c.x, 8);
    });
    if (c.y && c.dy) {
      it(`${fn} and ${fn}' at these parameters within the golden bound (4 ulp)`, () => {
        within(fn, tensor(`${fn}(${xs})`), c.y!, c.x, 4);
        within(`${fn}'`, tensor(`${fn}'(${xs})`), c.dy!, c.x, 4);
      });
    }
  }
});
