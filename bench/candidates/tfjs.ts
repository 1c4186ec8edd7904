/**
 * TensorFlow.js 4.22.0 as the reference library, on its two backends that run
 * in plain Node without native add-ons: `cpu` (JavaScript kernels) and `wasm`
 * (XNNPACK compiled to WebAssembly, SIMD build when the runtime supports it).
 *
 * Each activation is written the way a tfjs user would write it: the built-in op
 * where tfjs has one, otherwise a composition of ops (gelu, silu); derivatives
 * are `tf.grad(f)(x)`, i.e. a forward pass plus the backward pass with dy = 1,
 * because tfjs exposes no standalone "derivative of sigmoid" op.
 *
 * tfjs has no float64 dtype (every float tensor is float32, on both backends),
 * so only the float32 rows have tfjs figures.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients (the @tensorflow/tfjs union package imports this file for its
// users); without it tf.grad fails with "gradient function not found for Relu". The registry is kept
// on globalThis, so registering from this (ES module) build serves the CommonJS build too.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as path from 'node:path';
import type { ActivationName, Kind } from './common';

export type BackendName = 'cpu' | 'wasm';

export const TFJS_VERSION = tf.version_core;

/**
 * Where the .wasm binaries are: the package's dist/ folder. In Node the
 * Emscripten loader reads the file with fs.readFileSync from this absolute
 * prefix, so nothing is fetched over the network. It must be set before the
 * wasm backend is first initialised (importing the package only registers it).
 */
export const WASM_DIR = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
setWasmPaths(WASM_DIR);

export interface BackendInfo {
  readonly backend: BackendName;
  /** .wasm files the loader actually read while initialising (empty for cpu, or when already initialised). */
  readonly wasmFilesRead: readonly string[];
  readonly simdFlag?: boolean;
  readonly threadsFlag?: boolean;
}

/**
 * Makes `name` the active backend. While the backend initialises, fs.readFileSync
 * is wrapped to record which .wasm file the loader picks, which is the ground
 * truth for "did it load the SIMD binary" (tfjs decides from the
 * WASM_HAS_SIMD_SUPPORT / WASM_HAS_MULTITHREAD_SUPPORT flags; threads are
 * always off in Node in 4.22).
 */
export async function useBackend(name: BackendName): Promise<BackendInfo> {
  // The module object itself (not an ES namespace), so the wrapper is what the loader's fs.readFileSync finds.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  const original = fs.readFileSync;
  const wasmFilesRead: string[] = [];
  fs.readFileSync = function (this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'string' && args[0].endsWith('.wasm')) wasmFilesRead.push(args[0]);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof fs.readFileSync;
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } finally {
    fs.readFileSync = original;
  }
  if (!ok || tf.getBackend() !== name) throw new Error(`tfjs backend '${name}' failed to initialise`);
  if (name === 'cpu') return { backend: name, wasmFilesRead };
  return {
    backend: name,
    wasmFilesRead,
    simdFlag: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') as boolean,
    threadsFlag: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT') as boolean,
  };
}

/** f(x) in tfjs ops. `alpha` is our default for leaky_relu (tfjs's own default is 0.2, PyTorch's 0.01). */
export function tfjsFunction(name: ActivationName, alpha: number): (x: tf.Tensor) => tf.Tensor {
  switch (name) {
    case 'relu': return (x) => tf.relu(x);
    case 'leaky_relu': return (x) => tf.leakyRelu(x, alpha);
    case 'sigmoid': return (x) => tf.sigmoid(x);
    case 'tanh': return (x) => tf.tanh(x);
    // No gelu op in tfjs-core: the exact (erf) form as a composition.
    case 'gelu': return (x) => tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
    // No silu/swish op in tfjs-core: x * sigmoid(x).
    case 'silu': return (x) => tf.mul(x, tf.sigmoid(x));
    case 'elu':
      // tf.elu has alpha fixed at 1; our default is 1 too, so the plain op is the same function.
      if (alpha !== 1) throw new Error(`tf.elu only supports alpha = 1, got ${alpha}`);
      return (x) => tf.elu(x);
    case 'softplus': return (x) => tf.softplus(x);
  }
}

export interface TfjsCandidate {
  /** The op(s) only: tfjs cpu and wasm kernels run synchronously, so the result exists when this returns. */
  readonly op: () => void;
  /** The same plus y.dataSync(), i.e. reading the result back into a JS typed array. */
  readonly opAndSync: () => void;
  /** One evaluation read back, for the sanity comparison with our output. */
  readonly result: () => Float32Array;
}

export function tfjsCandidate(name: ActivationName, kind: Kind, alpha: number, x: tf.Tensor): TfjsCandidate {
  const f = tfjsFunction(name, alpha);
  const g = kind === 'value' ? f : tf.grad(f);
  // tidy disposes every intermediate (composition temporaries, the gradient tape's tensors) except the result.
  const compute = () => tf.tidy(() => g(x));
  return {
    op: () => {
      compute().dispose();
    },
    opAndSync: () => {
      const y = compute();
      y.dataSync();
      y.dispose();
    },
    result: () => {
      const y = compute();
      const data = Float32Array.from(y.dataSync() as Float32Array);
      y.dispose();
      return data;
    },
  };
}

export function tfjsInput(data: Float32Array): tf.Tensor {
  return tf.tensor1d(data, 'float32');
}

export function liveTensors(): number {
  return tf.memory().numTensors;
}
