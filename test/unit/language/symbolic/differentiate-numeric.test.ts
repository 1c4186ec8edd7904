/**
 * Derivative formulas are numerically right: evaluate(simplify(differentiate(body)))
 * agrees with a central finite difference of evaluate(body) at 50 points in
 * [-3, 3] away from kinks, for first derivatives of ~40 bodies and second
 * derivatives (differentiating twice) of a smooth subset. The raw,
 * unsimplified derivative is evaluated too, so a simplification that changed
 * a value would show up as a disagreement between the two.
 */
import { strict as assert } from 'assert';
import type { Expr } from '../../../../src/language/ast';
import { parseExpression } from '../../../../src/language/parser';
import { differentiate } from '../../../../src/language/symbolic/differentiate';
import { formatExpression } from '../../../../src/language/symbolic/format-expression';
import { simplify } from '../../../../src/language/symbolic/simplify';
import { evaluate, richardson } from './scalar-evaluator';
import { makeWorld } from './world';

const world = makeWorld();

/** Bodies with the points where their derivative jumps. */
const bodies: [body: string, kinks: number[]][] = [
  ['x*sigmoid(x)', []],
  ['x^3', []],
  ['sin(2*x)', []],
  ['exp(-x^2/2)', []],
  ['log(1 + exp(x))', []],
  ['x*tanh(softplus(x))', []],
  ['max(0.1*x, x)', [0]],
  ['relu(2*x - 1)', [0.5]],
  ['leaky_relu(x, alpha=0.2)', [0]],
  ['h(3*x)', []],
  ['g(x^2) - g(x)', []],
  ['k(x)', [0]],
  ['k(x, a=b)', [0]],
  ['m(x, x + 4)', []],
  ['gelu(x)', []],
  ['gelu(x, approximate="tanh")', []],
  ['silu(x^2)', []],
  ['elu(x, alpha=a)', [0]],
  ['mish(x)*a + b', []],
  ['softplus(2*x, beta=2)', []],
  ['hardtanh(x)', [-1, 1]],
  ['squareplus(x)', []],
  ['snake(x, a=2)', []],
  ['leaky_relu(alpha=0.2)(3*x)', [0]],
  ["relu'(x)*x^2", [0]],
  ['sqrt(1 + x^2)', []],
  ['tan(x/2)', []],
  ['cos(x)*sin(x)', []],
  ['abs(x)*x', [0]],
  ['erf(x) + erfc(x/2)', []],
  ['log1p(x^2) + expm1(x/3)', []],
  ['min(x, 1 - x)', [0.5]],
  ['clamp(x, -1, 2)^2', [-1, 2]],
  ['where(x > 0, x^2, -x)', [0]],
  ['pow(x^2 + 1, 1.5)', []],
  ['(x^2 + 1)^(x/3)', []],
  ['2^x - x/(1 + abs(x))', [0]],
  ['floor(x) + x', [-3, -2, -1, 0, 1, 2, 3]],
  ['tanh(x)^2 - sigmoid(-x)', []],
  ['1/(1 + exp(-x))', []],
  ['x^-1 + x^2/3', [0]],
];

const smooth = [
  'x*sigmoid(x)', 'x^3', 'sin(2*x)', 'exp(-x^2/2)', 'log(1 + exp(x))', 'x*tanh(softplus(x))', 'h(3*x)',
  'm(x, x + 4)', 'gelu(x)', 'sqrt(1 + x^2)', 'tan(x/2)', '(x^2 + 1)^(x/3)', 'erf(x) + erfc(x/2)',
  'silu(x^2)', 'mish(x)*a + b',
];

/** 50 points spread over [-3, 3], offset so none is a round number. */
const points = Array.from({ length: 50 }, (_, i) => -3 + 0.12 * (i + 0.5) + 0.0137);

function at(expr: Expr, x: number): number {
  return evaluate(expr, { x }, world);
}

function derivative(expr: Expr): { raw: Expr; simplified: Expr } {
  const raw = differentiate(expr, 'x', world.env);
  return { raw, simplified: simplify(raw) };
}

function assertClose(got: number, want: number, what: string): void {
  const scale = Math.max(Math.abs(want), 1e-3);
  assert.ok(Number.isFinite(got), `${what}: got ${got}`);
  assert.ok(Math.abs(got - want) <= 1e-6 * scale, `${what}: got ${got}, finite difference ${want}`);
}

describe('symbolic differentiation: numeric agreement with finite differences', () => {
  for (const [source, kinks] of bodies) {
    it(`d/dx ${source}`, () => {
      const body = parseExpression(source);
      const { raw, simplified } = derivative(body);
      let checked = 0;
      for (const x of points) {
        if (kinks.some((k) => Math.abs(x - k) < 0.02)) continue;
        const want = richardson((t) => at(body, t), x);
        const what = `${formatExpression(simplified)} at x = ${x}`;
        assertClose(at(simplified, x), want, what);
        assertClose(at(raw, x), want, `raw ${what}`);
        checked++;
      }
      assert.ok(checked >= 40, `only ${checked} points checked`);
    });
  }

  for (const source of smooth) {
    it(`d²/dx² ${source}`, () => {
      const first = derivative(parseExpression(source)).simplified;
      const second = derivative(first).simplified;
      for (const x of points) {
        assertClose(at(second, x), richardson((t) => at(first, t), x), `${formatExpression(second)} at x = ${x}`);
      }
    });
  }

  it('the check can fail: a wrong formula is caught', () => {
    const wrong = parseExpression('sigmoid(x)*(1 - sigmoid(x))*1.000001');
    const body = parseExpression('sigmoid(x)');
    assert.throws(() => {
      for (const x of points) assertClose(at(wrong, x), richardson((t) => at(body, t), x), 'wrong');
    }, /finite difference/);
  });
});
