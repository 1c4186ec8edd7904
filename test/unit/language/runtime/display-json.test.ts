/** Displays are stored in notebooks and sent to webviews as JSON: they must survive it unchanged. */
import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';
import { outputItems } from '../../../../src/shared/output-items';
import type { DisplayValue } from '../../../../src/shared/output';

const sources = [
  '0.5', 'nan', '[1, inf, -inf]', '[[1, 2], [3, 4]]', '"text"', '1 < 2', 'x = 1', 'relu', "leaky_relu(alpha=0.2)'",
  'f(x) = x * sigmoid(x)\nf', "plot(relu, gelu)", 'plot(relu, title="ReLU")', 'plot(linspace(0, 1, 3), [1, 2, 3])',
  'table([1, 2], [3, 4])', 'rleu(2)',
];

describe('language/runtime: displays are plain JSON', () => {
  for (const source of sources) {
    it(`${JSON.stringify(source)} survives JSON.stringify/parse exactly`, () => {
      const d = new Session().run(source).display;
      const check = (v: unknown, path: string): void => {
        assert.notEqual(v, undefined, `${path} is undefined`);
        if (typeof v === 'number') assert.ok(Number.isFinite(v), `${path} is ${v}, which JSON cannot hold`);
        if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) check(child, `${path}.${k}`);
      };
      check(d, 'display');
      assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
    });
  }
});

describe('language/runtime: output items', () => {
  it('functions and plots carry our JSON and text, in that order; their static SVG is added on save when asked for', () => {
    for (const source of ['relu', 'plot(relu, gelu)']) {
      const items = outputItems(new Session().run(source).display);
      assert.deepEqual(items.map((i) => i.mime), ['application/vnd.activation-lab.value+json', 'text/plain']);
    }
  });
  it('numbers and tensors carry no picture', () => {
    const items = outputItems(new Session().run('[1, 2]').display);
    assert.deepEqual(items.map((i) => i.mime), ['application/vnd.activation-lab.value+json', 'text/plain']);
  });
});

describe('language/runtime: function displays say their formulas', () => {
  const fn = (source: string) => {
    const d = new Session().run(source).display;
    assert.equal(d.kind, 'function');
    return d as Extract<typeof d, { kind: 'function' }>;
  };
  it('with parameter values written in: leaky_relu(alpha=0.01) reads 0.01, not alpha', () => {
    const d = fn('leaky_relu(alpha=0.01)');
    assert.equal(d.formula, 'x if x > 0 else 0.01 * x');
    assert.equal(d.derivative, '1 if x > 0 else 0.01');
    assert.deepEqual(d.latex, {
      formula: '\\operatorname{leaky\\_relu}(x) = \\begin{cases} x & x > 0 \\\\ 0.01 x & x \\le 0 \\end{cases}',
      derivative: "\\operatorname{leaky\\_relu}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0.01 & x \\le 0 \\end{cases}",
    });
    assert.ok(!/alpha/.test(JSON.stringify([d.formula, d.derivative, d.latex])));
  });
  it("as LaTeX equations named by the function and its order: f' of a builtin, of a user function, of exp", () => {
    assert.equal(fn("sigmoid'").latex?.formula, "\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))");
    // f'' written out from the catalogue (was d/dx of f')
    assert.equal(fn("sigmoid'").latex?.derivative, "\\sigma''(x) = \\sigma(x)\\,(1 - \\sigma(x))\\,(1 - 2\\sigma(x))");
    const s = new Session();
    s.run('f(x) = x * sigmoid(1.702 * x)');
    const f = s.run("f'").display as Extract<DisplayValue, { kind: 'function' }>;
    assert.equal(f.latex?.formula, "f'(x) = \\sigma\\left(1.702x\\right) + 1.702x\\,\\sigma\\left(1.702x\\right)\\,\\left(1 - \\sigma\\left(1.702x\\right)\\right)");
    assert.equal(fn('exp').latex?.formula, '\\exp(x) = e^{x}');
  });
  it('without LaTeX when there is nothing to typeset (a procedure)', () => {
    assert.equal(fn('sum').latex, undefined);
  });
});
