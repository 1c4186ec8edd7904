/**
 * The example cell at the top of LANGUAGE.md, run statement by statement as
 * cells of one notebook session (and as one cell).
 */
import { strict as assert } from 'assert';
import { asPlot, asTensor, assertAllClose, display, expectNone, grid, numbers, Session, sigmoid } from './support';
import { LANGUAGE_EXAMPLE_CELL } from '../../helpers/language-example';

const EXAMPLE = LANGUAGE_EXAMPLE_CELL;

const X = [-3, -2, -1, 0, 1, 2, 3];
const f = (x: number) => x * sigmoid(1.702 * x);
const fPrime = (x: number) => {
  const s = sigmoid(1.702 * x);
  return s + 1.702 * x * s * (1 - s);
};

describe('runtime: the example cell of LANGUAGE.md, cell by cell', () => {
  let s: Session;
  beforeEach(() => {
    s = new Session();
  });

  it('x = linspace(-3, 3, 7) displays nothing and x lives on', () => {
    expectNone(display(s, '# a comment runs to the end of the line\nx = linspace(-3, 3, 7)          # assignment'));
    assert.deepEqual(asTensor(display(s, 'x'), [7], 'float64'), X);
  });

  it('relu(x) in a later cell uses x from the earlier one', () => {
    display(s, 'x = linspace(-3, 3, 7)');
    assert.deepEqual(asTensor(display(s, 'relu(x)                          # the LAST statement is displayed'), [7]), X.map((v) => Math.max(0, v)));
  });

  it('f(x) = x * sigmoid(1.702 * x) defines a function (displays nothing) that applies elementwise', () => {
    display(s, 'x = linspace(-3, 3, 7)');
    expectNone(display(s, 'f(x) = x * sigmoid(1.702 * x)    # a user-defined function of one variable'));
    assertAllClose(asTensor(display(s, 'f(x)'), [7]), X.map(f), 1e-14, 'f(x)');
  });

  it('g(x, a=0.1) = max(a * x, x) uses its default, and a named override', () => {
    display(s, 'x = linspace(-3, 3, 7)');
    expectNone(display(s, 'g(x, a=0.1) = max(a * x, x)      # ...with named parameters and defaults'));
    assertAllClose(asTensor(display(s, 'g(x)')), X.map((v) => Math.max(0.1 * v, v)), 1e-15, 'g(x)');
    assertAllClose(asTensor(display(s, 'g(x, a=0.5)')), X.map((v) => Math.max(0.5 * v, v)), 1e-15, 'g(x, a=0.5)');
  });

  it('the parameter x of f does not clobber the global x', () => {
    display(s, 'x = linspace(-3, 3, 7)', 'f(x) = x * sigmoid(1.702 * x)', 'f(2)');
    assert.deepEqual(asTensor(display(s, 'x')), X);
  });

  it('plot(relu, f, leaky_relu(alpha=0.2), from=-4, to=4, derivative=false) plots the three functions', () => {
    display(s, 'f(x) = x * sigmoid(1.702 * x)');
    const p = asPlot(display(s, 'plot(relu, f, leaky_relu(alpha=0.2), from=-4, to=4, derivative=false)'));
    assert.deepEqual(p.series.map((q) => q.name), ['relu', 'f', 'leaky_relu(alpha=0.2)']);
    const xs = grid(-4, 4, 401);
    assertAllClose(numbers(p.series[1].y), xs.map(f), 1e-14, 'f');
    assertAllClose(numbers(p.series[2].y), xs.map((x) => (x > 0 ? x : 0.2 * x)), 1e-15, 'leaky');
  });

  it('the example without its derivative lines runs as one cell, comments and all', () => {
    const cell = EXAMPLE.split('\n').filter((line) => !line.startsWith("f'(x)") && !line.startsWith('plot(')).join('\n') + '\nf(x)';
    assertAllClose(asTensor(display(s, cell), [7]), X.map(f), 1e-14);
  });

  // Derivatives of user-defined functions are being implemented by another engineer;
  // today f' fails with "not available yet". Unskip when they land.
  it("f'(x) is the derivative of f on x", () => {
    display(s, 'x = linspace(-3, 3, 7)', 'f(x) = x * sigmoid(1.702 * x)');
    assertAllClose(asTensor(display(s, "f'(x)"), [7]), X.map(fPrime), 1e-12, "f'(x)");
  });

  it('plot(relu, f, leaky_relu(alpha=0.2), from=-4, to=4) gives each function and its derivative', () => {
    display(s, 'f(x) = x * sigmoid(1.702 * x)');
    const p = asPlot(display(s, 'plot(relu, f, leaky_relu(alpha=0.2), from=-4, to=4)'));
    assert.deepEqual(p.series.map((q) => q.name), ['relu', "relu'", 'f', "f'", 'leaky_relu(alpha=0.2)', "leaky_relu(alpha=0.2)'"]);
    assert.deepEqual(p.series.map((q) => q.derivative === true), [false, true, false, true, false, true]);
    const xs = grid(-4, 4, 401);
    assertAllClose(numbers(p.series[3].y), xs.map(fPrime), 1e-12, "f'");
  });

  it('the whole example as one cell displays the plot of its last line', () => {
    const p = asPlot(display(s, EXAMPLE));
    assert.equal(p.series.length, 6);
    assert.deepEqual(asTensor(display(s, 'x')), X);
  });
});
