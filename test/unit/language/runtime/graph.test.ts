/**
 * graph(f, at=x0) and graph(net, x): the gradient at the input against the symbolic
 * derivative f'(x0) (for hand-picked and for random functions), the values against f,
 * the network's gradients against finite differences, and how a ReLU that is off cuts the path.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { fromJsonNumber, type GraphDisplay } from '../../../../src/shared/output';
import { displayText } from '../../../../src/shared/display-text';
import { asError, asNumber, asTensor, display, Session } from './support';

function asGraph(d: ReturnType<typeof display>): GraphDisplay {
  assert.equal(d.kind, 'graph', JSON.stringify(d).slice(0, 300));
  return d as GraphDisplay;
}

const close = (a: number, b: number, what: string, rel = 1e-10) =>
  assert.ok(a === b || Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

/** Graph's gradient and value at the input of `f` against f'(at) and f(at) computed by the language. */
function checkAgainstDerivative(s: Session, f: string, at: number): GraphDisplay {
  const g = asGraph(display(s, `graph(${f}, at=${at})`));
  close(fromJsonNumber(g.grad[0]), asNumber(display(s, `${f}'(${at})`)), `d${f}/dx at ${at}`);
  close(fromJsonNumber(g.value), asNumber(display(s, `${f}(${at})`)), `${f}(${at})`, 0);
  const input = g.nodes.find((n) => n.role === 'input')!;
  assert.deepEqual(g.grad, [input.grad], 'grad lists the input node\'s gradient');
  return g;
}

describe('language: graph', () => {
  it("gives the gradient at the input that f' gives, for user functions, compositions and builtins", () => {
    const s = new Session();
    display(s,
      'f(x) = x * sigmoid(1.702 * x)',
      'g(x, a=0.1) = max(a * x, x)',
      'h(x) = f(2 * x) + g(x - 1, a=0.3) * tanh(x)',
      'k(x) = exp(-x^2 / 2) / sqrt(2 * pi) + x^3 - 4 / (1 + x * x)',
      'm(x) = softplus(x, beta=2) * leaky_relu(x - 0.5, alpha=0.2) + sin(x) * cos(3 * x)',
      'p(x) = where(x > 0, x, 0.5 * x) + clamp(x, -1, 1) + pow(1 + x * x, 0.5) + abs(x)',
      'q(x) = f(f(x)) - x % 1.5');
    for (const f of ['f', 'g', 'h', 'k', 'm', 'p', 'q', 'relu', 'gelu', 'elu(alpha=0.5)', 'sigmoid', 'mish', 'softplus']) {
      for (const at of [-2.3, -0.7, 0.4, 1.9]) checkAgainstDerivative(s, f, at);
    }
  });

  it('follows PyTorch at kinks, as the derivative does', () => {
    const s = new Session();
    display(s, 'r(x) = relu(x) + max(0, x) + leaky_relu(x, alpha=0.2)');
    const g = checkAgainstDerivative(s, 'r', 0);
    assert.equal(fromJsonNumber(g.grad[0]), 0.2, "relu'(0) = 0, max ties take the first argument (0), leaky_relu'(0) = alpha");
  });

  it("matches f' for random functions built from the language's operators and activations (property)", () => {
    const leaf = fc.constantFrom('x', 'x', '0.5', '2', '1.702', 'pi');
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a} / (1 + ${b} * ${b})`),
        fc.tuple(fc.constantFrom('sigmoid', 'tanh', 'softplus', 'sin', 'gelu', 'silu', 'elu', 'atan1'), tie('e')).map(([f, a]) => (f === 'atan1' ? `u(${a})` : `${f}(${a})`)),
        tie('e').map((a) => `-${a}`),
      ),
    })).e;
    fc.assert(fc.property(expr, fc.double({ min: -3, max: 3, noNaN: true }), (body, at) => {
      const s = new Session();
      display(s, 'u(x) = x / (1 + x^2)', `f(x) = ${body}`);
      const g = asGraph(display(s, `graph(f, at=${at})`));
      const want = asNumber(display(s, `f'(${at})`));
      const got = fromJsonNumber(g.grad[0]);
      assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `f(x) = ${body} at ${at}: graph ${got}, f' ${want}`);
      close(fromJsonNumber(g.value), asNumber(display(s, `f(${at})`)), 'value', 0);
    }), { numRuns: 200, seed: 14 });
  });

  it('has nodes with op, value and grad, edges from operands to users, and one column per step', () => {
    const s = new Session();
    display(s, 'f(x) = x * sigmoid(1.702 * x)');
    const g = asGraph(display(s, 'graph(f, at=0.5)'));
    assert.deepEqual(g.nodes.map((n) => n.op), ['input', 'const', '*', 'sigmoid', '*']);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    for (const e of g.edges) assert.ok(byId.get(e.from)!.layer < byId.get(e.to)!.layer, 'edges go left to right');
    const out = g.nodes.find((n) => n.role === 'output')!;
    assert.equal(out.grad, 1);
    const sig = g.nodes.find((n) => n.op === 'sigmoid')!;
    const s1 = fromJsonNumber(sig.value);
    close(fromJsonNumber(sig.grad), 0.5, 'd(x * s)/ds = x');
    close(s1, 1 / (1 + Math.exp(-0.851)), 'sigmoid(0.851)', 1e-15);
    assert.equal(g.edges.filter((e) => e.from === g.nodes[0].id).length, 2, 'x feeds two nodes');
    assert.match(displayText(g), /^computational graph of f at x = 0\.5: 5 nodes, output 0\.350388/);
  });

  it('draws a network on one input: gradients against finite differences, a ReLU that is off cuts the path', () => {
    const s = new Session();
    display(s, 'net = mlp([2, 4, 1], seed=0)', 'x = [0.5, -1]');
    const g = asGraph(display(s, 'graph(net, x)'));
    assert.equal(g.nodes.length, 2 + 2 * 4 + 2);
    const h = 1e-6;
    for (let p = 0; p < 2; p++) {
      const plus = asTensor(display(s, `net(x + [${p === 0 ? h : 0}, ${p === 1 ? h : 0}])`))[0];
      const minus = asTensor(display(s, `net(x - [${p === 0 ? h : 0}, ${p === 1 ? h : 0}])`))[0];
      close(fromJsonNumber(g.grad[p]), (plus - minus) / (2 * h), `d out/d x${p + 1}`, 1e-6);
    }
    close(fromJsonNumber(g.value), asTensor(display(s, 'net(x)'))[0], 'the output is net(x)', 0);
    const z = g.nodes.filter((n) => n.op === 'dense' && n.label.startsWith('z1['));
    const off = z.filter((n) => fromJsonNumber(n.value) <= 0);
    assert.ok(off.length > 0 && off.length < 4, 'this seed has units on and off at x');
    for (const n of off) {
      assert.equal(n.grad, 0, `${n.label}: no gradient through a relu that is off`);
      for (const e of g.edges.filter((e) => e.to === n.id)) assert.equal(e.grad, 0, 'nor to the weights into it');
    }
    for (const n of z.filter((n) => fromJsonNumber(n.value) > 0)) assert.notEqual(n.grad, 0);
    assert.ok(g.nodes.some((n) => n.label.includes('(off)')));
    const w = asTensor(display(s, 'net[0].weights'));
    const intoFirst = g.edges.filter((e) => e.to === z[0].id).map((e) => e.weight);
    assert.deepEqual(intoFirst, [w[0], w[1]], 'edges into a pre-activation carry its weights');
  });

  it('refuses networks past 40 units, suggesting a smaller one, and other bad input', () => {
    const s = new Session();
    asError(display(s, 'graph(mlp([2, 16, 16, 16, 1]), [0, 0])'), /up to 40 units, and mlp\(\[2, 16, 16, 16, 1\]\) has 49; try a smaller one, e\.g\. mlp\(\[2, 4, 1\]\)/);
    asError(display(s, 'graph(mlp([2, 4, 1]), [0, 0, 0])'), /takes one input, a vector of 2 numbers/);
    asError(display(s, 'graph(relu)'), /needs the point/);
    asError(display(s, 'graph(3, at=1)'), /draws a function .* or a network/);
    display(s, 'f(x) = f(x) + 1');
    asError(display(s, 'graph(f, at=1)'), /levels deep/);
    display(s, 'v(x) = sum([x, x])');
    asError(display(s, 'graph(v, at=1)'), /a vector in v is not one of them/);
  });
});
