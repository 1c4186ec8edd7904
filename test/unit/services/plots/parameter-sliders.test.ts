/** A slider for each number parameter of an activation, for the plot panel (services/plots/parameter-sliders.ts). */
import { strict as assert } from 'assert';
import { catalogue } from '../../../../src/engine';
import { withParameterSliders } from '../../../../src/services/plots/parameter-sliders';
import { computePlot } from '../../../../src/services/plots/plot-request';

describe('services/plots/parameter-sliders: the plot panel\'s sliders', () => {
  it('gives every number parameter of the catalogue a slider range that holds its default', () => {
    for (const d of catalogue) {
      for (const p of d.parameters) {
        if (p.choices || typeof p.default === 'string') continue;
        assert.ok(p.slider, `${d.name}.${p.name} has a slider range`);
        assert.ok(p.slider.min < p.slider.max, `${d.name}.${p.name}`);
        const start = typeof p.default === 'number' ? p.default : p.slider.start;
        assert.ok(start !== undefined && start >= p.slider.min && start <= p.slider.max, `${d.name}.${p.name} starts in its range`);
      }
    }
  });

  it('writes a slider for each number parameter, starting at the value given or the default', () => {
    assert.equal(withParameterSliders('leaky_relu')?.expression, 'leaky_relu(alpha=slider(0, 1, value=0.01))');
    assert.equal(withParameterSliders('leaky_relu(alpha=0.2)')?.expression, 'leaky_relu(alpha=slider(0, 1, value=0.2))');
    assert.equal(withParameterSliders('leaky_relu(negative_slope=2)')?.expression, 'leaky_relu(alpha=slider(0, 2, value=2))', 'an alias, a value past the range widens it');
    assert.equal(withParameterSliders('softplus')?.expression, 'softplus(beta=slider(0.1, 10, step=0.1, value=1), threshold=slider(1, 40, step=0.5, value=20))');
    assert.equal(withParameterSliders('threshold')?.expression, 'threshold(threshold=slider(-3, 3, value=1), value=slider(-3, 3, value=0))', 'no defaults: the range\'s start');
    assert.equal(withParameterSliders("elu(alpha=2)'")?.expression, "elu(alpha=slider(0, 3, value=2))'");
    assert.equal(withParameterSliders('softplus(beta=-1)')?.expression, 'softplus(beta=slider(-1, 10, step=0.1, value=-1), threshold=slider(1, 40, step=0.5, value=20))');
  });

  it('writes none where there is nothing to slide or it is not an activation', () => {
    for (const e of ['relu', 'gelu', 'relu6', 'relu(x)', 'f', 'leaky_relu(alpha=1/3)', 'leaky_relu(beta=1)', 'relu +', '2 * elu']) {
      assert.equal(withParameterSliders(e), undefined, e);
    }
    assert.equal(withParameterSliders('softplus(beta=2*2)')?.expression, 'softplus(beta=2*2, threshold=slider(1, 40, step=0.5, value=20))', 'an expression stays as written');
  });

  it('gives the formulas in the parameters\' symbols, for the function (not its derivative)', () => {
    assert.equal(withParameterSliders('leaky_relu')?.formulas?.latex?.formula, '\\operatorname{leaky\\_relu}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}');
    assert.equal(withParameterSliders('leaky_relu')?.formulas?.formula, 'x if x > 0 else alpha * x');
    assert.equal(withParameterSliders("leaky_relu'")?.formulas, undefined);
  });

  it('makes the panel\'s request a plot with its sliders and typeset formulas', () => {
    const r = computePlot({ expressions: ['softplus'], sliders: true });
    assert.ok(r.ok && r.display.kind === 'plot');
    assert.deepEqual(r.display.live?.sliders.map((s) => [s.name, s.min, s.max, s.step, s.value]), [['beta', 0.1, 10, 0.1, 1], ['threshold', 1, 40, 0.5, 20]]);
    assert.equal(r.title, 'softplus');
    assert.match(r.formulas?.images?.formula ?? '', /^<svg/);
    assert.equal(r.display.series.length, 2, 'f and f\'');
    const plain = computePlot({ expressions: ['softplus'] });
    assert.ok(plain.ok && plain.display.kind === 'function', 'without sliders: the function as before');
    const relu = computePlot({ expressions: ['relu'], sliders: true });
    assert.ok(relu.ok && relu.display.kind === 'function', 'nothing to slide: the function');
    const own = computePlot({ expressions: ['g(a=slider(-1, 1, value=0.5))'], prelude: ['g(x, a=0.1) = max(a * x, x)'], sliders: true });
    assert.ok(own.ok && own.display.kind === 'plot', 'a cell\'s own slider (Plot at Cursor) is kept');
    assert.deepEqual(own.display.live?.sliders.map((s) => [s.name, s.value]), [['a', 0.5]]);
    assert.equal(own.formulas, undefined);
  });
});
