import { strict as assert } from 'assert';
import { catalogue, defaultParameters } from '../../../../src/engine';
import { mulberry32 } from '../../helpers/prng';

describe('fused backward kernels (dx = f\'(x) * g in one pass)', () => {
  const fused = catalogue.filter((d) => d.kind === 'elementwise' && d.kernels.backward);

  it('exist for the rectifiers whose derivative is a mask', () => {
    assert.deepEqual(fused.map((d) => d.name).sort(), ['leaky_relu', 'prelu', 'relu']);
  });

  for (const d of fused) {
    if (d.kind !== 'elementwise') continue;
    it(`${d.name}: f'(x) * g rounded once to the array's type, kinks and NaN included`, () => {
      const p = { ...defaultParameters(d), ...(d.name === 'prelu' ? { alpha: 0.3 } : {}) };
      const random = mulberry32(7);
      const n = 1000;
      const xs = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 0 : i % 97 === 0 ? NaN : (random() - 0.5) * 8));
      const gs = Array.from({ length: n }, () => (random() - 0.5) * 4);
      for (const Array_ of [Float32Array, Float64Array]) {
        const x = Array_.from(xs), g = Array_.from(gs);
        const dx = new Array_(n);
        // the product in float64, rounded once on store: the exact masked or scaled gradient
        const expected = Array_.from(Array.from(x, (v, i) => d.scalar.derivative(v, p) * g[i]));
        d.kernels.backward!(x, g, dx, p);
        for (let i = 0; i < n; i++) assert.ok(Object.is(dx[i], expected[i]) || (dx[i] === 0 && expected[i] === 0), `x=${x[i]} g=${g[i]}: ${dx[i]} vs ${expected[i]}`);
      }
    });
  }
});
