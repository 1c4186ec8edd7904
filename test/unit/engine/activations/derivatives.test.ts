/**
 * Every derivative kernel against a central finite difference of its value
 * kernel, for every catalogue entry with its default parameters (and a few
 * non-default ones), at points away from kinks.
 */
import { strict as assert } from 'assert';
import { catalogue, resolveParameters } from '../../../../src/engine';
import type { ActivationDefinition, ParameterValues, RowwiseDefinition } from '../../../../src/engine';

/** Parameters for entries with required ones, and extra settings worth checking. */
const settings: Record<string, Record<string, number | string>[]> = {
  threshold: [{ threshold: 0.5, value: -1 }],
  leaky_relu: [{}, { alpha: 0.2 }],
  elu: [{}, { alpha: 0.5 }],
  celu: [{}, { alpha: 2 }],
  gelu: [{}, { approximate: 'tanh' }],
  softplus: [{}, { beta: 2 }, { beta: 0.5, threshold: 5 }],
  snake: [{}, { a: 0.3 }],
  hardtanh: [{}, { min_val: -2, max_val: 3 }],
};

const points: number[] = [];
for (let x = -7.9; x <= 7.9; x += 0.173) points.push(Number(x.toFixed(6)));

/** Five-point stencil: error O(h^4), so h = 1e-3 leaves truncation near 1e-12. */
function numericDerivative(f: (x: number) => number, x: number): number {
  const h = 1e-3;
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

function nearKink(def: ActivationDefinition, p: ParameterValues, x: number): boolean {
  const kinks = [...def.kinks(p)];
  // softplus switches to x at beta*x > threshold: a (tiny) kink in value
  if (def.name === 'softplus') kinks.push((p.threshold as number) / (p.beta as number));
  return kinks.some((k) => Math.abs(x - k) < 0.01);
}

describe('engine/activations: derivatives against finite differences', () => {
  for (const def of catalogue) {
    if (def.kind !== 'elementwise') continue;
    for (const given of settings[def.name] ?? [{}]) {
      const p = resolveParameters(def, given);
      it(`${def.name}(${JSON.stringify(given)})' matches a five-point difference`, () => {
        let checked = 0;
        for (const x of points) {
          if (nearKink(def, p, x)) continue;
          const want = numericDerivative((t) => def.scalar.value(t, p), x);
          const got = def.scalar.derivative(x, p);
          const scale = Math.max(1, Math.abs(def.scalar.value(x, p)));
          assert.ok(Math.abs(got - want) <= 1e-8 * scale, `${def.name}'(${x}) = ${got}, finite difference ${want}`);
          checked++;
        }
        assert.ok(checked > points.length / 2, `only ${checked} points were away from kinks`);
      });
    }
  }

  for (const def of catalogue.filter((d): d is RowwiseDefinition => d.kind === 'rowwise')) {
    const x = Float64Array.from([0.3, -1.2, 2.5, 0, -0.7]);
    const n = x.length;
    const valueAt = (v: Float64Array) => {
      const y = new Float64Array(n);
      def.rows.value(v, y, 0, n);
      return y;
    };
    /** Jacobian column j by central differences: d y / d x_j. */
    const column = (j: number) => {
      const h = 1e-6;
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[j] += h;
      down[j] -= h;
      const [a, b] = [valueAt(up), valueAt(down)];
      return Array.from(a, (v, i) => (v - b[i]) / (2 * h));
    };

    it(`${def.name}: derivative is the Jacobian's diagonal`, () => {
      const diagonal = new Float64Array(n);
      def.rows.derivative(x, diagonal, 0, n);
      for (let j = 0; j < n; j++) assert.ok(Math.abs(diagonal[j] - column(j)[j]) < 1e-8, `entry ${j}`);
    });

    it(`${def.name}: backward is the vector-Jacobian product`, () => {
      const g = Float64Array.from([1, -2, 0.5, 3, -1]);
      const dx = new Float64Array(n);
      def.rows.backward(x, g, dx, 0, n);
      for (let j = 0; j < n; j++) {
        const want = column(j).reduce((s, dyi, i) => s + g[i] * dyi, 0);
        assert.ok(Math.abs(dx[j] - want) < 1e-7, `${def.name} backward entry ${j}: ${dx[j]} vs ${want}`);
      }
    });
  }
});
