/**
 * The golden file once more, through the language as a student writes it:
 * `leaky_relu(alpha=0.2)'(x)` must give PyTorch's derivative, to 4 ulp.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Session } from '../../../../src/language/runtime/session';
import { ulpError } from '../../helpers/ulp';

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
