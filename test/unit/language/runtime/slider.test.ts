/** slider(min, max, step=, value=): a number everywhere, a slider in a plot, whose live part redraws it from source. */
import { strict as assert } from 'assert';
import { asNumber, asPlot, display, evalCell, Session } from './support';
import { fromJsonNumber, type PlotDisplay } from '../../../../src/shared/output';

const ys = (p: PlotDisplay, i: number): number[] => p.series[i]!.y.map(fromJsonNumber);

/** What the renderer does: run the definitions, set the sliders, evaluate the plot call. */
function redraw(p: PlotDisplay, values: readonly number[]): PlotDisplay {
  const live = p.live!;
  const session = new Session();
  assert.equal(session.run(live.definitions).display.kind, 'none', live.definitions);
  const assignments = live.sliders.map((s, i) => `${s.variable} = ${values[i]}`).join('\n');
  return asPlot(session.run(`${assignments}\n${live.plot}`).display);
}

describe('language/runtime: slider', () => {
  it('is its current value outside plots: value=, else the parameter default in range, else min', () => {
    assert.equal(asNumber(evalCell('leaky_relu(alpha=slider(0, 1, value=0.3))(-1)')), -0.3);
    assert.equal(asNumber(evalCell('leaky_relu(alpha=slider(0, 1))(-1)')), -0.01, "alpha's default 0.01 is in [0, 1]");
    assert.equal(asNumber(evalCell('leaky_relu(alpha=slider(0.5, 1))(-1)')), -0.5, 'the default is outside: min');
    assert.equal(asNumber(evalCell('elu(alpha=slider(0.1, 3))(-100)')), -1, "elu's alpha=1 is in range");
    assert.equal(asNumber(evalCell('slider(2, 5)')), 2);
    assert.equal(asNumber(evalCell('slider(2, 5) + 1')), 3);
    assert.equal(asNumber(display(new Session(), 'g(x, a=0.1) = max(a * x, x)', 'g(a=slider(-1, 1))(-2)')), -0.2);
    assert.equal(asNumber(display(new Session(), 'g(x, a=0.1) = max(a * x, x)', 'g(a=slider(0.5, 1))(-2)')), -1);
  });

  it('refuses min >= max, a value outside the range and step <= 0, saying which', () => {
    const message = (src: string) => {
      const d = evalCell(src);
      assert.equal(d.kind, 'error', src);
      return d.kind === 'error' ? d.message : '';
    };
    assert.match(message('slider(1, 1)'), /min < max/);
    assert.match(message('slider(1, 0)'), /min < max/);
    assert.match(message('slider(0, 1, value=2)'), /value=2 is outside its range 0 to 1/);
    assert.match(message('slider(0, 1, step=0)'), /step must be > 0/);
    assert.match(message('slider(0, 1, step=-0.1)'), /step must be > 0/);
    assert.match(message('slider(0, 1, start=0.5)'), /no named argument 'start'/);
  });

  it('makes a plot carry its sliders and source, which redraw it exactly and move with the slider', () => {
    const p = asPlot(evalCell('plot(leaky_relu(alpha=slider(0, 1)), elu(alpha=slider(0.1, 3, step=0.1)))'));
    assert.ok(p.live, 'a plot with sliders has a live part');
    assert.deepEqual(p.live.sliders.map(({ name, min, max, step, value }) => ({ name, min, max, step, value })), [
      { name: 'alpha', min: 0, max: 1, step: 0.01, value: 0.01 },
      { name: 'elu.alpha', min: 0.1, max: 3, step: 0.1, value: 1 },
    ]);
    const same = redraw(p, p.live.sliders.map((s) => s.value));
    assert.deepEqual(same.series.map((s) => s.y), p.series.map((s) => s.y), 'the starting values redraw the kernel\'s plot');
    const moved = redraw(p, [0.5, 2]);
    const x = p.series[0]!.x!.map(fromJsonNumber);
    const i = x.findIndex((v) => v <= -2 && v > -2.1);
    assert.ok(Math.abs(ys(moved, 0)[i]! - 0.5 * x[i]!) < 1e-12, 'leaky_relu at alpha=0.5');
    assert.ok(Math.abs(ys(moved, 2)[i]! - 2 * Math.expm1(x[i]!)) < 1e-12, 'elu at alpha=2');
    assert.deepEqual(moved.series[0]!.x, p.series[0]!.x, 'the grid stays');
  });

  it('travels with user functions, their definitions and what their bodies read', () => {
    const session = new Session();
    const p = asPlot(display(session, 'k = 2\ng(x, a=0.1) = k * max(a * x, x)\ns = slider(-1, 1, value=0.5)', 'plot(g(a=s))'));
    assert.ok(p.live);
    assert.equal(p.live.sliders.length, 1);
    assert.equal(p.live.sliders[0]!.name, 'a');
    assert.equal(p.live.sliders[0]!.value, 0.5);
    const moved = redraw(p, [-1]);
    const x = p.series[0]!.x!.map(fromJsonNumber);
    ys(moved, 0).forEach((y, i) => assert.equal(y, 2 * Math.max(-x[i]!, x[i]!)));
    ys(moved, 1).forEach((dy, i) => assert.ok(Math.abs(dy - (x[i]! < 0 ? -2 : 2)) < 1e-12 || x[i] === 0, `g' at ${x[i]}`));
  });

  it('steps by a hundredth of its range as a decimal: slider(0.1, 3) by 0.029, not 0.028999999999999998', () => {
    const step = (src: string) => asPlot(evalCell(`plot(elu(alpha=${src}))`)).live!.sliders[0]!.step;
    assert.equal(step('slider(0.1, 3)'), 0.029);
    assert.equal(String(step('slider(0.1, 3)')), '0.029');
    assert.equal(step('slider(0, 1)'), 0.01);
    assert.equal(step('slider(-0.3, 0.4)'), 0.007);
    assert.equal(step('slider(0.1, 3, step=0.2)'), 0.2, 'a given step is kept');
  });

  it('is no slider as a function value (not a plot) or as a default of a user function: just its value', () => {
    const f = evalCell('elu(alpha=slider(0.1, 3))');
    assert.equal(f.kind, 'function');
    assert.ok(!('live' in f), 'a function output draws no sliders');
    const session = new Session();
    const p = asPlot(display(session, 'g(x, a=slider(0, 1, value=0.3)) = max(a * x, x)', 'plot(g)'));
    assert.equal(p.live, undefined, "a default's slider is its value");
    const x = p.series[0]!.x!.map(fromJsonNumber);
    ys(p, 0).forEach((y, i) => assert.ok(Math.abs(y - Math.max(0.3 * x[i]!, x[i]!)) < 1e-12, `g(${x[i]}) with a = 0.3`));
  });

  it('leaves plots without sliders as they were', () => {
    assert.equal(asPlot(evalCell('plot(relu, leaky_relu(alpha=0.2))')).live, undefined);
  });

  it('is documented by help(slider)', () => {
    const d = evalCell('help(slider)');
    assert.equal(d.kind, 'string');
    if (d.kind === 'string') assert.match(d.value, /slider\(min, max, step=.*value=/);
  });
});
