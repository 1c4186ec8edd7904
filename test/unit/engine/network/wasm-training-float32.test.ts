/**
 * Float32 training in wasm memory with the f32x4 kernels against the JavaScript
 * fallback (dense-float32.ts, which rounds every product and sum with
 * Math.fround as the f32x4 instructions do): seeded runs must give every weight
 * and every history number bit for bit (the cases: helpers/seeded-training.ts).
 */
import { sameBitsBothWays } from '../../helpers/seeded-training';

describe('engine: float32 training with the wasm kernels, bit for bit', () => {
  sameBitsBothWays('float32');
});
