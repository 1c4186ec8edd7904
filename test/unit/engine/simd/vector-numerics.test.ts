/**
 * The vectorised exp, expm1, log1p, tanh and erfc give the scalar functions'
 * bits on every input tried: the mpmath reference points, the format's edges,
 * and seeded random inputs (fast-check picks the seeds).
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { erfc, exp, expm1, log1p, tanh } from '../../../../src/engine';
import { instantiate, type ElementwiseInstance } from '../../../../src/engine/simd/elementwise-module';
import * as V from '../../../../src/engine/simd/vector-numerics';
import type { VectorFunction } from '../../../../src/engine/simd/kernel-types';
import { mulberry32 } from '../../helpers/prng';
import { bitMismatches, edgeInputs, randomInputs } from './bits';

const fixtures = join(__dirname, '../../../fixtures');
const elementary = JSON.parse(readFileSync(join(fixtures, 'elementary-reference.json'), 'utf8'));
const erfReference: { x: number[] } = JSON.parse(readFileSync(join(fixtures, 'erf-reference.json'), 'utf8'));

const FUNCTIONS: Record<string, { vector: VectorFunction; scalar: (x: number) => number; reference: number[] }> = {
  exp: { vector: (v, x) => V.exp(v, x), scalar: exp, reference: elementary.exp.x },
  expm1: { vector: (v, x) => V.expm1(v, x), scalar: expm1, reference: elementary.expm1.x },
  log1p: { vector: (v, x) => V.log1p(v, x), scalar: log1p, reference: elementary.log1p.x },
  tanh: { vector: (v, x) => V.tanh(v, x), scalar: tanh, reference: elementary.tanh.x },
  erfc: { vector: (v, x) => V.erfc(v, x), scalar: erfc, reference: erfReference.x },
};

describe('engine/simd: vectorised numerics, bit for bit', () => {
  let instance: ElementwiseInstance;
  before(() => {
    const made = instantiate(Object.entries(FUNCTIONS).map(([name, f]) => ({ name, wasm: { parameters: [], value: f.vector, derivative: f.vector } })));
    assert.ok(made, 'Node has WebAssembly SIMD');
    instance = made;
  });

  /** f over xs in wasm (through the staging buffer, count rounded up to even). */
  function wasm(name: string, xs: Float64Array): Float64Array {
    const heap = new Float64Array(instance.heap.memory.buffer);
    heap.set(xs, instance.input / 8);
    instance.kernel({ name }, 'value', 'float64')!(instance.input, instance.gradient, instance.input, (xs.length + 1) & ~1);
    return heap.slice(instance.input / 8, instance.input / 8 + xs.length);
  }

  for (const [name, f] of Object.entries(FUNCTIONS)) {
    it(`${name}: the reference points and the format's edges`, () => {
      const xs = Float64Array.from([...f.reference, ...edgeInputs()]);
      assert.ok(xs.length > 100);
      assert.deepEqual(bitMismatches(wasm(name, xs), Array.from(xs, f.scalar), xs), []);
    });

    it(`${name}: seeded random inputs`, () => {
      fc.assert(fc.property(fc.integer(), (seed) => {
        const xs = randomInputs(mulberry32(seed), 2000);
        assert.deepEqual(bitMismatches(wasm(name, xs), Array.from(xs, f.scalar), xs), [], `seed ${seed}`);
      }), { numRuns: 20 });
    });
  }
});
