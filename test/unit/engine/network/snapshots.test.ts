/** Weight snapshots of a training run: how many, which epochs, bounded in size. */
import { strict as assert } from 'assert';
import { SNAPSHOT_BUDGET, SNAPSHOT_TARGET, WeightSnapshots } from '../../../../src/engine';

/** A run of `epochs` epochs over `count` parameters whose value is the epoch, optionally stopped after `stop`. */
function run(count: number, epochs: number, stop = epochs): WeightSnapshots {
  const s = new WeightSnapshots(count, epochs);
  const p = new Float64Array(count);
  s.offer(0, p);
  for (let e = 1; e <= stop; e++) {
    p.fill(e);
    s.offer(e, p);
  }
  s.finish(stop, p);
  return s;
}

describe('engine: weight snapshots', () => {
  it('keeps SNAPSHOT_TARGET evenly spaced epochs, epoch 0 first and the last epoch last, copies of the weights', () => {
    for (const epochs of [49, 100, 137, 1000, 100_000]) {
      const s = run(337, epochs);
      assert.equal(s.epochs.length, SNAPSHOT_TARGET, `${epochs} epochs`);
      assert.equal(s.epochs[0], 0);
      assert.equal(s.epochs[s.epochs.length - 1], epochs);
      const gaps = s.epochs.slice(1).map((e, i) => e - s.epochs[i]!);
      assert.ok(Math.max(...gaps) - Math.min(...gaps) <= 1, `even spacing: gaps ${Math.min(...gaps)}..${Math.max(...gaps)}`);
      s.weights.forEach((w, i) => assert.ok(w.every((v) => v === s.epochs[i]), 'each snapshot holds its own epoch\'s weights'));
    }
  });

  it('a short run keeps every epoch', () => {
    assert.deepEqual(run(10, 6).epochs, [0, 1, 2, 3, 4, 5, 6]);
  });

  it('an interrupted run ends with its last epoch, never more than the target', () => {
    const s = run(100, 1000, 333);
    assert.equal(s.epochs[s.epochs.length - 1], 333);
    assert.ok(s.epochs.length <= SNAPSHOT_TARGET);
    assert.ok(s.epochs.every((e, i) => i === 0 || e > s.epochs[i - 1]!), 'epochs increase');
  });

  it('never holds more than SNAPSHOT_BUDGET numbers: a large network keeps fewer, a huge one none', () => {
    for (const count of [337, 1153, 4417, 12_000, SNAPSHOT_BUDGET]) {
      const s = run(count, 500);
      const numbers = s.weights.reduce((n, w) => n + w.length, 0);
      assert.ok(numbers <= SNAPSHOT_BUDGET, `${count} parameters: ${numbers} numbers kept`);
      if (2 * count <= SNAPSHOT_BUDGET) assert.ok(s.epochs.length >= 2, `${count} parameters keep the start and the end`);
      else assert.equal(s.epochs.length, 0);
    }
  });
});
