/**
 * What cannot be differentiated is refused with a SymbolicError that names
 * the construct and points (by span) at the offending part of the source.
 */
import { strict as assert } from 'assert';
import { parseExpression } from '../../../../src/language/parser';
import { sliceSpan } from '../../../../src/language/source';
import { differentiate } from '../../../../src/language/symbolic/differentiate';
import { SymbolicError } from '../../../../src/language/symbolic/symbolic-error';
import { makeWorld } from './world';

const world = makeWorld(`
g(t) = t*sigmoid(t)
r(t, s=1) = r(t*s, s=t)
q2(t, s) = t*s + x
cos(t) = t
d1(t, s) = d1(s + 1, t)
`);

/** [body, text the error's span covers, part of the message] */
const cases: [body: string, at: string, message: RegExp][] = [
  ['x[0] + 1', 'x[0]', /cannot differentiate x\[0\] with respect to x: indexing/],
  ['[x, 1]', '[x, 1]', /cannot differentiate \[x, 1\] with respect to x: a vector/],
  ['x.T*2', 'x.T', /transpose/],
  ['x.weight', 'x.weight', /field/],
  ['x*"tanh"', '"tanh"', /string has no derivative/],
  ['x @ x', 'x @ x', /matrix product/],
  ['x % x', 'x % x', /remainder by a varying divisor/],
  ["leaky_relu(alpha=x)' + 1", "leaky_relu(alpha=x)'", /apply it to an argument/],
  ['x(2)', 'x', /x is the variable, not a function/],
  ['leaky_relu(x, alpha=x)', 'x', /parameter 'alpha' depends on x/],
  ['softmax(x)', 'softmax(x)', /Jacobian/],
  ['relu(x, x)', 'relu(x, x)', /one input/],
  ['min(x)', 'min(x)', /two arguments here/],
  ['exp(x, y)', 'exp(x, y)', /one argument/],
  ['clamp(x, 1)', 'clamp(x, 1)', /three arguments/],
  ['exp(x, base=2)', 'base', /no named arguments/],
  ['r(x, s=x)', 'r(x, s=x)', /defined in terms of itself/],
  ['d1(x, x)', 'd1(x, x)', /defined in terms of itself/],
  ['q2(x, x)', 'q2(x, x)', /global named x/],
  ['g(x, 2)', 'g(x, 2)', /takes 1 argument/],
  ['sin(x)', 'sin(x)', /builtin 'cos', which this notebook redefines/],
  ['(leaky_relu(alpha=x))(2*x)', '(leaky_relu(alpha=x))', /function being called depends on x/],
];

describe('symbolic differentiation: errors', () => {
  for (const [body, at, message] of cases) {
    it(`refuses ${body} at ${at}`, () => {
      const expr = parseExpression(body);
      let caught: unknown;
      try {
        differentiate(expr, 'x', world.env);
      } catch (error) {
        caught = error;
      }
      assert.ok(caught instanceof SymbolicError, `expected a SymbolicError, got ${String(caught)}`);
      assert.equal(caught.name, 'SymbolicError');
      assert.match(caught.message, message);
      assert.equal(sliceSpan(body, caught.span), at);
    });
  }

  it('errors inside an inlined body point at the call, not into the definition', () => {
    const body = '1 + q2(x, x)';
    try {
      differentiate(parseExpression(body), 'x', world.env);
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof SymbolicError);
      assert.equal(sliceSpan(body, error.span), 'q2(x, x)');
    }
    const recursive = 'r(x, s=x)';
    try {
      differentiate(parseExpression(recursive), 'x', world.env);
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof SymbolicError);
      assert.equal(sliceSpan(recursive, error.span), recursive);
    }
  });

  it('a constant sub-expression of any kind has derivative 0 (only strings are refused outright)', () => {
    for (const body of ['w[0]*x', 'sum([1, 2])*x', 'v.T*x', 'x*len("ab")']) {
      assert.doesNotThrow(() => differentiate(parseExpression(body), 'x', world.env), body);
    }
  });
});
