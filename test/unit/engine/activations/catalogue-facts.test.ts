/**
 * The facts catalogue entries state about themselves for networks, checked
 * against the entries' own kernels: a fused loss really is a - y through the
 * activation, a learnable parameter's gradient kernel matches central
 * differences of the value, and gradient flow starts from each entry's weightInit. (An entry's wasm kernel is checked bit for bit in
 * test/unit/engine/network/wasm-kernels.test.ts, which has the wasm memory.)
 */
import { strict as assert } from 'assert';
import { catalogue, catalogueActivation, defaultParameters, getLoss, gradflowInit, resolveParameters, type ActivationDefinition } from '../../../../src/engine';
import { mulberry32 } from '../../helpers/prng';

function sample(length: number, seed: number, scale = 6): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length }, () => (random() - 0.5) * scale);
}

describe('catalogue facts for networks', () => {
  describe('fusedLoss', () => {
    const fusing = catalogue.filter((d) => d.fusedLoss !== undefined);

    it('is stated by sigmoid (bce) and softmax (ce), and names a loss', () => {
      assert.deepEqual(fusing.map((d) => [d.name, d.fusedLoss]), [['sigmoid', 'bce'], ['softmax', 'ce']]);
      for (const d of fusing) assert.equal(getLoss(d.fusedLoss!).name, d.fusedLoss);
    });

    for (const d of fusing) {
      it(`${d.name}: the fused gradient a - y equals dL/da backpropagated through ${d.name}, and the loss agrees`, () => {
        const rows = 6;
        const units = 4;
        const z = sample(rows * units, 3);
        const y = new Float64Array(rows * units);
        const random = mulberry32(5);
        // one-hot rows for ce, independent 0/1 labels for bce
        for (let r = 0; r < rows; r++) {
          for (let j = 0; j < units; j++) y[r * units + j] = d.fusedLoss === 'ce' ? Number(j === r % units) : Number(random() < 0.5);
        }
        const act = catalogueActivation(d, defaultParameters(d));
        const a = new Float64Array(z.length);
        act.forward(z, a, units, 0);
        const loss = getLoss(d.fusedLoss!);
        const fusedDz = new Float64Array(z.length);
        const dLda = new Float64Array(z.length);
        const fusedValue = loss.evaluate(z, a, y, rows, units, true, fusedDz);
        const chainValue = loss.evaluate(z, a, y, rows, units, false, dLda);
        const chainDz = new Float64Array(z.length);
        act.backward(z, a, dLda, chainDz, units, 0);
        assert.ok(Math.abs(fusedValue - chainValue) < 1e-9, `loss ${fusedValue} vs ${chainValue}`);
        for (let i = 0; i < z.length; i++) assert.ok(Math.abs(fusedDz[i] - chainDz[i]) < 1e-9, `dz[${i}]: ${fusedDz[i]} vs ${chainDz[i]}`);
      });
    }
  });

  describe('learnable parameters', () => {
    const learning = catalogue.filter((d) => d.parameters.some((p) => p.learnable));

    it('prelu learns its alpha (so the checks below check something)', () => {
      assert.deepEqual(learning.map((d) => d.name), ['prelu']);
    });

    it('every entry has exactly one gradient kernel per learnable parameter, and a layer holds at most one', () => {
      for (const d of catalogue) {
        const learnable = d.parameters.filter((p) => p.learnable).map((p) => p.name);
        const gradients = d.kind === 'elementwise' ? Object.keys(d.kernels.parameterGradients ?? {}) : [];
        assert.deepEqual(gradients.sort(), learnable.sort(), d.name);
        assert.ok(learnable.length <= 1, `${d.name}: a network layer learns one number`);
        for (const name of learnable) assert.equal(typeof d.parameters.find((p) => p.name === name)!.default, 'number', `${d.name}.${name} starts from its default`);
      }
    });

    for (const d of learning) {
      if (d.kind !== 'elementwise') continue;
      for (const spec of d.parameters.filter((p) => p.learnable)) {
        it(`${d.name}: the gradient kernel for ${spec.name} matches central differences of f, kinks and NaN included`, () => {
          const h = 1e-6;
          for (const value of [0.3, -0.7, 1.5]) {
            const p = { ...defaultParameters(d), [spec.name]: value };
            const x = sample(200, 9);
            x[0] = 0;
            x[1] = NaN;
            x[2] = -0;
            const g = sample(200, 10, 4);
            const at = (v: number) => ({ ...p, [spec.name]: v });
            let expected = 0;
            for (let i = 0; i < x.length; i++) {
              if (Number.isNaN(x[i])) continue; // f(NaN) is NaN for every parameter: no gradient to add
              expected += (g[i] * (d.scalar.value(x[i], at(value + h)) - d.scalar.value(x[i], at(value - h)))) / (2 * h);
            }
            const actual = d.kernels.parameterGradients![spec.name](x, g, p);
            assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${spec.name}=${value}: ${actual} vs ${expected}`);
            assert.ok(Math.abs(actual) > 1, 'a generic sample gives a gradient far from 0');
          }
        });
      }
    }

    it("a network layer's backward returns the entry's parameter gradient", () => {
      for (const d of learning as ActivationDefinition[]) {
        if (d.kind !== 'elementwise') continue;
        const spec = d.parameters.find((p) => p.learnable)!;
        const act = catalogueActivation(d, defaultParameters(d));
        assert.equal(act.learnableSlope, spec.default);
        const z = sample(40, 21);
        const g = sample(40, 22);
        const slope = 0.4;
        const returned = act.backward(z, new Float64Array(40), g, new Float64Array(40), 40, slope);
        assert.equal(returned, d.kernels.parameterGradients![spec.name](z, g, { ...defaultParameters(d), [spec.name]: slope }));
      }
    });
  });

  describe('weightInit', () => {
    it('is He for the rectifier-like families and Xavier for the rest, the pairing gradflow chose by family before', () => {
      const heFamilies = ['Rectifiers', 'Gated', 'Exponential'];
      for (const d of catalogue) assert.equal(d.weightInit, heFamilies.includes(d.family) ? 'he' : 'xavier', d.name);
    });

    it("is what gradflow initialises a catalogue entry's network with", () => {
      const required: Record<string, Record<string, number>> = { threshold: { threshold: 0, value: 0 } };
      for (const d of catalogue) assert.equal(gradflowInit(catalogueActivation(d, resolveParameters(d, required[d.name] ?? {}))), d.weightInit, d.name);
    });
  });
});
