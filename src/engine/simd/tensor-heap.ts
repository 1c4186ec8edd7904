/**
 * The tensor heap: one WebAssembly memory per thread in which large tensors
 * live, so the wasm kernels read and write them where they are, with no staging
 * copies (issue 16 point 3 measured both designs side by side: bench/run.ts's
 * "ours-wasm" column on heap tensors, "streamed" on JavaScript arrays through
 * staging buffers; resident was the faster, so it is kept).
 *
 * Why it is shaped this way:
 * - It is reserved at its full size once and never grows: growing a non-shared
 *   memory detaches its ArrayBuffer, and every tensor's view with it. The
 *   reservation is address space only; the system gives a page when it is
 *   first written, so an unused heap costs nothing.
 * - From byte 0, the kernels' tables and v128 constants: one TableLayout for
 *   every module of the thread (each module imports this memory), written here
 *   as modules are built. Then blocks, handed out first fit from a free list
 *   kept in address order (few blocks live: only tensors of HEAP_FROM_BYTES and
 *   more come here), neighbours merged when freed.
 * - A tensor's block is freed when its view is collected (FinalizationRegistry).
 *   Cleanups run as tasks of their own, never in the middle of a synchronous
 *   computation, so a block outlives the statement that made it. A subarray
 *   does not keep its block: whoever keeps a subarray keeps its parent too.
 *   Its owner can free it sooner (`release`), when it knows nothing else reads
 *   the view: a notebook variable reassigned (language/runtime/sole-storage.ts).
 *   The next tensor then takes that block, whose pages are already the
 *   process's, instead of fresh ones (a page first written costs a fault).
 * - Pages once written stay with the process (a wasm memory cannot give pages
 *   back). The reservation bounds that; when the heap is full, tensors are
 *   ordinary JavaScript arrays, which the wasm kernels stream through staging
 *   buffers (elementwise-runner.ts); where it cannot be reserved at all, the
 *   JavaScript loops run. The same bits every way.
 */
import { TableLayout } from './table-layout';

/** Tensors of fewer bytes stay JavaScript arrays: their kernels run in one staging chunk anyway. */
export const HEAP_FROM_BYTES = 65536;
/**
 * Address space reserved, tried in order (the first the runtime grants): 256 MiB, else 64 MiB.
 * This bounds the pages the heap can keep, which a wasm memory never gives back: blocks are
 * freed only after a full collection, so cells that make large tensors fill it with dead ones
 * between collections (80 cells of `y = relu(x)`, x 4M doubles, under tsx: 7.8 ms a cell and a
 * peak of 390 MiB, against 28.7 ms and 261 MiB with fresh JavaScript arrays; 456 MiB with a
 * 512 MiB reservation), and within one synchronous run nothing is freed at all; past the
 * reservation tensors are JavaScript arrays.
 */
const RESERVATIONS_BYTES = [1 << 28, 1 << 26];
/** Bytes at the bottom for the tables and constants of every module (all of them take ~40 KiB). */
export const TABLE_BYTES = 1 << 20;
const PAGE_BYTES = 65536;
/** Blocks start 64-byte aligned (a cache line; v128 loads want 16). */
const ALIGN = 64;

interface Block {
  start: number;
  size: number;
}

interface MemoryApi {
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
}

export class TensorHeap {
  /** The kernels' tables and constants, for every module built against this heap. */
  readonly layout = new TableLayout();
  private tablesWritten = 0;
  /** Free blocks in address order. */
  private readonly free: Block[];
  /** Bytes from here up were never handed out: their pages are still zero. */
  private cleanFrom = TABLE_BYTES;
  private liveBytes = 0;
  private readonly registry = new FinalizationRegistry<Block>((block) => this.release(block));
  /** The block of each view `array` handed out and nobody has released yet. */
  private readonly blocks = new WeakMap<object, Block>();

  private constructor(readonly memory: { readonly buffer: ArrayBuffer }) {
    this.free = [{ start: TABLE_BYTES, size: memory.buffer.byteLength - TABLE_BYTES }];
  }

  /** A heap reserved at the first size the runtime grants, or undefined (no WebAssembly, no address space). */
  static reserve(): TensorHeap | undefined {
    const api = (globalThis as { WebAssembly?: MemoryApi }).WebAssembly;
    if (!api || typeof FinalizationRegistry === 'undefined') return undefined;
    for (const bytes of RESERVATIONS_BYTES) {
      try {
        return new TensorHeap(new api.Memory({ initial: bytes / PAGE_BYTES }));
      } catch {
        // out of address space, or over the runtime's limit: try the smaller reservation
      }
    }
    return undefined;
  }

  /**
   * A heap over `memory` (at least TABLE_BYTES; any object with a fixed `buffer`), for tests: one
   * over a few blocks shows what the allocator does (blocks reused, neighbours merged, a full heap)
   * where the thread's heap, 256 MiB and shared with every module's buffers, would not. Production
   * code takes the thread's heap (`tensorHeap`).
   */
  static over(memory: { readonly buffer: ArrayBuffer }): TensorHeap {
    return new TensorHeap(memory);
  }

  /** Whether `a` is a view of this heap (a kernel can then run on it where it is). */
  holds(a: ArrayBufferView): boolean {
    return a.buffer === this.memory.buffer;
  }

  /** Bytes in live blocks (tensors not yet collected, and modules' buffers). */
  get used(): number {
    return this.liveBytes;
  }

  /**
   * Writes the tables placed since the last call into memory. False when they pass the
   * table area (a module needing them must not run; none comes near).
   */
  commitTables(): boolean {
    if (this.layout.end > TABLE_BYTES) return false;
    const bytes = new Uint8Array(this.memory.buffer);
    const segments = this.layout.segments();
    for (; this.tablesWritten < segments.length; this.tablesWritten++) {
      const { offset, bytes: table } = segments[this.tablesWritten]!;
      bytes.set(table, offset);
    }
    return true;
  }

  /**
   * A Float32Array or Float64Array of `length` in the heap, freed when collected, zeroed unless
   * `zeroed` is false (the caller writes every element); undefined when the heap has no room
   * (the caller makes a JavaScript array).
   */
  array(dtype: 'float32' | 'float64', length: number, zeroed = true): Float32Array | Float64Array | undefined {
    const size = dtype === 'float32' ? 4 : 8;
    const block = this.take(length * size);
    if (!block) return undefined;
    const view = size === 4 ? new Float32Array(this.memory.buffer, block.start, length) : new Float64Array(this.memory.buffer, block.start, length);
    if (block.dirty && zeroed) view.fill(0);
    const own = { start: block.start, size: block.size };
    this.registry.register(view, own, view);
    this.blocks.set(view, own);
    ballast.set(view, spareBallast.take(block.size) ?? untouched(block.size));
    return view;
  }

  /**
   * Frees the block of `view` (an array `array` handed out) now, not when it is collected: the
   * caller guarantees nothing reads or writes it again. False for any other view (a subarray, a
   * JavaScript array, one released already), which is left as it is.
   */
  releaseArray(view: ArrayBufferView): boolean {
    const block = this.blocks.get(view);
    if (!block) return false;
    this.blocks.delete(view);
    this.registry.unregister(view);
    const held = ballast.get(view);
    if (held) spareBallast.keep(block.size, held);
    ballast.delete(view);
    this.release(block);
    return true;
  }

  /** `bytes` for a module's own buffers (staging, numbers), kept until `give back`. */
  buffer(bytes: number): number | undefined {
    return this.take(bytes)?.start;
  }

  /** Returns a module's buffer (`buffer`'s result, of the same `bytes`). */
  giveBack(start: number, bytes: number): void {
    this.release({ start, size: roundUp(bytes) });
  }

  private take(bytes: number): (Block & { dirty: boolean }) | undefined {
    const size = roundUp(Math.max(bytes, 1));
    const i = this.free.findIndex((b) => b.size >= size);
    if (i < 0) return undefined;
    const block = this.free[i]!;
    const start = block.start;
    if (block.size === size) this.free.splice(i, 1);
    else { block.start += size; block.size -= size; }
    const dirty = start < this.cleanFrom;
    this.cleanFrom = Math.max(this.cleanFrom, start + size);
    this.liveBytes += size;
    return { start, size, dirty };
  }

  private release(block: Block): void {
    this.liveBytes -= block.size;
    let i = 0;
    while (i < this.free.length && this.free[i]!.start < block.start) i++;
    const freed = { start: block.start, size: block.size };
    this.free.splice(i, 0, freed);
    const next = this.free[i + 1];
    if (next && freed.start + freed.size === next.start) {
      freed.size += next.size;
      this.free.splice(i + 1, 1);
    }
    const previous = this.free[i - 1];
    if (previous && previous.start + previous.size === freed.start) {
      previous.size += freed.size;
      this.free.splice(i, 1);
    }
  }
}

/**
 * An allocation of each block's size, never written, kept as long as the block's view: the
 * collector counts ArrayBuffers as memory held and collects sooner as they add up, which it
 * cannot know of a view into wasm memory (a small object). Without it, cells of
 * `y = relu(x)` over 4M doubles filled the whole heap with dead blocks before a collection.
 */
const ballast = new WeakMap<object, object>();

/**
 * Node's Buffer.allocUnsafeSlow: not zeroed, so no page of it is written (0.1 ms for 8 MiB, and
 * no memory). A zeroed ArrayBuffer, the only kind elsewhere, was memset by the allocator once it
 * served such sizes from its own pages: 1.4 ms and 8 MiB of real memory each in Node.
 */
const nodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(bytes: number): object } }).Buffer;
const untouched = (bytes: number): object => (nodeBuffer ? nodeBuffer.allocUnsafeSlow(bytes) : new ArrayBuffer(bytes));

/**
 * Ballast of blocks released by their owner, for the next array of the same size: a cell
 * rerun (`y = x * sigmoid(1.702 * x)`, which gives back y's old block and takes one of the
 * same size) then allocates no ArrayBuffer, so the collector sees no external memory grow and
 * runs no scavenge for it (one every third rerun of that cell over 1M doubles, 0.2-0.5 ms
 * each, and 0.1 ms for the allocation). At most SPARE_BALLAST_BYTES kept: address space only,
 * never written.
 */
const SPARE_BALLAST_BYTES = 1 << 26;

class SpareBallast {
  private readonly bySize = new Map<number, object[]>();
  private bytes = 0;

  take(size: number): object | undefined {
    const spares = this.bySize.get(size);
    const spare = spares?.pop();
    if (spare) this.bytes -= size;
    if (spares?.length === 0) this.bySize.delete(size);
    return spare;
  }

  keep(size: number, held: object): void {
    if (this.bytes + size > SPARE_BALLAST_BYTES) return;
    const spares = this.bySize.get(size) ?? [];
    spares.push(held);
    this.bySize.set(size, spares);
    this.bytes += size;
  }
}

const spareBallast = new SpareBallast();

function roundUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

let heap: TensorHeap | null | undefined;
let tensorsInHeap = true;

/** The thread's heap, reserved at first use; undefined where it cannot be. */
export function tensorHeap(): TensorHeap | undefined {
  if (heap === undefined) heap = TensorHeap.reserve() ?? null;
  return heap ?? undefined;
}

/** Whether new tensors go into the heap (true) or stay JavaScript arrays; for tests and the bench's streamed column. */
export function useTensorHeap(on: boolean): void {
  tensorsInHeap = on;
}

/**
 * Gives `a`'s storage back to the heap at once, when `a` is a whole heap array; the caller
 * guarantees nothing reads or writes `a` again. False (nothing done) for any other array.
 */
export function releaseHeapArray(a: ArrayBufferView): boolean {
  return heap ? heap.releaseArray(a) : false;
}

/** Storage for a new tensor of `length`: in the heap when it is large and there is room, else undefined. */
export function heapArray(dtype: 'float32' | 'float64', length: number, zeroed = true): Float32Array | Float64Array | undefined {
  if (!tensorsInHeap || length * (dtype === 'float32' ? 4 : 8) < HEAP_FROM_BYTES) return undefined;
  return tensorHeap()?.array(dtype, length, zeroed);
}
