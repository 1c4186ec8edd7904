/**
 * Each simplification rule with an input it must change (the expected text
 * differs from the input's, so a missing rule fails), the value kept (checked
 * numerically where the rule has no IEEE caveat in that range), and the
 * fixpoint: simplifying a simplified tree changes nothing.
 */
import { strict as assert } from 'assert';
import { parseExpression } from '../../../../src/language/parser';
import { printAst } from '../../../../src/language/print-ast';
import type { Expr } from '../../../../src/language/ast';
import { formatExpression } from '../../../../src/language/symbolic/format-expression';
import { simplify } from '../../../../src/language/symbolic/simplify';
import { evaluate } from './scalar-evaluator';
import { rng } from './random-expression';
import { makeWorld } from './world';

const world = makeWorld();

const rules: [rule: string, input: string, output: string][] = [
  // constant folding, only when exact and finite
  ['folds an exact sum', '2 + 3', '5'],
  ['folds a difference into a negation (no negative literals)', '2 - 3', '-1'],
  ['folds an exact product', '2*3*x', '6*x'],
  ['folds an exact quotient', '6/4', '1.5'],
  ['folds an exact power', '2^10', '1024'],
  ['folds a negative integer power', 'x^(2^-1)', 'x^0.5'],
  ['folds an exponent difference', 'x^(3 - 1)', 'x^2'],
  ['folds a signed difference', 'x^(-1 - 1)', 'x^-2'],
  ['does not fold an inexact sum', '0.1 + 0.2 + x*1', '0.1 + 0.2 + x'],
  ['does not fold an inexact quotient', '1/3 + x*1', '1/3 + x'],
  ['does not fold to an infinity', '10^400 + x*1', '10^400 + x'],
  // products
  ['0*a → 0', '0*exp(x)', '0'],
  ['a*0 → 0', 'exp(x)*0', '0'],
  ['1*a → a', '1*exp(x)', 'exp(x)'],
  ['a*1 → a', 'exp(x)*1', 'exp(x)'],
  ['a/1 → a', 'exp(x)/1', 'exp(x)'],
  ['moves the number to the front', 'exp(x)*2', '2*exp(x)'],
  ['combines numeric factors', '2*(3*exp(x))', '6*exp(x)'],
  ['cancels a coefficient against a divisor', '(2*x)/2', 'x'],
  ['keeps a non-integer coefficient as a division', '3*x/2*1', '3*x/2'],
  ['flattens a product', 'x*(sin(x)*cos(x))', 'x*sin(x)*cos(x)'],
  ['(1/b)*a → a/b', '(1/(1 + x))*exp(x)', 'exp(x)/(1 + x)'],
  ['a*(1/b) → a/b', 'exp(x)*(1/(1 + x))', 'exp(x)/(1 + x)'],
  ['names lead a product', 'exp(x)*x', 'x*exp(x)'],
  ['cancels identical factors', 'x*exp(x)/x', 'exp(x)'],
  ['puts the sign on the leading factor', '-(x*exp(x))', '-x*exp(x)'],
  ['(-a)*b keeps its sign in front', 'exp(x)*(-x)', '-x*exp(x)'],
  ['two signs cancel in a product', '(-x)*(-exp(x))', 'x*exp(x)'],
  ['a sign in a quotient moves to the front', 'exp(x)/(-x)', '-exp(x)/x'],
  // sums
  ['a + 0 → a', 'exp(x) + 0', 'exp(x)'],
  ['0 + a → a', '0 + exp(x)', 'exp(x)'],
  ['a - 0 → a', 'exp(x) - 0', 'exp(x)'],
  ['0 - a → -a', '0 - exp(x)', '-exp(x)'],
  ['0 - a*b → -a*b', '0 - x*exp(x)', '-x*exp(x)'],
  ['a + -b → a - b', 'exp(x) + -x', 'exp(x) - x'],
  ['a + (-b)*c → a - b*c', 'exp(x) + (-2)*x', 'exp(x) - 2*x'],
  ['a - -b → a + b', 'exp(x) - -x', 'exp(x) + x'],
  ['-a + b → b - a', '-x + exp(x)', 'exp(x) - x'],
  // signs
  ['-(-a) → a', '-(-exp(x))', 'exp(x)'],
  ['+a → a', '+exp(x)', 'exp(x)'],
  ['-(a - b) → b - a', '-(x - exp(x))', 'exp(x) - x'],
  ['-0 → 0', '-0 + x*1', 'x'],
  // powers
  ['a^1 → a', 'exp(x)^1', 'exp(x)'],
  ['a^0 → 1', 'exp(x)^0', '1'],
  // calls and derivative values
  ['simplifies arguments', 'sin(1*x)', 'sin(x)'],
  ['simplifies named arguments', 'leaky_relu(x, alpha=0.1*2)', 'leaky_relu(x, alpha=0.2)'],
  ['where(c, a, a) → a', 'where(x > 0, 2*x, x*2)', '2*x'],
  ["(f')' → f''", "(relu')'(x)", "relu''(x)"],
  // rules meet: the derivative of x*sigmoid(x) as differentiate builds it
  ['tidies a raw product rule', '1*sigmoid(x) + x*(sigmoid(x)*(1 - sigmoid(x))*1)', 'sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))'],
];

function value(expr: Expr, x: number): number {
  return evaluate(expr, { x }, world);
}

describe('simplify', () => {
  for (const [rule, input, output] of rules) {
    it(`${rule}: ${input} → ${output}`, () => {
      const before = parseExpression(input);
      assert.notEqual(formatExpression(before), output, 'the rule must change its input');
      const after = simplify(before);
      assert.equal(formatExpression(after), output);
      // a fixpoint: nothing left to do
      assert.equal(printAst(simplify(after)), printAst(after));
      if (!input.includes("'")) {
        for (const x of [-1.7, -0.3, 0.6, 2.2]) {
          const want = value(before, x);
          const got = value(after, x);
          assert.ok(Math.abs(got - want) <= 1e-15 * Math.max(1, Math.abs(want)) || Object.is(got, want),
            `${input} at ${x}: ${got} vs ${want}`);
        }
      }
    });
  }

  it('never produces a negative number literal (formulas must read back as the same tree)', () => {
    const result = simplify(parseExpression('(2 - 5)*x'));
    assert.equal(printAst(result), '(* (neg 3) x)');
  });

  it('gives rewritten nodes the span of the node they replace', () => {
    const source = 'exp(x)*2';
    const result = simplify(parseExpression(source));
    assert.deepEqual(result.span, { start: 0, end: source.length });
  });

  it('leaves already simple formulas alone', () => {
    for (const text of ['x', 'sigmoid(x)*(1 - sigmoid(x))', "2*relu'(2*x - 1)", 'x/2', 'a*x^(a - 1)']) {
      assert.equal(formatExpression(simplify(parseExpression(text))), text);
    }
  });

  it('keeps the value of 2000 seeded random arithmetic expressions (up to rounding)', () => {
    const random = rng(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const gen = (depth: number): string => {
      if (depth === 0 || random() < 0.25) return pick(['x', 'x', '0', '1', '2', '3', '0.5', 'a']);
      const r = random();
      if (r < 0.15) return `-(${gen(depth - 1)})`;
      if (r < 0.3) return `${pick(['exp', 'sin', 'tanh', 'sigmoid'])}(${gen(depth - 1)})`;
      if (r < 0.4) return `(${gen(depth - 1)})^${pick(['0', '1', '2', '3'])}`;
      // Divisors are kept away from 0: simplification does not keep the sign
      // of a zero (0/x is -0 for negative x, 0 after simplifying), which only
      // shows when something is divided by it.
      if (r < 0.55) return `(${gen(depth - 1)}) / ((${gen(depth - 1)})^2 + 1)`;
      return `(${gen(depth - 1)}) ${pick(['+', '-', '*'])} (${gen(depth - 1)})`;
    };
    let compared = 0;
    for (let i = 0; i < 2000; i++) {
      const text = gen(4);
      const before = parseExpression(text);
      const after = simplify(before);
      for (const x of [-1.3, 0.7, 2.1]) {
        const want = value(before, x);
        const got = value(after, x);
        // 0*a → 0 and a/a → 1 are documented to differ where a is infinite or NaN.
        if (!Number.isFinite(want) || Math.abs(want) > 1e100) continue;
        assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${text} → ${formatExpression(after)} at ${x}: ${got} vs ${want}`);
        compared++;
      }
    }
    assert.ok(compared > 4000);
  });
});
