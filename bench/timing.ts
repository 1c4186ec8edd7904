/**
 * Median-of-N wall-clock timing for one benchmark candidate.
 *
 * Why a median: on a shared 2-core machine single runs are disturbed by GC,
 * JIT tier-ups and other processes; the median ignores those outliers while
 * still reflecting steady-state cost (a minimum would hide real per-call work
 * such as the allocations tfjs makes on every op).
 *
 * Why adaptive run counts: the fast candidates (a few ms) get many runs for a
 * stable median, while slow ones (tfjs-cpu compositions and gradients take
 * hundreds of ms on 4M elements) get fewer so the whole bench stays within a
 * few minutes. The warm-up runs decide which count applies.
 */

export interface TimingOptions {
  /** Untimed runs first, so the JIT has optimised the code and buffers are faulted in (≥ 3). */
  readonly warmup: number;
  /** Timed runs for fast candidates. */
  readonly runs: number;
  /** Timed runs when even the fastest warm-up run took longer than slowThresholdMs. */
  readonly slowRuns: number;
  readonly slowThresholdMs: number;
}

export const defaultTiming: TimingOptions = { warmup: 3, runs: 15, slowRuns: 7, slowThresholdMs: 100 };

/**
 * For the secondary figures (our allocating API, tfjs including read-back): fewer
 * runs, to keep the whole bench near 4 minutes; the tfjs-cpu gradients alone take
 * up to ~1.5 s per run.
 */
export const secondaryTiming: TimingOptions = { warmup: 3, runs: 7, slowRuns: 5, slowThresholdMs: 100 };

export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
  readonly samplesMs: readonly number[];
}

function elapsedMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  const end = process.hrtime.bigint();
  return Number(end - start) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs fn `warmup` times untimed, then `runs` (or `slowRuns`) times timed. */
export function measure(fn: () => void, options: TimingOptions = defaultTiming): Timing {
  // Judge slowness by the fastest warm-up run: the first ones include compilation and page faults.
  let fastest = Infinity;
  for (let i = 0; i < Math.max(3, options.warmup); i++) fastest = Math.min(fastest, elapsedMs(fn));
  const runs = fastest > options.slowThresholdMs ? options.slowRuns : options.runs;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(elapsedMs(fn));
  return timingOf(samples);
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * As `measure`, each run a task of its own, as a notebook runs each cell: between runs the
 * collector's cleanups give back the tensor heap's blocks of the results that died (within one
 * synchronous loop they cannot, and results would fill the heap; src/engine/simd/tensor-heap.ts).
 */
export async function measureTasks(fn: () => void, options: TimingOptions = defaultTiming): Promise<Timing> {
  let fastest = Infinity;
  for (let i = 0; i < Math.max(3, options.warmup); i++) {
    fastest = Math.min(fastest, elapsedMs(fn));
    await nextTask();
  }
  const runs = fastest > options.slowThresholdMs ? options.slowRuns : options.runs;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(elapsedMs(fn));
    await nextTask();
  }
  return timingOf(samples);
}

function timingOf(samples: readonly number[]): Timing {
  const runs = samples.length;
  return {
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    runs,
    samplesMs: samples,
  };
}
