/**
 * Float64 training in wasm memory with the f64x2 kernels against the JavaScript
 * fallback: seeded runs must give every weight and every history number bit for
 * bit (the cases: helpers/seeded-training.ts), because float64 is the language's
 * default and a notebook must compute the same numbers on any machine.
 */
import { sameBitsBothWays } from '../../helpers/seeded-training';

describe('engine: float64 training with the wasm kernels', () => {
  sameBitsBothWays('float64');
});
