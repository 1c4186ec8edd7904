import { strict as assert } from 'assert';
import { callContextAt } from '../../../../src/services/cells/call-context';

describe('callContextAt', () => {
  it('finds the callee and the argument the cursor is in', () => {
    assert.deepEqual(callContextAt('leaky_relu('), { callee: 'leaky_relu', argumentIndex: 0, namedSoFar: [] });
    assert.deepEqual(callContextAt('y = leaky_relu(x, al'), { callee: 'leaky_relu', argumentIndex: 1, namedSoFar: [] });
    const c = callContextAt('plot(relu, f, from=-4, to=');
    assert.equal(c?.callee, 'plot');
    assert.equal(c?.argumentIndex, 3);
    assert.deepEqual(c?.namedSoFar, ['from', 'to']);
    assert.equal(c?.activeName, 'to');
  });

  it('skips nested calls, tensors, strings and comments', () => {
    assert.equal(callContextAt('f([1, 2], g(3, 4), ')?.argumentIndex, 2);
    assert.equal(callContextAt('f([1, 2], g(3, 4), ')?.callee, 'f');
    assert.equal(callContextAt('gelu(x, approximate="a,(b", ')?.argumentIndex, 2);
    assert.equal(callContextAt('elu(x, # a comment (with, commas\n  ')?.argumentIndex, 1);
  });

  it('reads derivative callees and multi-line calls', () => {
    assert.equal(callContextAt("relu'(")?.callee, "relu'");
    assert.equal(callContextAt('plot(relu,\n  gelu, ')?.argumentIndex, 2);
  });

  it('is undefined outside a call: in a tensor, after a finished call, on a new statement', () => {
    assert.equal(callContextAt('x = [1, 2, '), undefined);
    assert.equal(callContextAt('relu(x) + '), undefined);
    assert.equal(callContextAt('relu(\n')?.callee, 'relu'); // an open bracket continues the line
    assert.equal(callContextAt('relu(2\nx = '), undefined);
    assert.equal(callContextAt('(1 + '), undefined);
  });
});
