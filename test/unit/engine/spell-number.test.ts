import { strict as assert } from 'assert';
import { spellNumber } from '../../../src/engine';
import { asError, evalCell } from '../language/runtime/support';

describe('engine/spell-number: numbers in messages', () => {
  it('writes the infinities as the language does, NaN by its name, and keeps the sign of -0', () => {
    assert.deepEqual([Infinity, -Infinity, NaN, -0, 0, 2.5, 1e308].map(spellNumber), ['inf', '-inf', 'NaN', '-0', '0', '2.5', '1e+308']);
  });

  it('is how messages show a bad number, never Infinity or null', () => {
    for (const [cell, shown] of [['zeros(inf)', 'got inf'], ['linspace(0, 1, -inf)', 'got -inf'], ['dataset("xor", n=inf)', 'got inf'], ['mlp([2, inf, 1])', 'got inf']] as const) {
      const d = asError(evalCell(cell), new RegExp(shown));
      assert.doesNotMatch(d.message, /Infinity|null/, cell);
    }
  });
});
