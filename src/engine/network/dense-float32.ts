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
  product32(x, w, 1, k, b, z, rows, k, n);
}

/** gx (rows × k) = dz (rows × n) W (n × k), as kernels.wat's matmul without a bias (sums from 0). */
export function inputGradients32(dz: FloatArray, w: FloatArray, gx: FloatArray, rows: number, k: number, n: number): void {
  product32(dz, w, k, 1, undefined, gx, rows, n, k);
}

/**
 * c[i, col] = start[col] + sum_t a[i, t] b[col bc + t bs] in float32 (start: the bias, or 0), with
 * a: rows × terms and c: rows × cols; b is W read along a row (bs 1) or down a column (bs k).
 * Four rows and two columns at a time: eight independent chains of rounded adds.
 */
function product32(a: FloatArray, b: FloatArray, bs: number, bc: number, start: FloatArray | undefined, c: FloatArray, rows: number, terms: number, cols: number): void {
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    const a0 = i * terms;
    const a1 = a0 + terms;
    const a2 = a1 + terms;
    const a3 = a2 + terms;
    let col = 0;
    for (; col + 2 <= cols; col += 2) {
      const u = start ? start[col] : 0;
      const v = start ? start[col + 1] : 0;
      let s0 = u, s1 = u, s2 = u, s3 = u;
      let t0 = v, t1 = v, t2 = v, t3 = v;
      const bo = col * bc;
      for (let t = 0; t < terms; t++) {
        const bu = b[bo + t * bs];
        const bv = b[bo + bc + t * bs];
        const e0 = a[a0 + t], e1 = a[a1 + t], e2 = a[a2 + t], e3 = a[a3 + t];
        s0 = f(s0 + f(e0 * bu));
        s1 = f(s1 + f(e1 * bu));
        s2 = f(s2 + f(e2 * bu));
        s3 = f(s3 + f(e3 * bu));
        t0 = f(t0 + f(e0 * bv));
        t1 = f(t1 + f(e1 * bv));
        t2 = f(t2 + f(e2 * bv));
        t3 = f(t3 + f(e3 * bv));
      }
      const o = i * cols + col;
      c[o] = s0;
      c[o + cols] = s1;
      c[o + 2 * cols] = s2;
      c[o + 3 * cols] = s3;
      c[o + 1] = t0;
      c[o + cols + 1] = t1;
      c[o + 2 * cols + 1] = t2;
      c[o + 3 * cols + 1] = t3;
    }
    for (; col < cols; col++) {
      let s0 = start ? start[col] : 0;
      let s1 = s0, s2 = s0, s3 = s0;
      const bo = col * bc;
      for (let t = 0; t < terms; t++) {
        const bu = b[bo + t * bs];
        s0 = f(s0 + f(a[a0 + t] * bu));
        s1 = f(s1 + f(a[a1 + t] * bu));
        s2 = f(s2 + f(a[a2 + t] * bu));
        s3 = f(s3 + f(a[a3 + t] * bu));
      }
      const o = i * cols + col;
      c[o] = s0;
      c[o + cols] = s1;
      c[o + 2 * cols] = s2;
      c[o + 3 * cols] = s3;
    }
  }
  for (; i < rows; i++) {
    const ao = i * terms;
    for (let col = 0; col < cols; col++) {
      let s = start ? start[col] : 0;
      const bo = col * bc;
      for (let t = 0; t < terms; t++) s = f(s + f(a[ao + t] * b[bo + t * bs]));
      c[i * cols + col] = s;
    }
  }
}

/**
 * dW[j, p] += sum_i dz[i, j] x[i, p] and db[j] += sum_i dz[i, j], at `offset` in grads: kernels.wat's colsum and atb.
 * Four units j at a time, each sum its own chain over i: a float32 sum is a chain of rounded adds, and a
 * first layer's 2 inputs or an output layer's 1 unit would otherwise leave one chain of 1000 dependent adds.
 */
export function weightGradients32(x: FloatArray, dz: FloatArray, grads: FloatArray, offset: number, rows: number, k: number, n: number): void {
  const bOff = offset + k * n;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < rows; i++) {
      const d = i * n + j;
      s0 = f(s0 + dz[d]);
      s1 = f(s1 + dz[d + 1]);
      s2 = f(s2 + dz[d + 2]);
      s3 = f(s3 + dz[d + 3]);
    }
    grads[bOff + j] += s0;
    grads[bOff + j + 1] += s1;
    grads[bOff + j + 2] += s2;
    grads[bOff + j + 3] += s3;
    const wo = offset + j * k;
    let p = 0;
    for (; p + 2 <= k; p += 2) {
      let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
      let h0 = 0, h1 = 0, h2 = 0, h3 = 0;
      for (let i = 0; i < rows; i++) {
        const d = i * n + j;
        const xv = x[i * k + p];
        const xu = x[i * k + p + 1];
        const e0 = dz[d], e1 = dz[d + 1], e2 = dz[d + 2], e3 = dz[d + 3];
        g0 = f(g0 + f(e0 * xv));
        g1 = f(g1 + f(e1 * xv));
        g2 = f(g2 + f(e2 * xv));
        g3 = f(g3 + f(e3 * xv));
        h0 = f(h0 + f(e0 * xu));
        h1 = f(h1 + f(e1 * xu));
        h2 = f(h2 + f(e2 * xu));
        h3 = f(h3 + f(e3 * xu));
      }
      grads[wo + p] += g0;
      grads[wo + k + p] += g1;
      grads[wo + 2 * k + p] += g2;
      grads[wo + 3 * k + p] += g3;
      grads[wo + p + 1] += h0;
      grads[wo + k + p + 1] += h1;
      grads[wo + 2 * k + p + 1] += h2;
      grads[wo + 3 * k + p + 1] += h3;
    }
    for (; p < k; p++) {
      let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
      for (let i = 0; i < rows; i++) {
        const d = i * n + j;
        const xv = x[i * k + p];
        g0 = f(g0 + f(dz[d] * xv));
        g1 = f(g1 + f(dz[d + 1] * xv));
        g2 = f(g2 + f(dz[d + 2] * xv));
        g3 = f(g3 + f(dz[d + 3] * xv));
      }
      grads[wo + p] += g0;
      grads[wo + k + p] += g1;
      grads[wo + 2 * k + p] += g2;
      grads[wo + 3 * k + p] += g3;
    }
  }
  for (; j < n; j++) {
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
