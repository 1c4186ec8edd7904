/**
 * Float32 shortcuts (src/engine/simd/float32-shortcuts.ts) give the kernel's bits: on a
 * strided sample of all 2^32 float32 inputs, for each entry that has one (the whole of
 * them: npm run verify:float32), at several parameter values; and the rounding check
 * sends results near a midpoint to the kernel, where rounding the shortcut would be wrong.
 */
import { strict as assert } from 'assert';
import { allocate, catalogue, defaultParameters, parametersFor, runElementwise } from '../../../../src/engine';
import type { ElementwiseDefinition, ParameterValues } from '../../../../src/engine';
import { instantiate, SHORTCUT_BLOCK } from '../../../../src/engine/simd/elementwise-module';
import type { WasmElementwise } from '../../../../src/engine/simd/kernel-types';
import { bitMismatches } from './bits';

/**
 * A kernel x (1 + 2^-24) with a shortcut that errs by 2^-40 relative, within a shortcut's bound,
 * downwards. For x = 1 + m 2^-23 the kernel lies m 2^-47 above the midpoint from x to the next
 * float32: for m < 128 the shortcut rounded as it stands would give x, where the kernel rounds up.
 */
function midpointProbe(): { probe: WasmElementwise; scale: number } {
  const scale = 1 + 2 ** -24;
  const probe: WasmElementwise = {
    parameters: [],
    value: (v, x) => v.mul(x, v.c(scale)),
    derivative: (v, x) => x,
    float32: { value: (v, x) => ({ y: v.mul(v.mul(x, v.c(scale)), v.c(1 - 2 ** -40)), covered: v.lt(v.abs(x), v.c(4)) }) },
  };
  return { probe, scale };
}

const withShortcuts = catalogue.filter((d): d is ElementwiseDefinition => d.kind === 'elementwise' && d.wasm?.float32 !== undefined);

/** Every `stride`-th float32 bit pattern, from `offset`: all exponents, both signs, NaNs and infinities. */
function everyNthFloat32(stride: number, offset: number): Float32Array {
  const x = allocate('float32', Math.floor((2 ** 32 - offset) / stride)) as Float32Array;
  const bits = new Uint32Array(x.buffer, x.byteOffset, x.length);
  for (let i = 0; i < bits.length; i++) bits[i] = offset + i * stride;
  return x;
}

describe('engine/simd: float32 shortcuts, the kernel\'s bits', () => {
  it('sigmoid, silu, elu, softplus and tanh have shortcuts', () => {
    assert.deepEqual(withShortcuts.map((d) => d.name).sort(), ['elu', 'sigmoid', 'silu', 'softplus', 'tanh']);
  });

  // a different offset per stride, so the two samples are different inputs
  const sample = [everyNthFloat32(4099, 17), everyNthFloat32(65537, 3)];
  for (const d of withShortcuts) {
    const sets: ParameterValues[] = [defaultParameters(d)];
    // elu's alpha, small enough that results fall below the normal float32 range, and large
    if (d.parameters.some((s) => s.name === 'alpha')) sets.push({ alpha: 0.7 }, { alpha: 1e-40 }, { alpha: 3e30 });
    // softplus's beta, where beta x rounds, and so large that results fall below the normal range; a low threshold
    if (d.parameters.some((s) => s.name === 'beta')) sets.push({ beta: 0.7, threshold: 20 }, { beta: 1e30, threshold: 20 }, { beta: 2, threshold: 3 });
    for (const kind of ['value', 'derivative'] as const) {
      if (!d.wasm!.float32![kind]) continue;
      it(`${d.name} ${kind}: a strided sample of every float32, at ${sets.map((p) => JSON.stringify(p)).join(', ')}`, () => {
        for (const p of sets) {
          const q = parametersFor('float32', p);
          for (const x of sample) {
            const wasm = allocate('float32', x.length) as Float32Array;
            const js = new Float32Array(x.length);
            runElementwise(d, kind, x, wasm, q);
            d.kernels[kind](x, js, q);
            assert.deepEqual(bitMismatches(wasm, js, x), [], JSON.stringify(p));
            // in place, where the loop cannot take a block again from its input
            wasm.set(x);
            runElementwise(d, kind, wasm, wasm, q);
            assert.deepEqual(bitMismatches(wasm, js, x), [], `in place, ${JSON.stringify(p)}`);
          }
        }
      });
    }
  }

  it('sends a result near a midpoint to the kernel, where rounding the shortcut would not give the kernel\'s float32', () => {
    const { probe, scale } = midpointProbe();
    const instance = instantiate([{ name: 'probe', wasm: probe }]);
    assert.ok(instance);
    const count = 124; // m = 1 ... 124, a multiple of 4 (the loop's step)
    const heap = new Float32Array(instance.heap.memory.buffer, instance.input, count);
    for (let k = 0; k < count; k++) heap[k] = 1 + (k + 1) * 2 ** -23;
    const xs = Float32Array.from(heap);
    const kernel = Float32Array.from(xs, (x) => x * scale);
    const naive = Float32Array.from(xs, (x) => x * scale * (1 - 2 ** -40));
    assert.equal(bitMismatches(naive, kernel, xs, count).length, count, 'the inputs are hard cases: the shortcut rounded as it stands is wrong');
    instance.kernel({ name: 'probe' }, 'value', 'float32')!(instance.input, instance.gradient, instance.input, count);
    assert.deepEqual(bitMismatches(heap, kernel, xs), []);
  });

  it('takes a block with one hard case again, and only the hard lanes get the kernel\'s bits (input and output apart)', () => {
    const { probe, scale } = midpointProbe();
    const instance = instantiate([{ name: 'probe', wasm: probe }]);
    assert.ok(instance);
    // three whole blocks and part of a fourth; hard cases first and last in a block, in its
    // middle, in the last partial block, and the rest easy (x in [2, 4): decided)
    const count = 3 * SHORTCUT_BLOCK + 20;
    const hard = [0, SHORTCUT_BLOCK - 1, SHORTCUT_BLOCK, 2 * SHORTCUT_BLOCK + 37, count - 1];
    const x = new Float32Array(instance.heap.memory.buffer, instance.input, count);
    const y = new Float32Array(instance.heap.memory.buffer, instance.gradient, count);
    for (let k = 0; k < count; k++) x[k] = hard.includes(k) ? 1 + (k % 100 + 1) * 2 ** -23 : 2 + k * 2 ** -9;
    y.fill(NaN);
    const xs = Float32Array.from(x);
    const kernel = Float32Array.from(xs, (t) => t * scale);
    const naive = Float32Array.from(xs, (t) => t * scale * (1 - 2 ** -40));
    assert.deepEqual(Array.from(xs.keys()).filter((k) => naive[k] !== kernel[k]), hard, 'exactly the hard inputs need the kernel');
    instance.kernel({ name: 'probe' }, 'value', 'float32')!(instance.input, instance.gradient, instance.gradient, count);
    assert.deepEqual(bitMismatches(y, kernel, xs), []);
    assert.deepEqual(Array.from(x), Array.from(xs), 'the input is left as it was');
  });
});
