import { strict as assert } from 'assert';
import { definitionsIn, latestDefinitions } from '../../../../src/services/cells/user-definitions';

describe('user definitions read from cell text', () => {
  it('finds variables and functions with parameters and defaults, in cell order', () => {
    const defs = definitionsIn(['x = linspace(-3, 3, 7)\nf(x) = x * sigmoid(x)', 'g(x, a=0.1) = max(a * x, x); y = g(x)']);
    assert.deepEqual(defs.map((d) => [d.name, d.kind, d.cell]), [['x', 'variable', 0], ['f', 'function', 0], ['g', 'function', 1], ['y', 'variable', 1]]);
    assert.deepEqual(defs[2].parameters, ['x', 'a=0.1']);
    assert.equal(defs[1].statement, 'f(x) = x * sigmoid(x)');
  });

  it('still finds definitions in a cell that does not parse (being typed)', () => {
    const defs = definitionsIn(['h(x, b=2) = x * b\nz = relu(  # unfinished']);
    assert.deepEqual(defs.map((d) => d.name), ['h', 'z']);
    assert.deepEqual(defs[0].parameters, ['x', 'b=2']);
  });

  it('does not mistake comparisons for assignments', () => {
    assert.deepEqual(definitionsIn(['x == 2\ny = 1 == 1']).map((d) => d.name), ['y']);
  });

  it('keeps the latest definition of a name', () => {
    const latest = latestDefinitions(['f(x) = x', 'f(x, k=3) = k * x']);
    assert.deepEqual(latest.get('f')?.parameters, ['x', 'k=3']);
  });
});
