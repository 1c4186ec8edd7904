/**
 * Inputs at the edges of the double format: signed zeros, infinities, NaN,
 * subnormals and |x| = 1e300, for every elementwise activation.
 */
import { strict as assert } from 'assert';
import { catalogue, defaultParameters, resolveParameters, applyActivation, fromNested } from '../../../../src/engine';
import type { ElementwiseDefinition, ParameterValues } from '../../../../src/engine';

const elementwise = catalogue.filter((d): d is ElementwiseDefinition => d.kind === 'elementwise');
const params = (d: ElementwiseDefinition): ParameterValues =>
  d.name === 'threshold' ? resolveParameters(d, { threshold: 0.5, value: -1 }) : defaultParameters(d);

describe('engine/activations: edge inputs', () => {
  for (const def of elementwise) {
    const p = params(def);
    const f = (x: number) => def.scalar.value(x, p);
    const df = (x: number) => def.scalar.derivative(x, p);

    it(`${def.name}: NaN in gives NaN out, for value and derivative`, () => {
      assert.ok(Number.isNaN(f(NaN)), 'value');
      assert.ok(Number.isNaN(df(NaN)), 'derivative');
    });

    it(`${def.name}: finite limits at ±Infinity and no NaN at ±1e300`, () => {
      for (const x of [Infinity, -Infinity, 1e300, -1e300]) {
        assert.ok(!Number.isNaN(f(x)), `value at ${x} is NaN`);
        // snake' = 1 + sin(2ax) has no limit at infinity; NaN is the honest answer there
        if (!(def.name === 'snake' && !Number.isFinite(x))) assert.ok(!Number.isNaN(df(x)), `derivative at ${x} is NaN`);
      }
    });

    it(`${def.name}: ±0 and subnormals give finite values, continuous with their neighbours`, () => {
      for (const x of [0, -0, 5e-324, -5e-324, 2.2e-308, -2.2e-308]) {
        const y = f(x);
        assert.ok(Number.isFinite(y), `value at ${x}`);
        assert.ok(Math.abs(y - f(0)) < 1e-300, `value at ${x} (${y}) jumps from f(0) = ${f(0)}`);
        assert.ok(Number.isFinite(df(x)), `derivative at ${x}`);
      }
    });
  }

  it('saturating functions reach their limits exactly', () => {
    const at = (name: string, x: number, extra: Record<string, number | string> = {}) =>
      applyActivation(name, fromNested([x]), extra).data[0];
    assert.equal(at('sigmoid', Infinity), 1);
    assert.equal(at('sigmoid', -Infinity), 0);
    assert.equal(at('tanh', -Infinity), -1);
    assert.equal(at('softsign', Infinity), 1);
    assert.equal(at('gelu', -Infinity), 0);
    assert.equal(at('gelu', Infinity), Infinity);
    assert.equal(at('silu', -Infinity), 0);
    assert.equal(at('mish', -Infinity), 0);
    assert.equal(at('logsigmoid', Infinity), -0);
    assert.equal(at('elu', -Infinity), -1);
    assert.equal(at('softplus', 1e300), 1e300);
    assert.equal(at('softplus', -1e300), 0);
    assert.equal(at('relu', 1.7e308), 1.7e308);
    assert.equal(at('squared_relu', 1e300), Infinity);
    assert.ok(Math.abs(at('squareplus', -1e300) / 1e-300 - 1) < 1e-15, 'squareplus(-x) ~ b / (4x)');
  });

  it('tiny inputs keep their digits', () => {
    const at = (name: string, x: number) => applyActivation(name, fromNested([x])).data[0];
    assert.equal(at('relu', 5e-324), 5e-324);
    assert.equal(at('gelu', 1e-300), 0.5e-300);
    assert.equal(at('silu', 1e-300), 0.5e-300);
    assert.equal(at('tanh', 1e-300), 1e-300);
    assert.equal(at('elu', -1e-300), -1e-300);
    assert.equal(at('sigmoid', 1e-300), 0.5);
    assert.ok(Math.abs(at('tanhshrink', 1e-5) / (1e-15 / 3 - (2 * 1e-25) / 15) - 1) < 1e-15, 'tanhshrink(x) = x^3/3 - 2x^5/15 + ... near 0');
  });

  it('derivatives at kinks follow PyTorch autograd', () => {
    const d = (name: string, x: number, given: Record<string, number | string> = {}) => {
      const def = elementwise.find((e) => e.name === name)!;
      return def.scalar.derivative(x, resolveParameters(def, given));
    };
    assert.equal(d('relu', 0), 0);
    assert.equal(d('leaky_relu', 0, { alpha: 0.2 }), 0.2);
    assert.equal(d('relu6', 0), 0);
    assert.equal(d('relu6', 6), 0);
    assert.equal(d('hardtanh', -1), 0);
    assert.equal(d('hardtanh', 1), 0);
    assert.equal(d('elu', 0, { alpha: 0.5 }), 0.5);
    assert.equal(d('threshold', 0.5, { threshold: 0.5, value: -1 }), 0);
    assert.equal(d('softshrink', 0.5), 0);
    assert.equal(d('hardswish', -3), 0);
    assert.equal(d('hardswish', 3), 1);
  });
});
