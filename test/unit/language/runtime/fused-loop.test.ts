/** The inputs of fused loops by slot, and running a loop's tree over them (WebAssembly or JavaScript). */
import { strict as assert } from 'assert';
import { sin, Tensor, useWasmElementwise, type FusedNode } from '../../../../src/engine';
import { Evaluator } from '../../../../src/language/runtime/evaluator';
import { LoopInputs } from '../../../../src/language/runtime/fused-loop';

const ev = new Evaluator({ globals: new Map(), defaultDType: 'float64', depth: 0 }, '');
const span = { start: 0, end: 0 };

describe('language/runtime: fused loop inputs', () => {
  it('gives a tensor used twice one slot, and each number its own', () => {
    const inputs = new LoopInputs();
    const t = new Tensor('float64', [3], Float64Array.of(1, 2, 3));
    const u = new Tensor('float64', [3], Float64Array.of(1, 2, 3));
    assert.deepEqual(inputs.tensor(t), { kind: 'tensor', slot: 0 });
    assert.deepEqual(inputs.tensor(u), { kind: 'tensor', slot: 1 });
    assert.deepEqual(inputs.tensor(t), { kind: 'tensor', slot: 0 });
    assert.deepEqual(inputs.scalar(2), { kind: 'scalar', slot: 0 });
    assert.deepEqual(inputs.scalar(2), { kind: 'scalar', slot: 1 });
  });

  for (const wasm of [true, false]) {
    it(`runs a tree over every element into a tensor of the dtype and shape asked (wasm ${wasm ? 'on' : 'off'})`, () => {
      const inputs = new LoopInputs();
      const t = new Tensor('float64', [2, 3], Float64Array.of(1, 2, 3, 4, 5, 6));
      const root: FusedNode = { kind: 'round32', a: { kind: 'arithmetic', op: '+', a: { kind: 'elementary', f: Math.sqrt, a: inputs.tensor(t) }, b: inputs.scalar(0.1) } };
      useWasmElementwise(wasm);
      try {
        const v = inputs.run(root, 'float32', [2, 3], ev, span);
        assert.ok(v?.kind === 'tensor');
        assert.equal(v.tensor.dtype, 'float32');
        assert.deepEqual(v.tensor.shape, [2, 3]);
        assert.deepEqual(Array.from(v.tensor.data), [1, 2, 3, 4, 5, 6].map((x) => Math.fround(Math.sqrt(x) + 0.1)));
      } finally {
        useWasmElementwise(true);
      }
    });
  }

  it('runs nothing where there is no WebAssembly form and no JavaScript may be compiled', () => {
    const quiet = new Evaluator({ globals: new Map(), defaultDType: 'float64', depth: 0, compileLoops: false }, '');
    const inputs = new LoopInputs();
    const t = new Tensor('float64', [3], Float64Array.of(1, 2, 3));
    const withSin: FusedNode = { kind: 'elementary', f: sin, a: inputs.tensor(t) };
    assert.equal(inputs.run(withSin, 'float64', [3], quiet, span), undefined);
    const withSqrt: FusedNode = { kind: 'elementary', f: Math.sqrt, a: inputs.tensor(t) };
    assert.deepEqual(Array.from((inputs.run(withSqrt, 'float64', [3], quiet, span) as { tensor: Tensor }).tensor.data), [1, Math.SQRT2, Math.sqrt(3)]);
  });
});
