/**
 * Compact snapshots of a network's weights over a training run, so that its display can
 * be replayed epoch by epoch (the notebook's epoch scrubber redraws the units from them).
 *
 * While the run goes, every `stride`-th epoch is kept, from epoch 0 (the untrained weights);
 * when twice SNAPSHOT_TARGET are kept, every other one goes and the stride doubles, so the
 * kept epochs are always evenly spaced over the epochs trained so far, however many were
 * planned and wherever an interrupt stops the run. `finish` adds the last epoch and picks
 * SNAPSHOT_TARGET of them, as evenly as they fall (fewer for a run of fewer epochs). No run
 * gives more numbers than SNAPSHOT_BUDGET: a large network keeps fewer (at least the start
 * and the end), one whose two snapshots alone would pass it keeps none.
 */
import type { FloatArray } from '../activations/definition';

/** How many snapshots a run keeps when its network is small enough. */
export const SNAPSHOT_TARGET = 50;
/** The most numbers (weights, biases, slopes) the snapshots of one finished run hold together. */
export const SNAPSHOT_BUDGET = 25_000;

export class WeightSnapshots {
  /** The epoch of each snapshot (0 = before training). */
  epochs: number[] = [];
  weights: Float64Array[] = [];
  /** How many a finished run keeps; 0 when it keeps none. */
  private readonly count: number;
  private stride = 1;

  constructor(readonly parameterCount: number) {
    const count = Math.min(SNAPSHOT_TARGET, Math.floor(SNAPSHOT_BUDGET / Math.max(1, parameterCount)));
    this.count = count < 2 ? 0 : count;
  }

  /** Keeps the parameters after `epoch` epochs (0 first, then each epoch in turn) when the stride says so. */
  offer(epoch: number, parameters: FloatArray): void {
    if (this.count === 0 || epoch % this.stride !== 0) return;
    this.keep(epoch, parameters);
    if (this.epochs.length <= 2 * this.count) return;
    const wider = 2 * this.stride;
    const kept = this.epochs.map((e, i) => i).filter((i) => this.epochs[i]! % wider === 0);
    this.epochs = kept.map((i) => this.epochs[i]!);
    this.weights = kept.map((i) => this.weights[i]!);
    this.stride = wider;
  }

  /** The run ended after `epoch` epochs (finished or interrupted): keeps them and picks the snapshots to show. */
  finish(epoch: number, parameters: FloatArray): void {
    if (this.count === 0) return;
    this.keep(epoch, parameters);
    const n = this.epochs.length;
    if (n <= this.count) return;
    const picked = Array.from({ length: this.count }, (_, k) => Math.round((k * (n - 1)) / (this.count - 1)));
    this.epochs = picked.map((i) => this.epochs[i]!);
    this.weights = picked.map((i) => this.weights[i]!);
  }

  private keep(epoch: number, parameters: FloatArray): void {
    if (this.epochs[this.epochs.length - 1] === epoch) return;
    this.epochs.push(epoch);
    this.weights.push(Float64Array.from(parameters));
  }
}
