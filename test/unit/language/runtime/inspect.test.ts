import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';
import { variableHoverMarkdown } from '../../../../src/services/hover-content/activation-hover';

describe('Session.inspect (hovers and completion)', () => {
  const session = new Session();
  session.run('x = linspace(-3, 2, 6)\nn = 4\ns = "tanh"\nf(x, a=0.1) = max(a * x, x)\nm = float32([[1, 2], [3, 9]])');

  it('describes tensors by kind, dtype, shape and range', () => {
    const [x] = session.inspect(['x']);
    assert.deepEqual(x, { name: 'x', kind: 'tensor', dtype: 'float64', shape: [6], min: -3, max: 2 });
    const [m] = session.inspect(['m']);
    assert.equal(m.dtype, 'float32');
    assert.deepEqual(m.shape, [2, 2]);
    assert.equal(m.max, 9);
  });

  it('gives numbers and strings as text, and user functions with their parameters', () => {
    const infos = new Map(session.inspect().map((i) => [i.name, i]));
    assert.deepEqual([...infos.keys()].sort(), ['f', 'm', 'n', 's', 'x']);
    assert.equal(infos.get('n')?.text, '4');
    assert.equal(infos.get('s')?.text, 'tanh');
    assert.deepEqual(infos.get('f')?.parameters, ['x', 'a=0.1']);
    assert.equal(infos.get('f')?.function, undefined, 'not sampled unless asked');
  });

  it('samples a function in detail: formula, symbolic derivative, curve', () => {
    const [f] = session.inspect(['f'], true);
    assert.equal(f.function?.kind, 'function');
    assert.match(f.function!.formula, /max/);
    assert.ok(f.function!.curve!.x.length > 100);
    const i = f.function!.curve!.x.findIndex((x) => x === -2);
    if (i >= 0) assert.ok(Math.abs((f.function!.curve!.y[i] as number) + 0.2) < 1e-12);
  });

  it('gives the display of networks and training runs when asked in detail, for a hover to summarise', () => {
    const s = new Session();
    s.run('net = mlp([2, 4, 1])\nfit = train(net, dataset("xor", n=50), epochs=2)');
    const [net] = s.inspect(['net'], true);
    assert.equal(net.kind, 'network');
    assert.equal(net.display?.kind, 'network');
    assert.match(variableHoverMarkdown(net, { theme: 'dark' }), /dense 2 -> 4/);
    const [fit] = s.inspect(['fit'], true);
    assert.equal(fit.display?.kind, 'training');
    assert.match(variableHoverMarkdown(fit, { theme: 'dark' }), /training run: 2 of 2 epochs/);
    assert.equal(s.inspect(['fit'])[0].display, undefined, 'not computed for completion lists');
  });

  it('skips unknown names', () => {
    assert.deepEqual(session.inspect(['nope']), []);
  });
});
