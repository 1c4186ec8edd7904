/**
 * The wasm kernels over Float32Array views of an Arena's memory: the dense
 * products of propagate.ts and the activation kernels catalogue entries name
 * (their `wasmKernel`), in float32 with SIMD.
 *
 * Float32 accumulation: each sum is rounded to float32 after every term, as
 * TensorFlow.js and PyTorch do on float32, where the JavaScript kernels sum in
 * float64 and round once. Results therefore differ from the JavaScript path by
 * float32 rounding, but are deterministic (a fixed order per output; see
 * kernels.wat). The activation kernels match their entries' kernels bit for bit.
 */
import type { FloatArray, WasmActivationKernel } from '../../activations/definition';
import type { KernelExports } from './module';

/** kernels.wat's exports for each activation kernel: a = f(z), and dz = f'(z) * g. */
const ACTIVATION_EXPORTS = {
  relu: { forward: 'relu', backward: 'reluBackward' },
} as const satisfies Record<WasmActivationKernel, { readonly forward: keyof KernelExports; readonly backward: keyof KernelExports }>;

export class WasmKernels {
  /**
   * @param scratch at least max(k × n) over the layers: W transposed for the
   *   forward product, or the transposed weight gradients
   */
  constructor(private readonly k: KernelExports, private readonly scratch: Float32Array) {}

  /** Byte offset of a view; refuses arrays outside this memory rather than write somewhere else. */
  private at(a: FloatArray): number {
    if (a.buffer !== this.k.memory.buffer || !(a instanceof Float32Array)) throw new Error('wasm kernels need Float32Array views of their own memory');
    return a.byteOffset;
  }

  /** z (rows × n) = x (rows × k) W^T (W: n × k) + b. */
  denseForward(x: FloatArray, w: FloatArray, b: FloatArray, z: FloatArray, rows: number, k: number, n: number): void {
    const wt = this.at(this.scratch);
    this.k.transpose(this.at(w), wt, n, k);
    this.k.matmul(this.at(x), wt, this.at(b), this.at(z), rows, k, n, 1);
  }

  /**
   * dW[j, p] += sum_i dz[i, j] x[i, p] and db[j] += sum_i dz[i, j], at `offset` in grads.
   * The product vectorises over its columns: over p (dz^T x, straight into dW), or
   * over j (x^T dz into scratch, then added transposed) when that leaves fewer
   * columns to the scalar tail, as for a first layer with 2 inputs.
   */
  weightGradients(x: FloatArray, dz: FloatArray, grads: FloatArray, offset: number, rows: number, k: number, n: number): void {
    const dw = this.at(grads) + offset * 4;
    this.k.colsum(this.at(dz), dw + k * n * 4, rows, n);
    if ((k % 4) * n <= (n % 4) * k) {
      this.k.atb(this.at(dz), this.at(x), dw, rows, n, k);
      return;
    }
    const t = this.at(this.scratch);
    this.k.zero(t, k * n);
    this.k.atb(this.at(x), this.at(dz), t, rows, k, n);
    this.k.addTransposed(dw, t, n, k);
  }

  /** gx (rows × k) = dz (rows × n) W (n × k). */
  inputGradients(dz: FloatArray, w: FloatArray, gx: FloatArray, rows: number, k: number, n: number): void {
    this.k.matmul(this.at(dz), this.at(w), 0, this.at(gx), rows, n, k, 0);
  }

  /** a = f(z) for the activation `kernel`. */
  activation(kernel: WasmActivationKernel, z: FloatArray, a: FloatArray): void {
    this.k[ACTIVATION_EXPORTS[kernel].forward](this.at(z), this.at(a), z.length);
  }

  /** dz = f'(z) * g for the activation `kernel`. */
  activationBackward(kernel: WasmActivationKernel, z: FloatArray, g: FloatArray, dz: FloatArray): void {
    this.k[ACTIVATION_EXPORTS[kernel].backward](this.at(z), this.at(g), this.at(dz), z.length);
  }
}
