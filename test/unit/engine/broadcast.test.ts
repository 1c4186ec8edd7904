import { strict as assert } from 'assert';
import { broadcastShapes, EngineError } from '../../../src/engine';

function engineError(code: string, pattern: RegExp = /./) {
  return (e: unknown) => e instanceof EngineError && e.code === code && pattern.test(e.message);
}

describe('engine/broadcast', () => {
  it('lets a scalar meet any shape', () => {
    assert.deepEqual(broadcastShapes([], []), []);
    assert.deepEqual(broadcastShapes([], [4]), [4]);
    assert.deepEqual(broadcastShapes([2, 3], []), [2, 3]);
  });

  it('aligns a vector with the last axis of a matrix', () => {
    assert.deepEqual(broadcastShapes([3], [2, 3]), [2, 3]);
    assert.deepEqual(broadcastShapes([2, 3], [3]), [2, 3]);
    assert.deepEqual(broadcastShapes([1], [2, 3]), [2, 3]);
    assert.deepEqual(broadcastShapes([3], [1, 1]), [1, 3]);
  });

  it('stretches size-1 axes: column with matrix, column with row', () => {
    assert.deepEqual(broadcastShapes([2, 1], [2, 3]), [2, 3]);
    assert.deepEqual(broadcastShapes([2, 1], [1, 3]), [2, 3]);
    assert.deepEqual(broadcastShapes([1, 3], [2, 1]), [2, 3]);
    assert.deepEqual(broadcastShapes([1], [5]), [5]);
    assert.deepEqual(broadcastShapes([0], [1]), [0]);
  });

  it('refuses incompatible shapes with a shape-mismatch naming both', () => {
    assert.throws(() => broadcastShapes([2, 3], [3, 2]), engineError('shape-mismatch', /shapes \[2, 3\] and \[3, 2\] do not match/));
    assert.throws(() => broadcastShapes([3], [4]), engineError('shape-mismatch', /\[3\] and \[4\]/));
  });

  it('suggests a column reshape when a vector matches the rows of a matrix', () => {
    assert.throws(() => broadcastShapes([2], [2, 3]), engineError('shape-mismatch', /\[2\] and \[2, 3\].*reshape\(v, 2, 1\)/));
    assert.throws(() => broadcastShapes([4, 5], [4]), engineError('shape-mismatch', /\[4, 5\] and \[4\].*reshape\(v, 4, 1\)/));
  });

  it('gives no reshape hint when it would not help', () => {
    assert.throws(() => broadcastShapes([4], [2, 3]), (e: unknown) => e instanceof EngineError && e.code === 'shape-mismatch' && !/reshape/.test(e.message));
  });
});
