import { strict as assert } from 'assert';
import {
  activationNames, applyActivation, applyActivationDerivative, catalogue, EngineError, fromNested, getActivation,
  resolveName, resolveParameters,
} from '../../../../src/engine';

const LANGUAGE_ACTIVATIONS = [
  'relu', 'relu6', 'leaky_relu', 'prelu', 'rrelu', 'elu', 'selu', 'celu', 'gelu', 'gelu_tanh', 'silu', 'swish',
  'quick_gelu', 'mish', 'softplus', 'softsign', 'softshrink', 'hardshrink', 'tanhshrink', 'hardtanh', 'hardsigmoid',
  'hardswish', 'sigmoid', 'logsigmoid', 'tanh', 'threshold', 'squared_relu', 'squareplus', 'snake', 'softmax', 'log_softmax',
];

function engineError(code: string, pattern: RegExp) {
  return (e: unknown) => e instanceof EngineError && e.code === code && pattern.test(e.message);
}

describe('engine/activations/registry', () => {
  it('knows every activation named in LANGUAGE.md, and nothing twice', () => {
    const names = activationNames();
    for (const name of LANGUAGE_ACTIVATIONS) assert.ok(names.includes(name), `missing ${name}`);
    assert.equal(new Set(catalogue.map((d) => d.name)).size, catalogue.length);
  });

  it('documents every entry completely', () => {
    for (const d of catalogue) {
      const second = d.kind === 'elementwise' ? [d.secondDerivativeFormula.text, d.secondDerivativeFormula.latex] : [];
      for (const field of [d.summary, d.explanation, d.formula.text, d.formula.latex, d.derivativeFormula.text, d.derivativeFormula.latex, ...second, d.range.text, d.family]) {
        assert.ok(field.trim().length > 0, `${d.name} has an empty text field`);
      }
      assert.ok(d.summary.length <= 100, `${d.name} summary is long`);
      assert.ok(d.explanation.length >= 120, `${d.name} explanation is too short to teach anything`);
      assert.ok(d.usedIn.length > 0 && d.problems.length > 0, `${d.name} needs uses and known problems`);
      const frameworks = Object.values(d.frameworks).flat();
      // Snake, squared ReLU and quick GELU (a Hugging Face/CLIP detail) have no builtin in the four frameworks
      assert.ok(frameworks.length > 0 || ['snake', 'squared_relu', 'quick_gelu'].includes(d.name), `${d.name} names no framework equivalent`);
      for (const p of d.parameters) assert.ok(p.description.length > 0, `${d.name}.${p.name} undocumented`);
    }
  });

  it('writes relu the way LANGUAGE.md shows it', () => {
    const relu = getActivation('relu');
    assert.equal(relu.formula.text, 'max(0, x)');
    assert.equal(relu.derivativeFormula.text, '1 if x > 0 else 0');
  });

  it('resolves aliases and presets to one definition', () => {
    assert.equal(getActivation('swish'), getActivation('silu'));
    const preset = resolveName('gelu_tanh');
    assert.equal(preset.definition, getActivation('gelu'));
    assert.deepEqual(preset.fixed, { approximate: 'tanh' });
    const x = fromNested([-1, 0.5, 2]);
    assert.deepEqual(applyActivation('gelu_tanh', x).data, applyActivation('gelu', x, { approximate: 'tanh' }).data);
    assert.notDeepEqual(applyActivation('gelu_tanh', x).data, applyActivation('gelu', x).data);
  });

  it("fills defaults and accepts PyTorch's parameter names", () => {
    const leaky = getActivation('leaky_relu');
    assert.deepEqual(resolveParameters(leaky, {}), { alpha: 0.01 });
    assert.deepEqual(resolveParameters(leaky, { negative_slope: 0.2 }), { alpha: 0.2 });
    assert.deepEqual(resolveParameters(getActivation('prelu'), { weight: 0.1 }), { alpha: 0.1 });
    assert.deepEqual(resolveParameters(getActivation('hardtanh'), {}), { min_val: -1, max_val: 1 });
  });

  it('refuses bad parameters with a message that helps', () => {
    assert.throws(() => resolveParameters(getActivation('leaky_relu'), { alpah: 0.1 }), engineError('unknown-parameter', /did you mean 'alpha'/));
    assert.throws(() => resolveParameters(getActivation('relu'), { alpha: 0.1 }), engineError('unknown-parameter', /takes no parameters/));
    assert.throws(() => resolveParameters(getActivation('threshold'), { value: 0 }), engineError('missing-parameter', /'threshold'/));
    assert.throws(() => resolveParameters(getActivation('gelu'), { approximate: 'fast' }), engineError('bad-parameter', /"none", "tanh"/));
    assert.throws(() => resolveParameters(getActivation('elu'), { alpha: 'big' }), engineError('bad-parameter', /must be a number/));
    assert.throws(() => resolveParameters(getActivation('hardtanh'), { min_val: 2, max_val: 1 }), engineError('bad-parameter', /below max_val/));
    assert.throws(() => resolveParameters(getActivation('softplus'), { beta: 0 }), engineError('bad-parameter', /positive/));
  });

  it('suggests the nearest activation for a misspelt name', () => {
    assert.throws(() => getActivation('rleu'), engineError('unknown-activation', /unknown activation 'rleu' \(did you mean 'relu'/));
    assert.throws(() => getActivation('gleu'), engineError('unknown-activation', /'gelu'/));
  });

  it('applies row-wise activations along the last axis of a matrix', () => {
    const m = fromNested([[1, 2, 3], [0, 0, 0]]);
    const y = applyActivation('softmax', m);
    assert.deepEqual(y.shape, [2, 3]);
    const rowSums = [y.data[0] + y.data[1] + y.data[2], y.data[3] + y.data[4] + y.data[5]];
    rowSums.forEach((s) => assert.ok(Math.abs(s - 1) < 1e-15));
    assert.equal(y.data[3], 1 / 3);
    const logs = applyActivation('log_softmax', fromNested([1000, 1000]));
    assert.deepEqual(Array.from(logs.data), [-Math.LN2, -Math.LN2]);
  });

  it('keeps the dtype: float32 in, float32 out, rounded once', () => {
    const x = fromNested([0.1, -2, 3], 'float32');
    const y = applyActivation('sigmoid', x);
    assert.equal(y.dtype, 'float32');
    assert.ok(y.data instanceof Float32Array);
    assert.equal(y.data[0], Math.fround(1 / (1 + Math.exp(-Math.fround(0.1)))));
    assert.equal(applyActivationDerivative('relu', x).dtype, 'float32');
  });
});
