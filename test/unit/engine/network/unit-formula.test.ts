/** The one spelling of a unit's formula with its numbers in (engine/network/unit-formula.ts). */
import { strict as assert } from 'assert';
import { formulaCoefficient, unitFormula, unitInputName } from '../../../../src/engine';

describe('engine: a unit formula with its numbers', () => {
  it('writes the weights and bias at two decimals, signs as operators, inputs x1, x2', () => {
    assert.equal(unitFormula('relu', [0.53, -1.2], 0.1, 1), 'relu(0.53·x1 − 1.20·x2 + 0.10)');
    assert.equal(unitFormula('leaky_relu(alpha=0.2)', [-2, 0.004], -0.25, 1), 'leaky_relu(alpha=0.2)(−2.00·x1 + 0.004·x2 − 0.25)');
  });

  it('names the inputs of deeper layers after the units they come from', () => {
    assert.equal(unitInputName(1, 0), 'x1');
    assert.equal(unitInputName(2, 3), 'h1_3');
    assert.equal(unitFormula('tanh', [1, 1], 0, 3), 'tanh(1.00·h2_0 + 1.00·h2_1 + 0.00)');
  });

  it('writes a linear unit as the sum alone', () => {
    assert.equal(unitFormula('linear', [0.5], -1, 2), '0.50·h1_0 − 1.00');
  });

  it('summarises wide units after a few terms', () => {
    const f = unitFormula('relu', Array.from({ length: 20 }, () => 1), 0, 2, { maxTerms: 3 });
    assert.equal(f, 'relu(1.00·h1_0 + 1.00·h1_1 + 1.00·h1_2 + … (17 more) + 0.00)');
  });

  it('keeps small coefficients visible and writes non-finite ones as the language does', () => {
    assert.equal(formulaCoefficient(0.0031), '0.0031');
    assert.equal(formulaCoefficient(-1.234), '1.23');
    assert.equal(unitFormula('relu', [NaN, -Infinity], Infinity, 1), 'relu(nan·x1 − inf·x2 + inf)');
  });
});
