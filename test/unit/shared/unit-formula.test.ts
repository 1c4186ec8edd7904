/** A unit's formula with its numbers plugged in. */
import { strict as assert } from 'assert';
import { unitFormula, unitName, unitNumber } from '../../../src/shared/unit-formula';

describe('shared: unit formula', () => {
  it('writes the weighted sum inside the activation, minus signs as −', () => {
    assert.equal(unitFormula('relu', [0.53, -1.2], 0.1, ['x1', 'x2']), 'relu(0.53·x1 − 1.20·x2 + 0.10)');
    assert.equal(unitFormula('tanh', [-0.5], -2, ['h1[0]']), 'tanh(−0.50·h1[0] − 2.00)');
  });
  it('leaves out zero weights and a zero bias; a linear unit is the sum alone; a prelu slope follows', () => {
    assert.equal(unitFormula('relu', [0, 2], 0, ['x1', 'x2']), 'relu(2.00·x2)');
    assert.equal(unitFormula('relu', [0, 0], 0, ['x1', 'x2']), 'relu(0)');
    assert.equal(unitFormula('linear', [1.5], 0.25, ['h2[0]']), '1.50·h2[0] + 0.25');
    assert.equal(unitFormula('prelu', [1], 0, ['x1'], 0.3125), 'prelu(1.00·x1), slope 0.31');
  });
  it('small numbers keep two significant digits; names count inputs from 1 and units from 0', () => {
    assert.equal(unitNumber(0.0012345), '0.0012');
    assert.equal(unitNumber(NaN), 'nan');
    assert.equal(unitName(0, 0), 'x1');
    assert.equal(unitName(2, 5), 'h2[5]');
  });
});
