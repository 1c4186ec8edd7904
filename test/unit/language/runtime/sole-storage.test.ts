import { strict as assert } from 'assert';
import fc from 'fast-check';
import { tensorHeap } from '../../../../src/engine';
import { Session } from '../../../../src/language/runtime/session';
import { heldAloneByVariable } from '../../../../src/language/runtime/sole-storage';
import type { Value } from '../../../../src/language/runtime/values';

/** 20,000 doubles (160 KB): large enough for the tensor heap and for fused loops. */
const N = 20_000;

function dataOf(v: Value | undefined): Float64Array | Float32Array {
  assert.ok(v?.kind === 'tensor', `expected a tensor, got ${v?.kind}`);
  return v.tensor.data;
}

function fresh(): Session {
  const s = new Session();
  const r = s.run(`x = linspace(-6, 6, ${N})`);
  assert.equal(r.error, undefined);
  return s;
}

function run(s: Session, source: string): void {
  const r = s.run(source);
  assert.equal(r.error, undefined, `${source}: ${r.error?.message}`);
}

describe('runtime: a reassigned variable gives back storage it alone holds (sole-storage.ts)', () => {
  const heap = tensorHeap();
  before(function () {
    if (!heap) this.skip(); // no WebAssembly memory here: every tensor is a JavaScript array
  });

  it('y = x * sigmoid(1.702 * x) run again reuses the block of the y it replaces', () => {
    const s = fresh();
    for (const cell of ['y = x * sigmoid(1.702 * x)', 'y = quick_gelu(x)']) {
      run(s, cell); // the first run may also take a kernel's own buffers
      const used = heap!.used;
      // without the early release each run holds one more block until a collection
      for (let k = 0; k < 4; k++) run(s, cell);
      assert.equal(heap!.used, used, cell);
    }
  });

  it('never gives back storage another name or a function can still read', () => {
    const want = (source: string): number[] => {
      const r = fresh();
      run(r, `v = ${source}`);
      return Array.from(dataOf(r.variables.get('v')));
    };
    const first = want('x * sigmoid(1.702 * x)');
    const holders: [string, string][] = [
      ['z = y', 'z'], // the same tensor under two names
      ['w = +y', 'w'], // unary plus returns its operand
      ['g = f(a = y)', 'g(0)'], // a partial application keeps its argument
      ['h = f(0, y)', 'h'], // a function returning its argument
    ];
    for (const [holder, read] of holders) {
      const s = fresh();
      run(s, 'f(t, a = 0) = a');
      run(s, 'y = x * sigmoid(1.702 * x)');
      run(s, holder);
      const used = heap!.used;
      run(s, 'y = x * tanh(x) + 1');
      // y's old block stays taken: given back, the new y's block would have replaced it
      assert.equal(heap!.used, used + N * 8, holder);
      run(s, 'y = 2 * x * x');
      assert.deepEqual(Array.from(dataOf(s.run(read).value)), first, holder);
    }
  });

  it('a default is read when the function is called: the y of then', () => {
    const s = fresh();
    run(s, 'f(t, a = y) = a');
    run(s, 'y = x * sigmoid(1.702 * x)');
    run(s, 'y = 2 * x * x');
    const r = fresh();
    run(r, 'v = 2 * x * x');
    assert.deepEqual(dataOf(s.run('f(0)').value), dataOf(r.variables.get('v')));
  });

  it('holds alone only what the assignment made: y = x then y = ... leaves x alone', () => {
    const s = fresh();
    const before = Float64Array.from(dataOf(s.run('x').value));
    run(s, 'y = x');
    run(s, 'y = x * sigmoid(x)');
    run(s, 'y = relu(x) * 2');
    assert.deepEqual(dataOf(s.run('x').value), before);
  });

  it('a variable read by its own loop (y = y * sigmoid(y)) is given back only after the loop', () => {
    const s = fresh();
    const r = fresh();
    run(s, 'y = x * sigmoid(1.702 * x)');
    run(s, 'y = y * sigmoid(y) - 1');
    run(r, 'y = x * sigmoid(1.702 * x)');
    r.variables; // shares r's y: r keeps every block, the reference
    run(r, 'y = y * sigmoid(y) - 1');
    assert.deepEqual(dataOf(s.variables.get('y')), dataOf(r.variables.get('y')));
  });

  it('a cell whose assignment fails keeps the variable and its storage', () => {
    const s = fresh();
    run(s, 'y = x * sigmoid(1.702 * x)');
    assert.ok(s.run('y = x * sigmoid(1.702 * x) + nope').error);
    assert.ok(heldAloneByVariable(s.run('1').value) === false);
    const y = s.variables.get('y');
    assert.equal(dataOf(y).length, N);
    assert.ok(Number.isFinite(dataOf(y)[N - 1]));
  });

  it('random cells over a few names give the values of a session that never gives storage back', () => {
    // the reference session shares every variable after each statement, so it keeps every block
    const statements = [
      'a = x * sigmoid(1.702 * x)', 'a = relu(x) - 1', 'b = a', 'b = a * 2 + b', 'c = -a', 'c = tanh(b)',
      'a = b * sigmoid(a)', 'b = c[1]', 'c = [a, a]', 'a = elu(c)', 'g = f(t = b)', 'c = g()', 'f(t) = t * a', 'b = f(x) * 1', 'a = 3',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statements), { minLength: 1, maxLength: 14 }), (cells) => {
        const s = fresh();
        const reference = fresh();
        for (const cell of cells) {
          const got = s.run(cell);
          const want = reference.run(cell);
          reference.variables;
          assert.equal(got.error?.message, want.error?.message, cell);
        }
        for (const [name, value] of reference.variables) {
          const mine = s.variables.get(name);
          if (value.kind !== 'tensor') continue;
          assert.deepEqual(dataOf(mine), value.tensor.data, `${name} after ${cells.join('; ')}`);
        }
      }),
      { numRuns: 60 },
    );
  });
});
