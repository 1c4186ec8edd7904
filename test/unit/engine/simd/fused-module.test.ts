/**
 * Fused expressions as WebAssembly functions (engine/simd/fused-module.ts):
 * which nodes have a vector form, the bits of each against the tree evaluated
 * in JavaScript as the fused loop does, odd lengths and chunks, the bounded
 * cache, and no function (so the caller's JavaScript serves) where compiling
 * fails, as under a page's CSP.
 */
import { strict as assert } from 'assert';
import { allocate, catalogue, erf, erfc, exp, expm1, log, log1p, pow, roundHalfAway, sin, type ElementwiseDefinition, type FloatArray, type FusedNode, type FusedProgram } from '../../../../src/engine';
import { FUSED_BLOCK, fusedKernel, fusedModuleCount } from '../../../../src/engine/simd/fused-module';
import { tensorHeap } from '../../../../src/engine/simd/tensor-heap';
import { mulberry32 } from '../../helpers/prng';
import { bitMismatches, edgeInputs, randomInputs } from './bits';

const entry = (name: string) => catalogue.find((d) => d.name === name) as ElementwiseDefinition;
const x: FusedNode = { kind: 'tensor', slot: 0 };
const s0: FusedNode = { kind: 'scalar', slot: 0 };

/** The tree at element i, as the JavaScript fused loop computes it. */
function reference(n: FusedNode, p: FusedProgram, i: number): number {
  switch (n.kind) {
    case 'tensor': return p.tensors[n.slot]![i]!;
    case 'scalar': return p.scalars[n.slot]!;
    case 'negate': return -reference(n.a, p, i);
    case 'arithmetic': {
      const a = reference(n.a, p, i), b = reference(n.b, p, i);
      return n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : a / b;
    }
    case 'power': return pow(reference(n.a, p, i), reference(n.b, p, i));
    case 'round32': return Math.fround(reference(n.a, p, i));
    case 'elementary': return n.f(reference(n.a, p, i));
    case 'activation': return n.definition.scalar[n.order](reference(n.a, p, i), n.parameters);
  }
}

function inputs(count: number): Float64Array {
  const xs = randomInputs(mulberry32(count), count);
  xs.set(edgeInputs().slice(0, count), 0);
  return xs;
}

/** The wasm result against the reference, over `count` elements of float64 or float32 input. */
function compare(root: FusedNode, scalars: number[], f32: boolean, count = 10_001): string[] {
  const data: FloatArray = f32 ? Float32Array.from(inputs(count)) : inputs(count);
  const program: FusedProgram = { root: f32 ? { kind: 'round32', a: root } : root, tensors: [data], scalars };
  const kernel = fusedKernel(program, f32 ? 'float32' : 'float64');
  assert.ok(kernel, 'a vector form');
  const got = f32 ? new Float32Array(count) : new Float64Array(count);
  // in two calls, as inChunks makes them, the second starting at an odd element
  kernel(got, 0, 4097);
  kernel(got, 4097, count);
  const want = f32 ? new Float32Array(count) : new Float64Array(count);
  for (let i = 0; i < count; i++) want[i] = reference(program.root, program, i);
  return bitMismatches(got, want, data);
}

describe('engine/simd: fused expressions in WebAssembly', () => {
  it('has a vector form for arithmetic, the vectorised functions, catalogue kernels and exact powers, and none for the rest', () => {
    const program = (root: FusedNode, scalars: number[] = [2]): FusedProgram => ({ root, tensors: [new Float64Array(8)], scalars });
    const has = (root: FusedNode, scalars?: number[]) => fusedKernel(program(root, scalars), 'float64') !== undefined;
    assert.ok(has({ kind: 'arithmetic', op: '*', a: x, b: { kind: 'negate', a: s0 } }));
    assert.ok(has({ kind: 'elementary', f: exp, a: x }));
    assert.ok(has({ kind: 'activation', definition: entry('sigmoid'), order: 'derivative', parameters: {}, a: x }));
    assert.ok(has({ kind: 'power', a: x, b: s0 }, [2]));
    assert.ok(has({ kind: 'power', a: x, b: { kind: 'round32', a: s0 } }, [0.5]));
    assert.ok(!has({ kind: 'power', a: x, b: s0 }, [3]), 'pow(x, 3) is exp(3 log x): no vector pow');
    assert.ok(!has({ kind: 'power', a: x, b: x }), 'a tensor exponent');
    assert.ok(!has({ kind: 'elementary', f: sin, a: x }));
    assert.ok(!has({ kind: 'elementary', f: log, a: x }));
    assert.ok(!has({ kind: 'activation', definition: entry('sigmoid'), order: 'secondDerivative', parameters: {}, a: x }), "f'' has no wasm kernel");
    const withoutWasm: ElementwiseDefinition = { ...entry('sigmoid'), name: 'sigmoid-without-wasm', wasm: undefined };
    assert.ok(!has({ kind: 'activation', definition: withoutWasm, order: 'value', parameters: {}, a: x }), 'an entry without a wasm field');
    assert.ok(!has({ kind: 'arithmetic', op: '+', a: x, b: { kind: 'elementary', f: sin, a: x } }), 'one node without a form is enough');
  });

  for (const f32 of [false, true]) {
    const type = f32 ? 'float32' : 'float64';
    it(`gives the JavaScript loop's bits for each function, ${type}`, () => {
      for (const f of [exp, expm1, log1p, erf, erfc, Math.sqrt, Math.abs, Math.floor, Math.ceil, Math.sign, roundHalfAway]) {
        assert.deepEqual(compare({ kind: 'elementary', f, a: x }, [], f32), [], f.name);
      }
    });

    it(`gives the JavaScript loop's bits for the exact powers and for numbers and parameters, ${type}`, () => {
      for (const exponent of [0, -0, 1, 2, -1, 0.5]) {
        assert.deepEqual(compare({ kind: 'power', a: x, b: s0 }, [exponent], f32), [], `x^${exponent}`);
      }
      const quickGelu: FusedNode = {
        kind: 'arithmetic', op: '*', a: x,
        b: { kind: 'activation', definition: entry('sigmoid'), order: 'value', parameters: {}, a: { kind: 'arithmetic', op: '*', a: s0, b: x } },
      };
      assert.deepEqual(compare(quickGelu, [1.702], f32), []);
      const softplus: FusedNode = { kind: 'activation', definition: entry('softplus'), order: 'derivative', parameters: { beta: 0.7, threshold: 5 }, a: { kind: 'negate', a: x } };
      assert.deepEqual(compare(softplus, [], f32), []);
    });

    it(`runs snake in the fused module, its rare lanes through the imported scalar code, with the JavaScript loop's bits, ${type}`, () => {
      for (const order of ['value', 'derivative'] as const) {
        const snake: FusedNode = { kind: 'activation', definition: entry('snake'), order, parameters: { a: 0.5 }, a: { kind: 'arithmetic', op: '*', a: s0, b: x } };
        // the edge and random inputs hold huge and non-finite lanes; near multiples of pi/2 the sine takes the slow reduction
        assert.deepEqual(compare(snake, [1], f32), [], order);
        const nearMultiples = Float64Array.from({ length: 4099 }, (_, i) => (i - 2049) * (Math.PI / 2) * (1 + (i % 7) * 1e-17));
        const program: FusedProgram = { root: f32 ? { kind: 'round32', a: snake } : snake, tensors: [f32 ? Float32Array.from(nearMultiples) : nearMultiples], scalars: [2] };
        const kernel = fusedKernel(program, type);
        assert.ok(kernel, 'snake has a vector form in a fused module');
        const got = f32 ? new Float32Array(4099) : new Float64Array(4099);
        kernel(got, 0, 4099);
        const want = f32 ? new Float32Array(4099) : new Float64Array(4099);
        for (let i = 0; i < 4099; i++) want[i] = reference(program.root, program, i);
        assert.deepEqual(bitMismatches(got, want, program.tensors[0]!), [], `${order} near multiples of pi/2`);
      }
    });
  }

  it('takes a block with a rare lane (exp beyond |x| < 707) again, on heap tensors apart and in place', () => {
    // large enough for the heap; rare lanes first and last in a block, in one's middle, in the last partial block
    const count = 40 * FUSED_BLOCK + 10;
    const rare = [0, FUSED_BLOCK - 1, FUSED_BLOCK, 2 * FUSED_BLOCK + 77, count - 1];
    const special = [800, -800, Infinity, NaN, -750];
    const random = mulberry32(7);
    const fill = (a: FloatArray): void => {
      for (let i = 0; i < count; i++) a[i] = rare.includes(i) ? special[rare.indexOf(i)]! : 10 * random() - 5;
    };
    const quickGelu: FusedNode = {
      kind: 'arithmetic', op: '*', a: x,
      b: { kind: 'activation', definition: entry('sigmoid'), order: 'value', parameters: {}, a: { kind: 'arithmetic', op: '*', a: s0, b: x } },
    };
    for (const root of [{ kind: 'elementary', f: exp, a: x } as FusedNode, quickGelu]) {
      const data = allocate('float64', count);
      fill(data);
      const program: FusedProgram = { root, tensors: [data], scalars: [1.702] };
      const want = Float64Array.from(data, (_, i) => reference(root, program, i));
      const kernel = fusedKernel(program, 'float64');
      assert.ok(kernel && tensorHeap()?.holds(data));
      const out = allocate('float64', count);
      kernel(out, 0, count);
      assert.deepEqual(bitMismatches(out, want, data), [], 'apart');
      kernel(data, 0, count);
      assert.deepEqual(bitMismatches(data, want, out), [], 'in place');
    }
  });

  it('rounds halves away from zero as the language does, at ties and near them', () => {
    const ties = Float64Array.of(2.5, -2.5, 0.5, -0.5, 1.5, 0.49999999999999994, -0.49999999999999994, 4503599627370497, -4503599627370496.5, 2 ** 52 + 0.5);
    const kernel = fusedKernel({ root: { kind: 'elementary', f: roundHalfAway, a: x }, tensors: [ties], scalars: [] }, 'float64');
    const got = new Float64Array(ties.length);
    kernel!(got, 0, ties.length);
    assert.deepEqual(Array.from(got), Array.from(ties, roundHalfAway));
  });

  it('keeps at most 64 modules', () => {
    let root: FusedNode = x;
    for (let k = 0; k < 70; k++) {
      root = { kind: 'arithmetic', op: '+', a: root, b: s0 };
      assert.ok(fusedKernel({ root, tensors: [new Float64Array(4)], scalars: [1] }, 'float64'));
      assert.ok(fusedModuleCount() <= 64);
    }
  });

  it('gives no function where a kernel cannot be emitted into a fused module, so the caller runs JavaScript', () => {
    const sigmoid = entry('sigmoid');
    const definition: ElementwiseDefinition = { ...sigmoid, name: 'sigmoid-needing-more', wasm: { ...sigmoid.wasm!, value: () => { throw new Error('needs a module with scalar imports'); } } };
    assert.equal(fusedKernel({ root: { kind: 'activation', definition, order: 'value', parameters: {}, a: x }, tensors: [new Float64Array(4)], scalars: [] }, 'float64'), undefined);
  });

  it('gives no function where WebAssembly cannot compile (a CSP without wasm-unsafe-eval), so the caller runs JavaScript', () => {
    const wasm = (globalThis as unknown as { WebAssembly: { Module: unknown; CompileError: new (message: string) => Error } }).WebAssembly;
    const Module = wasm.Module;
    wasm.Module = function () {
      throw new wasm.CompileError('WebAssembly.Module(): Refused to compile or instantiate WebAssembly module');
    };
    try {
      const root: FusedNode = { kind: 'elementary', f: Math.floor, a: { kind: 'elementary', f: Math.ceil, a: { kind: 'negate', a: x } } };
      assert.equal(fusedKernel({ root, tensors: [new Float64Array(4)], scalars: [] }, 'float64'), undefined);
    } finally {
      wasm.Module = Module;
    }
  });
});
