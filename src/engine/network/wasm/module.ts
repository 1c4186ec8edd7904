/**
 * The kernels instance of this thread, compiled and instantiated once, lazily,
 * synchronously (a training run is synchronous; each worker thread makes its
 * own). Undefined where WebAssembly or its SIMD instructions are missing, or
 * after useWasmKernels(false): training then runs the JavaScript kernels.
 *
 * The WebAssembly global is reached through a local interface because the
 * project's type libraries (ES2022 and Node 20's) declare no WebAssembly values.
 */
import { KERNELS_WASM_BASE64 } from './kernels.wasm';

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The dense and activation kernels of one dtype; pointers are byte offsets, sizes element counts. */
export interface DenseKernels {
  matmul(a: number, b: number, bias: number, c: number, rows: number, k: number, n: number, hasBias: number): void;
  atb(a: number, b: number, c: number, rows: number, m: number, n: number): void;
  colsum(a: number, c: number, rows: number, n: number): void;
  transpose(src: number, dst: number, r: number, c: number): void;
  addTransposed(dst: number, src: number, r: number, c: number): void;
  relu(z: number, a: number, count: number): void;
  reluBackward(z: number, g: number, dz: number, count: number): void;
}

/** kernels.wat's exports: the float32 kernels under their names, the float64 ones with a suffix 64. */
export type KernelExports = DenseKernels & { readonly [K in keyof DenseKernels as `${K}64`]: DenseKernels[K] } & {
  readonly memory: WasmMemory;
  /** Zeroes `count` 4-byte words. */
  zero(y: number, count: number): void;
};

/** The float64 kernels of an instance under the float32 names, so callers pick a dtype once. */
export function float64Kernels(k: KernelExports): DenseKernels {
  return {
    matmul: k.matmul64, atb: k.atb64, colsum: k.colsum64, transpose: k.transpose64,
    addTransposed: k.addTransposed64, relu: k.relu64, reluBackward: k.reluBackward64,
  };
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { readonly exports: object };
}

let compiled: object | null | undefined;
let instance: KernelExports | undefined;
let enabled = true;

/** Turns the wasm kernels off (false) or back on: for tests and benchmarks that compare both paths. */
export function useWasmKernels(on: boolean): void {
  enabled = on;
}

/** The thread's kernels instance and its memory, or undefined when unavailable or turned off. */
export function kernelInstance(): KernelExports | undefined {
  if (!enabled) return undefined;
  if (compiled === undefined) compiled = compile();
  if (compiled === null) return undefined;
  try {
    instance ??= new (webAssembly()!.Instance)(compiled).exports as KernelExports;
  } catch {
    return undefined; // no address space for a wasm memory just now: this run uses JavaScript
  }
  return instance;
}

/** Lets the collector have the instance and its memory; the next kernelInstance() makes a fresh one. */
export function dropKernelInstance(): void {
  instance = undefined;
}

function compile(): object | null {
  const api = webAssembly();
  if (!api) return null;
  const bytes = decodeBase64(KERNELS_WASM_BASE64);
  // validate() is false where SIMD (or anything else kernels.wat uses) is unsupported
  try {
    return api.validate(bytes) ? new api.Module(bytes) : null;
  } catch {
    return null;
  }
}

function webAssembly(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** atob exists in Node 16+, browsers and workers alike; Buffer only in Node. */
function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
