/**
 * The derivative formulas catalogue entries state (derivativeExpression) are
 * each entry's derivative, written with builtins the differentiator guards.
 */
import { strict as assert } from 'assert';
import { catalogue, defaultParameters, type ElementwiseDefinition } from '../../../../src/engine';
import { parseExpression } from '../../../../src/language/parser';
import { sliceSpan } from '../../../../src/language/source';
import { derivativeFormulaOf } from '../../../../src/language/symbolic/catalogue-derivatives';
import { differentiate } from '../../../../src/language/symbolic/differentiate';
import { formatExpression } from '../../../../src/language/symbolic/format-expression';
import { evaluate } from './scalar-evaluator';
import { makeWorld } from './world';

const stating = catalogue.filter((d): d is ElementwiseDefinition => d.kind === 'elementwise' && d.derivativeExpression !== undefined);

describe('symbolic: derivative formulas from the catalogue', () => {
  it('sigmoid, tanh and softplus state one (so the checks below check something)', () => {
    assert.deepEqual(stating.map((d) => d.name), ['sigmoid', 'tanh', 'softplus']);
  });

  for (const d of stating) {
    it(`${d.name}: ${d.derivativeExpression} parses, uses only builtins and equals the entry's derivative at its defaults`, () => {
      const formula = derivativeFormulaOf(d)!;
      assert.ok(formula.builtins.length > 0, 'a closed form in builtins');
      const world = makeWorld('');
      const p = defaultParameters(d);
      const xs = [0, -0, 1e-300, -1e-9, 0.5, -1.25, 3, -7, 19.5, 20.5, 30, -40, 700, -700, Infinity, -Infinity];
      for (let i = -60; i <= 60; i++) xs.push(i / 8);
      for (const x of xs) {
        const closed = evaluate(formula.tree, { x }, world);
        const kernel = d.scalar.derivative(x, p);
        // softplus's threshold makes its kernel exactly 1 above 20, where sigmoid is 1 - 2e-9
        assert.ok(Math.abs(closed - kernel) <= 1e-8, `${d.name}'(${x}): ${closed} vs ${kernel}`);
      }
      assert.ok(Number.isNaN(evaluate(formula.tree, { x: NaN }, world)), 'NaN in, NaN out');
    });
  }

  it('an entry without a formula keeps f\'(u), and named parameters keep it too', () => {
    const world = makeWorld('');
    const show = (body: string) => formatExpression(differentiate(parseExpression(body), 'x', world.env));
    assert.match(show('sigmoid(2*x)'), /^sigmoid\(2\*x\)\*\(1 - sigmoid\(2\*x\)\)\*/);
    assert.match(show('softplus(x, beta=2)'), /^softplus'\(x, beta=2\)/);
    assert.match(show('silu(x)'), /^silu'\(x\)/);
  });

  it('refuses when the notebook redefines a builtin the formula is written with, at the call', () => {
    const world = makeWorld('sigmoid(t) = t');
    const body = '1 + softplus(x^2)';
    assert.throws(
      () => differentiate(parseExpression(body), 'x', world.env),
      (error: Error & { span?: { start: number; end: number } }) => {
        assert.match(error.message, /builtin 'sigmoid', which this notebook redefines/);
        assert.equal(sliceSpan(body, error.span!), 'softplus(x^2)');
        return true;
      },
    );
  });
});
