/**
 * The wasm kernels against the JavaScript ones: forward and backward passes
 * of float32 networks whose workspace lives on the heap (JavaScript kernels)
 * or in wasm memory (SIMD kernels), on shapes that exercise every blocking
 * (16 and 4 columns, scalar tails, k = 2, n = 1 and 3, rows not divisible by 4).
 * The float32 wasm kernels accumulate in float32, so results agree within float32
 * rounding, except the activation kernels catalogue entries name (relu),
 * which are bit-identical to the entries' own kernels. The float64 kernels
 * are bit-identical to the JavaScript ones everywhere.
 */
import { strict as assert } from 'assert';
import {
  backwardPass, catalogue, catalogueActivation, defaultParameters, forwardPass, getActivation, linearActivation, Network, Random, Workspace,
  type LayerShape, type NetworkActivation,
} from '../../../../src/engine';
import { Arena, type ArenaDType } from '../../../../src/engine/network/wasm/arena';
import { WasmKernels } from '../../../../src/engine/network/wasm/kernels';

const act = (name: string): NetworkActivation => catalogueActivation(getActivation(name), defaultParameters(getActivation(name)));

/** Layer sizes (inputs first) and batch rows. */
const CASES: [number[], number][] = [
  [[2, 16, 16, 1], 37], [[2, 3, 1], 5], [[5, 20, 3], 7], [[17, 23, 2], 9], [[4, 36, 16, 1], 3], [[1, 1], 1], [[3, 4, 7, 19], 13],
];

function fill(a: Float32Array | Float64Array, random: Random): void {
  for (let i = 0; i < a.length; i++) a[i] = random.uniform() * 2 - 1;
}

interface Side { net: Network; ws: Workspace; grads: Float32Array | Float64Array }

function sides(sizes: number[], rows: number, hidden: NetworkActivation, arena: Arena<ArenaDType>): [Side, Side] {
  const shapes: LayerShape[] = sizes.slice(1).map((n, i) => ({ inputs: sizes[i], outputs: n, activation: i === sizes.length - 2 ? linearActivation : hidden }));
  const heap = Network.create(arena.dtype, shapes);
  const random = new Random(sizes.length * 100 + rows);
  fill(heap.parameters, random);
  const jsWs = new Workspace(heap, rows);
  fill(jsWs.input, random);
  fill(jsWs.g[jsWs.g.length - 1], random);
  const parameters = arena.alloc(heap.parameters.length);
  parameters.set(heap.parameters);
  const scratch = arena.alloc(Math.max(...heap.layers.map((l) => l.inputs * l.outputs)));
  const memory = { alloc: (n: number) => arena.alloc(n), kernels: new WasmKernels(arena.kernels, scratch) };
  const wasmWs = new Workspace(heap, rows, true, memory);
  wasmWs.input.set(jsWs.input);
  wasmWs.g[wasmWs.g.length - 1].set(jsWs.g[jsWs.g.length - 1]);
  return [
    { net: heap, ws: jsWs, grads: arena.dtype === 'float64' ? new Float64Array(heap.parameters.length) : new Float32Array(heap.parameters.length) },
    { net: heap.withParameters(parameters), ws: wasmWs, grads: arena.alloc(heap.parameters.length) },
  ];
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    const bound = tolerance * Math.max(1, Math.abs(expected[i]));
    assert.ok(Math.abs(actual[i] - expected[i]) <= bound, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

function withArena<D extends ArenaDType = 'float32'>(run: (arena: Arena<D>) => void, dtype: D = 'float32' as D): void {
  const arena = Arena.acquire(1 << 16, dtype);
  if (!arena) assert.fail('WebAssembly SIMD is unavailable in this Node');
  try {
    run(arena);
  } finally {
    arena.release();
  }
}

describe('engine: wasm kernels', () => {
  for (const [sizes, rows] of CASES) {
    for (const hidden of ['relu', 'tanh']) {
      it(`${sizes.join('-')} (${hidden}), ${rows} rows: forward, weight and input gradients within float32 rounding`, () => {
        withArena((arena) => {
          const [js, wasm] = sides(sizes, rows, act(hidden), arena);
          assert.ok(wasm.ws.wasm && !js.ws.wasm);
          for (const s of [js, wasm]) {
            forwardPass(s.net, s.ws);
            backwardPass(s.net, s.ws, s.grads, false);
          }
          const tolerance = 2e-6 * (rows + Math.max(...sizes));
          for (let l = 0; l < sizes.length - 1; l++) {
            assertClose(wasm.ws.z[l], js.ws.z[l], tolerance, `z${l}`);
            assertClose(wasm.ws.a[l], js.ws.a[l], tolerance, `a${l}`);
            assertClose(wasm.ws.g[l], js.ws.g[l], tolerance, `g${l}`);
          }
          assertClose(wasm.grads, js.grads, tolerance, 'grads');
        });
      });
    }
  }

  /** Every number's encoding (float64, exact for float32 values), NaN payloads and signs of zero included. */
  const bits64 = (a: ArrayLike<number>) => Array.from(new BigUint64Array(Float64Array.from(a).buffer), (b) => b.toString(16));

  for (const [sizes, rows] of CASES) {
    for (const hidden of ['relu', 'tanh']) {
      it(`float64 ${sizes.join('-')} (${hidden}), ${rows} rows: forward, weight and input gradients bit for bit`, () => {
        withArena((arena) => {
          const [js, wasm] = sides(sizes, rows, act(hidden), arena);
          assert.ok(wasm.ws.wasm && !js.ws.wasm && wasm.grads instanceof Float64Array);
          for (const s of [js, wasm]) {
            forwardPass(s.net, s.ws);
            backwardPass(s.net, s.ws, s.grads, false);
          }
          for (let l = 0; l < sizes.length - 1; l++) {
            for (const key of ['z', 'a', 'g', 'dz'] as const) assert.deepEqual(bits64(wasm.ws[key][l]), bits64(js.ws[key][l]), `${key}${l}`);
          }
          assert.deepEqual(bits64(wasm.grads), bits64(js.grads), 'grads');
        }, 'float64');
      });
    }
  }

  const withWasmKernel = catalogue.filter((d) => d.kind === 'elementwise' && d.wasmKernel !== undefined);

  it('the catalogue names a wasm kernel for relu (so the next test checks something)', () => {
    assert.deepEqual(withWasmKernel.map((d) => d.name), ['relu']);
  });

  for (const d of withWasmKernel) {
    if (d.kind !== 'elementwise' || !d.wasmKernel) continue;
    const kernel = d.wasmKernel;
    for (const dtype of ['float32', 'float64'] as const) {
      it(`${d.name}: its ${dtype} wasm kernel '${kernel}' and backward match the entry's kernels bit for bit, special values included`, () => {
        assert.equal(d.parameters.length, 0, 'the wasm activation kernels take no parameters');
        const Type = dtype === 'float64' ? Float64Array : Float32Array;
        withArena((arena) => {
          const random = new Random(11);
          const special = [NaN, -0, 0, -Infinity, Infinity, 1e-45, -1e-45, 5e-324, -5e-324, 3.5, -2.25, 7, ...Array.from({ length: 37 }, () => random.normal() * 3)];
          const z = arena.alloc(special.length);
          z.set(special);
          const g = arena.alloc(special.length);
          g.set(special.map((_, i) => (i % 3 === 0 ? -1 : 1) * (i + 0.5)));
          const a = arena.alloc(special.length);
          const dz = arena.alloc(special.length);
          const kernels = new WasmKernels(arena.kernels, arena.alloc(4));
          kernels.activation(kernel, z, a);
          kernels.activationBackward(kernel, z, g, dz);
          const a0 = new Type(special.length);
          const dz0 = new Type(special.length);
          d.kernels.value(Type.from(special), a0, {});
          if (d.kernels.backward) d.kernels.backward(Type.from(special), Type.from(g), dz0, {});
          else {
            d.kernels.derivative(Type.from(special), dz0, {});
            for (let i = 0; i < dz0.length; i++) dz0[i] *= g[i];
          }
          const bytes = (x: Float32Array | Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
          assert.deepEqual(bytes(a), bytes(a0), 'f(z), NaN payloads and signs of zero included');
          assert.deepEqual(bytes(dz), bytes(dz0), "f'(z) * g");
        }, dtype);
      });
    }
  }

  it('refuses arrays outside its memory, or of the other dtype, instead of writing elsewhere', () => {
    withArena((arena) => {
      const kernels = new WasmKernels(arena.kernels, arena.alloc(4));
      assert.throws(() => kernels.activation('relu', new Float32Array(4), arena.alloc(4)), /Float32Array views of their own memory/);
      const doubles = new Float64Array(arena.kernels.memory.buffer, arena.alloc(8).byteOffset, 4);
      assert.throws(() => kernels.activation('relu', doubles, arena.alloc(4)), /Float32Array views of their own memory/);
    });
  });

  it('lends its memory to one holder at a time', () => {
    withArena(() => assert.equal(Arena.acquire(16), undefined));
    const again = Arena.acquire(16);
    assert.ok(again);
    again.release();
  });
});
