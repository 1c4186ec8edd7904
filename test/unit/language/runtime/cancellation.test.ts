import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';

/** A token that reports cancellation from its n-th read on. */
function tokenAfter(n: number) {
  let reads = 0;
  return {
    get isCancellationRequested() {
      return ++reads >= n;
    },
    get reads() {
      return reads;
    },
  };
}

describe('language/runtime: cancellation', () => {
  it('interrupts one long operation in the middle, and keeps the session usable', () => {
    const session = new Session();
    session.run('x = zeros(4000000)');
    const token = tokenAfter(6);
    const result = session.run('y = gelu(x) + 1', token);
    assert.equal(result.display.kind, 'error');
    assert.equal(result.display.kind === 'error' && result.display.message, 'interrupted');
    assert.ok(token.reads < 20, `interrupted after ${token.reads} checks, within the first operation`);
    assert.equal(session.run('y').display.kind, 'error', 'y was never assigned');
    const after = session.run('len(x)');
    assert.deepEqual(after.display, { kind: 'number', value: 4000000 });
  });

  it('interrupts runaway user-function calls between calls', () => {
    const session = new Session();
    session.run('f(x) = x + 1\ng(x) = f(f(f(f(x))))');
    const token = tokenAfter(10);
    const result = session.run('g(g(g(g(1))))', token);
    assert.equal(result.display.kind === 'error' && result.display.message, 'interrupted');
  });

  it('runs to the end when the token never fires', () => {
    const session = new Session();
    const result = session.run('sum(relu(linspace(-1, 1, 300001)))', { isCancellationRequested: false });
    assert.equal(result.display.kind, 'number');
  });
});
