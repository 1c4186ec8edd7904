/**
 * Golden derivative formulas: what a student sees for f' of common bodies.
 * The strings fix the canonical form — numeric coefficient first, names before
 * calls in a product, chain-rule factor after the outer derivative otherwise,
 * `-` on the leading factor, `act'(u)` for activations without a closed form.
 */
import { strict as assert } from 'assert';
import { parseExpression } from '../../../../src/language/parser';
import { printAst } from '../../../../src/language/print-ast';
import { differentiate } from '../../../../src/language/symbolic/differentiate';
import { formatExpression } from '../../../../src/language/symbolic/format-expression';
import { simplify } from '../../../../src/language/symbolic/simplify';
import { makeWorld } from './world';

const world = makeWorld();

function formula(body: string, variable = 'x'): string {
  return formatExpression(simplify(differentiate(parseExpression(body), variable, world.env)));
}

const golden: [body: string, derivative: string][] = [
  // the examples of the brief
  ['x*sigmoid(x)', 'sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))'],
  ['x^3', '3*x^2'],
  ['sin(2*x)', '2*cos(2*x)'],
  ['exp(-x^2/2)', '-x*exp(-x^2/2)'],
  ['log(1 + exp(x))', 'exp(x)/(1 + exp(x))'],
  ['x*tanh(softplus(x))', 'tanh(softplus(x)) + x*(1 - tanh(softplus(x))^2)*sigmoid(x)'],
  ['max(0.1*x, x)', 'where(0.1*x >= x, 0.1, 1)'],
  ['relu(2*x - 1)', "2*relu'(2*x - 1)"],
  ['leaky_relu(x, alpha=0.2)', "leaky_relu'(x, alpha=0.2)"],
  // user functions: g is used by h; h is referred to as h', not expanded
  ['h(3*x)', "3*h'(3*x)"],
  ['g(x^2)', "2*x*g'(x^2)"],
  ['k(x, a=0.2)', "k'(x, a=0.2)"],
  // the variable in a second argument: the body is inlined
  ['m(x, 2)', '-2*x*exp(-x^2/2)'],
  ['m(x, x + 4)', 'exp(-x^2/(x + 4)) + (x + 4)*exp(-x^2/(x + 4))*(x^2 - 2*x*(x + 4))/(x + 4)^2'],
  ['k(x, a=x)', 'where(x*x >= x, x + x, 1)'],
  // constants and the variable
  ['7', '0'],
  ['a', '0'],
  ['pi*x', 'pi'],
  ['x', '1'],
  ['-x', '-1'],
  ['x > 0', '0'],
  // arithmetic
  ['a*x^2 + b*x', '2*a*x + b'],
  ['1/x', '-1/x^2'],
  ['x/(1 + x)', '(1 + x - x)/(1 + x)^2'],
  ['x/3', '1/3'],
  ['x^a', 'a*x^(a - 1)'],
  ['2^x', '2^x*log(2)'],
  ['x^x', 'x^x*(log(x) + 1)'],
  ['x^-1', '-x^-2'],
  ['x % 2', '1'],
  // math builtins
  ['exp(x)', 'exp(x)'],
  ['log(x)', '1/x'],
  ['log1p(x)', '1/(1 + x)'],
  ['expm1(2*x)', '2*exp(2*x)'],
  ['sqrt(x)', '1/(2*sqrt(x))'],
  ['cos(x)', '-sin(x)'],
  ['tan(x)', '1 + tan(x)^2'],
  ['tanh(x)', '1 - tanh(x)^2'],
  ['erf(x)', '2*exp(-x^2)/sqrt(pi)'],
  ['erfc(x)', '-2*exp(-x^2)/sqrt(pi)'],
  ['abs(x)', 'sign(x)'],
  ['sign(x) + floor(x) + ceil(x) + round(x)', '0'],
  ['min(x, 1 - x)', 'where(x <= 1 - x, 1, -1)'],
  ['clamp(x, -1, 1)', 'where((x >= -1)*(x <= 1), 1, 0)'],
  ['clamp(2, x, 3)', 'where(2 < x, 1, 0)'],
  ['where(x > 0, x^2, -x)', 'where(x > 0, 2*x, -1)'],
  ['pow(x, 2.5)', '2.5*x^1.5'],
  // activations
  ['sigmoid(x)', 'sigmoid(x)*(1 - sigmoid(x))'],
  ['softplus(x)', 'sigmoid(x)'],
  ['softplus(x, beta=2)', "softplus'(x, beta=2)"],
  ['silu(x)', "silu'(x)"],
  ['swish(2*x)', "2*swish'(2*x)"],
  ['gelu_tanh(x)', "gelu_tanh'(x)"],
  ['leaky_relu(alpha=0.2)(3*x)', "3*leaky_relu(alpha=0.2)'(3*x)"],
  ["relu'(x)", "relu''(x)"],
  ["leaky_relu(alpha=0.2)'(x^2)", "2*x*leaky_relu(alpha=0.2)''(x^2)"],
  // a function value bound to a name (a constant as far as x is concerned)
  ['q(x)', "q'(x)"],
];

describe('symbolic differentiation: golden formulas', () => {
  for (const [body, expected] of golden) {
    it(`d/dx ${body} = ${expected}`, () => {
      assert.equal(formula(body), expected);
    });
  }

  it('differentiates with respect to the named variable only', () => {
    assert.equal(formula('t*x + t^2', 't'), 'x + 2*t');
  });

  it('second derivatives come from differentiating the formula again', () => {
    const first = simplify(differentiate(parseExpression('x*sigmoid(x)'), 'x', world.env));
    const second = simplify(differentiate(first, 'x', world.env));
    assert.equal(
      formatExpression(second),
      'sigmoid(x)*(1 - sigmoid(x)) + ((sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x)))*(1 - sigmoid(x)) - x*sigmoid(x)*sigmoid(x)*(1 - sigmoid(x)))',
    );
    assert.equal(formula("2*relu'(2*x - 1)"), "4*relu''(2*x - 1)");
  });

  it('builds activation derivatives as derivative nodes with the same named arguments', () => {
    const d = differentiate(parseExpression('leaky_relu(x, alpha=0.2)'), 'x', world.env);
    assert.equal(printAst(simplify(d)), '(call (d1 leaky_relu) x :alpha 0.2)');
  });

  it('gives every generated node the span of the node it came from', () => {
    const source = 'y + sin(2*x)';
    const d = differentiate(parseExpression(source), 'x', world.env);
    // (+ 0 (* (cos (2*x)) (* 2 1))): the sum's span, then the call's span.
    assert.equal(d.type, 'binary');
    if (d.type !== 'binary') return;
    assert.deepEqual(d.span, { start: 0, end: source.length });
    assert.deepEqual(d.left.span, { start: 0, end: 1 }); // d(y) = 0 at y
    assert.deepEqual(d.right.span, { start: 4, end: source.length }); // the chain rule at sin(...)
    const simplified = simplify(d);
    const spans: string[] = [];
    const visit = (e: typeof simplified): void => {
      spans.push(`${e.span.start}-${e.span.end}`);
      if (e.type === 'binary') { visit(e.left); visit(e.right); }
      if (e.type === 'call') { visit(e.callee); e.args.forEach(visit); }
    };
    visit(simplified);
    for (const s of spans) {
      const [start, end] = s.split('-').map(Number);
      assert.ok(start >= 0 && end <= source.length && start <= end, `span ${s} lies inside the source`);
    }
  });
});
