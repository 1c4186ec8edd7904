/**
 * The wasm kernels over views of an Arena's memory: the dense products of
 * propagate.ts and the activation kernels catalogue entries name (their
 * `wasmKernel`), with SIMD, in the dtype of the run: f32x4 over Float32Array
 * views, f64x2 over Float64Array views.
 *
 * Float32 accumulation: each sum is rounded to float32 after every term, as
 * TensorFlow.js and PyTorch do on float32, where the JavaScript kernels sum in
 * float64 and round once. Float32 results therefore differ from the JavaScript
 * path by float32 rounding, but are deterministic (a fixed order per output;
 * see kernels.wat).
 *
 * Float64 is the JavaScript path's own arithmetic: every output sums the same
 * terms in the same order (start value, then term 0, 1, ...), one rounding per
 * multiply and per add, lanes across independent outputs only. So float64
 * training gives the same bits with and without wasm. The activation kernels
 * match their entries' kernels bit for bit in both dtypes.
 */
import type { FloatArray, WasmActivationKernel } from '../../activations/definition';
import { float64Kernels, type DenseKernels, type KernelExports } from './module';

/** kernels.wat's exports for each activation kernel: a = f(z), and dz = f'(z) * g. */
const ACTIVATION_EXPORTS = {
  relu: { forward: 'relu', backward: 'reluBackward' },
} as const satisfies Record<WasmActivationKernel, { readonly forward: keyof DenseKernels; readonly backward: keyof DenseKernels }>;

export class WasmKernels {
  private readonly d: DenseKernels;
  /** Bytes per number: 4 or 8. */
  private readonly size: number;
  private readonly float64: boolean;

  /**
   * @param scratch at least max(k × n) over the layers, of the run's dtype: W transposed
   *   for the forward product, or the transposed weight gradients
   */
  constructor(private readonly k: KernelExports, private readonly scratch: FloatArray) {
    this.float64 = scratch instanceof Float64Array;
    this.d = this.float64 ? float64Kernels(k) : k;
    this.size = scratch.BYTES_PER_ELEMENT;
  }

  /** Byte offset of a view; refuses arrays outside this memory or of the other dtype rather than write somewhere else. */
  private at(a: FloatArray): number {
    if (a.buffer !== this.k.memory.buffer || a.BYTES_PER_ELEMENT !== this.size) {
      throw new Error(`wasm kernels need ${this.float64 ? 'Float64Array' : 'Float32Array'} views of their own memory`);
    }
    return a.byteOffset;
  }

  /** z (rows × n) = x (rows × k) W^T (W: n × k) + b. */
  denseForward(x: FloatArray, w: FloatArray, b: FloatArray, z: FloatArray, rows: number, k: number, n: number): void {
    const wt = this.at(this.scratch);
    this.d.transpose(this.at(w), wt, n, k);
    this.d.matmul(this.at(x), wt, this.at(b), this.at(z), rows, k, n, 1);
  }

  /**
   * dW[j, p] += sum_i dz[i, j] x[i, p] and db[j] += sum_i dz[i, j], at `offset` in grads.
   * The product vectorises over its columns: over p (dz^T x, straight into dW), or
   * over j (x^T dz into scratch, then added transposed) when that is cheaper, as for
   * a first layer with 2 inputs.
   */
  weightGradients(x: FloatArray, dz: FloatArray, grads: FloatArray, offset: number, rows: number, k: number, n: number): void {
    const dw = this.at(grads) + offset * this.size;
    this.d.colsum(this.at(dz), dw + k * n * this.size, rows, n);
    if (this.float64 ? passCost64(n, k) <= passCost64(k, n) : (k % 4) * n <= (n % 4) * k) {
      this.d.atb(this.at(dz), this.at(x), dw, rows, n, k);
      return;
    }
    const t = this.at(this.scratch);
    this.k.zero(t, (k * n * this.size) / 4);
    this.d.atb(this.at(x), this.at(dz), t, rows, k, n);
    this.d.addTransposed(dw, t, n, k);
  }

  /** gx (rows × k) = dz (rows × n) W (n × k). */
  inputGradients(dz: FloatArray, w: FloatArray, gx: FloatArray, rows: number, k: number, n: number): void {
    this.d.matmul(this.at(dz), this.at(w), 0, this.at(gx), rows, n, k, 0);
  }

  /** a = f(z) for the activation `kernel`. */
  activation(kernel: WasmActivationKernel, z: FloatArray, a: FloatArray): void {
    this.d[ACTIVATION_EXPORTS[kernel].forward](this.at(z), this.at(a), z.length);
  }

  /** dz = f'(z) * g for the activation `kernel`. */
  activationBackward(kernel: WasmActivationKernel, z: FloatArray, g: FloatArray, dz: FloatArray): void {
    this.d[ACTIVATION_EXPORTS[kernel].backward](this.at(z), this.at(g), this.at(dz), z.length);
  }
}

/**
 * About what one row of atb64 costs over `m` columns of a times `cols` of b: an
 * 8-column block keeps four f64x2 sums going (about 4 cycles a row), a 2-column
 * block or a lone column is one chain of dependent adds (about 4 cycles each).
 */
function passCost64(m: number, cols: number): number {
  return m * (4 * Math.floor(cols / 8) + 4 * (Math.floor((cols % 8) / 2) + (cols % 2)));
}
