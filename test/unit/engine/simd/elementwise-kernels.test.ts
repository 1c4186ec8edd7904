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
import { applyActivation, catalogue, defaultParameters, parametersFor, resolveParameters, Tensor } from '../../../../src/engine';
import type { ElementwiseDefinition, FloatArray, ParameterValues } from '../../../../src/engine';
import { elementwiseInstance, useWasmElementwise } from '../../../../src/engine/simd/elementwise-module';
import { runBackward, runElementwise } from '../../../../src/engine/simd/elementwise-runner';
import { mulberry32 } from '../../helpers/prng';
import { bitMismatches, edgeInputs, randomInputs } from './bits';

interface GoldenCase { fn: string; params: Record<string, number | string>; x: number[] }
const golden: { cases: GoldenCase[] } = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/golden-activations.json'), 'utf8'));

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
    // the defaults, or the first golden case's parameters where some have none (threshold)
    const usual = (): ParameterValues => (d.parameters.every((s) => s.default !== undefined) ? defaultParameters(d) : resolveParameters(d, cases[0].params));
    it(`${d.name}: the golden points and the format's edges`, () => {
      const points = [...cases.flatMap((c) => c.x), ...edgeInputs()];
      // every golden parameter set the kernels accept, and the defaults
      const sets = [usual(), ...cases.map((c) => resolveParameters(d, c.params))].filter((p) => !d.wasm!.accepts || d.wasm!.accepts(p));
      assert.ok(sets.length > 0);
      for (const p of sets) assert.deepEqual(compare(d, points, p, 1), [], JSON.stringify(p));
    });

    it(`${d.name}: seeded random inputs, odd lengths`, () => {
      fc.assert(fc.property(fc.integer(), fc.integer({ min: 33, max: 20_000 }), (seed, n) => {
        assert.deepEqual(compare(d, randomInputs(mulberry32(seed), n), usual(), seed), [], `seed ${seed}, n ${n}`);
      }), { numRuns: 8 });
    });
  }

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
