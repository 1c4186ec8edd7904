/**
 * The wasm memory a training run works in. The thread's kernels instance
 * (module.ts) is lent to one run at a time: the run says up front how many
 * numbers of its dtype it needs, the memory grows once (growing detaches every
 * view, so never while a run holds views), then the run takes its buffers as
 * Float32Array or Float64Array views and gives the memory back when it ends.
 *
 * A run that starts while another holds the memory (one started from an
 * onEpoch callback) gets none and uses the JavaScript kernels.
 */
import { dropKernelInstance, kernelInstance, type KernelExports } from './module';

const PAGE_BYTES = 65536;
/** Wasm memory never shrinks: after a run that needed more than this, the instance is dropped for the collector. */
const KEEP_BYTES = 64 * 1024 * 1024;

let lent = false;

export type ArenaDType = 'float32' | 'float64';
type View<D extends ArenaDType> = D extends 'float64' ? Float64Array : Float32Array;

const BYTES: Readonly<Record<ArenaDType, number>> = { float32: 4, float64: 8 };

export class Arena<D extends ArenaDType = 'float32'> {
  private next = 0;
  private released = false;

  private constructor(readonly kernels: KernelExports, readonly dtype: D, private readonly end: number) {}

  /**
   * The memory with room for `count` numbers of `dtype` (counted with padded()), or
   * undefined when wasm is unavailable or lent out.
   */
  static acquire(count: number): Arena | undefined;
  static acquire<D extends ArenaDType>(count: number, dtype: D): Arena<D> | undefined;
  static acquire(count: number, dtype: ArenaDType = 'float32'): Arena<ArenaDType> | undefined {
    if (lent) return undefined;
    const shared = kernelInstance();
    if (!shared) return undefined;
    const bytes = count * BYTES[dtype];
    const have = shared.memory.buffer.byteLength;
    try {
      if (bytes > have) shared.memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    } catch {
      return undefined; // beyond the 4 GiB of a wasm32 memory, or out of address space
    }
    lent = true;
    return new Arena(shared, dtype, bytes);
  }

  /** Numbers one buffer of `length` takes: rounded up to 16 bytes, so every view starts 16-byte aligned. */
  static padded(length: number, dtype: ArenaDType = 'float32'): number {
    const per = 16 / BYTES[dtype];
    return Math.ceil(length / per) * per;
  }

  /** A zeroed view of `length` numbers (the memory holds the previous run's numbers). */
  alloc(length: number): View<D> {
    const bytes = Arena.padded(length, this.dtype) * BYTES[this.dtype];
    if (this.next + bytes > this.end) throw new Error(`wasm arena overflow: ${this.next + bytes} > ${this.end} bytes planned`);
    const buffer = this.kernels.memory.buffer;
    const view = (this.dtype === 'float64' ? new Float64Array(buffer, this.next, length) : new Float32Array(buffer, this.next, length)) as View<D>;
    view.fill(0);
    this.next += bytes;
    return view;
  }

  /** Gives the memory back; the views must not be used after this. */
  release(): void {
    if (this.released) return;
    this.released = true;
    lent = false;
    if (this.kernels.memory.buffer.byteLength > KEEP_BYTES) dropKernelInstance();
  }
}
