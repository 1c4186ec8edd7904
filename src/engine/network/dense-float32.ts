/**
 * The dense products of propagate.ts for float32 networks, computing exactly
 * what the f32x4 kernels of wasm/kernels.wat compute, so that float32 training
 * gives the same bits with and without WebAssembly (a run started inside
 * another run's callback, a runtime without SIMD).
 *
 * What the wasm kernels compute, per output: start value (the bias, or 0),
 * then term 0, 1, 2, ... in order, the product rounded to float32 and every
 * sum rounded to float32 (f32x4.mul, f32x4.add; no fused multiply-add). Their
 * lanes run across independent outputs, and every blocking (16, 4, 1 columns)
 * sums in that same order, so one plain order per output is all there is to
 * copy. Here a product of two float32 numbers is exact in a double, and the
 * double sum of two float32 numbers rounded to float32 is the float32 sum
 * (53 >= 2 × 24 + 2), so Math.fround after each multiply and each add gives
 * the f32 instruction's bits.
 *
 * The weight gradients: the wasm side sums either dz^T x straight into dW, or
 * x^T dz into a zeroed scratch added transposed (kernels.ts picks by cost).
 * Both sum each dW[j, p] over i in order from +0 and add the sum to dW once;
 * the scratch's zero start changes nothing, since a sum started at +0 is never
 * -0 (0 + -0 = +0). So one loop matches both.
 *
 * Blocked by four rows (forward, input gradients) or four columns (weight
 * gradients) as the float64 loops are, for the same reason: short inner
 * loops over 16 units, where independent accumulators pay.
 */
import type { FloatArray } from '../activations/definition';

const f = Math.fround;

/** z (rows × n) = x (rows × k) W^T (W: n × k) + b, as kernels.wat's matmul with the bias. */
export function denseForward32(x: FloatArray, w: FloatArray, b: FloatArray, z: FloatArray, rows: number, k: number, n: number): void {
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    const x0 = i * k;
    const x1 = x0 + k;
    const x2 = x1 + k;
    const x3 = x2 + k;
    for (let j = 0; j < n; j++) {
      const bj = b[j];
      let a0 = bj, a1 = bj, a2 = bj, a3 = bj;
      const wo = j * k;
      for (let p = 0; p < k; p++) {
        const wv = w[wo + p];
        a0 = f(a0 + f(x[x0 + p] * wv));
        a1 = f(a1 + f(x[x1 + p] * wv));
        a2 = f(a2 + f(x[x2 + p] * wv));
        a3 = f(a3 + f(x[x3 + p] * wv));
      }
      const zo = i * n + j;
      z[zo] = a0;
      z[zo + n] = a1;
      z[zo + 2 * n] = a2;
      z[zo + 3 * n] = a3;
    }
  }
  for (; i < rows; i++) {
    const xo = i * k;
    for (let j = 0; j < n; j++) {
      let acc = b[j];
      const wo = j * k;
      for (let p = 0; p < k; p++) acc = f(acc + f(x[xo + p] * w[wo + p]));
      z[i * n + j] = acc;
    }
  }
}

/** dW[j, p] += sum_i dz[i, j] x[i, p] and db[j] += sum_i dz[i, j], at `offset` in grads: kernels.wat's colsum and atb. */
export function weightGradients32(x: FloatArray, dz: FloatArray, grads: FloatArray, offset: number, rows: number, k: number, n: number): void {
  const bOff = offset + k * n;
  for (let j = 0; j < n; j++) {
    let sb = 0;
    for (let i = 0; i < rows; i++) sb = f(sb + dz[i * n + j]);
    grads[bOff + j] += sb;
    const wo = offset + j * k;
    let p = 0;
    for (; p + 4 <= k; p += 4) {
      let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
      for (let i = 0; i < rows; i++) {
        const d = dz[i * n + j];
        const xo = i * k + p;
        g0 = f(g0 + f(d * x[xo]));
        g1 = f(g1 + f(d * x[xo + 1]));
        g2 = f(g2 + f(d * x[xo + 2]));
        g3 = f(g3 + f(d * x[xo + 3]));
      }
      grads[wo + p] += g0;
      grads[wo + p + 1] += g1;
      grads[wo + p + 2] += g2;
      grads[wo + p + 3] += g3;
    }
    for (; p < k; p++) {
      let g = 0;
      for (let i = 0; i < rows; i++) g = f(g + f(dz[i * n + j] * x[i * k + p]));
      grads[wo + p] += g;
    }
  }
}

/** gx (rows × k) = dz (rows × n) W (n × k), as kernels.wat's matmul without a bias (sums from 0). */
export function inputGradients32(dz: FloatArray, w: FloatArray, gx: FloatArray, rows: number, k: number, n: number): void {
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    const d0 = i * n;
    const d1 = d0 + n;
    const d2 = d1 + n;
    const d3 = d2 + n;
    for (let p = 0; p < k; p++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let j = 0; j < n; j++) {
        const wv = w[j * k + p];
        a0 = f(a0 + f(dz[d0 + j] * wv));
        a1 = f(a1 + f(dz[d1 + j] * wv));
        a2 = f(a2 + f(dz[d2 + j] * wv));
        a3 = f(a3 + f(dz[d3 + j] * wv));
      }
      const xo = i * k + p;
      gx[xo] = a0;
      gx[xo + k] = a1;
      gx[xo + 2 * k] = a2;
      gx[xo + 3 * k] = a3;
    }
  }
  for (; i < rows; i++) {
    for (let p = 0; p < k; p++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc = f(acc + f(dz[i * n + j] * w[j * k + p]));
      gx[i * k + p] = acc;
    }
  }
}
