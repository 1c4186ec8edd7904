/** The x range a function is plotted over when none is asked for (plot-range.ts): it shows the function's character. */
import { strict as assert } from 'assert';
import { catalogue, getActivation, plotRange, resolveParameters } from '../../../../src/engine';

const range = (name: string, given: Record<string, number> = {}) => {
  const d = getActivation(name);
  return plotRange(d, resolveParameters(d, given));
};

describe('engine/activations: default plot ranges', () => {
  it('is [-5, 5] for the smooth and the symmetric ones, as LANGUAGE.md\'s default', () => {
    for (const name of ['relu', 'sigmoid', 'tanh', 'gelu', 'silu', 'elu', 'softplus', 'hardtanh', 'hardsigmoid', 'softshrink', 'prelu']) {
      assert.deepEqual(range(name), { from: -5, to: 5 }, name);
    }
  });

  it('holds every kink with room on both sides: relu6 shows its cap at 6', () => {
    assert.deepEqual(range('relu6'), { from: -2, to: 8 });
    const wide = range('hardtanh', { min_val: -3, max_val: 8 });
    assert.ok(wide.from <= -5 && wide.to >= 10, JSON.stringify(wide));
  });

  it("widens a side that barely moves: leaky_relu(alpha=0.01)'s leak is visible, unlike over [-5, 5]", () => {
    const r = range('leaky_relu');
    assert.deepEqual(r, { from: -12, to: 3 });
    const alpha = 0.01;
    // the left side falls by at least 3% of the right side's rise (over [-5, 5]: 1%)
    assert.ok((alpha * -r.from) / r.to >= 0.03);
    // a larger slope needs nothing; a smaller one is widened more, within bounds
    assert.deepEqual(range('leaky_relu', { alpha: 0.2 }), { from: -5, to: 5 });
    const tiny = range('leaky_relu', { alpha: 0.001 });
    assert.ok(tiny.from < -12 && tiny.from >= -30 && tiny.to >= 1, JSON.stringify(tiny));
  });

  it('stays finite for parameters at the edges of the doubles (fuzz)', () => {
    // kinks at -1e308 and 1e308 are further apart than the largest double: the margin was inf
    for (const [name, given] of [
      ['hardtanh', { min_val: -1e308, max_val: 1e308 }], ['softshrink', { lambd: 1e308 }], ['threshold', { threshold: 1e308, value: 0 }],
      ['threshold', { threshold: -1.7976931348623157e308, value: 0 }], ['hardtanh', { min_val: -Infinity, max_val: Infinity }],
    ] as const) {
      const r = range(name, given);
      assert.ok(Number.isFinite(r.from) && Number.isFinite(r.to) && r.from < r.to, `${name}(${JSON.stringify(given)}): ${JSON.stringify(r)}`);
    }
  });

  it('every entry has a finite range at least 10 wide, ends on round numbers', () => {
    for (const d of catalogue) {
      const given: Record<string, number> = d.name === 'threshold' ? { threshold: 0.5, value: -1 } : {};
      const r = plotRange(d, resolveParameters(d, given));
      assert.ok(Number.isFinite(r.from) && Number.isFinite(r.to) && r.to - r.from >= 10, `${d.name}: ${JSON.stringify(r)}`);
      assert.ok(Number.isInteger(r.from) && Number.isInteger(r.to), `${d.name}: ${JSON.stringify(r)}`);
    }
  });
});
