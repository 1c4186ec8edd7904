/**
 * A notebook's session in a worker thread, as the notebook controller drives it: cells run
 * there, training streams its progress back, and an interrupt through shared memory stops
 * the cell. The worker compiles our sources itself (helpers/kernel-worker-entry.cjs).
 */
import { strict as assert } from 'assert';
import { join } from 'path';
import { WorkerSession } from '../../../../src/services/kernel/kernel-worker';
import type { DisplayValue, ErrorDisplay, TrainingDisplay } from '../../../../src/shared/output';

const ENTRY = join(__dirname, '../../helpers/kernel-worker-entry.cjs');

describe('services/kernel: the session in a worker thread', function () {
  // starting a worker compiles the language in it: about half a second, more on a busy machine
  this.timeout(60_000);
  let kernel: WorkerSession;
  beforeEach(() => {
    kernel = new WorkerSession(ENTRY);
  });
  afterEach(() => kernel.dispose());

  it('runs cells in one session', async () => {
    assert.deepEqual(await kernel.run('a = 2'), { kind: 'none' });
    assert.deepEqual(await kernel.run('a * 21'), { kind: 'number', value: 42 });
  });

  it('a worker started with a memory budget (activationLab.kernel.memoryBudgetMiB) refuses past it, and runs the next cell', async () => {
    const small = new WorkerSession(ENTRY, 16);
    try {
      assert.deepEqual(await small.run('a = zeros(1048576)\nb = zeros(1048576)'), { kind: 'none' }); // 16 MiB: at the budget
      const refused = await small.run('c = zeros(10)');
      assert.equal(refused.kind, 'error');
      assert.match((refused as ErrorDisplay).message, /past the budget of 16 MiB/);
      assert.deepEqual(await small.run('len(a)'), { kind: 'number', value: 1048576 });
    } finally {
      small.dispose();
    }
  });

  it('interrupting a streaming training run keeps what it showed: the run, marked interrupted, above the error', async () => {
    const progress: TrainingDisplay[] = [];
    const display = await kernel.run('fit = train(mlp([2, 8, 1]), dataset("xor", n=200), epochs=1000000)\nfit', (interim) => {
      progress.push(interim as TrainingDisplay);
      // after two progress displays (about 400 ms of training): what a user pressing Interrupt sees
      if (progress.length === 2) kernel.interrupt();
    });
    assert.ok(progress.length >= 2 && progress.every((d) => d.kind === 'training' && d.status === 'running'), `${progress.length} progress displays`);
    assert.equal(display.kind, 'error', JSON.stringify(display).slice(0, 200));
    const error = display as ErrorDisplay;
    const kept = error.kept!;
    assert.equal(kept.kind, 'training');
    assert.equal(kept.status, 'interrupted');
    assert.ok(kept.epochs >= progress[1].epochs && kept.epochs < 1_000_000, `${kept.epochs} epochs kept, ${progress[1].epochs} when interrupted`);
    assert.equal(kept.history.length, kept.epochs);
    assert.ok(kept.boundary, 'with its decision boundary');
    assert.equal(error.message, `interrupted: train stopped after ${kept.epochs.toLocaleString('en-US')} of 1,000,000 epochs; fit holds what was trained`);
    // the session lives on, and fit is the run that was shown
    assert.deepEqual(await kernel.run('fit.epochs'), { kind: 'number', value: kept.epochs });
  });

  it('a cell that is not training says which line it was running', async () => {
    // pow of a large tensor, again and again: long enough to be interrupted, checked every 65,536 elements
    await kernel.run('x = linspace(0, 1, 2000000)\nf(t) = t ^ 1.5 + sin(t)');
    const pending = kernel.run('y = 1\nz = f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(f(x))))))))))))))))))))');
    await new Promise((r) => setTimeout(r, 150));
    kernel.interrupt();
    const display: DisplayValue = await pending;
    assert.deepEqual(display, { kind: 'error', message: 'interrupted while computing z on line 2, so z was not assigned', line: 0, column: 0 });
    assert.deepEqual(await kernel.run('y'), { kind: 'number', value: 1 }, 'the lines before it ran');
  });
});
