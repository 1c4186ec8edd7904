/**
 * Fused elementwise loops must give exactly what the operator-by-operator path
 * gives. The reference evaluates one operator per statement, which is never
 * fused (fusion needs at least two operations).
 */
import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';

const N = 5000; // above the fusion threshold

function data(session: Session, source: string): number[] {
  const d = session.run(source).display;
  assert.equal(d.kind, 'tensor', `${source}: ${JSON.stringify(d).slice(0, 160)}`);
  return d.kind === 'tensor' ? (d.data as number[]) : [];
}

function setup(dtypeX: string, dtypeZ: string): Session {
  const s = new Session();
  s.run(`x = linspace(-6, 6, ${N}, dtype="${dtypeX}")\nz = linspace(2, -3, ${N}, dtype="${dtypeZ}")`);
  return s;
}

const cases: [string, string[]][] = [
  ['x * sigmoid(1.702 * x)', ['a = 1.702 * x', 'b = sigmoid(a)', 'x * b']],
  ['-x^2 + 3 * z', ['a = x^2', 'b = -a', 'c = 3 * z', 'b + c']],
  ["leaky_relu(x - z, alpha=0.2) / 7", ['a = x - z', 'b = leaky_relu(a, alpha=0.2)', 'b / 7']],
  ["gelu'(x * 0.1) * exp(z / 3)", ['a = x * 0.1', "b = gelu'(a)", 'c = z / 3', 'd = exp(c)', 'b * d']],
  ['tanh(x) - tanh(z) + 1 / 3', ['a = tanh(x)', 'b = tanh(z)', 'c = a - b', 'c + 1 / 3']],
];

describe('language/runtime: fused elementwise loops', () => {
  for (const [dx, dz] of [['float64', 'float64'], ['float32', 'float32'], ['float32', 'float64']]) {
    for (const [fused, steps] of cases) {
      it(`${fused} with x ${dx}, z ${dz}: identical to one operator at a time`, () => {
        const s = setup(dx, dz);
        const got = data(s, fused);
        const reference = steps.slice(0, -1).reduce((session, step) => (session.run(step), session), s);
        const want = data(reference, steps[steps.length - 1]);
        assert.equal(got.length, N);
        got.forEach((v, i) => assert.ok(Object.is(v, want[i]), `element ${i}: fused ${v}, stepwise ${want[i]}`));
        const dtype = s.run(`y = ${fused}`) && s.run('y').display;
        const expected = dx === 'float32' && (dz === 'float32' || !fused.includes('z')) ? 'float32' : 'float64';
        assert.equal(dtype.kind === 'tensor' && dtype.dtype, expected);
      });
    }
  }

  it('falls back to the ordinary path for broadcasting and still broadcasts', () => {
    const s = new Session();
    s.run(`m = reshape(linspace(0, 1, ${2 * N}), 2, ${N})\nv = linspace(0, 1, ${N})`);
    const d = s.run('m * v + sigmoid(v)').display;
    assert.equal(d.kind === 'tensor' && d.shape.join(','), `2,${N}`);
  });

  it('reports errors inside a fusable expression at the right place', () => {
    const s = setup('float64', 'float64');
    const d = s.run('x * sigmod(2 * x)').display;
    assert.equal(d.kind, 'error');
    assert.ok(d.kind === 'error' && /unknown function 'sigmod' \(did you mean 'sigmoid'/.test(d.message), JSON.stringify(d));
    assert.equal(d.kind === 'error' && d.column, 5);
  });

  it('stops a fused loop when interrupted', () => {
    const s = new Session();
    s.run('x = zeros(3000000)');
    let reads = 0;
    const d = s.run('y = x * sigmoid(1.702 * x) + 1', { get isCancellationRequested() { return ++reads > 4; } }).display;
    assert.equal(d.kind === 'error' && d.message, 'interrupted while computing y on line 1, so y was not assigned');
  });
});
