/** An entry's formulas with the parameter values written in (formula-parameters.ts), as outputs show them. */
import { strict as assert } from 'assert';
import { catalogue, formulaNumber, formulasAt, formulaWithParameters, getActivation, parameterSymbol, resolveParameters, type ActivationDefinition } from '../../../../src/engine';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Values for the required parameters (threshold's), so every entry resolves. */
const REQUIRED: Readonly<Record<string, Record<string, number>>> = { threshold: { threshold: 0.5, value: -1 } };

function written(name: string, given: Record<string, number | string> = {}, which: 'formula' | 'derivativeFormula' | 'secondDerivativeFormula' = 'formula') {
  const d = getActivation(name);
  const formula = which === 'secondDerivativeFormula' ? (d.kind === 'elementwise' ? d.secondDerivativeFormula : d.derivativeFormula) : d[which];
  return formulaWithParameters(d, formula, resolveParameters(d, given));
}

describe('engine/activations: formulas with parameter values', () => {
  const numeric = (d: ActivationDefinition) => d.parameters.filter((p) => typeof (p.default ?? 0) === 'number');
  for (const d of catalogue.filter((e) => numeric(e).length > 0)) {
    it(`${d.name}: no parameter is left by name in the text or by symbol in the LaTeX`, () => {
      const values = resolveParameters(d, REQUIRED[d.name] ?? {});
      for (const p of numeric(d)) {
        const uses = [d.formula, d.derivativeFormula].some((f) => f.text.includes(p.name) && f.latex.includes(parameterSymbol(p)));
        assert.ok(uses, `${d.name}'s formulas write ${p.name} as ${p.name} and ${parameterSymbol(p)}`);
      }
      for (const f of [d.formula, d.derivativeFormula]) {
        const { text, latex } = formulaWithParameters(d, f, values);
        for (const p of numeric(d)) {
          assert.doesNotMatch(text, new RegExp(`(?<![\\w.])${escape(p.name)}(?![\\w(])`), `${p.name} in ${text}`);
          const symbol = parameterSymbol(p);
          const token = /^[A-Za-z]$/.test(symbol) ? new RegExp(`(?<![\\\\A-Za-z])${symbol}(?![A-Za-z])`) : new RegExp(`${escape(symbol)}(?![A-Za-z])`);
          assert.doesNotMatch(latex, token, `${symbol} in ${latex}`);
        }
      }
    });
  }

  it('leaky_relu(alpha=0.01) reads 0.01 where the catalogue says alpha', () => {
    assert.deepEqual(written('leaky_relu'), { text: 'x if x > 0 else 0.01 * x', latex: '\\begin{cases} x & x > 0 \\\\ 0.01 x & x \\le 0 \\end{cases}' });
    assert.equal(written('leaky_relu', { alpha: 0.2 }, 'derivativeFormula').text, '1 if x > 0 else 0.2');
    assert.equal(written('hardtanh', { min_val: -2, max_val: 3 }).text, 'clamp(x, -2, 3) = min(max(x, -2), 3)');
  });

  it('a value of 1 drops out of products and quotients', () => {
    assert.deepEqual(written('softplus'), { text: 'log(1 + exp(x)), or x when x > 20', latex: '\\begin{cases} \\log\\bigl(1 + e^{x}\\bigr) & x \\le 20 \\\\ x & x > 20 \\end{cases}' });
    assert.equal(written('softplus', {}, 'derivativeFormula').latex, '\\begin{cases} \\sigma(x) & x \\le 20 \\\\ 1 & x > 20 \\end{cases}');
    assert.deepEqual(written('snake'), { text: 'x + sin(x)^2', latex: 'x + \\sin^{2}(x)' });
    assert.equal(written('celu').latex, '\\begin{cases} x & x > 0 \\\\ (e^{x} - 1) & x \\le 0 \\end{cases}');
    // but 1 stays where it is a term, not a factor
    assert.equal(written('hardtanh', {}, 'derivativeFormula').latex, '\\begin{cases} 1 & -1 < x < 1 \\\\ 0 & \\text{otherwise} \\end{cases}');
  });

  it('keeps products of numbers apart and brackets negative values after an operator', () => {
    assert.equal(written('snake', { a: 2 }, 'derivativeFormula').latex, '1 + \\sin(2 \\cdot 2 x)');
    // f'' too: the values in its place (celu's alpha twice, softplus's beta and threshold)
    assert.equal(written('celu', { alpha: 0.7 }, 'secondDerivativeFormula').text, 'exp(x / 0.7) / 0.7 if x < 0 else 0');
    assert.equal(written('softplus', { beta: 2, threshold: 5 }, 'secondDerivativeFormula').text, '2 * sigmoid(2 * x) * (1 - sigmoid(2 * x)), or 0 when 2 * x >= 5');
    assert.equal(written('snake', { a: 2 }).text, 'x + sin(2 * x)^2 / 2');
    assert.equal(written('celu', { alpha: -2 }).text, 'x if x > 0 else -2 * (exp(x / (-2)) - 1)');
    assert.equal(written('celu', { alpha: -2 }).latex, '\\begin{cases} x & x > 0 \\\\ -2 (e^{x/(-2)} - 1) & x \\le 0 \\end{cases}');
  });

  it('writes values to four significant digits', () => {
    assert.equal(formulaNumber(1 / 3), '0.3333');
    assert.equal(formulaNumber(20), '20');
    assert.equal(formulaNumber(1e-7), '1e-7');
    assert.match(written('leaky_relu', { alpha: 1e-7 }).latex, /1 \\times 10\^\{-7\} x/);
    assert.equal(written('rrelu').text, 'x if x > 0 else (0.125 + 0.3333) / 2 * x');
  });

  it('writes the largest doubles as numbers: four digits of 1.797e308 would round past them to Infinity (fuzz)', () => {
    assert.equal(formulaNumber(Number.MAX_VALUE), '1.7976931348623157e+308');
    assert.equal(formulaNumber(-Number.MAX_VALUE), '-1.7976931348623157e+308');
    assert.equal(formulaNumber(1.79e308), '1.79e+308');
    const shrink = written('hardshrink', { lambd: Number.MAX_VALUE });
    assert.equal(shrink.text, 'x if abs(x) > 1.7976931348623157e+308 else 0');
    assert.doesNotMatch(shrink.latex, /Infinity|infty/);
    assert.equal(formulaNumber(Infinity), '∞');
  });

  it("shows the form a string parameter picks: gelu's erf form, gelu_tanh's tanh form", () => {
    const gelu = getActivation('gelu');
    const erf = formulasAt(gelu, resolveParameters(gelu, {}));
    assert.equal(erf.formula.text, 'x * Φ(x) = 0.5 * x * (1 + erf(x / sqrt(2)))');
    assert.ok(!erf.formula.latex.includes('tanh') && !erf.derivativeFormula.text.includes('tanh'));
    const tanh = formulasAt(gelu, resolveParameters(gelu, { approximate: 'tanh' }));
    assert.equal(tanh.formula.text, '0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))');
    assert.ok(!tanh.formula.latex.includes('erf') && tanh.derivativeFormula.latex.includes('t = \\tanh'));
    // the entry itself (hovers, docs) still spells out both
    assert.ok(gelu.formula.text.includes('erf') && gelu.formula.text.includes('tanh'));
  });

  it('leaves string parameters and entries without parameters alone', () => {
    const gelu = getActivation('gelu');
    assert.deepEqual(formulaWithParameters(gelu, gelu.formula, resolveParameters(gelu, { approximate: 'tanh' })), gelu.formula);
    const relu = getActivation('relu');
    assert.deepEqual(formulaWithParameters(relu, relu.formula, {}), relu.formula);
  });
});
