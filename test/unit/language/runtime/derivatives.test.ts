/**
 * LANGUAGE.md "Derivatives": f' of builtins (PyTorch's values at kinks),
 * partial applications and second derivatives; user-defined functions and
 * compositions (pending: see the skipped tests).
 */
import { strict as assert } from 'assert';
import {
  asError, asFunction, asNumber, asTensor, assertAllClose, assertClose, assertRelative, display, evalCell, Session, sigmoid,
} from './support';

const value = (source: string) => asNumber(evalCell(source));

describe('runtime: derivatives (LANGUAGE.md derivatives)', () => {
  describe("builtins at kinks follow PyTorch autograd", () => {
    it("relu'(0) = 0, relu' is 1 for x > 0 and 0 for x < 0", () => {
      assert.equal(value("relu'(0)"), 0);
      assert.equal(value("relu'(1e-300)"), 1);
      assert.equal(value("relu'(-1e-300)"), 0);
      assert.deepEqual(asTensor(evalCell("relu'([-2, 0, 3])")), [0, 0, 1]);
    });

    it("leaky_relu'(0) = alpha: default 0.01, leaky_relu(alpha=0.2)'(0) = 0.2", () => {
      assert.equal(value("leaky_relu'(0)"), 0.01);
      assert.equal(value("leaky_relu(alpha=0.2)'(0)"), 0.2);
      assert.equal(value("leaky_relu(alpha=0.2)'(-5)"), 0.2);
      assert.equal(value("leaky_relu(alpha=0.2)'(5)"), 1);
    });

    it("hardtanh' is 0 on its bounds: hardtanh'(1) = hardtanh'(-1) = 0, 1 inside", () => {
      assert.equal(value("hardtanh'(1)"), 0);
      assert.equal(value("hardtanh'(-1)"), 0);
      assert.equal(value("hardtanh'(0.5)"), 1);
      assert.deepEqual(asTensor(evalCell("hardtanh(min_val=-2, max_val=3)'([-2, -1.9, 2.9, 3])")), [0, 1, 1, 0]);
    });

    it("relu6' is 0 at 0 and at 6", () => {
      assert.deepEqual(asTensor(evalCell("relu6'([0, 3, 6, 7])")), [0, 1, 0, 0]);
    });

    it("elu'(0) takes the x <= 0 branch: alpha * exp(0) = alpha", () => {
      assert.equal(value("elu(alpha=2)'(0)"), 2);
    });
  });

  describe("smooth builtins' derivatives match the analytic ones", () => {
    it("sigmoid' = s (1 - s), tanh' = 1 - tanh^2, softplus' = sigmoid", () => {
      for (const x of [-3, -0.4, 0, 0.3, 2.2]) {
        const s = sigmoid(x);
        assertClose(value(`sigmoid'(${x})`), s * (1 - s), 1e-14, `sigmoid'(${x})`);
        assertClose(value(`tanh'(${x})`), 1 - Math.tanh(x) ** 2, 1e-14, `tanh'(${x})`);
        assertClose(value(`softplus'(${x})`), s, 1e-14, `softplus'(${x})`);
      }
    });
  });

  describe("f'' of a builtin", () => {
    it("sigmoid''(0.3) = s(1-s)(1-2s) within 1e-8 relative", () => {
      const s = sigmoid(0.3);
      assertRelative(value("sigmoid''(0.3)"), s * (1 - s) * (1 - 2 * s), 1e-8, "sigmoid''(0.3)");
    });

    it("tanh''(x) = -2 tanh(x) (1 - tanh(x)^2) on a tensor", () => {
      const xs = [-2, -0.5, 0.7, 1.9];
      const got = asTensor(evalCell(`tanh''(${JSON.stringify(xs)})`), [4]);
      got.forEach((g, i) => {
        const t = Math.tanh(xs[i]);
        assertRelative(g, -2 * t * (1 - t * t), 1e-8, `tanh''(${xs[i]})`);
      });
    });

    it("relu'' is 0 everywhere, including at and next to the kink (autograd gives 0)", () => {
      assert.deepEqual(asTensor(evalCell("relu''([-1, -1e-7, 0, 1e-7, 1])")).map((v) => Math.abs(v) < 1e-9), [true, true, true, true, true]);
    });

    it("leaky_relu'' and hardtanh'' are 0 at their kinks", () => {
      assertClose(value("leaky_relu(alpha=0.2)''(0)"), 0, 1e-9);
      assertClose(value("hardtanh''(1)"), 0, 1e-9);
      assertClose(value("hardtanh''(-1)"), 0, 1e-9);
    });

    it("elu(alpha=2)''(0) is 0, as PyTorch's double backward gives (though elu'(0) = alpha); left of 0 it is alpha * exp(x)", () => {
      assert.equal(value("elu(alpha=2)''(0)"), 0);
      assert.equal(value("elu(alpha=2)'(0)"), 2);
      assertRelative(value("elu(alpha=2)''(-1e-6)"), 2 * Math.exp(-1e-6), 1e-15);
      assert.equal(value("elu(alpha=2)''(1e-6)"), 0);
    });

    it("a required parameter may come with the call of a derivative: threshold'(x, threshold=..., value=...), and f', f'' of a user function over it", () => {
      assert.equal(value("threshold'(1, threshold=0.5, value=0)"), 1);
      assert.equal(value("threshold''(1, threshold=0.5, value=0)"), 0);
      // was 'threshold needs the parameter' (the derivative checked its parameters before the call gave them)
      assert.equal(value("f(x) = threshold(x, threshold=0.5, value=-1)\nf'(0.7)"), 1);
      assert.equal(value("f(x) = threshold(x, threshold=0.5, value=-1)\nf''(0.7)"), 0);
      asError(evalCell("threshold'(1)"), /needs the parameter 'threshold'/, 1, 1);
    });

    it("second derivatives are the catalogue's closed forms: sigmoid''(1.3) to the last digits; gelu'' next to its root; softplus'' masked from beta*x = threshold on", () => {
      // -0.09621111916486842 is mpmath's, rounded; a one-sided difference of sigmoid' gave -0.09621111916417273
      assertRelative(value("sigmoid''(1.3)"), -0.09621111916486842, 4e-16);
      assertRelative(value("gelu''(sqrt(2) + 1e-9)"), 2 * Math.sqrt(2) * -1e-9 * Math.exp(-1) / Math.sqrt(2 * Math.PI), 1e-6);
      assert.deepEqual(asTensor(evalCell("softplus(beta=2, threshold=5)''([2.4, 2.5, 2.6])")).map((v) => v === 0), [false, true, true]);
    });

    it("a third derivative of a builtin is refused with a message", () => {
      asError(evalCell("relu'''"), /second/, 1, 1);
    });

    it("the display of relu'' is a function", () => {
      assert.equal(asFunction(evalCell("relu''")).name, "relu''");
    });
  });

  describe('derivatives of partial applications and presets', () => {
    it("gelu_tanh' equals gelu(approximate=\"tanh\")'", () => {
      const xs = '[-2, -0.3, 0, 0.8, 3]';
      assert.deepEqual(asTensor(evalCell(`gelu_tanh'(${xs})`)), asTensor(evalCell(`gelu(approximate="tanh")'(${xs})`)));
    });

    it("elu(alpha=0.5)'(-1) = 0.5 exp(-1)", () => {
      assertClose(value("elu(alpha=0.5)'(-1)"), 0.5 * Math.exp(-1), 1e-15);
    });
  });

  describe("softmax' is the diagonal of the Jacobian", () => {
    it("softmax'(v) = y (1 - y)", () => {
      const v = [1, 2, 3];
      const z = v.map(Math.exp);
      const sum = z.reduce((a, b) => a + b, 0);
      const y = z.map((t) => t / sum);
      assertAllClose(asTensor(evalCell("softmax'([1, 2, 3])")), y.map((t) => t * (1 - t)), 1e-14);
    });
    it("softmax'' is refused with a message", () => {
      asError(evalCell("softmax''"), /Jacobian/, 1, 1);
    });
  });

  it("' of a non-function is an error with a hint", () => {
    asError(evalCell("y = 2\ny'"), /derivative of a function.*f\(x\)/, 2, 1);
  });

  // Derivatives of user-defined functions (and of math builtins, which are differentiated
  // through the same symbolic path) are being implemented by another engineer; today they
  // fail with "not available yet". Unskip these when they land.
  describe('user-defined functions (symbolic)', () => {
    it('today: a clear "not available yet" error with a position, not a crash', () => {
      const d = evalCell("f(x) = x^2\n  f'(3)");
      if (d.kind === 'error') asError(d, /./, 2, 3);
      else assert.equal(asNumber(d), 6);
    });

    it("f'(x) of x * sigmoid(1.702 x) and f'' by the product rule", () => {
      const s = new Session();
      display(s, 'f(x) = x * sigmoid(1.702 * x)');
      for (const x of [-2, 0, 0.5, 3]) {
        const q = sigmoid(1.702 * x);
        const d1 = q + 1.702 * x * q * (1 - q);
        const d2 = 2 * 1.702 * q * (1 - q) + 1.702 * 1.702 * x * q * (1 - q) * (1 - 2 * q);
        assertClose(asNumber(display(s, `f'(${x})`)), d1, 1e-12, `f'(${x})`);
        assertClose(asNumber(display(s, `f''(${x})`)), d2, 1e-10, `f''(${x})`);
      }
    });

    it("the derivative of a user function is shown as a formula", () => {
      const f = asFunction(evalCell("f(x) = x^3\nf'"));
      assert.equal(f.name, "f'");
      assert.match(f.formula, /x/);
      assert.notEqual(f.formula, '(formula)');
    });

    it("compositions: h(x) = relu(x)^2 + tanh(2 * x), h'(x)", () => {
      const s = new Session();
      display(s, 'h(x) = relu(x)^2 + tanh(2 * x)');
      for (const x of [-1.5, 0.5, 2]) {
        const want = 2 * Math.max(0, x) * (x > 0 ? 1 : 0) + 2 * (1 - Math.tanh(2 * x) ** 2);
        assertClose(asNumber(display(s, `h'(${x})`)), want, 1e-12, `h'(${x})`);
      }
    });

    it("partial applications of user functions: g(a=0.3)'", () => {
      const s = new Session();
      display(s, 'g(x, a=0.1) = max(a * x, x)');
      assertClose(asNumber(display(s, "g(a=0.3)'(-2)")), 0.3, 1e-15);
      assertClose(asNumber(display(s, "g(a=0.3)'(2)")), 1, 1e-15);
    });

    it("math builtins: exp'(1) = e, sin'(0.5) = cos(0.5), log'(2) = 0.5", () => {
      assertClose(value("exp'(1)"), Math.E, 1e-15);
      assertClose(value("sin'(0.5)"), Math.cos(0.5), 1e-15);
      assertClose(value("log'(2)"), 0.5, 1e-15);
    });
  });
});
