/**
 * LANGUAGE.md "Operators": every row, its precedence and associativity,
 * evaluated numerically; broadcasting; matrix products; .T; indexing.
 */
import { strict as assert } from 'assert';
import { asError, asNumber, asScalar, asTensor, assertAllClose, evalCell } from './support';

const value = (source: string) => asNumber(evalCell(source));

describe('runtime: operators (LANGUAGE.md operators table)', () => {
  describe('precedence, lowest to highest', () => {
    it('comparison is below + and -: 1 + 2 == 3, 2 < 1 + 2', () => {
      assert.deepEqual(evalCell('1 + 2 == 3'), { kind: 'boolean', value: true });
      assert.deepEqual(evalCell('2 < 1 + 2'), { kind: 'boolean', value: true });
      assert.deepEqual(evalCell('5 - 3 >= 3'), { kind: 'boolean', value: false });
    });

    it('* / % bind tighter than + -', () => {
      assert.equal(value('1 + 2 * 3'), 7);
      assert.equal(value('(1 + 2) * 3'), 9);
      assert.equal(value('10 - 6 / 2'), 7);
      assert.equal(value('1 + 7 % 3'), 2);
      assert.equal(value('8 - 2 - 1'), 5); // left-associative
      assert.equal(value('8 / 4 / 2'), 1); // left-associative
    });

    it('@ binds tighter than *: 2 * v @ w is 2 * (v @ w)', () => {
      assert.equal(asScalar(evalCell('2 * [1, 2] @ [3, 4]')), 2 * (1 * 3 + 2 * 4));
      // 2 * 3 @ 4 parses as 2 * (3 @ 4); the error points at "3 @ 4" (column 5)
      asError(evalCell('2 * 3 @ 4'), /@/, 1, 5);
    });

    it('unary minus binds looser than ^: -x^2 is -(x^2), -2^2 = -4', () => {
      assert.equal(value('x = 3; -x^2'), -9);
      assert.equal(value('-2^2'), -4);
      assert.equal(value('(-2)^2'), 4);
      assert.deepEqual(asTensor(evalCell('-[1, 2, 3]^2')), [-1, -4, -9]);
    });

    it('unary minus binds tighter than * and @: -2 * 3, -[1, 2] @ [1, 1]', () => {
      assert.equal(value('-2 * 3'), -6);
      assert.equal(value('- -2'), 2);
      assert.equal(value('+3'), 3);
      assert.equal(asScalar(evalCell('-[1, 2] @ [1, 1]')), -3);
    });

    it('^ is right-associative: 2^3^2 = 2^9 = 512', () => {
      assert.equal(value('2^3^2'), 512);
      assert.equal(value('(2^3)^2'), 64);
      assert.equal(value('2^-1'), 0.5);
    });

    it('** is ^: 2**3 = 8, 2**3**2 = 512', () => {
      assert.equal(value('2**3'), 8);
      assert.equal(value('2**3**2'), 512);
      assert.equal(value('2**0.5'), Math.SQRT2);
    });

    it("postfix ' binds tighter than ^: relu'(1)^2", () => {
      assert.equal(value("relu'(3)^2"), 1);
      assert.equal(value("2 * relu'(3)"), 2);
    });

    it('call, index, .T are highest: -a[0]^2, 2 * m.T[0, 1]', () => {
      assert.equal(value('a = [3, 4]; -a[0]^2'), -9);
      assert.equal(value('m = [[1, 2], [3, 4]]; 2 * m.T[0, 1]'), 6);
      assert.equal(value('relu([-1, 5])[1]'), 5);
    });

    it('comparisons do not chain: 1 < 2 < 3 is an error with a hint', () => {
      asError(evalCell('1 < 2 < 3'), /parentheses/, 1);
    });
  });

  describe('arithmetic on numbers', () => {
    it('+ - * /', () => {
      assert.equal(value('0.1 + 0.2'), 0.1 + 0.2);
      assert.equal(value('1 - 0.75'), 0.25);
      assert.equal(value('1.5 * 4'), 6);
      assert.equal(value('1 / 8'), 0.125);
    });

    it('% is the floored remainder, with the divisor\'s sign: 7 % 3 = 1, -7 % 3 = 2, 7 % -3 = -2', () => {
      assert.equal(value('7 % 3'), 1);
      assert.equal(value('-7 % 3'), 2); // -(7 % 3) would be -1; unary minus binds tighter than %
      assert.equal(value('7 % -3'), -2);
      assert.equal(value('-7 % -3'), -1);
      assert.equal(value('5.5 % 2'), 1.5);
    });
  });

  describe('elementwise on tensors', () => {
    it('+ - * / % ^ combine equal shapes elementwise', () => {
      assert.deepEqual(asTensor(evalCell('[1, 2, 3] + [10, 20, 30]'), [3]), [11, 22, 33]);
      assert.deepEqual(asTensor(evalCell('[1, 2, 3] - [3, 2, 1]')), [-2, 0, 2]);
      assert.deepEqual(asTensor(evalCell('[1, 2, 3] * [2, 2, 2]')), [2, 4, 6]);
      assert.deepEqual(asTensor(evalCell('[1, 2, 3] / [4, 4, 4]')), [0.25, 0.5, 0.75]);
      assert.deepEqual(asTensor(evalCell('[-7, 7, 5] % 3')), [2, 1, 2]);
      assert.deepEqual(asTensor(evalCell('[1, 2, 3] ^ 2')), [1, 4, 9]);
      assert.deepEqual(asTensor(evalCell('2 ^ [1, 2, 3]')), [2, 4, 8]);
    });

    it('scalars broadcast over tensors', () => {
      assert.deepEqual(asTensor(evalCell('10 - [1, 2]')), [9, 8]);
      assert.deepEqual(asTensor(evalCell('[[1, 2], [3, 4]] * 3'), [2, 2]), [3, 6, 9, 12]);
    });

    it('a vector broadcasts over the rows of a matrix, a column over its columns', () => {
      assert.deepEqual(asTensor(evalCell('[[1, 2], [3, 4]] + [10, 20]'), [2, 2]), [11, 22, 13, 24]);
      assert.deepEqual(asTensor(evalCell('reshape([10, 20], 2, 1) + [[1, 2], [3, 4]]'), [2, 2]), [11, 12, 23, 24]);
      assert.deepEqual(asTensor(evalCell('reshape([1, 2], 2, 1) * [1, 10, 100]'), [2, 3]), [1, 10, 100, 2, 20, 200]);
    });

    it('comparisons are elementwise 1/0 tensors', () => {
      const x = '[1, 2, 3]';
      assert.deepEqual(asTensor(evalCell(`${x} == 2`)), [0, 1, 0]);
      assert.deepEqual(asTensor(evalCell(`${x} != 2`)), [1, 0, 1]);
      assert.deepEqual(asTensor(evalCell(`${x} < 2`)), [1, 0, 0]);
      assert.deepEqual(asTensor(evalCell(`${x} <= 2`)), [1, 1, 0]);
      assert.deepEqual(asTensor(evalCell(`${x} > 2`)), [0, 0, 1]);
      assert.deepEqual(asTensor(evalCell(`${x} >= 2`)), [0, 1, 1]);
      assert.deepEqual(asTensor(evalCell('[1, 2, 3] < [3, 2, 1]')), [1, 0, 0]);
      assert.deepEqual(asTensor(evalCell('[[1, 5], [3, 2]] > [2, 2]'), [2, 2]), [0, 1, 1, 0]);
    });

    it('comparisons on numbers give booleans for each operator', () => {
      const cases: [string, boolean][] = [['1 == 1', true], ['1 != 1', false], ['1 < 2', true], ['2 <= 2', true], ['1 > 2', false], ['3 >= 4', false]];
      for (const [src, want] of cases) assert.deepEqual(evalCell(src), { kind: 'boolean', value: want }, src);
    });

    it('unequal shapes are an error naming both shapes, at the operator expression', () => {
      asError(evalCell('a = [1, 2]\n  b = a + [1, 2, 3]'), /\[2\].*\[3\]/, 2, 7);
      asError(evalCell('[[1, 2], [3, 4]] * [[1, 2, 3], [4, 5, 6]]'), /\[2, 2\].*\[2, 3\]/, 1, 1);
    });
  });

  describe('@ matrix product', () => {
    const A = [[1, 2], [3, 4], [5, 6]]; // 3x2
    const B = [[7, 8, 9], [10, 11, 12]]; // 2x3
    const product = (a: number[][], b: number[][]) => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));

    it('matrix @ matrix', () => {
      const want = product(A, B).flat();
      assert.deepEqual(asTensor(evalCell(`${JSON.stringify(A)} @ ${JSON.stringify(B)}`), [3, 3]), want);
    });

    it('matrix @ vector and vector @ matrix', () => {
      assert.deepEqual(asTensor(evalCell('[[1, 2], [3, 4]] @ [1, 1]'), [2]), [3, 7]);
      assert.deepEqual(asTensor(evalCell('[1, 1] @ [[1, 2], [3, 4]]'), [2]), [4, 6]);
    });

    it('vector @ vector is the dot product', () => {
      assert.equal(asScalar(evalCell('[1, 2, 3] @ [4, 5, 6]')), 32);
    });

    it('inner sizes must agree (error names the shapes)', () => {
      asError(evalCell('[1, 2] @ [1, 2, 3]'), /\[2\].*\[3\]/, 1, 1);
      asError(evalCell('[[1, 2], [3, 4]] @ [[1, 2, 3]]'), /inner|differ/, 1, 1);
    });
  });

  describe('.T transpose', () => {
    it('swaps rows and columns', () => {
      assert.deepEqual(asTensor(evalCell('[[1, 2, 3], [4, 5, 6]].T'), [3, 2]), [1, 4, 2, 5, 3, 6]);
      assert.deepEqual(asTensor(evalCell('m = [[1, 2], [3, 4]]; m.T.T'), [2, 2]), [1, 2, 3, 4]);
    });
    it('leaves a vector as it is', () => {
      assert.deepEqual(asTensor(evalCell('[1, 2, 3].T'), [3]), [1, 2, 3]);
    });
    it('m @ m.T is symmetric', () => {
      assert.deepEqual(asTensor(evalCell('m = [[1, 2], [3, 4]]; m @ m.T'), [2, 2]), [5, 11, 11, 25]);
    });
  });

  describe('indexing (0-based, negative from the end)', () => {
    it('a[i] on a vector', () => {
      assert.equal(value('a = [10, 20, 30]; a[0]'), 10);
      assert.equal(value('a = [10, 20, 30]; a[2]'), 30);
      assert.equal(value('a = [10, 20, 30]; a[-1]'), 30);
      assert.equal(value('a = [10, 20, 30]; a[-3]'), 10);
      assert.equal(value('a = [10, 20, 30]; a[1 + 1]'), 30);
    });

    it('a[i, j] on a matrix, and a[i] is a row', () => {
      const m = 'm = [[1, 2, 3], [4, 5, 6]]; ';
      assert.equal(value(`${m}m[1, 0]`), 4);
      assert.equal(value(`${m}m[0, -1]`), 3);
      assert.equal(value(`${m}m[-1, -2]`), 5);
      assert.deepEqual(asTensor(evalCell(`${m}m[1]`), [3]), [4, 5, 6]);
      assert.deepEqual(asTensor(evalCell(`${m}m[-2]`), [3]), [1, 2, 3]);
    });

    it('an out-of-range index is an error that gives the valid range, at the index', () => {
      asError(evalCell('a = [10, 20, 30]\na[3]'), 'index 3 is out of range for an axis of length 3 (valid: -3 to 2)', 2, 3);
      asError(evalCell('a = [10, 20, 30]; a[-4]'), /index -4 is out of range.*length 3/);
      asError(evalCell('m = [[1, 2], [3, 4]]; m[0, 2]'), /index 2 is out of range.*length 2/);
    });

    it('non-integer indices, too many indices, and indexing a number are errors', () => {
      asError(evalCell('a = [1, 2]; a[0.5]'), /whole number/);
      asError(evalCell('a = [1, 2]; a[0, 0]'), /at most 1/);
      asError(evalCell('a = 5; a[0]'), /only tensors can be indexed/);
    });
  });

  describe('v.name (field of a value)', () => {
    it('an unknown field is an error naming it, at its position', () => {
      asError(evalCell('a = [1, 2]\n a.foo'), /no field 'foo'/, 2, 2);
    });
  });

  describe('float results', () => {
    it('division by zero follows IEEE (no exception)', () => {
      assertAllClose(asTensor(evalCell('[1, -1, 0] / 0')), [Infinity, -Infinity, NaN]);
    });
  });
});
