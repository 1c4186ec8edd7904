/**
 * The formatter: readable text with minimal parentheses, and the property that
 * parseExpression(formatExpression(e)) is the same tree as e — for golden
 * cases, for derivative formulas, and for seeded random trees. Minimality is
 * checked too: removing any one pair of grouping parentheses from the output
 * changes the tree or breaks the parse.
 */
import { strict as assert } from 'assert';
import type { Expr } from '../../../../src/language/ast';
import { LanguageError } from '../../../../src/language/errors';
import { parseExpression } from '../../../../src/language/parser';
import { printAst } from '../../../../src/language/print-ast';
import { differentiate } from '../../../../src/language/symbolic/differentiate';
import { formatExpression } from '../../../../src/language/symbolic/format-expression';
import { simplify } from '../../../../src/language/symbolic/simplify';
import { randomExpression, rng } from './random-expression';
import { makeWorld } from './world';

/** Source as typed → as formatted. */
const golden: [source: string, formatted: string][] = [
  ['x*sigmoid(x)+x', 'x*sigmoid(x) + x'],
  ['sigmoid(x) + x * sigmoid(x) * (1 - sigmoid(x))', 'sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))'],
  ['-x^2', '-x^2'],
  ['(-x)^2', '(-x)^2'],
  ['-(x^2)', '-x^2'],
  ['2^3^2', '2^3^2'],
  ['(2^3)^2', '(2^3)^2'],
  ['2^-1', '2^-1'],
  ['2**(-x)', '2^-x'],
  ['a - (b - c)', 'a - (b - c)'],
  ['(a - b) - c', 'a - b - c'],
  ['a / (b * c)', 'a/(b*c)'],
  ['(a / b) * c', 'a/b*c'],
  ['a * -b', 'a*-b'],
  ['-(a*b)', '-(a*b)'],
  ['(-a)*b', '-a*b'],
  ['(a < b) < c', '(a < b) < c'],
  ['a < (b < c)', 'a < (b < c)'],
  ['(a + b) @ c', '(a + b)@c'],
  ['--x', '--x'],
  ["relu'(x)", "relu'(x)"],
  ["f''", "f''"],
  ["(f')'", "(f')'"],
  ["leaky_relu(alpha=0.2)'(x)", "leaky_relu(alpha=0.2)'(x)"],
  ['leaky_relu(x,alpha=0.2)', 'leaky_relu(x, alpha=0.2)'],
  ['(f + g)(x)', '(f + g)(x)'],
  ["(f + g)'", "(f + g)'"],
  ['(a + b)[0, 1]', '(a + b)[0, 1]'],
  ['(a*b).T', '(a*b).T'],
  ['2 .T', '2.T'],
  ['(2).e5', '(2).e5'],
  ['1e-3 * .5', '1e-3*.5'],
  ['[1, -2, [3]]', '[1, -2, [3]]'],
  ['"a\\"b\\\\c\\n"', '"a\\"b\\\\c\\n"'],
  ['true == (x > 0)', 'true == (x > 0)'],
  ['x % 2 * 3', 'x%2*3'],
  ['where(x > 0, 1, 0)', 'where(x > 0, 1, 0)'],
];

function roundTrips(e: Expr): void {
  const text = formatExpression(e);
  let reparsed: Expr;
  try {
    reparsed = parseExpression(text);
  } catch (error) {
    throw new Error(`${text} does not parse: ${(error as Error).message} (tree ${printAst(e)})`);
  }
  assert.equal(printAst(reparsed), printAst(e), `formatted as ${text}`);
}

/** Offsets of '(' that group (not a call's parenthesis) with their matching ')'. */
function groupingParentheses(text: string): [number, number][] {
  const pairs: [number, number][] = [];
  const stack: { open: number; grouping: boolean }[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '(') {
      const before = text.slice(0, i).trimEnd().slice(-1);
      stack.push({ open: i, grouping: !/[\w)\]'.]/.test(before) });
    } else if (c === ')') {
      const top = stack.pop();
      if (top?.grouping) pairs.push([top.open, i]);
    }
  }
  return pairs;
}

function assertMinimal(e: Expr): void {
  assertMinimalText(formatExpression(e), printAst(e));
}

function assertMinimalText(text: string, tree: string): void {
  for (const [open, close] of groupingParentheses(text)) {
    const without = text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1);
    let same = false;
    try {
      same = printAst(parseExpression(without)) === tree;
    } catch (error) {
      if (!(error instanceof LanguageError)) throw error;
    }
    assert.ok(!same, `the parentheses at ${open} in ${text} are not needed`);
  }
}

describe('formatExpression', () => {
  for (const [source, formatted] of golden) {
    it(`${source} → ${formatted}`, () => {
      const tree = parseExpression(source);
      assert.equal(formatExpression(tree), formatted);
      roundTrips(tree);
      assertMinimal(tree);
    });
  }

  it('prints generated numbers in their shortest round-trip form', () => {
    const span = { start: 0, end: 0 };
    const cases: [number, string][] = [[0.1 * 3, '0.30000000000000004'], [1e21, '1e+21'], [5e-324, '5e-324'], [-2, '-2']];
    for (const [value, text] of cases) {
      assert.equal(formatExpression({ type: 'number', value, text: 'bogus', span }), text);
    }
    assert.equal(Number(formatExpression({ type: 'number', value: 0.1 * 3, text: '', span })), 0.1 * 3);
  });

  it('round-trips derivative formulas', () => {
    const world = makeWorld();
    const bodies = ['x*sigmoid(x)', 'exp(-x^2/2)', 'x^x', 'max(0.1*x, x)', 'clamp(x, -1, 1)', 'h(3*x)', "relu'(x)^2",
      'leaky_relu(alpha=0.2)(x^-2)', 'erfc(2^-x)', 'm(x, x + 4)', '-(x - 1)^3', 'x^-1'];
    for (const body of bodies) {
      const raw = differentiate(parseExpression(body), 'x', world.env);
      for (const e of [raw, simplify(raw), simplify(differentiate(simplify(raw), 'x', world.env))]) {
        roundTrips(e);
        assertMinimal(e);
      }
    }
  });

  it('round-trips 3000 seeded random trees with minimal parentheses', () => {
    const random = rng(20240607);
    for (let i = 0; i < 3000; i++) {
      const e = randomExpression(random, 1 + (i % 5));
      roundTrips(e);
      assertMinimal(e);
    }
  });

  it('the minimality check can fail: redundant parentheses are caught', () => {
    assert.deepEqual(groupingParentheses('f((a*b) + c)[(0)]'), [[2, 6], [13, 15]]);
    assert.throws(() => assertMinimalText('(a*b) + c', printAst(parseExpression('a*b + c'))), /not needed/);
  });

  it('the property can fail: a formatter that dropped parentheses would be caught', () => {
    const e = parseExpression('(a - b) * c');
    const wrong = formatExpression(e).replace(/[()]/g, '');
    assert.notEqual(printAst(parseExpression(wrong)), printAst(e));
  });
});
