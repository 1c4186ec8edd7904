/** Nothing wrong is accepted: a parameter given twice, a shape of what has none, NaN shown as null. */
import { strict as assert } from 'assert';
import { asError, asNumber, asTensor, evalCell } from './support';

describe('runtime: nothing wrong is accepted', () => {
  it('refuses a parameter given twice in one call: by position and by name, or by two spellings', () => {
    asError(evalCell('leaky_relu(-1, 0.1, alpha=0.2)'), /leaky_relu: 'alpha' is given twice, as its 2nd argument and as alpha=/);
    asError(evalCell('leaky_relu(-1, alpha=0.1, negative_slope=0.2)'), /'alpha' is given twice, as alpha= and as negative_slope=/);
    asError(evalCell('hardtanh(0, -2, 2, max_val=3)'), /'max_val' is given twice, as its 3rd argument and as max_val=/);
    // also where the call is fused into a loop over a large tensor
    asError(evalCell('x = linspace(-1, 1, 5000)\nmax(leaky_relu(2 * x, alpha=0.1, negative_slope=0.3))'), /given twice/);
  });

  it("refuses a parameter named like a property of JavaScript's objects: __proto__ is no parameter (fuzz)", () => {
    // given['__proto__'] = 1 on a plain object set nothing, and relu(0.5, __proto__=1) was 0.5
    asError(evalCell('relu(0.5, __proto__=1)'), "relu has no parameter '__proto__'; relu takes no parameters", 1, 1);
    asError(evalCell('leaky_relu(__proto__=2)'), /leaky_relu has no parameter '__proto__'/, 1, 1);
    asError(evalCell('x = linspace(-1, 1, 5000)\nmax(elu(x, __proto__=1))'), /elu has no parameter '__proto__'/, 2, 5);
    asError(evalCell('leaky_relu(0.5, constructor=1)'), /no parameter 'constructor'/);
  });

  it('still takes each spelling once, and lets a later call change a partial application', () => {
    assert.equal(asNumber(evalCell('leaky_relu(-1, 0.2)')), -0.2);
    assert.equal(asNumber(evalCell('leaky_relu(-1, negative_slope=0.2)')), -0.2);
    assert.equal(asNumber(evalCell('leaky_relu(alpha=0.1)(-1, negative_slope=0.2)')), -0.2);
  });

  it('gives the shape of tensors and numbers only', () => {
    asError(evalCell('shape(relu)'), /shape's argument must be a tensor, but got the function relu/);
    asError(evalCell('shape("abc")'), /shape's argument must be a tensor, but got a string/);
    assert.deepEqual(asTensor(evalCell('shape(3)')), []);
    assert.deepEqual(asTensor(evalCell('shape([[1, 2, 3], [4, 5, 6]])')), [2, 3]);
  });

  it('names NaN in a message instead of writing null', () => {
    const d = asError(evalCell('leaky_relu(alpha=nan)(1)'), /'alpha' must be a number, got NaN/);
    assert.doesNotMatch(d.message, /null/);
    assert.doesNotMatch(asError(evalCell('gelu(approximate=nan)'), /must be one of "none", "tanh", got NaN/).message, /null/);
  });
});

describe('runtime: float32 computations round their parameters to float32, as PyTorch does', () => {
  it('threshold(float32([0.3]), threshold=0.3, value=0) is 0: 0.3 is the same float32 on both sides', () => {
    assert.deepEqual(asTensor(evalCell('threshold(float32([0.3]), threshold=0.3, value=0)')), [0]);
    // in float64 the two sides are the same double too
    assert.deepEqual(asTensor(evalCell('threshold([0.3], threshold=0.3, value=0)')), [0]);
    // leaky_relu's slope is a float32 too: fround(0.1) * -1, not fround(0.1 * -1) (they differ in the last bit here)
    assert.deepEqual(asTensor(evalCell('leaky_relu(float32([-3]), alpha=0.1)')), [Math.fround(Math.fround(0.1) * -3)]);
  });

  it('fused loops round them the same way (bit-identical to one operation at a time)', () => {
    const cells = 'x = linspace(0.29, 0.31, 5001, dtype="float32")\n';
    const fused = asTensor(evalCell(`${cells}threshold(x * 1, threshold=0.3, value=0) + 0`));
    const single = asTensor(evalCell(`${cells}y = x * 1\nz = threshold(y, threshold=0.3, value=0)\nz + 0`));
    assert.deepEqual(fused, single);
    assert.ok(fused.some((v) => v === 0) && fused.some((v) => v !== 0));
  });
});

describe('runtime: plots over what can be drawn', () => {
  it('refuses an infinite or NaN range instead of writing a curve of nulls', () => {
    asError(evalCell('plot(relu, from=-inf, to=inf)'), /plot's from= must be a finite number, got -inf/);
    asError(evalCell('plot(relu, to=inf)'), /plot's to= must be a finite number, got inf/);
    asError(evalCell('plot(relu, from=nan)'), /got NaN/);
  });
});
