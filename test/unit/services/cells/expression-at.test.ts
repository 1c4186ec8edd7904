import { strict as assert } from 'assert';
import { expressionCandidatesAt } from '../../../../src/services/cells/expression-at';

describe('expressionCandidatesAt (Plot Expression at Cursor in a cell)', () => {
  const line = "y = leaky_relu(alpha=0.2)(x) + f'(x) * relu(x[0])";
  it('offers the call first, then the bare name', () => {
    assert.deepEqual(expressionCandidatesAt(line, line.indexOf('leaky') + 3), ['leaky_relu(alpha=0.2)', 'leaky_relu']);
    assert.deepEqual(expressionCandidatesAt(line, line.indexOf('relu(x[') + 1), ['relu(x[0])', 'relu']);
  });
  it("keeps derivative marks, also with the cursor on or after them", () => {
    const i = line.indexOf("f'");
    assert.deepEqual(expressionCandidatesAt(line, i), ["f'(x)", "f'"]);
    assert.deepEqual(expressionCandidatesAt(line, i + 1), ["f'(x)", "f'"]);
    assert.deepEqual(expressionCandidatesAt('gelu', 4), ['gelu']);
  });
  it('finds nothing on operators, numbers and blanks', () => {
    assert.deepEqual(expressionCandidatesAt(line, line.indexOf('+')), []);
    assert.deepEqual(expressionCandidatesAt('x = 0.25', 6), []);
    assert.deepEqual(expressionCandidatesAt('', 0), []);
  });
  it('does not run past an unclosed call', () => {
    assert.deepEqual(expressionCandidatesAt('gelu(approximate="tanh"', 1), ['gelu']);
  });
});
