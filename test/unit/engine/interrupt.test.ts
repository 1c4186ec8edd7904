import { strict as assert } from 'assert';
import { applyResolved, binary, CHUNK, EngineError, fromNested, getActivation, defaultParameters, inChunks, map, zeros } from '../../../src/engine';

/** A stop callback that says yes from its n-th call on, counting the calls. */
function stopAfter(n: number) {
  const stop = () => ++stop.calls >= n;
  stop.calls = 0;
  return stop;
}

describe('engine/interrupt', () => {
  it('visits every index exactly once, in chunks, checking between them', () => {
    const seen = new Uint8Array(3 * CHUNK + 5);
    const stop = stopAfter(Infinity);
    inChunks(seen.length, stop, (s, e) => {
      for (let i = s; i < e; i++) seen[i]++;
    });
    assert.ok(seen.every((v) => v === 1));
    assert.equal(stop.calls, 4);
  });

  it('does not check at all for small inputs or without a callback', () => {
    const stop = stopAfter(1);
    let runs = 0;
    inChunks(CHUNK, stop, () => runs++);
    inChunks(10 * CHUNK, undefined, () => runs++);
    assert.equal(stop.calls, 0);
    assert.equal(runs, 2);
  });

  it('stops an activation, arithmetic and map mid-way with an "interrupted" EngineError', () => {
    const x = zeros('float64', [20 * CHUNK]);
    const relu = getActivation('relu');
    const interrupted = (e: unknown) => e instanceof EngineError && e.code === 'interrupted';
    const stop = stopAfter(3);
    assert.throws(() => applyResolved(relu, x, defaultParameters(relu), 'value', stop), interrupted);
    assert.equal(stop.calls, 3, 'it stopped at the first check that said yes');
    assert.throws(() => binary('add', x, 1, stopAfter(2)), interrupted);
    assert.throws(() => map(x, Math.exp, stopAfter(2)), interrupted);
  });

  it('gives the same result chunked as in one pass, float32 included', () => {
    const n = 3 * CHUNK + 17;
    const values = Array.from({ length: n }, (_, i) => Math.sin(i) * 8);
    for (const dtype of ['float32', 'float64'] as const) {
      const x = fromNested(values, dtype);
      const gelu = getActivation('gelu');
      const p = defaultParameters(gelu);
      const whole = applyResolved(gelu, x, p, 'derivative');
      const chunked = applyResolved(gelu, x, p, 'derivative', () => false);
      assert.deepEqual(Array.from(chunked.data), Array.from(whole.data));
    }
  });
});
