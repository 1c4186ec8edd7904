/**
 * LANGUAGE.md "Builtins" / activations: every activation name runs on a tensor
 * through the language and matches an independent reference (textbook /
 * PyTorch definitions written out here), with its parameters and aliases.
 */
import { strict as assert } from 'assert';
import { activationNames } from '../../../../src/engine';
import {
  asError, asNumber, asTensor, assertAllClose, assertClose, centralDifference, erfSeries, evalCell, SELU_ALPHA, SELU_SCALE,
  sigmoid, softplusRef,
} from './support';

/** Avoids every kink of the catalogue's defaults (0, ±0.5, ±1, ±3, 6). */
const X = [-3.5, -1.5, -0.7, -0.2, 0.3, 0.9, 1.7, 4.5];
const relu6 = (x: number) => Math.min(Math.max(x, 0), 6);
const geluErf = (x: number) => 0.5 * x * (1 + erfSeries(x / Math.SQRT2));
const geluTanh = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

/** Elementwise activations with default parameters: the language name and a reference. */
const ELEMENTWISE: Record<string, (x: number) => number> = {
  relu: (x) => Math.max(0, x),
  relu6,
  leaky_relu: (x) => (x > 0 ? x : 0.01 * x),
  prelu: (x) => (x > 0 ? x : 0.25 * x),
  rrelu: (x) => (x > 0 ? x : ((1 / 8 + 1 / 3) / 2) * x),
  squared_relu: (x) => Math.max(0, x) ** 2,
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  selu: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1)),
  celu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  gelu: geluErf,
  gelu_tanh: geluTanh,
  silu: (x) => x * sigmoid(x),
  swish: (x) => x * sigmoid(x),
  quick_gelu: (x) => x * sigmoid(1.702 * x),
  mish: (x) => x * Math.tanh(softplusRef(x)),
  sigmoid,
  logsigmoid: (x) => -softplusRef(-x),
  tanh: Math.tanh,
  softplus: softplusRef,
  softsign: (x) => x / (1 + Math.abs(x)),
  tanhshrink: (x) => x - Math.tanh(x),
  hardtanh: (x) => Math.min(Math.max(x, -1), 1),
  hardsigmoid: (x) => relu6(x + 3) / 6,
  hardswish: (x) => (x * relu6(x + 3)) / 6,
  softshrink: (x) => (x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0),
  hardshrink: (x) => (Math.abs(x) > 0.5 ? x : 0),
  squareplus: (x) => (x + Math.sqrt(x * x + 4)) / 2,
  snake: (x) => x + Math.sin(x) ** 2,
};

function softmaxRef(row: number[]): number[] {
  const m = Math.max(...row);
  const z = row.map((v) => Math.exp(v - m));
  const sum = z.reduce((a, b) => a + b, 0);
  return z.map((v) => v / sum);
}

describe('runtime: activation builtins (LANGUAGE.md builtins table)', () => {
  it('the reference table covers every activation name the language accepts (threshold/softmax below)', () => {
    const covered = new Set([...Object.keys(ELEMENTWISE), 'threshold', 'softmax', 'log_softmax']);
    const missing = activationNames().filter((n) => !covered.has(n));
    assert.deepEqual(missing, []);
  });

  for (const [name, ref] of Object.entries(ELEMENTWISE)) {
    it(`${name}(x) on a tensor matches its definition; ${name}'(x) matches a difference quotient`, () => {
      const got = asTensor(evalCell(`${name}(${JSON.stringify(X)})`), [X.length], 'float64');
      assertAllClose(got, X.map(ref), 1e-12, name);
      const slope = asTensor(evalCell(`${name}'(${JSON.stringify(X)})`), [X.length], 'float64');
      assertAllClose(slope, X.map((x) => centralDifference(ref, x)), 1e-6, `${name}'`);
      // on a matrix, the shape is kept
      const m = asTensor(evalCell(`${name}([[${X.slice(0, 2)}], [${X.slice(2, 4)}]])`), [2, 2]);
      assertAllClose(m, X.slice(0, 4).map(ref), 1e-12, `${name} on a matrix`);
    });
  }

  describe('parameters (canonical names, PyTorch aliases, defaults)', () => {
    it('leaky_relu alpha / negative_slope', () => {
      assert.equal(asNumber(evalCell('leaky_relu(-2, alpha=0.3)')), -0.6);
      assert.equal(asNumber(evalCell('leaky_relu(-2, negative_slope=0.3)')), -0.6);
    });

    it('prelu alpha / weight', () => {
      assert.equal(asNumber(evalCell('prelu(-2, alpha=0.1)')), -0.2);
      assert.equal(asNumber(evalCell('prelu(-2, weight=0.1)')), -0.2);
    });

    it('rrelu evaluation mode: slope (lower + upper) / 2', () => {
      assertClose(asNumber(evalCell('rrelu(-4, lower=0.1, upper=0.3)')), -4 * 0.2, 1e-15);
    });

    it('elu and celu alpha', () => {
      assertClose(asNumber(evalCell('elu(-1, alpha=2)')), 2 * (Math.exp(-1) - 1), 1e-15);
      assertClose(asNumber(evalCell('celu(-1, alpha=2)')), 2 * (Math.exp(-0.5) - 1), 1e-15);
    });

    it('gelu approximate="none" is the erf form; gelu_tanh is gelu(approximate="tanh")', () => {
      const xs = JSON.stringify(X);
      assertAllClose(asTensor(evalCell(`gelu(${xs}, approximate="none")`)), X.map(geluErf), 1e-12);
      assert.deepEqual(asTensor(evalCell(`gelu_tanh(${xs})`)), asTensor(evalCell(`gelu(${xs}, approximate="tanh")`)));
      assert.deepEqual(asTensor(evalCell(`gelu_tanh(${xs})`)), asTensor(evalCell(`gelu(approximate="tanh")(${xs})`)));
      // and it really is the tanh form, which differs from the erf form
      assertAllClose(asTensor(evalCell(`gelu_tanh(${xs})`)), X.map(geluTanh), 1e-12);
      assert.ok(Math.abs(geluTanh(1.7) - geluErf(1.7)) > 1e-5);
    });

    it('softplus beta and threshold (PyTorch: beta * x > threshold returns x)', () => {
      assertClose(asNumber(evalCell('softplus(1, beta=2)')), Math.log1p(Math.exp(2)) / 2, 1e-15);
      assert.equal(asNumber(evalCell('softplus(30)')), 30);
      assert.equal(asNumber(evalCell('softplus(3, beta=2, threshold=5)')), 3); // 2*3 = 6 > 5
      assertClose(asNumber(evalCell('softplus(2, beta=2, threshold=5)')), Math.log1p(Math.exp(4)) / 2, 1e-15); // 4 <= 5
    });

    it('softshrink and hardshrink lambd', () => {
      assert.deepEqual(asTensor(evalCell('softshrink([-2, -0.5, 0.5, 2], lambd=1)')), [-1, 0, 0, 1]);
      assert.deepEqual(asTensor(evalCell('hardshrink([-2, -1, 0.5, 2], lambd=1)')), [-2, 0, 0, 2]);
    });

    it('hardtanh min_val and max_val', () => {
      assert.deepEqual(asTensor(evalCell('hardtanh([-5, 0.5, 5], min_val=-2, max_val=3)')), [-2, 0.5, 3]);
    });

    it('threshold needs threshold and value: x if x > threshold else value', () => {
      assert.deepEqual(asTensor(evalCell('threshold([-1, 0.5, 1, 2], threshold=1, value=-7)')), [-7, -7, -7, 2]);
      assert.deepEqual(asTensor(evalCell('threshold([-1, 0.5, 1, 2], 1, -7)')), [-7, -7, -7, 2]);
      asError(evalCell('threshold([1, 2], threshold=1)'), /'value'/, 1, 1);
    });

    it('squareplus b and snake a', () => {
      assertClose(asNumber(evalCell('squareplus(1, b=1)')), (1 + Math.sqrt(2)) / 2, 1e-15);
      assertClose(asNumber(evalCell('snake(0.7, a=2)')), 0.7 + Math.sin(1.4) ** 2 / 2, 1e-15);
    });
  });

  describe('softmax and log_softmax', () => {
    it('over a vector', () => {
      const v = [1, 2, 3, -1];
      const y = softmaxRef(v);
      assertAllClose(asTensor(evalCell(`softmax(${JSON.stringify(v)})`), [4]), y, 1e-15);
      assertAllClose(asTensor(evalCell(`log_softmax(${JSON.stringify(v)})`), [4]), y.map(Math.log), 1e-14);
    });

    it('over the last axis of a matrix (each row sums to 1)', () => {
      const rows = [[1, 2, 3], [0, 0, 10]];
      const got = asTensor(evalCell(`softmax(${JSON.stringify(rows)})`), [2, 3]);
      assertAllClose(got, rows.flatMap(softmaxRef), 1e-15);
      assertAllClose(asTensor(evalCell(`sum(softmax(${JSON.stringify(rows)}), axis=1)`)), [1, 1], 1e-15);
    });

    it('is invariant to adding a constant and stable for large inputs', () => {
      assertAllClose(asTensor(evalCell('softmax([1000, 1001])')), softmaxRef([0, 1]), 1e-15);
    });
  });
});
