/**
 * The wasm memory a float32 training run works in. The thread's kernels
 * instance (module.ts) is lent to one run at a time: the run says up front how many floats it
 * needs, the memory grows once (growing detaches every view, so never while a
 * run holds views), then the run takes its buffers as Float32Array views and
 * gives the memory back when it ends.
 *
 * A run that starts while another holds the memory (one started from an
 * onEpoch callback) gets none and uses the JavaScript kernels.
 */
import { dropKernelInstance, kernelInstance, type KernelExports } from './module';

const PAGE_BYTES = 65536;
/** Wasm memory never shrinks: after a run that needed more than this, the instance is dropped for the collector. */
const KEEP_BYTES = 64 * 1024 * 1024;

let lent = false;

export class Arena {
  private next = 0;
  private released = false;

  private constructor(readonly kernels: KernelExports, private readonly end: number) {}

  /** The memory with room for `floats` (counted with padded()), or undefined when wasm is unavailable or lent out. */
  static acquire(floats: number): Arena | undefined {
    if (lent) return undefined;
    const shared = kernelInstance();
    if (!shared) return undefined;
    const bytes = floats * 4;
    const have = shared.memory.buffer.byteLength;
    try {
      if (bytes > have) shared.memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    } catch {
      return undefined; // beyond the 4 GiB of a wasm32 memory, or out of address space
    }
    lent = true;
    return new Arena(shared, bytes);
  }

  /** Floats one buffer of `length` takes: rounded up to 4, so every view starts 16-byte aligned. */
  static padded(length: number): number {
    return (length + 3) & ~3;
  }

  /** A zeroed view of `length` floats (the memory holds the previous run's numbers). */
  alloc(length: number): Float32Array {
    const bytes = Arena.padded(length) * 4;
    if (this.next + bytes > this.end) throw new Error(`wasm arena overflow: ${this.next + bytes} > ${this.end} bytes planned`);
    const view = new Float32Array(this.kernels.memory.buffer, this.next, length);
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
