import { strict as assert } from 'assert';
import { LatestProgress } from '../../../../src/services/kernel/latest-progress';

/** An output pipe whose updates finish only when the test says so. */
function slowPipe() {
  const shown: number[] = [];
  const finish: (() => void)[] = [];
  const show = (d: number) => new Promise<void>((resolve) => {
    shown.push(d);
    finish.push(resolve);
  });
  return { shown, finish, show };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('LatestProgress (streaming a running cell\'s output)', () => {
  it('shows the first display at once and, while it is in flight, keeps only the latest', async () => {
    const pipe = slowPipe();
    const p = new LatestProgress<number>(pipe.show);
    p.push(1);
    await tick();
    p.push(2);
    p.push(3);
    p.push(4);
    await tick();
    assert.deepEqual(pipe.shown, [1], 'one update at a time');
    pipe.finish.shift()!();
    await tick();
    assert.deepEqual(pipe.shown, [1, 4], 'then the latest, skipping 2 and 3');
    pipe.finish.shift()!();
    await tick();
    assert.deepEqual(pipe.shown, [1, 4]);
  });

  it('settle() drops what waits and resolves after the update in flight', async () => {
    const pipe = slowPipe();
    const p = new LatestProgress<number>(pipe.show);
    p.push(1);
    await tick();
    p.push(2);
    let settled = false;
    const done = p.settle().then(() => (settled = true));
    await tick();
    assert.equal(settled, false, 'waits for the update in flight');
    pipe.finish.shift()!();
    await done;
    assert.deepEqual(pipe.shown, [1], 'the waiting display is never shown');
  });

  it('ignores a failing update and goes on', async () => {
    const shown: number[] = [];
    const p = new LatestProgress<number>((d) => {
      shown.push(d);
      return d === 1 ? Promise.reject(new Error('cell gone')) : Promise.resolve();
    });
    p.push(1);
    await tick();
    p.push(2);
    await p.settle();
    p.push(3);
    await p.settle();
    assert.deepEqual(shown, [1, 2, 3], 'updates go on after one failed');
  });
});
