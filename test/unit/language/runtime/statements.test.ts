/**
 * LANGUAGE.md "A cell": statements separated by newlines or `;`, continuation
 * lines, comments, the last statement's value, assignments, user functions with
 * defaults, named overrides and partial application.
 */
import { strict as assert } from 'assert';
import { asError, asFunction, asNumber, asTensor, assertAllClose, display, evalCell, expectNone, Session } from './support';

describe('runtime: statements and cells (LANGUAGE.md a cell)', () => {
  describe('separators, continuation and comments', () => {
    it('statements are separated by newlines or ;', () => {
      assert.equal(asNumber(evalCell('a = 2\nb = 3\na * b')), 6);
      assert.equal(asNumber(evalCell('a = 2; b = 3; a * b')), 6);
      assert.equal(asNumber(evalCell('a = 2; b = 3\na + b; a - b')), -1);
    });

    it('the value of the last statement is displayed', () => {
      assert.equal(asNumber(evalCell('1\n2\n3')), 3);
    });

    it('an assignment as the last statement displays nothing', () => {
      expectNone(evalCell('a = 5'));
      expectNone(evalCell('1 + 1; a = 5'));
      expectNone(evalCell('f(x) = x + 1'));
      expectNone(evalCell('a = 5;'));
    });

    it('an empty cell, or one of comments only, displays nothing', () => {
      expectNone(evalCell(''));
      expectNone(evalCell('# nothing here\n   # still nothing'));
    });

    it('a line ending in an operator continues on the next line', () => {
      assert.equal(asNumber(evalCell('a = 1 +\n  2 *\n  3\na')), 7);
      assert.equal(asNumber(evalCell('2 ^\n10')), 1024);
    });

    it('a line ending in , or an open bracket continues', () => {
      assert.deepEqual(asTensor(evalCell('[1,\n 2,\n 3]')), [1, 2, 3]);
      assert.equal(asNumber(evalCell('max(\n  4,\n  9\n)')), 9);
      assert.equal(asNumber(evalCell('(\n1 + 2\n)')), 3);
      assertAllClose(asTensor(evalCell('leaky_relu([-1, 1],\n  alpha=0.5)')), [-0.5, 1], 1e-15);
    });

    it('a complete line does not continue: "x\\n+ 1" is two statements', () => {
      assert.equal(asNumber(evalCell('x = 5\nx\n+ 1')), 1);
    });

    it('comments run to the end of the line, also after code and inside brackets', () => {
      assert.equal(asNumber(evalCell('a = 2  # two\n# a comment line\na * 10 # ten')), 20);
      assert.deepEqual(asTensor(evalCell('[1,  # first\n 2]  # second')), [1, 2]);
      assert.deepEqual(evalCell('"# not a comment"'), { kind: 'string', value: '# not a comment' });
    });

    it('errors on later lines report that line', () => {
      asError(evalCell('a = 1\n\n# comment\n  a + nosuch'), /nosuch/, 4, 7);
    });
  });

  describe('variables persist across cells of a session', () => {
    it('assignment in one cell, use in the next; reassignment replaces', () => {
      const s = new Session();
      expectNone(display(s, 'w = [1, 2, 3]'));
      assert.equal(asNumber(display(s, 'sum(w)')), 6);
      display(s, 'w = w * 2');
      assert.deepEqual(asTensor(display(s, 'w')), [2, 4, 6]);
      assert.ok(s.variables.has('w'));
    });

    it('separate sessions do not share variables', () => {
      const a = new Session();
      const b = new Session();
      display(a, 'only_here = 1');
      asError(display(b, 'only_here'), /unknown name 'only_here'/, 1, 1);
    });

    it('reset forgets everything', () => {
      const s = new Session();
      display(s, 'v = 1');
      s.reset();
      asError(display(s, 'v'), /unknown name 'v'/);
    });

    it('a user-defined name shadows a builtin of the same name, in later cells', () => {
      const s = new Session();
      display(s, 'relu(x) = 2 * x');
      assert.equal(asNumber(display(s, 'relu(-3)')), -6);
    });
  });

  describe('user-defined functions with defaults', () => {
    let s: Session;
    beforeEach(() => {
      s = new Session();
      expectNone(display(s, 'g(x, a=0.1) = max(a * x, x)'));
    });

    it('the default applies: g(-2) = max(-0.2, -2) = -0.2', () => {
      assert.equal(asNumber(display(s, 'g(-2)')), -0.2);
      assert.equal(asNumber(display(s, 'g(3)')), 3);
    });

    it('a named override: g(-2, a=0.3) = -0.6; positional: g(-2, 0.5) = -1', () => {
      assertAllClose([asNumber(display(s, 'g(-2, a=0.3)'))], [-0.6], 1e-15);
      assert.equal(asNumber(display(s, 'g(-2, 0.5)')), -1);
    });

    it('partial application: g(a=0.3) is a function; applying it uses a=0.3', () => {
      const f = asFunction(display(s, 'g(a=0.3)'));
      assert.equal(f.name, 'g(a=0.3)');
      assert.equal(f.formula, 'max(a * x, x)');
      assertAllClose([asNumber(display(s, 'g(a=0.3)(-2)'))], [-0.6], 1e-15);
      display(s, 'h = g(a=0.3)');
      assertAllClose(asTensor(display(s, 'h([-2, 4])')), [-0.6, 4], 1e-15);
      // a later named argument overrides the fixed one
      assertAllClose([asNumber(display(s, 'h(-2, a=0.5)'))], [-1], 1e-15);
    });

    it('naming the input is a call, not a partial application: g(x=-2) = -0.2', () => {
      assert.equal(asNumber(display(s, 'g(x=-2)')), -0.2);
      assertAllClose([asNumber(display(s, 'g(x=-2, a=0.5)'))], [-1], 1e-15);
    });

    it('defaults may refer to earlier parameters and to globals at call time', () => {
      display(s, 'scale = 10', 'k(x, b=x + scale) = b');
      assert.equal(asNumber(display(s, 'k(1)')), 11);
      display(s, 'scale = 100');
      assert.equal(asNumber(display(s, 'k(1)')), 101);
    });

    it('user functions may call each other and builtins', () => {
      display(s, 'sq(t) = t * t', 'both(t) = sq(t) + g(t)');
      assert.equal(asNumber(display(s, 'both(-2)')), 4 - 0.2);
    });

    it('a function of two variables', () => {
      display(s, 'lin(x, y) = 2 * x + y');
      assert.equal(asNumber(display(s, 'lin(3, 4)')), 10);
      assert.equal(asNumber(display(s, 'lin(3, y=1)')), 7);
      asError(display(s, 'lin(3)'), /needs a value for 'y'/, 1, 1);
    });
  });
});
