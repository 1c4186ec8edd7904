/**
 * LANGUAGE.md "Builtins" / mathematics: each function on numbers and on
 * tensors, against values computed here with Math.* or by hand.
 */
import { strict as assert } from 'assert';
import { asError, asNumber, asTensor, assertAllClose, assertClose, erfSeries, evalCell } from './support';

const X = [-2.5, -0.7, 0.3, 1.5, 2.5];
const POSITIVE = [0.2, 1, 2.5, 10];

const UNARY: [name: string, ref: (x: number) => number, inputs: number[]][] = [
  ['exp', Math.exp, X],
  ['log', Math.log, POSITIVE],
  ['log1p', Math.log1p, [-0.5, 1e-10, 0.3, 4]],
  ['expm1', Math.expm1, [-1, 1e-10, 0.3, 2]],
  ['sqrt', Math.sqrt, POSITIVE],
  ['abs', Math.abs, X],
  ['sign', Math.sign, X],
  ['sin', Math.sin, X],
  ['cos', Math.cos, X],
  ['tan', Math.tan, X],
  ['tanh', Math.tanh, X],
  ['erf', erfSeries, X],
  ['erfc', (x) => 1 - erfSeries(x), [-1.5, -0.7, 0.3, 1.5]],
  ['floor', Math.floor, X],
  ['ceil', Math.ceil, X],
];

describe('runtime: math builtins (LANGUAGE.md mathematics)', () => {
  for (const [name, ref, inputs] of UNARY) {
    it(`${name} on numbers and on a tensor`, () => {
      for (const x of inputs) assertClose(asNumber(evalCell(`${name}(${x})`)), ref(x), 1e-13, `${name}(${x})`);
      const got = asTensor(evalCell(`${name}(${JSON.stringify(inputs)})`), [inputs.length], 'float64');
      assertAllClose(got, inputs.map(ref), 1e-13, name);
    });
  }

  it('hand-checked values: exp(0) = 1, log(e) = 1, sqrt(16) = 4, sin(pi/2) = 1, erf(0) = 0, floor(-0.5) = -1', () => {
    assert.equal(asNumber(evalCell('exp(0)')), 1);
    assert.equal(asNumber(evalCell('log(e)')), 1);
    assert.equal(asNumber(evalCell('sqrt(16)')), 4);
    assert.equal(asNumber(evalCell('sin(pi / 2)')), 1);
    assert.equal(asNumber(evalCell('erf(0)')), 0);
    assert.equal(asNumber(evalCell('erfc(0)')), 1);
    assert.equal(asNumber(evalCell('floor(-0.5)')), -1);
    assert.equal(asNumber(evalCell('ceil(-0.5)')) + 0, 0); // -0 is fine
    assertClose(asNumber(evalCell('erf(1)')), 0.8427007929497149, 1e-15); // tabulated value
  });

  it('erfc keeps precision in the tail where 1 - erf would lose it', () => {
    // erfc(5) = 1.5374597944280348e-12 (tabulated); 1 - erf(5) in doubles has no correct digits left
    const got = asNumber(evalCell('erfc(5)'));
    assert.ok(Math.abs(got - 1.5374597944280348e-12) <= 1e-12 * 1.5374597944280348e-12 * 100, `erfc(5) = ${got}`);
  });

  it('domain errors give NaN or infinities, displayed as strings', () => {
    assert.deepEqual(evalCell('log(-1)'), { kind: 'number', value: 'NaN' });
    assert.deepEqual(evalCell('log(0)'), { kind: 'number', value: '-Infinity' });
    assert.deepEqual(evalCell('sqrt([-1, 4])'), { kind: 'tensor', dtype: 'float64', shape: [2], data: ['NaN', 2] });
  });

  it('round rounds halves away from zero', () => {
    assert.equal(asNumber(evalCell('round(2.5)')), 3);
    assert.equal(asNumber(evalCell('round(-2.5)')), -3);
    assert.equal(asNumber(evalCell('round(1.4)')), 1);
    assert.deepEqual(asTensor(evalCell('round([0.5, 1.5, -0.5, -1.6, 2.49])')), [1, 2, -1, -2, 2]);
  });

  describe('min and max', () => {
    it('of two numbers', () => {
      assert.equal(asNumber(evalCell('min(3, -1)')), -1);
      assert.equal(asNumber(evalCell('max(3, -1)')), 3);
    });
    it('of one tensor: its smallest / largest element', () => {
      assert.equal(asNumber(evalCell('min([4, -2, 7])')), -2);
      assert.equal(asNumber(evalCell('max([4, -2, 7])')), 7);
      assert.equal(asNumber(evalCell('max([[1, 9], [3, 4]])')), 9);
    });
    it('elementwise of two tensors, or a tensor and a number', () => {
      assert.deepEqual(asTensor(evalCell('min([1, 5, 3], [4, 2, 3])')), [1, 2, 3]);
      assert.deepEqual(asTensor(evalCell('max([1, 5, 3], [4, 2, 3])')), [4, 5, 3]);
      assert.deepEqual(asTensor(evalCell('max([-1, 2], 0)')), [0, 2]);
    });
    it('along an axis', () => {
      assert.deepEqual(asTensor(evalCell('max([[1, 9], [3, 4]], axis=0)')), [3, 9]);
      assert.deepEqual(asTensor(evalCell('min([[1, 9], [3, 4]], axis=1)')), [1, 3]);
    });
  });

  it('clamp(x, lo, hi) on numbers and tensors', () => {
    assert.equal(asNumber(evalCell('clamp(5, -1, 2)')), 2);
    assert.equal(asNumber(evalCell('clamp(-5, -1, 2)')), -1);
    assert.equal(asNumber(evalCell('clamp(0.5, -1, 2)')), 0.5);
    assert.deepEqual(asTensor(evalCell('clamp([-3, 0.25, 3], -1, 1)')), [-1, 0.25, 1]);
  });

  it('where(cond, a, b) on numbers and tensors, broadcasting', () => {
    assert.equal(asNumber(evalCell('where(1 < 2, 10, 20)')), 10);
    assert.equal(asNumber(evalCell('where(0, 10, 20)')), 20);
    assert.deepEqual(asTensor(evalCell('x = [-1, 2, -3]; where(x > 0, x, -x)')), [1, 2, 3]);
    assert.deepEqual(asTensor(evalCell('where([1, 0], [10, 20], [30, 40])')), [10, 40]);
  });

  it('pow(a, b) on numbers and tensors, the same as a^b', () => {
    assert.equal(asNumber(evalCell('pow(2, 10)')), 1024);
    assert.equal(asNumber(evalCell('pow(9, 0.5)')), 3);
    assert.deepEqual(asTensor(evalCell('pow([1, 2, 3], 2)')), [1, 4, 9]);
    assert.deepEqual(asTensor(evalCell('pow(2, [0, 1, -1])')), [1, 2, 0.5]);
    assert.deepEqual(asTensor(evalCell('pow([2, 3], [3, 2])')), asTensor(evalCell('[2, 3] ^ [3, 2]')));
  });

  it('math functions are values: f = exp; f(1)', () => {
    assertClose(asNumber(evalCell('f = exp; f(1)')), Math.E, 1e-15);
  });

  it('math functions refuse strings and extra arguments', () => {
    asError(evalCell('sqrt("4")'), /sqrt applies to numbers and tensors/, 1, 1);
    asError(evalCell('sin(1, 2)'), /sin takes one argument/, 1, 1);
    asError(evalCell('pow("a", 2)'), /number or tensor/, 1, 1);
  });
});
