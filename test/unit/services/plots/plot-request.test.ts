/** What the plot commands draw (plot-request.ts): the parameters box's text, and compare panels titled once. */
import { strict as assert } from 'assert';
import { computePlot, parameterBoxRequest } from '../../../../src/services/plots/plot-request';

describe('plot requests', () => {
  it('the parameters box takes from= and to= beside the parameters, anywhere in the list', () => {
    assert.deepEqual(parameterBoxRequest('leaky_relu', 'alpha=0.2, from=-20, to=2'), { expressions: ['leaky_relu(alpha=0.2)'], from: -20, to: 2 });
    assert.deepEqual(parameterBoxRequest('leaky_relu', 'to=3,alpha=0.2'), { expressions: ['leaky_relu(alpha=0.2)'], to: 3 });
    // the defaults as offered are the plain function, with or without a range
    assert.deepEqual(parameterBoxRequest('leaky_relu', 'alpha=0.01'), { expressions: ['leaky_relu'] });
    assert.deepEqual(parameterBoxRequest('gelu', 'approximate="none", from=-3'), { expressions: ['gelu'], from: -3 });
    // commas inside a string stay in their parameter
    assert.deepEqual(parameterBoxRequest('gelu', 'approximate="a,b"').expressions, ['gelu(approximate="a,b")']);
  });

  it('a range from the box is drawn; a bad one is said, not drawn', () => {
    const r = computePlot(parameterBoxRequest('leaky_relu', 'alpha=0.2, from=-20, to=2'));
    assert.ok(r.ok && r.display.kind === 'plot');
    const x = r.display.series[0].x!;
    assert.deepEqual([x[0], x[x.length - 1]], [-20, 2]);
    const bad = computePlot(parameterBoxRequest('leaky_relu', 'alpha=0.2, from=left'));
    assert.ok(!bad.ok && /from= must be a number/.test(bad.message));
    const reversed = computePlot(parameterBoxRequest('leaky_relu', 'from=3, to=1'));
    assert.ok(!reversed.ok && /from < to/.test(reversed.message));
  });

  it('a comparison is titled once: by the panel, not again on the chart', () => {
    const r = computePlot({ expressions: ['relu', 'gelu'], title: 'relu vs gelu' });
    assert.ok(r.ok && r.display.kind === 'plot');
    assert.equal(r.title, 'relu vs gelu');
    assert.equal(r.display.title, undefined);
    assert.equal(r.display.series.length, 4);
  });

  it('one function is its output, typeset', () => {
    const r = computePlot({ expressions: ['leaky_relu(alpha=0.01)'] });
    assert.ok(r.ok && r.display.kind === 'function');
    assert.match(r.display.images?.formula ?? '', /^<svg /);
    assert.equal(r.display.formula, 'x if x > 0 else 0.01 * x');
  });
});
