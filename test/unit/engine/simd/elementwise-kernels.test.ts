/**
 * Every catalogue entry with WebAssembly kernels computes, through them, the
 * bits of its JavaScript loops: value, derivative and fused backward, float32
 * and float64, on the golden points, the format's edges and seeded random data.
 * "JavaScript" is the same call with the wasm path turned off, as on a runtime
 * without WebAssembly SIMD.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { allocate, applyActivation, catalogue, defaultParameters, parametersFor, resolveParameters, Tensor } from '../../../../src/engine';
import type { ElementwiseDefinition, FloatArray, ParameterValues } from '../../../../src/engine';
import { elementwiseInstance, instantiate, KERNEL_BLOCK, useWasmElementwise } from '../../../../src/engine/simd/elementwise-module';
import { tensorHeap } from '../../../../src/engine/simd/tensor-heap';
import { runBackward, runElementwise } from '../../../../src/engine/simd/elementwise-runner';
import { mulberry32 } from '../../helpers/prng';
import { bitMismatches, edgeInputs, randomInputs } from './bits';

interface GoldenCase { fn: string; params: Record<string, number | string>; x: number[] }
const golden: { cases: GoldenCase[] } = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/golden-activations.json'), 'utf8'));
// its other parameter sets too (celu(alpha=0.7), softplus(beta=0.7)): where x / alpha and beta * x round, the double-double steps show
const reference: { cases: GoldenCase[] } = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/activation-reference.json'), 'utf8'));

const withWasm = catalogue.filter((d): d is ElementwiseDefinition => d.kind === 'elementwise' && d.wasm !== undefined);
const KINDS = ['value', 'derivative', 'backward'] as const;

/** The kernel's output with the wasm path on or off. */
function output(d: ElementwiseDefinition, kind: (typeof KINDS)[number], x: FloatArray, g: FloatArray, p: ParameterValues, wasm: boolean): FloatArray {
  const y = x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
  useWasmElementwise(wasm);
  try {
    if (kind === 'backward') runBackward(d, x, g, y, p);
    else runElementwise(d, kind, x, y, p);
  } finally {
    useWasmElementwise(true);
  }
  return y;
}

function compare(d: ElementwiseDefinition, xs: readonly number[] | Float64Array, p: ParameterValues, seed: number): string[] {
  const random = mulberry32(seed);
  const problems: string[] = [];
  for (const Type of [Float64Array, Float32Array]) {
    const x = Type.from(xs), g = Type.from(Array.from(xs, () => random() * 4 - 2));
    const q = parametersFor(Type === Float32Array ? 'float32' : 'float64', p);
    for (const kind of KINDS) {
      for (const m of bitMismatches(output(d, kind, x, g, q, true), output(d, kind, x, g, q, false), x)) problems.push(`${kind} ${Type.name}: ${m}`);
    }
  }
  return problems;
}

describe('engine/simd: catalogue kernels, wasm and JavaScript bit for bit', () => {
  it('runs on WebAssembly SIMD here, and on JavaScript when that is turned off', () => {
    assert.ok(elementwiseInstance(), 'Node has WebAssembly SIMD');
    useWasmElementwise(false);
    try {
      assert.equal(elementwiseInstance(), undefined);
    } finally {
      useWasmElementwise(true);
    }
  });

  it('covers the entries the issue starts with', () => {
    const names = withWasm.map((d) => d.name);
    for (const name of ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'silu', 'elu', 'gelu']) assert.ok(names.includes(name), name);
  });

  for (const d of withWasm) {
    const cases = golden.cases.filter((c) => c.fn === d.name);
    const others = reference.cases.filter((c) => c.fn === d.name);
    // the defaults, or the first golden case's parameters where some have none (threshold)
    const usual = (): ParameterValues => (d.parameters.every((s) => s.default !== undefined) ? defaultParameters(d) : resolveParameters(d, cases[0].params));
    it(`${d.name}: the golden and reference points and the format's edges`, () => {
      const points = [...cases.flatMap((c) => c.x), ...others.flatMap((c) => c.x), ...edgeInputs()];
      // every golden and reference parameter set the kernels accept, and the defaults
      const sets = [usual(), ...[...cases, ...others].map((c) => resolveParameters(d, c.params))].filter((p) => !d.wasm!.accepts || d.wasm!.accepts(p));
      assert.ok(sets.length > 0);
      for (const p of sets) assert.deepEqual(compare(d, points, p, 1), [], JSON.stringify(p));
    });

    it(`${d.name}: seeded random inputs, odd lengths, several parameter sets and forms`, () => {
      // the usual parameters and up to three of the golden file's other sets (celu's alpha = 0.7, gelu's tanh form)
      const others = cases.map((c) => resolveParameters(d, c.params)).filter((p) => JSON.stringify(p) !== JSON.stringify(usual()));
      const forms = [usual(), ...others.filter((p, i) => others.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i).slice(0, 3)];
      // and every number scaled by 0.7, so that x / alpha, beta x and the like are not exact
      const scaled = Object.fromEntries(Object.entries(usual()).map(([k, v]) => [k, typeof v === 'number' ? v * 0.7 : v]));
      try {
        forms.push(resolveParameters(d, scaled));
      } catch {
        // a relation between the parameters that scaling breaks: the other sets serve
      }
      if (d.wasm!.forms) assert.ok(forms.some((p) => d.wasm!.formFor?.(p) !== undefined), 'a golden case selects the other form');
      for (const p of forms) {
        fc.assert(fc.property(fc.integer(), fc.integer({ min: 33, max: 20_000 }), (seed, n) => {
          assert.deepEqual(compare(d, randomInputs(mulberry32(seed), n), p, seed), [], `seed ${seed}, n ${n}, ${JSON.stringify(p)}`);
        }), { numRuns: 8 });
      }
    });
  }

  it('relu and relu6 run float32 in four f32 lanes a step, the others in two f64 lanes', () => {
    // a loop asked for 2 elements does one step: four lanes written by an f32x4 loop, two by the others
    const lanesWritten = (name: string): number => {
      const d = withWasm.find((e) => e.name === name)!;
      const instance = instantiate([{ name, wasm: d.wasm! }])!;
      const heap = new Float32Array(instance.heap.memory.buffer, instance.input, 4);
      heap.fill(-1);
      instance.kernel({ name }, 'value', 'float32')!(instance.input, instance.gradient, instance.input, 2);
      return heap.filter((y) => y !== -1).length;
    };
    assert.equal(lanesWritten('relu'), 4);
    assert.equal(lanesWritten('relu6'), 4);
    assert.equal(lanesWritten('leaky_relu'), 2);
  });

  it('takes a block with a rare lane (exp beyond |x| < 707) again, on heap tensors apart and in place, for every entry', () => {
    // large enough for the heap; rare lanes first and last in a block, in one's middle, in the last partial block
    const count = 80 * KERNEL_BLOCK + 12;
    const at = [0, KERNEL_BLOCK - 1, KERNEL_BLOCK, 2 * KERNEL_BLOCK + 77, count - 1];
    const special = [800, -800, Infinity, NaN, -750];
    const random = mulberry32(11);
    const xs = Float64Array.from({ length: count }, (_, i) => (at.includes(i) ? special[at.indexOf(i)]! : 10 * random() - 5));
    const gs = Float64Array.from({ length: count }, () => 4 * random() - 2);
    const problems: string[] = [];
    for (const d of withWasm) {
      for (const dtype of ['float32', 'float64'] as const) {
        const x = allocate(dtype, count), g = allocate(dtype, count), y = allocate(dtype, count);
        g.set(gs);
        const usual = d.parameters.every((q) => q.default !== undefined) ? defaultParameters(d) : resolveParameters(d, golden.cases.find((c) => c.fn === d.name)!.params);
        const p = parametersFor(dtype, usual);
        for (const kind of KINDS) {
          const run = (input: FloatArray, out: FloatArray): void => (kind === 'backward' ? runBackward(d, input, g, out, p) : runElementwise(d, kind, input, out, p));
          x.set(xs);
          const want = output(d, kind, x, g, p, false);
          run(x, y);
          for (const m of bitMismatches(y, want, x)) problems.push(`${d.name} ${kind} ${dtype} apart: ${m}`);
          run(x, x);
          for (const m of bitMismatches(x, want, xs)) problems.push(`${d.name} ${kind} ${dtype} in place: ${m}`);
        }
        assert.ok(tensorHeap()?.holds(x) && tensorHeap()?.holds(y), 'in the heap');
      }
    }
    assert.deepEqual(problems, []);
  });

  it('applyActivation gives the same tensor with and without wasm, across staging chunks', () => {
    const xs = randomInputs(mulberry32(3), 50_001);
    for (const dtype of ['float32', 'float64'] as const) {
      const x = new Tensor(dtype, [xs.length], dtype === 'float32' ? Float32Array.from(xs) : Float64Array.from(xs));
      const fast = applyActivation('silu', x);
      useWasmElementwise(false);
      const slow = applyActivation('silu', x);
      useWasmElementwise(true);
      assert.deepEqual(bitMismatches(fast.data, slow.data, xs), []);
    }
  });
});
