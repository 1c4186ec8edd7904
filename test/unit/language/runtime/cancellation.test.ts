import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';
import { ERROR_MIME, VALUE_MIME, type DisplayValue, type ErrorDisplay, type TrainingDisplay } from '../../../../src/shared/output';
import { cellOutputItems } from '../../../../src/shared/output-items';

/** A token that reports cancellation from its n-th read on. */
function tokenAfter(n: number) {
  let reads = 0;
  return {
    get isCancellationRequested() {
      return ++reads >= n;
    },
    get reads() {
      return reads;
    },
  };
}

describe('language/runtime: cancellation', () => {
  it('interrupts one long operation in the middle, and keeps the session usable', () => {
    const session = new Session();
    session.run('x = zeros(4000000)');
    const token = tokenAfter(6);
    const result = session.run('y = gelu(x) + 1', token);
    assert.deepEqual(result.display, { kind: 'error', message: 'interrupted while computing y on line 1, so y was not assigned', line: 0, column: 0 });
    assert.ok(token.reads < 20, `interrupted after ${token.reads} checks, within the first operation`);
    assert.equal(session.run('y').display.kind, 'error', 'y was never assigned');
    const after = session.run('len(x)');
    assert.deepEqual(after.display, { kind: 'number', value: 4000000 });
  });

  it('interrupts runaway user-function calls between calls', () => {
    const session = new Session();
    session.run('f(x) = x + 1\ng(x) = f(f(f(f(x))))');
    const token = tokenAfter(10);
    const result = session.run('a = 1\n\ng(g(g(g(a))))', token);
    assert.equal(asError(result.display).message, 'interrupted while running line 3');
  });

  it('runs to the end when the token never fires', () => {
    const session = new Session();
    const result = session.run('sum(relu(linspace(-1, 1, 300001)))', { isCancellationRequested: false });
    assert.equal(result.display.kind, 'number');
  });

  it('says an assigned name keeps its earlier value when its new one was interrupted', () => {
    const session = new Session();
    session.run('x = zeros(4000000)\ny = 5');
    const result = session.run('y = gelu(x)', tokenAfter(6));
    assert.equal(asError(result.display).message, 'interrupted while computing y on line 1; y keeps its earlier value');
    assert.deepEqual(session.run('y').display, { kind: 'number', value: 5 });
  });

  describe('an interrupted training run', () => {
    // train asks the token before every batch: 80 training points in batches of 10 are 8 reads an
    // epoch, so a token that turns on its 60th read stops the run a few epochs in, the same every time
    const TRAIN = 'train(mlp([2, 4, 1]), dataset("xor", n=100), epochs=1000000, batch=10)';

    it('is shown, marked interrupted with the epochs it finished, above an error that says how far it got', () => {
      const session = new Session();
      const result = session.run(`fit = ${TRAIN}\nfit`, tokenAfter(60));
      const error = asError(result.display);
      const kept = error.kept as TrainingDisplay;
      assert.equal(kept.kind, 'training');
      assert.equal(kept.status, 'interrupted');
      assert.equal(kept.plannedEpochs, 1_000_000);
      assert.ok(kept.epochs > 0 && kept.epochs < 10, `${kept.epochs} epochs`);
      assert.equal(kept.history.length, kept.epochs, 'its charts: one history row per epoch finished');
      assert.ok(kept.boundary, 'and its decision boundary');
      assert.equal(error.message, `interrupted: train stopped after ${kept.epochs} of 1,000,000 epochs; fit holds what was trained`);
      assert.equal(error.line, 0, 'no place in the cell: nothing to underline');
      assert.deepEqual(session.run('fit.epochs').display, { kind: 'number', value: kept.epochs }, 'fit holds the run shown');
    });

    it('ending the cell, is still an interrupted cell, and says how to keep what it trained', () => {
      const result = new Session().run(TRAIN, tokenAfter(60));
      const error = asError(result.display);
      assert.equal(error.kept?.status, 'interrupted');
      assert.match(error.message, /^interrupted: train stopped after \d+ of 1,000,000 epochs; assign it, as in fit = train\(\.\.\.\), to keep what was trained$/);
      assert.equal(result.value.kind, 'training', 'the value is still the run');
    });

    it('becomes two outputs: the training display, then the error as a sentence', () => {
      const display = new Session().run(`fit = ${TRAIN}`, tokenAfter(60)).display;
      const [training, error, ...more] = cellOutputItems(display);
      assert.equal(more.length, 0);
      assert.deepEqual(training.map((i) => i.mime), [VALUE_MIME, 'text/plain']);
      assert.equal((training[0].data as TrainingDisplay).status, 'interrupted');
      assert.match(training[1].data as string, /^training run \(interrupted\): \d+ of 1,000,000 epochs/);
      assert.deepEqual(error.map((i) => i.mime), [ERROR_MIME, VALUE_MIME]);
      const heading = error[0].data as { name: string; message: string };
      assert.equal(heading.name, '', 'VS Code shows the message alone');
      assert.match(heading.message, /^Interrupted: train stopped after \d+ of 1,000,000 epochs; fit holds what was trained$/);
      assert.equal((error[1].data as ErrorDisplay).kept, undefined, 'the run is not stored twice');
    });

    it('does not outlive its cell: the next cell runs and ends normally', () => {
      const session = new Session();
      session.run(`fit = ${TRAIN}`, tokenAfter(60));
      assert.deepEqual(session.run('1 + 1').display, { kind: 'number', value: 2 });
    });
  });
});

function asError(d: DisplayValue): ErrorDisplay {
  assert.equal(d.kind, 'error', `expected an error, got ${JSON.stringify(d).slice(0, 300)}`);
  return d as ErrorDisplay;
}
