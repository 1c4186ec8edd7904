/**
 * The forward pass and backpropagation through dense layers, over the
 * buffers of a Workspace. Dot products accumulate in float64 (JavaScript
 * numbers) and round once on store, as the engine's matmul does.
 *
 * Except in wasm memory: a training run whose workspace lives there (ws.wasm,
 * see run-buffers.ts) runs the dense products, and the activations whose
 * catalogue entry names a wasm kernel (relu), in WebAssembly SIMD. In float64
 * (f64x2) that computes exactly what the loops below compute: the same bits.
 * In float32 (f32x4) it accumulates in float32 (rounded after every term, as
 * TensorFlow.js does), so its results differ from the JavaScript kernels by
 * float32 rounding; they stay deterministic, so identical seeds still give
 * bit-identical runs.
 *
 * Why the loops are blocked by four: tiny layers (16 units) make the inner
 * loops short, so loop overhead and loads dominate; four independent
 * accumulators per inner loop measured ~2.5x faster than the plain triple
 * loop in V8. Each output still sums its terms in the plain order (bias, then
 * p = 0, 1, ...), so results do not depend on the blocking.
 */
import type { FloatArray } from '../activations/definition';
import type { Network } from './network';
import type { Workspace } from './workspace';

/** z = x W^T + b, then a = f(z), layer by layer, for the ws.rows rows of ws.input. */
export function forwardPass(net: Network, ws: Workspace): void {
  const wasm = ws.wasm;
  let x: FloatArray = ws.input;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    if (wasm) wasm.denseForward(x, layer.weights, layer.bias, ws.z[l], ws.rows, layer.inputs, layer.outputs);
    else denseForward(x, layer.weights, layer.bias, ws.z[l], ws.rows, layer.inputs, layer.outputs);
    const kernel = layer.activation.wasmKernel;
    if (wasm && kernel) wasm.activation(kernel, ws.z[l], ws.a[l]);
    else layer.activation.forward(ws.z[l], ws.a[l], layer.outputs, net.slope(layer));
    x = ws.a[l];
  }
}

/** z (rows × n) = x (rows × k) W^T (W: n × k) + b. */
function denseForward(x: FloatArray, w: FloatArray, b: FloatArray, z: FloatArray, rows: number, k: number, n: number): void {
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
        a0 += wv * x[x0 + p];
        a1 += wv * x[x1 + p];
        a2 += wv * x[x2 + p];
        a3 += wv * x[x3 + p];
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
      for (let p = 0; p < k; p++) acc += w[wo + p] * x[xo + p];
      z[i * n + j] = acc;
    }
  }
}

/**
 * Adds the gradient of the loss to `grads` (same layout as net.parameters).
 * The loss has filled ws.g of the last layer (dL/da), or its ws.dz when it
 * fused with the output activation (`outputDz`).
 */
export function backwardPass(net: Network, ws: Workspace, grads: FloatArray, outputDz: boolean): void {
  const wasm = ws.wasm;
  for (let l = net.layers.length - 1; l >= 0; l--) {
    const layer = net.layers[l];
    const k = layer.inputs;
    const n = layer.outputs;
    const dz = ws.dz[l];
    const lossWroteDz = outputDz && l === net.layers.length - 1;
    const kernel = layer.activation.wasmKernel;
    if (!lossWroteDz && wasm && kernel) wasm.activationBackward(kernel, ws.z[l], ws.g[l], dz);
    else if (!lossWroteDz) {
      const dSlope = layer.activation.backward(ws.z[l], ws.a[l], ws.g[l], dz, n, net.slope(layer));
      if (layer.slopeIndex >= 0) grads[layer.slopeIndex] += dSlope;
    }
    const x = l === 0 ? ws.input : ws.a[l - 1];
    if (wasm) wasm.weightGradients(x, dz, grads, layer.offset, ws.rows, k, n);
    else weightGradients(x, dz, grads, layer.offset, ws.rows, k, n);
    if (l === 0) continue;
    if (wasm) wasm.inputGradients(dz, layer.weights, ws.g[l - 1], ws.rows, k, n);
    else inputGradients(dz, layer.weights, ws.g[l - 1], ws.rows, k, n);
  }
}

/** dW[j, p] += sum_i dz[i, j] x[i, p] and db[j] += sum_i dz[i, j], at `offset` in grads. */
function weightGradients(x: FloatArray, dz: FloatArray, grads: FloatArray, offset: number, rows: number, k: number, n: number): void {
  const bOff = offset + k * n;
  for (let j = 0; j < n; j++) {
    let sb = 0;
    for (let i = 0; i < rows; i++) sb += dz[i * n + j];
    grads[bOff + j] += sb;
    const wo = offset + j * k;
    let p = 0;
    for (; p + 4 <= k; p += 4) {
      let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
      for (let i = 0; i < rows; i++) {
        const d = dz[i * n + j];
        const xo = i * k + p;
        g0 += d * x[xo];
        g1 += d * x[xo + 1];
        g2 += d * x[xo + 2];
        g3 += d * x[xo + 3];
      }
      grads[wo + p] += g0;
      grads[wo + p + 1] += g1;
      grads[wo + p + 2] += g2;
      grads[wo + p + 3] += g3;
    }
    for (; p < k; p++) {
      let g = 0;
      for (let i = 0; i < rows; i++) g += dz[i * n + j] * x[i * k + p];
      grads[wo + p] += g;
    }
  }
}

/** gx (rows × k) = dz (rows × n) W (n × k): the forward product with W's columns, blocked by four rows. */
function inputGradients(dz: FloatArray, w: FloatArray, gx: FloatArray, rows: number, k: number, n: number): void {
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
        a0 += dz[d0 + j] * wv;
        a1 += dz[d1 + j] * wv;
        a2 += dz[d2 + j] * wv;
        a3 += dz[d3 + j] * wv;
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
      for (let j = 0; j < n; j++) acc += dz[i * n + j] * w[j * k + p];
      gx[i * k + p] = acc;
    }
  }
}
