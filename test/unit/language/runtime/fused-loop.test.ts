/** The inputs of fused loops by slot, and running a loop body over them. */
import { strict as assert } from 'assert';
import { Tensor } from '../../../../src/engine';
import { Evaluator } from '../../../../src/language/runtime/evaluator';
import { LoopInputs } from '../../../../src/language/runtime/fused-loop';

const ev = new Evaluator({ globals: new Map(), defaultDType: 'float64', depth: 0 }, '');
const span = { start: 0, end: 0 };

describe('language/runtime: fused loop inputs', () => {
  it('gives a tensor used twice one slot, and each number its own', () => {
    const inputs = new LoopInputs();
    const t = new Tensor('float64', [3], Float64Array.of(1, 2, 3));
    const u = new Tensor('float64', [3], Float64Array.of(1, 2, 3));
    assert.equal(inputs.tensor(t), 'T[0][i]');
    assert.equal(inputs.tensor(u), 'T[1][i]');
    assert.equal(inputs.tensor(t), 'T[0][i]');
    assert.equal(inputs.scalar(2), 'S[0]');
    assert.equal(inputs.scalar(2), 'S[1]');
  });

  it('calls functions by slot, with parameters in their own slots', () => {
    const inputs = new LoopInputs();
    assert.equal(inputs.call(Math.exp, 'T[0][i]'), 'F[0](T[0][i])');
    assert.equal(inputs.call(Math.max, 'T[0][i]', { alpha: 0.1 }), 'F[1](T[0][i], P[0])');
  });

  it('runs a body over every element into a tensor of the dtype and shape asked', () => {
    const inputs = new LoopInputs();
    const t = new Tensor('float64', [2, 3], Float64Array.of(1, 2, 3, 4, 5, 6));
    const body = `Math.fround(${inputs.call((x: number, p: { k: number }) => x * p.k, inputs.tensor(t), { k: 0.1 })} + ${inputs.scalar(1)})`;
    const v = inputs.run(body, 'float32', [2, 3], ev, span);
    assert.ok(v.kind === 'tensor');
    assert.equal(v.tensor.dtype, 'float32');
    assert.deepEqual(v.tensor.shape, [2, 3]);
    assert.deepEqual(Array.from(v.tensor.data), [1, 2, 3, 4, 5, 6].map((x) => Math.fround(x * 0.1 + 1)));
  });
});
