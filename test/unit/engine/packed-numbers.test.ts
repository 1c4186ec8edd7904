/** Numbers packed at 16 bits in base64 (the weight snapshots of a training run). */
import { strict as assert } from 'assert';
import { base64, fromBase64, packNumbers, unpackNumbers } from '../../../src/engine';

describe('engine: packed numbers', () => {
  it('base64 agrees with Node\'s Buffer both ways, at every padding', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      assert.equal(base64(bytes), Buffer.from(bytes).toString('base64'));
      assert.deepEqual(fromBase64(base64(bytes)), bytes);
    }
    assert.throws(() => fromBase64('ab$c'), /not base64/);
  });

  it('unpacks to within half a step of max |value| / 32765, keeping 0, the sign and the non-finite values', () => {
    const values = [0.53, -1.2, 0.1, 0, -0, 3e-5, -7.25, NaN, Infinity, -Infinity];
    const packed = packNumbers(values);
    assert.ok(packed.data.length <= Math.ceil((2 * values.length) / 3) * 4);
    const back = unpackNumbers(packed);
    const step = 7.25 / 32765;
    values.forEach((v, i) => {
      if (!Number.isFinite(v)) assert.ok(Object.is(back[i], v), `${v} comes back as ${back[i]}`);
      else assert.ok(Math.abs(back[i]! - v) <= step / 2 + 1e-15, `${v} comes back as ${back[i]}`);
    });
    assert.equal(back[5], 0, 'smaller than half a step is 0');
    assert.ok(back[6] === -7.25 && back[0]! > 0 && back[1]! < 0);
    assert.deepEqual(Array.from(unpackNumbers(packNumbers([0, 0]))), [0, 0], 'all zeros');
  });
});
