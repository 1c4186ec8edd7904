/**
 * Compact snapshots of a network's weights over a training run, so that its display can
 * be replayed epoch by epoch (the notebook's epoch scrubber redraws the units from them).
 *
 * SNAPSHOT_TARGET of them (fewer for a run of fewer epochs), evenly spaced over the planned
 * epochs, the untrained weights (epoch 0) first and the last epoch trained always last (an
 * interrupted run's replaces the last planned one when the count is reached); never more numbers
 * than SNAPSHOT_BUDGET in all: a large network keeps fewer snapshots (at least two, the
 * start and the end), and one whose two snapshots alone would pass the budget keeps none.
 */
import type { FloatArray } from '../activations/definition';

/** How many snapshots a run keeps when its network is small enough. */
export const SNAPSHOT_TARGET = 50;
/** The most numbers (weights, biases, slopes) all snapshots of one run hold together. */
export const SNAPSHOT_BUDGET = 25_000;

export class WeightSnapshots {
  /** The epoch of each snapshot (0 = before training). */
  readonly epochs: number[] = [];
  readonly weights: Float64Array[] = [];
  /** The evenly spaced epochs to keep: round(k · planned / (count - 1)) for k = 0 ... count - 1. */
  private readonly planned = new Set<number>();
  private readonly capacity: number;

  constructor(readonly parameterCount: number, plannedEpochs: number) {
    const count = Math.min(SNAPSHOT_TARGET, plannedEpochs + 1, Math.floor(SNAPSHOT_BUDGET / Math.max(1, parameterCount)));
    this.capacity = count < 2 ? 0 : count;
    for (let k = 0; k < this.capacity; k++) this.planned.add(Math.round((k * plannedEpochs) / (this.capacity - 1)));
  }

  /** Keeps the parameters after `epoch` epochs when that epoch is one of the evenly spaced ones. */
  offer(epoch: number, parameters: FloatArray): void {
    if (this.planned.has(epoch)) this.keep(epoch, parameters);
  }

  /** Keeps the parameters of the run's last epoch (an interrupted run's is not a planned one), unless already kept. */
  finish(epoch: number, parameters: FloatArray): void {
    if (this.capacity === 0 || this.epochs[this.epochs.length - 1] === epoch) return;
    if (this.epochs.length >= this.capacity) {
      this.epochs.pop();
      this.weights.pop();
    }
    this.keep(epoch, parameters);
  }

  private keep(epoch: number, parameters: FloatArray): void {
    if (this.epochs.length >= this.capacity || this.epochs[this.epochs.length - 1] === epoch) return;
    this.epochs.push(epoch);
    this.weights.push(Float64Array.from(parameters));
  }
}
