/**
 * Expressions as LaTeX for typeset formulas: textbook notation (σ, fractions, e^u, |u|,
 * cases), and parentheses exactly where the text form has them; every golden case
 * typesets without a MathJax error.
 */
import { strict as assert } from 'assert';
import { parseExpression } from '../../../../src/language/parser';
import { formatLatex, functionNameLatex } from '../../../../src/language/symbolic/format-latex';
import { randomExpression, rng } from './random-expression';
import { hasMathError, latexToSvg } from '../../../../src/services/hover-content/formula-image';

const golden: [source: string, latex: string][] = [
  ['x * sigmoid(1.702 * x)', 'x\\,\\sigma\\left(1.702x\\right)'],
  ['sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))', '\\sigma\\left(x\\right) + x\\,\\sigma\\left(x\\right)\\,\\left(1 - \\sigma\\left(x\\right)\\right)'],
  ['(x + sqrt(x^2 + 4)) / 2', '\\frac{x + \\sqrt{x^{2} + 4}}{2}'],
  ['-x^2', '-x^{2}'],
  ['(-x)^2', '\\left(-x\\right)^{2}'],
  ['2^3^2', '2^{3^{2}}'],
  ['(2^3)^2', '\\left(2^{3}\\right)^{2}'],
  ['a - (b - c)', 'a - \\left(b - c\\right)'],
  ['2 * 3', '2 \\cdot 3'],
  ['2 * x - 3 * x^2', '2x - 3x^{2}'],
  ['x * -1', 'x \\cdot -1'],
  ['exp(-x^2 / 2)', 'e^{\\frac{-x^{2}}{2}}'],
  ['exp(x)^2', '\\left(e^{x}\\right)^{2}'],
  ['abs(x) / (1 + abs(x))', '\\frac{\\left|x\\right|}{1 + \\left|x\\right|}'],
  ['where(x > 0, x, alpha * x)', '\\begin{cases} x & x > 0 \\\\ \\alpha\\,x & \\text{otherwise} \\end{cases}'],
  ['max(0, x) + min(0, x) * slope', '\\max\\left(0, x\\right) + \\min\\left(0, x\\right)\\,\\mathrm{slope}'],
  ["leaky_relu'(x, alpha=0.2)", "\\operatorname{leaky\\_relu}'\\left(x, \\mathrm{alpha}=0.2\\right)"],
  ['log(1 + exp(x)) <= 1e-7', '\\log\\left(1 + e^{x}\\right) \\le 10^{-7}'],
  ['x.T.T + x[1][2]', '\\left(x^{\\top}\\right)^{\\top} + \\left(x_{1}\\right)_{2}'],
  ['x % 2 != pi', 'x \\bmod 2 \\ne \\pi'],
];

describe('symbolic: LaTeX of expressions', () => {
  for (const [source, latex] of golden) {
    it(`${source} -> ${latex}`, () => {
      assert.equal(formatLatex(parseExpression(source)), latex);
    });
  }

  it('names functions as textbooks do', () => {
    assert.deepEqual(['sigmoid', 'tanh', 'exp', 'f', 'gelu_tanh'].map(functionNameLatex), ['\\sigma', '\\tanh', '\\exp', 'f', '\\operatorname{gelu\\_tanh}']);
  });

  it('every golden case and 200 random trees typeset without a MathJax error', () => {
    const random = rng(11);
    const trees = [...golden.map(([s]) => parseExpression(s)), ...Array.from({ length: 200 }, () => randomExpression(random, 4))];
    for (const tree of trees) {
      const latex = formatLatex(tree);
      assert.ok(!hasMathError(latexToSvg(latex, { color: 'black' })), latex);
    }
  });
});
