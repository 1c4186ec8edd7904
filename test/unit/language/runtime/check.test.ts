/** check(condition, "hint") and check(value, expected, tol=, hint=): the exercises' tests. */
import { strict as assert } from 'assert';
import { display, evalCell, Session } from './support';
import type { CheckDisplay, DisplayValue } from '../../../../src/shared/output';
import { displayText } from '../../../../src/shared/display-text';
import { cellOutputItems } from '../../../../src/shared/output-items';

function asCheck(d: DisplayValue): CheckDisplay {
  assert.equal(d.kind, 'check', JSON.stringify(d).slice(0, 300));
  return d as CheckDisplay;
}
const check = (source: string): CheckDisplay => asCheck(evalCell(source));
const errorOf = (source: string): string => {
  const d = evalCell(source);
  assert.equal(d.kind, 'error', source);
  return d.kind === 'error' ? d.message : '';
};

describe('language/runtime: check', () => {
  it('a condition passes when true (a tensor: every element), fails otherwise, with the hint', () => {
    const ok = check('check(relu(-2) == 0, "relu of a negative is 0")');
    assert.equal(ok.passed, true);
    assert.equal(ok.hint, 'relu of a negative is 0');
    assert.equal(ok.found, 'true');
    assert.equal(displayText(ok), '✓ relu of a negative is 0');

    const bad = check('check(relu(-2) == 1, "relu of a negative is 0")');
    assert.equal(bad.passed, false);
    assert.equal(bad.found, 'false');
    assert.equal(displayText(bad), '✗ relu of a negative is 0\n  found: relu(-2) == 1 is false');

    assert.equal(check('check(relu([-1, 0, 2]) >= 0)').passed, true);
    const some = check('check(relu([-1, 0, 2]) > 0, "all positive")');
    assert.equal(some.passed, false);
    assert.equal(some.checks[0]!.reason, 'false at 2 of 3 elements, first at index 0');
    assert.equal(some.found, '[0, 0, 1]');
    // numbers: nonzero and not NaN is true
    assert.equal(check('check(3)').passed, true);
    assert.equal(check('check(0)').passed, false);
    assert.equal(check('check(nan)').passed, false);
    assert.equal(check('check(true)').passed, true);
    assert.equal(check('check(zeros(0) == 0)').passed, false, 'an empty condition shows nothing, so it cannot pass');
  });

  it('without a hint, the expression as written is the hint', () => {
    const d = check('check(relu(3)   == 3)');
    assert.equal(d.hint, 'relu(3)   == 3');
    assert.equal(check('check(relu(3) == 3, hint="named")').hint, 'named', 'a condition takes hint= too');
    assert.equal(check('check(relu(2), 2)').hint, 'relu(2) is 2');
  });

  it('compares a value with the expected one within tol (absolute up to 1, relative beyond)', () => {
    const d = check("check(relu'(0), 1, hint=\"PyTorch's slope at 0\")");
    assert.equal(d.passed, false);
    assert.equal(d.found, '0');
    assert.equal(d.expected, '1');
    assert.equal(d.tol, 1e-9);
    assert.equal(displayText(d), "✗ PyTorch's slope at 0\n  found 0, expected 1 (tolerance 1e-9): off by -1");
    assert.equal(check('check(0.1 + 0.2, 0.3)').passed, true, 'within the default 1e-9');
    assert.equal(check('check(0.1 + 0.2, 0.3, tol=0)').passed, false);
    assert.equal(check('check(1e12 + 100, 1e12)').passed, true, 'relative beyond 1: 1e-10 apart');
    assert.equal(check('check(1e12 + 10000, 1e12)').passed, false);
    assert.equal(check('check(2.05, 2, 0.1)').passed, true, 'tol as the third argument');
    assert.equal(check('check(2.05, 2, 0.01, "close to 2")').hint, 'close to 2');
    assert.equal(check('check(2.05, 2, "close to 2")').hint, 'close to 2', 'a string third argument is the hint');
    assert.equal(check('check(nan, nan)').passed, true);
    assert.equal(check('check(inf, inf)').passed, true);
    assert.equal(check('check(1e308 * 10, 1e308)').passed, false);
    assert.equal(check('check(sigmoid(0) > 0.4, 1)').passed, true, 'booleans compare as 1/0');
  });

  it('compares tensors element by element, a scalar expected against every element, and says where they differ', () => {
    assert.equal(check('check(relu([-2, 0.5, 3]), [0, 0.5, 3])').passed, true);
    assert.equal(check('check(relu([-2, -1]), 0)').passed, true);
    const d = check('check(relu([-2, 0.5, 3]), [0, 0.5, 2])');
    assert.equal(d.passed, false);
    assert.equal(d.checks[0]!.reason, '1 of 3 elements differ, first at index 2: 3 where 2 was expected');
    const shape = check('check([1, 2], [1, 2, 3])');
    assert.equal(shape.passed, false);
    assert.equal(shape.checks[0]!.reason, 'the shapes differ: [2] and [3]');
    const m = check('check([[1, 2], [3, 4]], [[1, 2], [3, 5]])');
    assert.match(m.checks[0]!.reason!, /first at \[1, 1\]: 4 where 5/);
    assert.equal(check('check([1, 2] @ [3, 4], 11)').passed, true, 'a rank-0 tensor is a number');
    assert.equal(check('check("relu", "relu")').passed, true);
    assert.equal(check('check("relu", "gelu")').passed, false);
    assert.match(check('check("relu", 1)').checks[0]!.reason!, /found a string, expected a number/);
  });

  it('a long tensor is shown by its ends', () => {
    assert.equal(check('check(linspace(1, 20, 20), 0)').found, '[1, 2, 3, 4, 5, 6, ..., 18, 19, 20]');
  });

  it('a cell shows every check it made, a count, and its own value above them', () => {
    const d = asCheck(evalCell('x = [-1, 2, 3]\ncheck(relu(x) > 0, "all positive")\ncheck(sum(relu(x)), 5, hint="sum")'));
    assert.equal(d.passed, false);
    assert.equal(d.checks.length, 2);
    assert.equal(d.hint, 'all positive', 'the headline is the first failure');
    assert.equal(d.shown, undefined, 'the cell ended in a check');
    assert.equal(displayText(d).split('\n').pop(), '1 of 2 checks passed');

    const withValue = asCheck(evalCell('check(relu(2) == 2, "two")\nrelu(5)'));
    assert.equal(withValue.passed, true);
    assert.deepEqual(withValue.shown, { kind: 'number', value: 5 });
    assert.equal(displayText(withValue), '5\n✓ two');
    // the value and the checks are two outputs, the value first
    const outputs = cellOutputItems(withValue);
    assert.equal(outputs.length, 2);
    assert.equal((outputs[0]![0]!.data as DisplayValue).kind, 'number');
    assert.equal((outputs[1]![0]!.data as DisplayValue).kind, 'check');
    assert.ok(!('shown' in (outputs[1]![0]!.data as object)));

    const assigned = asCheck(evalCell('check(1 == 1, "one")\ny = 2'));
    assert.equal(assigned.shown, undefined, 'an assignment shows nothing');
  });

  it('checks belong to the cell that made them; a check kept in a variable shows again later', () => {
    const session = new Session();
    assert.equal(display(session, 'c = check(1 == 2, "never")').kind, 'check');
    assert.equal(display(session, 'relu(1)').kind, 'number', 'the next cell made no check');
    const again = asCheck(display(session, 'c'));
    assert.equal(again.passed, false);
    assert.equal(again.hint, 'never');
  });

  it('showing the check function itself makes no check', () => {
    assert.equal(evalCell('check').kind, 'function');
  });

  it('an error after a check is the cell\'s result', () => {
    assert.equal(evalCell('check(1 == 1)\nrleu(2)').kind, 'error');
  });

  it('refuses what it cannot check, saying what to write', () => {
    assert.match(errorOf('check(relu)'), /check's condition must be a comparison, number or tensor/);
    assert.match(errorOf('check(1 == 1, tol=0.1)'), /tol= belongs to check\(value, expected/);
    assert.match(errorOf('check(1, 1, tol=-1)'), /tol must be a finite number >= 0/);
    assert.match(errorOf('check(1, 1, hint=3)'), /hint must be a string/);
    assert.match(errorOf('check(1, 1, 0.1, tol=0.2)'), /tol twice/);
    assert.match(errorOf('check(1 == 1, "a", hint="b")'), /hint twice/);
    assert.match(errorOf('check(relu, relu)'), /check compares numbers, tensors or strings/);
    assert.match(errorOf('check(1, 1, within=2)'), /no named argument 'within'.*tol, hint/);
    assert.match(errorOf('chek(1)'), /did you mean 'check'/);
  });
});
