/**
 * LANGUAGE.md "Calls": positional then named arguments, PyTorch aliases,
 * partial application, elementwise application, and the errors (with line,
 * column and suggestions) for unknown names, counts, parameters, types, shapes.
 */
import { strict as assert } from 'assert';
import { asError, asFunction, asNumber, asTensor, assertAllClose, display, evalCell, Session } from './support';

const X = [-2, -0.5, 0, 1.5];
const leaky = (alpha: number) => (x: number) => (x > 0 ? x : alpha * x);

describe('runtime: calls (LANGUAGE.md calls)', () => {
  let s: Session;
  beforeEach(() => {
    s = new Session();
    s.run(`x = ${JSON.stringify(X)}`);
  });

  describe('arguments', () => {
    it('positional then named: leaky_relu(x, alpha=0.1)', () => {
      assertAllClose(asTensor(display(s, 'leaky_relu(x, alpha=0.1)'), [4]), X.map(leaky(0.1)), 1e-15);
    });

    it('the default applies when the parameter is not given: leaky_relu(x) uses alpha=0.01', () => {
      assertAllClose(asTensor(display(s, 'leaky_relu(x)')), X.map(leaky(0.01)), 1e-15);
    });

    it('a parameter may also be given by position: leaky_relu(x, 0.1)', () => {
      assertAllClose(asTensor(display(s, 'leaky_relu(x, 0.1)')), X.map(leaky(0.1)), 1e-15);
    });

    it('PyTorch alias: leaky_relu(x, negative_slope=0.1) is alpha', () => {
      assertAllClose(asTensor(display(s, 'leaky_relu(x, negative_slope=0.1)')), X.map(leaky(0.1)), 1e-15);
    });

    it('PyTorch alias: prelu(x, weight=0.3) is alpha (default 0.25)', () => {
      assertAllClose(asTensor(display(s, 'prelu(x, weight=0.3)')), X.map(leaky(0.3)), 1e-15);
      assertAllClose(asTensor(display(s, 'prelu(x)')), X.map(leaky(0.25)), 1e-15);
    });

    it('several named parameters in any order: hardtanh(x, max_val=1, min_val=-0.5)', () => {
      assert.deepEqual(asTensor(display(s, 'hardtanh(x, max_val=1, min_val=-0.5)')), [-0.5, -0.5, 0, 1]);
    });

    it('a named argument after a positional one cannot come before it (syntax error with position)', () => {
      asError(display(s, 'leaky_relu(alpha=0.1, x)'), /./, 1);
    });
  });

  describe('partial application', () => {
    it('leaky_relu(alpha=0.1) is a function', () => {
      const f = asFunction(display(s, 'leaky_relu(alpha=0.1)'));
      assert.equal(f.name, 'leaky_relu(alpha=0.1)');
    });

    it("leaky_relu(alpha=0.1)' is its derivative, as a function and applied", () => {
      const f = asFunction(display(s, "leaky_relu(alpha=0.1)'"));
      assert.equal(f.name, "leaky_relu(alpha=0.1)'");
      assert.deepEqual(asTensor(display(s, "leaky_relu(alpha=0.1)'(x)")), X.map((v) => (v > 0 ? 1 : 0.1)));
    });

    it('leaky_relu(alpha=0.1)(x) applies it', () => {
      assertAllClose(asTensor(display(s, 'leaky_relu(alpha=0.1)(x)')), X.map(leaky(0.1)), 1e-15);
    });

    it('a partial application stored in a variable keeps its parameters; a later name overrides', () => {
      display(s, 'lr = leaky_relu(alpha=0.3)');
      assertAllClose(asTensor(display(s, 'lr(x)')), X.map(leaky(0.3)), 1e-15);
      assertAllClose(asTensor(display(s, 'lr(x, alpha=0.05)')), X.map(leaky(0.05)), 1e-15);
    });

    it('a bad parameter value in a partial application is reported where it is written', () => {
      asError(display(s, 'softplus(beta=-1)'), /beta.*positive/, 1, 1);
    });
  });

  describe('elementwise application', () => {
    it('an activation on a matrix keeps its shape', () => {
      assert.deepEqual(asTensor(display(s, 'relu([[1, -2], [-3, 4]])'), [2, 2]), [1, 0, 0, 4]);
    });

    it('a user function on a tensor applies elementwise', () => {
      display(s, 'sq(t) = t^2 + 1');
      assert.deepEqual(asTensor(display(s, 'sq(x)'), [4]), X.map((v) => v * v + 1));
    });

    it('a math builtin on a tensor applies elementwise', () => {
      assertAllClose(asTensor(display(s, 'exp(x)')), X.map(Math.exp), 1e-15);
    });

    it('on a number the result is a number', () => {
      assert.equal(asNumber(display(s, 'relu(-3)')), 0);
      assert.equal(asNumber(display(s, 'leaky_relu(-3, alpha=0.5)')), -1.5);
    });
  });

  describe('errors: message, line and column, suggestion', () => {
    it("unknown function: LANGUAGE.md's example message, at the name", () => {
      const d = evalCell('rleu(1)');
      assert.deepEqual(d, { kind: 'error', message: "unknown function 'rleu' (did you mean 'relu'?)", line: 1, column: 1, endLine: 1, endColumn: 5 });
    });

    it('unknown function on a later line and column', () => {
      asError(display(s, 'y = 1\n   z = sigmiod(y)'), /'sigmiod'.*did you mean 'sigmoid'/, 2, 8);
    });

    it('suggests the builtin a realistic typo was meant to be', () => {
      const typos: readonly [string, string][] = [
        ['reluu', 'relu'], ['sigmod', 'sigmoid'], ['leakyrelu', 'leaky_relu'], ['gelu_tan', 'gelu_tanh'],
        ['tahn', 'tanh'], ['Relu', 'relu'], ['sofmtax', 'softmax'], ['linspce', 'linspace'],
      ];
      for (const [typo, meant] of typos) {
        const d = evalCell(`${typo}(1)`);
        const message = d.kind === 'error' ? d.message : JSON.stringify(d);
        assert.ok(message.startsWith(`unknown function '${typo}' (did you mean '${meant}'`), `${typo}: ${message}`);
      }
    });

    it('suggests nothing for a name that is not close to any (a one-letter name is not a typo of e)', () => {
      for (const name of ['x', 'y', 'a', 'foo', 'w1']) {
        assert.deepEqual(evalCell(`${name} + 1`), { kind: 'error', message: `unknown name '${name}'`, line: 1, column: 1, endLine: 1, endColumn: 1 + name.length }, name);
      }
    });

    it('unknown variable suggests a defined one', () => {
      display(s, 'weights = [1, 2]');
      asError(display(s, 'wieghts * 2'), /unknown \w+ 'wieghts'.*did you mean 'weights'/, 1, 1);
    });

    it('wrong argument counts name the function and the count', () => {
      asError(display(s, '\n  relu(1, 2)'), /relu.*2 arguments/, 2, 3);
      asError(display(s, 'relu()'), /relu needs an input/, 1, 1);
      asError(display(s, 'exp(1, 2)'), /exp takes one argument/, 1, 1);
      asError(display(s, 'linspace(0, 1)'), /linspace takes 3 arguments, but got 2/, 1, 1);
      asError(display(s, 'clamp(1, 2)'), /clamp takes 3 arguments, but got 2/, 1, 1);
      display(s, 'g(t, a=0.1) = max(a * t, t)');
      asError(display(s, 'g(1, 2, 3)'), /g takes 2 arguments, but got 3/, 1, 1);
      asError(display(s, 'g()'), /g needs a value for 't'/, 1, 1);
    });

    it('unknown parameter names suggest the nearest valid name', () => {
      asError(display(s, 'leaky_relu(x, alpah=0.1)'), "leaky_relu has no parameter 'alpah' (did you mean 'alpha'?)", 1, 1);
      asError(display(s, 'y = 2\nelu(x, alhpa=2)'), /elu has no parameter 'alhpa' \(did you mean 'alpha'\?\)/, 2, 1);
      asError(display(s, 'relu(x, alpha=1)'), /relu has no parameter 'alpha'.*no parameters/, 1, 1);
      asError(display(s, 'linspace(0, 1, 3, dtyp="float32")'), /no named argument 'dtyp'.*dtype/, 1, 1);
    });

    it('unknown parameter names of user functions suggest the nearest parameter', () => {
      display(s, 'g(t, alpha=0.1) = max(alpha * t, t)');
      asError(display(s, 'g(1, alhpa=0.2)'), /g has no parameter 'alhpa' \(did you mean 'alpha'\?\)/, 1, 1);
    });

    it('a parameter given twice is an error', () => {
      display(s, 'g(t, a=0.1) = max(a * t, t)');
      asError(display(s, 'g(1, t=2)'), /'t' was given twice/, 1, 1);
    });

    it('type mismatches say what was got', () => {
      asError(display(s, 'relu("a")'), /relu applies to numbers and tensors, but got a string/, 1, 1);
      asError(display(s, 'exp("a")'), /exp applies to numbers and tensors, but got a string/, 1, 1);
      asError(display(s, 'x + "a"'), /cannot use a string with \+/, 1, 5);
      asError(display(s, 'relu * 2'), /cannot use the function relu with \*.*relu\(x\)/, 1, 1);
      asError(display(s, 'x(1)'), /'x' is a float64 tensor of shape \[4\], not a function/, 1, 1);
      asError(display(s, 'leaky_relu(x, alpha=[1, 2])'), /alpha.*number/, 1, 1);
      asError(display(s, 'gelu(x, approximate="fast")'), /approximate.*"none", "tanh"/, 1, 1);
      asError(display(s, 'linspace(0, 1, 2.5)'), /whole number/, 1, 1);
    });

    it('shape mismatches in calls name the shapes', () => {
      asError(display(s, '\nmax(x, [1, 2])'), /\[4\].*\[2\]/, 2, 1);
      asError(display(s, 'reshape(x, 3)'), /cannot reshape 4 elements/, 1, 1);
      asError(display(s, 'where([1, 0], x, 0)'), /\[2\].*\[4\]|\[4\].*\[2\]/, 1, 1);
    });

    it('a required activation parameter that is missing is named', () => {
      asError(display(s, 'threshold(x)'), /threshold needs the parameter 'threshold'/, 1, 1);
    });

    it('an error inside a user function defined in an earlier cell points at the call in this cell', () => {
      display(s, 'bad(t) = t + "s"');
      asError(display(s, 'y = 1\n  bad(y)'), /in bad: cannot use a string/, 2, 3);
    });
  });
});
