/**
 * The one spelling of a unit's formula with its numbers in (engine/network/unit-formula.ts),
 * used by neuron(...) and the network diagram's hover and inspector.
 */
import { strict as assert } from 'assert';
import { formulaCoefficient, unitFormula, unitInputs, unitName } from '../../../../src/engine';

describe('engine: a unit formula with its numbers', () => {
  it('writes the weighted sum inside the activation, two decimals, minus signs as −', () => {
    assert.equal(unitFormula('relu', [0.53, -1.2], 0.1, ['x1', 'x2']), 'relu(0.53·x1 − 1.20·x2 + 0.10)');
    assert.equal(unitFormula('tanh', [-0.5], -2, ['h1[0]']), 'tanh(−0.50·h1[0] − 2.00)');
    assert.equal(unitFormula('leaky_relu(alpha=0.2)', [-2, 0.004], -0.25, unitInputs(1, 2)), 'leaky_relu(alpha=0.2)(−2.00·x1 + 0.004·x2 − 0.25)');
  });

  it('names inputs x1, x2, ... and hidden units h1[0], h1[1], ... (layer from 1, unit from 0)', () => {
    assert.equal(unitName(0, 0), 'x1');
    assert.equal(unitName(2, 5), 'h2[5]');
    assert.deepEqual(unitInputs(1, 2), ['x1', 'x2']);
    assert.deepEqual(unitInputs(3, 2), ['h2[0]', 'h2[1]']);
  });

  it('leaves out zero weights and a zero bias; a linear unit is the sum alone; a prelu slope follows', () => {
    assert.equal(unitFormula('relu', [0, 2], 0, ['x1', 'x2']), 'relu(2.00·x2)');
    assert.equal(unitFormula('relu', [0, 0], 0, ['x1', 'x2']), 'relu(0)');
    assert.equal(unitFormula('linear', [1.5], 0.25, ['h2[0]']), '1.50·h2[0] + 0.25');
    assert.equal(unitFormula('prelu', [1], 0, ['x1'], { slope: 0.3125 }), 'prelu(1.00·x1), slope 0.31');
    assert.equal(unitFormula('prelu', [1], 0, ['x1'], { slope: -0.5 }), 'prelu(1.00·x1), slope −0.50');
  });

  it('counts the terms past the first few of a wide unit', () => {
    const f = unitFormula('relu', Array.from({ length: 20 }, () => 1), 0.5, unitInputs(2, 20), { maxTerms: 3 });
    assert.equal(f, 'relu(1.00·h1[0] + 1.00·h1[1] + 1.00·h1[2] + … (17 more) + 0.50)');
  });

  it('keeps small coefficients visible and writes non-finite ones as the language does', () => {
    assert.equal(formulaCoefficient(0.0012345), '0.0012');
    assert.equal(formulaCoefficient(-1.234), '1.23');
    assert.equal(formulaCoefficient(NaN), 'nan');
    assert.equal(unitFormula('relu', [NaN, -Infinity], Infinity, ['x1', 'x2']), 'relu(nan·x1 − inf·x2 + inf)');
  });
});
