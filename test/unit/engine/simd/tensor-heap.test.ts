/**
 * The tensor heap (engine/simd/tensor-heap.ts) and the kernels that run on
 * its tensors where they are: the allocator (blocks apart, freed blocks
 * reused and zeroed, neighbours merged, a full heap giving way to JavaScript
 * arrays, blocks freed when their views are collected), catalogue kernels
 * and fused expressions on heap tensors giving the bits they give on
 * JavaScript arrays and in the JavaScript loops, and no kernel writing past
 * the end of its output (past it lies another tensor).
 */
import { strict as assert } from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { allocate, allocateForOverwrite, applyActivation, catalogue, parametersFor, resolveParameters, Tensor, type DType } from '../../../../src/engine';
import type { ElementwiseDefinition, FloatArray, FusedNode, FusedProgram, ParameterValues } from '../../../../src/engine';
import { instanceFor, useWasmElementwise } from '../../../../src/engine/simd/elementwise-module';
import { runBackward, runElementwise } from '../../../../src/engine/simd/elementwise-runner';
import { fusedKernel } from '../../../../src/engine/simd/fused-module';
import { HEAP_FROM_BYTES, TABLE_BYTES, TensorHeap, tensorHeap, useTensorHeap } from '../../../../src/engine/simd/tensor-heap';
import { parseExpression } from '../../../../src/language/parser';
import { Evaluator, type SessionState } from '../../../../src/language/runtime/evaluator';
import type { Value } from '../../../../src/language/runtime/values';
import { tensorValue } from '../../../../src/language/runtime/values';
import { mulberry32 } from '../../helpers/prng';
import { bitMismatches, edgeInputs, randomInputs } from './bits';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full collection, then two macrotasks, in which the FinalizationRegistry's cleanups run. */
async function collect(): Promise<void> {
  for (let k = 0; k < 2; k++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Collects until `done` (a cleanup may wait for a later task), at most a few rounds. */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let k = 0; k < 10 && !done(); k++) await collect();
}

/**
 * Drops the view in `slots[k]` (the only reference to it) and waits until its block is freed:
 * `used` down by its size, rounded to 64 bytes.
 */
function dropper(h: TensorHeap, slots: (FloatArray | undefined)[]): (k: number) => Promise<void> {
  return async (k) => {
    const before = h.used;
    const size = Math.ceil(slots[k]!.byteLength / 64) * 64;
    slots[k] = undefined;
    await collectUntil(() => h.used < before);
    assert.equal(h.used, before - size, `slot ${k}'s block is freed`);
  };
}

const BLOCK = 64 * 1024;
/** A heap of `blocks` blocks of BLOCK bytes above the table area. */
const smallHeap = (blocks: number): TensorHeap => TensorHeap.over({ buffer: new ArrayBuffer(TABLE_BYTES + blocks * BLOCK) });
/** One block's worth of doubles. */
const DOUBLES = BLOCK / 8;

const entry = (name: string) => catalogue.find((d) => d.name === name) as ElementwiseDefinition;
const Type = (dtype: DType) => (dtype === 'float32' ? Float32Array : Float64Array);
const heap = (): TensorHeap => {
  const h = tensorHeap();
  assert.ok(h, 'Node reserves a tensor heap');
  return h;
};

/** Random data with the format's edges at an odd and an even offset. */
function data(seed: number, n: number): Float64Array {
  const xs = randomInputs(mulberry32(seed), n);
  const edges = edgeInputs();
  xs.set(edges, 0);
  xs.set(edges, edges.length * 2 + 1);
  return xs;
}

/** A tensor's storage in the heap (asserted), holding `values`. */
function inHeap(dtype: DType, values: ArrayLike<number>): FloatArray {
  const a = allocate(dtype, values.length);
  assert.ok(heap().holds(a), `${values.length} ${dtype} elements go into the heap`);
  a.set(values);
  return a;
}

/** sigmoid under a name no other test uses, so its module is made at its first use here. */
const firstUsedWhenFull: ElementwiseDefinition = { ...entry('sigmoid'), name: 'sigmoid-first-used-when-the-heap-is-full' };

/** The entry's wasm instance, made at its first use; undefined where its loops run in JavaScript. */
const wasmInstance = (d: ElementwiseDefinition) => instanceFor({ name: d.name, wasm: d.wasm! });

function runElementwiseOn(d: ElementwiseDefinition, xs: Float64Array): Float64Array {
  const y = new Float64Array(xs.length);
  runElementwise(d, 'value', Float64Array.from(xs), y, {});
  return y;
}

describe('engine/simd: the tensor heap', () => {
  describe('the allocator', () => {
    it('hands out arrays that do not overlap, 64-byte aligned, and none when full', () => {
      const h = smallHeap(8);
      const random = mulberry32(7);
      const arrays: FloatArray[] = [];
      for (;;) {
        const dtype = random() < 0.5 ? 'float32' : 'float64';
        const a = h.array(dtype, 1 + Math.floor(random() * 3000));
        if (!a) break;
        assert.ok(h.holds(a));
        assert.equal(a.byteOffset % 64, 0);
        assert.ok(a.byteOffset >= TABLE_BYTES);
        assert.ok(a.every((v) => v === 0), 'zeroed');
        arrays.push(a);
      }
      assert.ok(arrays.length > 10);
      const spans = arrays.map((a) => [a.byteOffset, a.byteOffset + a.byteLength] as const).sort((p, q) => p[0] - q[0]);
      for (let k = 1; k < spans.length; k++) assert.ok(spans[k - 1]![1] <= spans[k]![0], `blocks ${k - 1} and ${k} overlap`);
      // every array written with its own number keeps it: no other array's writes reached it
      arrays.forEach((a, k) => a.fill(k + 1));
      arrays.forEach((a, k) => assert.ok(a.every((v) => v === k + 1), `array ${k}`));
      assert.equal(h.array('float64', DOUBLES), undefined, 'a full heap has no room');
    });

    it('counts bytes in live blocks, rounded to 64, and modules\' buffers', () => {
      const h = smallHeap(4);
      assert.equal(h.used, 0);
      const a = h.array('float32', 17);
      assert.equal(h.used, 128);
      const start = h.buffer(100);
      assert.equal(h.used, 256);
      h.giveBack(start!, 100);
      assert.equal(h.used, 128);
      assert.ok(a);
    });

    it('frees a block when its view is collected, and reuses it zeroed (or not, for overwrite)', async () => {
      const h = smallHeap(4);
      // views only in `slots` (no local keeps one), so dropping a slot lets the view be collected
      const slots: (FloatArray | undefined)[] = [h.array('float64', DOUBLES), h.array('float64', DOUBLES)];
      const drop = dropper(h, slots);
      const offset = slots[0]!.byteOffset;
      slots[0]!.fill(7);
      assert.equal(h.used, 2 * BLOCK);
      await drop(0);
      slots[2] = h.array('float64', DOUBLES);
      assert.equal(slots[2]?.byteOffset, offset, 'first fit: the freed block');
      assert.ok(slots[2]!.every((v) => v === 0), 'a reused block is zeroed');
      // the same block again, not zeroed when the caller overwrites it
      slots[2]!.fill(9);
      await drop(2);
      slots[3] = h.array('float64', DOUBLES, false);
      assert.equal(slots[3]?.byteOffset, offset);
      assert.equal(slots[3]![0], 9, 'zeroed = false leaves the old contents (the caller writes every element)');
      // a smaller array in a reused block is zeroed too
      await drop(3);
      slots[4] = h.array('float32', 1000);
      assert.equal(slots[4]?.byteOffset, offset);
      assert.ok(slots[4]!.every((v) => v === 0));
      assert.ok(slots[1], 'the other block stayed');
    });

    it('a block its owner releases serves the next array at once, with its ballast: no new ArrayBuffer', () => {
      const h = smallHeap(4);
      const bytesOfArrayBuffers = () => process.memoryUsage().arrayBuffers;
      const first = h.array('float64', DOUBLES)!;
      const before = bytesOfArrayBuffers();
      assert.ok(h.releaseArray(first));
      assert.equal(h.releaseArray(first), false, 'released once only');
      assert.equal(h.used, 0);
      const second = h.array('float64', DOUBLES)!;
      assert.equal(second.byteOffset, first.byteOffset, 'the released block');
      assert.ok(bytesOfArrayBuffers() - before < BLOCK / 2, 'the released ballast serves the new block');
      // an array of another size gets ballast of its own
      assert.ok(h.releaseArray(second));
      const beforeOther = bytesOfArrayBuffers();
      const other = h.array('float64', 2 * DOUBLES)!;
      assert.ok(bytesOfArrayBuffers() - beforeOther >= 2 * BLOCK, 'new ballast for a new size');
      assert.ok(h.holds(other));
    });

    it('merges a freed block with free neighbours on either side', async () => {
      // four blocks a b c d fill the heap; two blocks' room appears only where neighbours merged
      const h = smallHeap(4);
      // views only in `slots` (no local keeps one), so dropping a slot lets the view be collected
      const slots: (FloatArray | undefined)[] = [0, 1, 2, 3].map(() => h.array('float64', DOUBLES));
      const at = slots.map((a) => a!.byteOffset);
      assert.deepEqual(at.map((o) => o - at[0]!), [0, BLOCK, 2 * BLOCK, 3 * BLOCK]);
      assert.equal(h.array('float64', 1), undefined);
      const drop = dropper(h, slots);
      /** A new view in slot k, at the offset it was given. */
      const take = (k: number, doubles: number): number | undefined => {
        slots[k] = h.array('float64', doubles);
        return slots[k]?.byteOffset;
      };
      // b, then a: a merges with the free block after it
      await drop(1);
      assert.equal(h.array('float64', 2 * DOUBLES), undefined, 'one free block is not room for two');
      await drop(0);
      assert.equal(take(4, 2 * DOUBLES), at[0], 'a and b merged');
      // c, then d: d merges with the free block before it
      await drop(2);
      await drop(3);
      assert.equal(take(5, 2 * DOUBLES), at[2], 'c and d merged');
      // both halves freed: one block of all four
      await drop(4);
      await drop(5);
      assert.equal(take(6, 4 * DOUBLES), at[0], 'all four merged into one');
      // three blocks, the middle one freed last, between two free ones
      await drop(6);
      assert.deepEqual([7, 8, 9].map((k) => take(k, DOUBLES)), [at[0], at[1], at[2]]);
      await drop(7);
      await drop(9);
      assert.equal(take(11, 2 * DOUBLES), at[2], 'the last free block merged with the free rest of the heap');
      await drop(11);
      await drop(8);
      assert.equal(take(10, 4 * DOUBLES), at[0], 'the middle block merged with both neighbours');
    });

    it('when the heap is full, allocate() and kernels use JavaScript arrays, with the same results', async () => {
      const h = heap();
      const n = 20_000;
      const xs = data(5, n);
      const x = new Tensor('float64', [n], Float64Array.from(xs));
      useWasmElementwise(false);
      const want = applyActivation('sigmoid', x).data;
      useWasmElementwise(true);
      const fillers: (FloatArray | undefined)[] = [];
      try {
        // take every block there is, the largest first (the arrays are never written: no pages)
        for (let length = Math.floor((h.memory.buffer.byteLength - h.used) / 8); length >= 1; length = Math.floor(length / 2)) {
          for (let a = h.array('float64', length, false); a; a = h.array('float64', length, false)) fillers.push(a);
        }
        assert.equal(h.array('float32', 1), undefined, 'the heap is full');
        for (const dtype of ['float32', 'float64'] as const) {
          const a = allocate(dtype, n);
          assert.ok(a instanceof Type(dtype));
          assert.ok(!h.holds(a), 'a JavaScript array');
          assert.equal(a.length, n);
          assert.ok(a.every((v) => v === 0));
          const b = allocateForOverwrite(dtype, n);
          assert.ok(b instanceof Type(dtype) && !h.holds(b) && b.length === n);
        }
        const y = applyActivation('sigmoid', x);
        assert.ok(!h.holds(y.data));
        assert.deepEqual(bitMismatches(y.data, want, xs), []);
        // an entry first used now (its module, and the staging buffers if it is the thread's first) finds no room
        const late = runElementwiseOn(firstUsedWhenFull, xs);
        assert.deepEqual(bitMismatches(late, want, xs), []);
      } finally {
        fillers.length = 0;
        await collectUntil(() => h.array('float32', 1) !== undefined);
      }
      assert.ok(h.array('float32', 1) !== undefined, 'room again once the fillers are collected');
      // and, once there is room, it runs in wasm: a full heap at its first use did not keep it off for good
      assert.ok(wasmInstance(firstUsedWhenFull), 'the entry first used while the heap was full has its wasm module now');
      assert.deepEqual(bitMismatches(runElementwiseOn(firstUsedWhenFull, xs), want, xs), []);
      const square: FusedProgram = { root: { kind: 'arithmetic', op: '-', a: { kind: 'tensor', slot: 0 }, b: { kind: 'tensor', slot: 0 } }, tensors: [Float64Array.from(xs)], scalars: [] };
      assert.ok(fusedKernel(square, 'float64'), 'fused expressions run in wasm too');
    });

    it('useTensorHeap(false) and small tensors give JavaScript arrays', () => {
      const h = heap();
      assert.ok(!h.holds(allocate('float64', HEAP_FROM_BYTES / 8 - 1)), 'under HEAP_FROM_BYTES');
      assert.ok(h.holds(allocate('float64', HEAP_FROM_BYTES / 8)));
      assert.ok(h.holds(allocate('float32', HEAP_FROM_BYTES / 4)));
      useTensorHeap(false);
      try {
        assert.ok(!h.holds(allocate('float64', 100_000)));
        assert.ok(!h.holds(allocateForOverwrite('float32', 100_000)));
      } finally {
        useTensorHeap(true);
      }
    });
  });

  describe('catalogue kernels on heap tensors', () => {
    const cases: { name: string; p: Record<string, number | string> }[] = [
      { name: 'relu', p: {} }, // float32: the f32x4 loop, four a step
      { name: 'sigmoid', p: {} },
      { name: 'snake', p: { a: 0.7 } },
      { name: 'gelu', p: {} },
      { name: 'gelu', p: { approximate: 'tanh' } },
    ];
    const KINDS = ['value', 'derivative', 'backward'] as const;

    /** y = kind(x) (with g for backward) into a fresh `y` of the same storage kind as x, prefilled with 12345 so unwritten elements show. */
    function run(d: ElementwiseDefinition, kind: (typeof KINDS)[number], x: FloatArray, g: FloatArray, y: FloatArray, p: ParameterValues): FloatArray {
      y.fill(12345);
      if (kind === 'backward') runBackward(d, x, g, y, p);
      else runElementwise(d, kind, x, y, p);
      return y;
    }

    for (const dtype of ['float32', 'float64'] as const) {
      // the smallest length in the heap, then every remainder mod 4
      const base = HEAP_FROM_BYTES / (dtype === 'float32' ? 4 : 8);
      for (const { name, p: given } of cases) {
        it(`${name}${JSON.stringify(given)}, ${dtype}: the bits of JavaScript arrays and of the JavaScript loops, whole and as subarrays at odd offsets`, () => {
          const d = entry(name);
          const p = parametersFor(dtype, resolveParameters(d, given));
          assert.ok(wasmInstance(d)?.kernel(d, 'value', dtype), 'the wasm loop runs here (else this compares JavaScript with itself)');
          for (let r = 0; r < 4; r++) {
            const n = base + r;
            const xs = data(n, n);
            const gs = randomInputs(mulberry32(n + 1), n).map((v) => v / 4);
            const x = inHeap(dtype, xs), g = inHeap(dtype, gs), y = allocateForOverwrite(dtype, n);
            assert.ok(heap().holds(y));
            const T = Type(dtype);
            const plainX = T.from(xs), plainG = T.from(gs);
            for (const kind of KINDS) {
              const want = run(d, kind, plainX, plainG, new T(n), p);
              useWasmElementwise(false);
              let loop: FloatArray;
              try {
                loop = run(d, kind, plainX, plainG, new T(n), p);
              } finally {
                useWasmElementwise(true);
              }
              assert.deepEqual(bitMismatches(want, loop, xs), [], `${kind}, n ${n}: wasm on JavaScript arrays against the JavaScript loop`);
              assert.deepEqual(bitMismatches(run(d, kind, x, g, y, p), want, xs), [], `${kind}, n ${n}: in the heap`);
              // in place, as a kernel may be called with y = x
              const z = inHeap(dtype, xs);
              if (kind !== 'backward') {
                runElementwise(d, kind, z, z, p);
                assert.deepEqual(bitMismatches(z, want, xs), [], `${kind}, n ${n}: in place in the heap`);
              }
              // subarrays starting at odd elements (apply.ts runs kernels on chunks), of every length mod 4
              for (const [start, end] of [[1, n], [3, n - 2], [5, n - 1], [7, n - 7]] as const) {
                const sub = run(d, kind, x.subarray(start, end), g.subarray(start, end), y.subarray(start, end), p);
                assert.deepEqual(bitMismatches(sub, want.subarray(start, end), xs.subarray(start, end)), [], `${kind}, n ${n}, [${start}, ${end})`);
              }
            }
          }
        });
      }
    }

    it('applyActivation on a heap tensor gives a heap tensor with the bits of the JavaScript loop, across chunks', () => {
      for (const dtype of ['float32', 'float64'] as const) {
        const n = 3 * 65536 + 3; // more than one of inChunks' chunks, odd
        const xs = data(11, n);
        const x = new Tensor(dtype, [n], inHeap(dtype, xs));
        const fast = applyActivation('gelu', x);
        assert.ok(heap().holds(fast.data));
        useWasmElementwise(false);
        useTensorHeap(false);
        let slow: Tensor;
        try {
          slow = applyActivation('gelu', new Tensor(dtype, [n], Type(dtype).from(xs)));
        } finally {
          useWasmElementwise(true);
          useTensorHeap(true);
        }
        assert.ok(!heap().holds(slow.data));
        assert.deepEqual(bitMismatches(fast.data, slow.data, xs), [], dtype);
      }
    });
  });

  describe('writing no further than the output', () => {
    const SENTINEL = -123.25;

    /** Arrays kept so that the holes they fill stay filled while a test looks for adjacent blocks. */
    const held: FloatArray[] = [];
    afterEach(() => {
      held.length = 0;
    });

    /**
     * Two heap arrays back to back: `y` (a whole number of 64-byte blocks, so nothing pads
     * its end) and a sentinel right after it, filled with SENTINEL. First fit puts them in the
     * first hole with room for y; where the sentinel does not fit behind it, both are kept and
     * the next pair goes further up.
     */
    function backToBack(dtype: DType, n: number): { y: FloatArray; sentinel: FloatArray } {
      for (let tries = 0; tries < 100; tries++) {
        const y = allocateForOverwrite(dtype, n);
        const sentinel = allocate(dtype, n);
        assert.ok(heap().holds(y) && heap().holds(sentinel));
        assert.equal(y.byteLength % 64, 0);
        if (sentinel.byteOffset === y.byteOffset + y.byteLength) {
          sentinel.fill(SENTINEL);
          return { y, sentinel };
        }
        held.push(y, sentinel);
      }
      assert.fail('no two blocks back to back');
    }

    const untouched = (sentinel: FloatArray): boolean => sentinel.every((v) => v === SENTINEL);
    /** y before the kernel: a number no kernel here gives, so written and unwritten elements show. */
    const BEFORE = 777.5;
    const written = (y: FloatArray, start: number): boolean => y.subarray(0, start).every((v) => v === BEFORE) && y.subarray(start).every((v) => v !== BEFORE);

    for (const dtype of ['float32', 'float64'] as const) {
      // a multiple of 16 elements (whole 64-byte blocks), run from an odd start so the count is not a multiple of 4
      const n = HEAP_FROM_BYTES / (dtype === 'float32' ? 4 : 8) + 16;

      it(`catalogue kernels, ${dtype}`, () => {
        for (const name of ['relu', 'sigmoid', 'snake', 'gelu']) {
          const d = entry(name);
          assert.ok(wasmInstance(d), `${name}: the wasm loop runs here`);
          const p = parametersFor(dtype, resolveParameters(d, name === 'snake' ? { a: 0.7 } : {}));
          for (const kind of ['value', 'derivative', 'backward'] as const) {
            for (const start of [1, 2, 3, 13]) {
              const x = inHeap(dtype, data(start, n));
              const g = inHeap(dtype, randomInputs(mulberry32(start), n));
              const { y, sentinel } = backToBack(dtype, n);
              y.fill(BEFORE);
              if (kind === 'backward') runBackward(d, x.subarray(start), g.subarray(start), y.subarray(start), p);
              else runElementwise(d, kind, x.subarray(start), y.subarray(start), p);
              assert.ok(untouched(sentinel), `${name} ${kind} from ${start}: the tensor after y is untouched`);
              assert.ok(written(y, start), `${name} ${kind} from ${start}: y written from its start, not before`);
            }
          }
        }
      });

      it(`fused expressions, ${dtype}`, () => {
        const x0: FusedNode = { kind: 'tensor', slot: 0 };
        const quickGelu: FusedNode = {
          kind: 'arithmetic', op: '*', a: x0,
          b: { kind: 'activation', definition: entry('sigmoid'), order: 'value', parameters: {}, a: { kind: 'arithmetic', op: '*', a: { kind: 'scalar', slot: 0 }, b: x0 } },
        };
        for (const start of [1, 2, 3, 13]) {
          const x = inHeap(dtype, data(start, n));
          const program: FusedProgram = { root: dtype === 'float32' ? { kind: 'round32', a: quickGelu } : quickGelu, tensors: [x], scalars: [1.702] };
          const kernel = fusedKernel(program, dtype);
          assert.ok(kernel);
          const { y, sentinel } = backToBack(dtype, n);
          y.fill(BEFORE);
          kernel(y, start, n);
          assert.ok(untouched(sentinel), `from ${start}: the tensor after y is untouched`);
          assert.ok(written(y, start), `from ${start}: y written from its start, not before`);
        }
      });
    }
  });

  describe('fused expressions on heap tensors', () => {
    function evaluate(source: string, tensors: Record<string, Tensor>, wasm: boolean): Value {
      const state: SessionState = { globals: new Map(), defaultDType: 'float64', depth: 0, compileLoops: true };
      for (const [name, t] of Object.entries(tensors)) state.globals.set(name, tensorValue(t));
      useWasmElementwise(wasm);
      try {
        return new Evaluator(state, source).evaluate(parseExpression(source));
      } finally {
        useWasmElementwise(true);
      }
    }

    const data_ = (v: Value): FloatArray => {
      assert.equal(v.kind, 'tensor');
      return (v as Extract<Value, { kind: 'tensor' }>).tensor.data;
    };

    const SOURCES = [
      'x * sigmoid(1.702 * x)',
      'snake(x, a=0.5) + z * gelu(x) - 2 * z',
      "x * x + tanh'(z) / 3",
    ];

    it('run in wasm here (else the comparisons below compare JavaScript with itself)', () => {
      const x = inHeap('float64', data(1, 8193));
      assert.ok(fusedKernel({ root: { kind: 'arithmetic', op: '*', a: { kind: 'tensor', slot: 0 }, b: { kind: 'tensor', slot: 0 } }, tensors: [x], scalars: [] }, 'float64'));
    });

    for (const dtype of ['float32', 'float64'] as const) {
      it(`give the bits of JavaScript arrays and of the JavaScript loop, ${dtype}, odd lengths`, () => {
        const base = HEAP_FROM_BYTES / (dtype === 'float32' ? 4 : 8);
        for (const n of [base + 1, base + 3, base + 2]) {
          const xs = data(n, n), zs = data(n + 1, n).reverse();
          const T = Type(dtype);
          for (const source of SOURCES) {
            const resident = data_(evaluate(source, { x: new Tensor(dtype, [n], inHeap(dtype, xs)), z: new Tensor(dtype, [n], inHeap(dtype, zs)) }, true));
            assert.ok(heap().holds(resident), `${source}: the result in the heap`);
            let streamed: FloatArray, loop: FloatArray;
            useTensorHeap(false);
            try {
              streamed = data_(evaluate(source, { x: new Tensor(dtype, [n], T.from(xs)), z: new Tensor(dtype, [n], T.from(zs)) }, true));
              loop = data_(evaluate(source, { x: new Tensor(dtype, [n], T.from(xs)), z: new Tensor(dtype, [n], T.from(zs)) }, false));
            } finally {
              useTensorHeap(true);
            }
            assert.ok(!heap().holds(streamed) && !heap().holds(loop));
            assert.deepEqual(bitMismatches(streamed, loop, xs), [], `${source}, n ${n}: wasm on JavaScript arrays against the JavaScript loop`);
            assert.deepEqual(bitMismatches(resident, loop, xs), [], `${source}, n ${n}: in the heap against the JavaScript loop`);
          }
        }
      });
    }
  });
});
