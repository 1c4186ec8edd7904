import { strict as assert } from 'assert';
import { catalogue } from '../../../../src/engine/activations/catalogue';
import { frameworkCallAt, type FrameworkCall } from '../../../../src/services/frameworks/framework-call';
import { Session } from '../../../../src/language/runtime/session';

/** The call found when hovering the first character of `word` (its first occurrence) in `text`. */
function hover(text: string, word: string, language?: string): FrameworkCall | undefined {
  const at = text.indexOf(word);
  assert.ok(at >= 0, `${word} is in the snippet`);
  return frameworkCallAt(text, at + 1, { language });
}

function expectCall(text: string, word: string, expected: Partial<FrameworkCall>, language?: string): FrameworkCall {
  const found = hover(text, word, language);
  assert.ok(found, `a framework call at ${word} in ${JSON.stringify(text)}`);
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(found[key as keyof FrameworkCall], value, `${key} of ${JSON.stringify(text)}`);
  return found;
}

describe('framework calls under the mouse', () => {
  describe('Python: PyTorch', () => {
    it('reads module classes positionally and by keyword', () => {
      expectCall('act = nn.LeakyReLU(0.2)', 'LeakyReLU', { spelled: 'nn.LeakyReLU', qualified: 'torch.nn.LeakyReLU', framework: 'pytorch', name: 'leaky_relu', parameters: { alpha: 0.2 }, written: ['alpha'], expression: 'leaky_relu(alpha=0.2)' });
      expectCall("nn.GELU(approximate='tanh')", 'GELU', { parameters: { approximate: 'tanh' }, expression: 'gelu(approximate="tanh")' });
      expectCall('nn.ELU(1.0)', 'ELU', { parameters: { alpha: 1 }, written: ['alpha'], expression: 'elu' });
      expectCall('nn.Softplus(2, threshold=10)', 'Softplus', { parameters: { beta: 2, threshold: 10 }, written: ['beta', 'threshold'] });
      expectCall('nn.Hardtanh(-2., 2.)', 'Hardtanh', { parameters: { min_val: -2, max_val: 2 }, expression: 'hardtanh(min_val=-2, max_val=2)' });
      expectCall('nn.PReLU(num_parameters=64, init=0.1)', 'PReLU', { parameters: { alpha: 0.1 } });
      expectCall('nn.PReLU(64, 0.1)', 'PReLU', { parameters: { alpha: 0.1 }, written: ['alpha'] });
      expectCall('nn.ReLU(inplace=True)', 'ReLU', { name: 'relu', parameters: {}, problems: [], ignored: [], expression: 'relu' });
      expectCall('nn.ReLU(True)', 'ReLU', { name: 'relu', problems: [] });
      expectCall('nn.Threshold(0.1, 20)', 'Threshold', { parameters: { threshold: 0.1, value: 20 }, problems: [] });
      expectCall('torch.nn.modules.activation.Softshrink(lambd=1e-1)', 'Softshrink', { qualified: 'torch.nn.Softshrink', parameters: { lambd: 0.1 } });
    });

    it('skips the input of functional forms', () => {
      expectCall('y = F.leaky_relu(x, 0.2)', 'leaky_relu', { qualified: 'torch.nn.functional.leaky_relu', parameters: { alpha: 0.2 } });
      expectCall('y = F.leaky_relu(x, negative_slope=-5e-2, inplace=False)', 'leaky_relu', { parameters: { alpha: -0.05 } });
      expectCall('torch.nn.functional.silu(h)', 'silu', { name: 'silu', expression: 'silu' });
      expectCall('torch.relu(x)', 'relu', { qualified: 'torch.relu', name: 'relu' });
      expectCall('functional.gelu(x, approximate="tanh")', 'gelu', { qualified: 'torch.nn.functional.gelu', parameters: { approximate: 'tanh' } });
      expectCall('F.softmax(logits, dim=-1)', 'softmax', { name: 'softmax', problems: [], ignored: [] });
    });

    it('reads calls over several lines, with comments and trailing commas', () => {
      const text = 'layer = nn.Softplus(\n    beta=2.0,   # steeper, see (notes)\n    threshold=10,\n)\n';
      expectCall(text, 'Softplus', { parameters: { beta: 2, threshold: 10 } });
      expectCall('nn.LeakyReLU(\n  # slope, as in DCGAN\n  0.2\n)', 'LeakyReLU', { parameters: { alpha: 0.2 } });
    });

    it('finds the call under the mouse inside nested calls', () => {
      const text = 'model = nn.Sequential(nn.Linear(3, 4), nn.LeakyReLU(0.3), nn.Linear(4, 1), nn.Tanh())';
      expectCall(text, 'LeakyReLU', { name: 'leaky_relu', parameters: { alpha: 0.3 } });
      expectCall(text, 'Tanh', { name: 'tanh' });
      assert.equal(hover(text, 'Sequential'), undefined);
      assert.equal(hover(text, 'Linear'), undefined);
    });

    it('keeps defaults for non-literal arguments and lists them', () => {
      expectCall('nn.ELU(alpha=cfg.alpha)', 'ELU', { parameters: { alpha: 1 }, written: [], ignored: ['cfg.alpha'] });
      expectCall('nn.RReLU(1 / 8, 1 / 3)', 'RReLU', { written: [], ignored: ['1 / 8', '1 / 3'] });
      expectCall('nn.LeakyReLU(*args)', 'LeakyReLU', { ignored: ['*args'], parameters: { alpha: 0.01 } });
      const threshold = expectCall('nn.Threshold(t, 20)', 'Threshold', { parameters: { threshold: 0, value: 20 }, ignored: ['t'] });
      assert.match(threshold.problems.join(), /threshold not given as a literal/);
    });

    it('reports invalid literals and keeps the defaults', () => {
      const celu = expectCall('nn.CELU(0)', 'CELU', { parameters: { alpha: 1 }, written: [] });
      assert.match(celu.problems[0], /non-zero/);
      const rrelu = expectCall('nn.RReLU(0.5, 0.4)', 'RReLU', { parameters: { lower: 1 / 8, upper: 1 / 3 }, written: [] });
      assert.match(rrelu.problems[0], /lower \(0.5\) must not exceed upper \(0.4\)/);
      const gelu = expectCall("F.gelu(x, approximate='fast')", 'gelu', { parameters: { approximate: 'none' } });
      assert.match(gelu.problems[0], /must be one of/);
      const unknown = expectCall('F.elu(x, alhpa=0.5)', 'elu', { parameters: { alpha: 1 } });
      assert.match(unknown.problems[0], /'alhpa' is not a parameter of elu/);
    });

    it('does not match names without a framework prefix, methods, or comments', () => {
      for (const [text, word] of [
        ['y = my_relu(x)', 'my_relu'],
        ['relu = lambda x: max(x, 0)\ny = relu(3)', 'relu(3'],
        ['y = x.relu()', 'relu'],
        ['h = model.layers.foo(1)', 'foo'],
        ['# nn.LeakyReLU(0.2) would also work', 'LeakyReLU'],
        ['"""Uses nn.GELU() inside."""', 'GELU'],
        ["print('nn.ReLU')", 'ReLU'],
        ['y = relu6(x)', 'relu6'],
      ]) {
        assert.equal(hover(text, word, 'python'), undefined, text);
      }
    });

    it('matches a name that is not called, with defaults', () => {
      expectCall('act_cls = torch.nn.ReLU', 'ReLU', { qualified: 'torch.nn.ReLU', name: 'relu', parameters: {} });
      expectCall('fn = F.leaky_relu', 'leaky', { parameters: { alpha: 0.01 }, written: [] });
    });

    it('covers the whole dotted name, wherever in it the mouse is', () => {
      const text = 'y = torch.nn.functional.relu(x)';
      for (const word of ['torch', 'nn', 'functional', 'relu(']) {
        const found = expectCall(text, word, { qualified: 'torch.nn.functional.relu' });
        assert.equal(text.slice(found.start, found.end), 'torch.nn.functional.relu');
      }
      // the cursor just after the name
      assert.equal(frameworkCallAt('F.relu(x)', 'F.relu'.length)?.name, 'relu');
      assert.equal(frameworkCallAt('F.relu(x)', 'F.relu(x'.length), undefined);
    });
  });

  describe('Python: TensorFlow, Keras, JAX', () => {
    it('uses the framework defaults where they differ from ours', () => {
      expectCall('tf.nn.leaky_relu(features)', 'leaky_relu', { framework: 'tensorflow', parameters: { alpha: 0.2 }, expression: 'leaky_relu(alpha=0.2)' });
      expectCall('tf.nn.leaky_relu(features, alpha=0.1)', 'leaky_relu', { parameters: { alpha: 0.1 } });
      expectCall('keras.layers.LeakyReLU()', 'LeakyReLU', { framework: 'keras', parameters: { alpha: 0.3 } });
      expectCall('layers.LeakyReLU(negative_slope=0.1)', 'LeakyReLU', { qualified: 'keras.layers.LeakyReLU', parameters: { alpha: 0.1 } });
      expectCall('tf.keras.layers.LeakyReLU(alpha=0.2)', 'LeakyReLU', { qualified: 'keras.layers.LeakyReLU', parameters: { alpha: 0.2 } });
      expectCall('keras.activations.leaky_relu(x)', 'leaky', { parameters: { alpha: 0.2 } });
      expectCall('jax.nn.gelu(x)', 'gelu', { framework: 'jax', parameters: { approximate: 'tanh' } });
      expectCall('jax.nn.gelu(x, approximate=False)', 'gelu', { parameters: { approximate: 'none' }, written: ['approximate'] });
    });

    it('expands import aliases', () => {
      expectCall('tf.keras.activations.gelu(x, approximate=True)', 'gelu', { qualified: 'keras.activations.gelu', parameters: { approximate: 'tanh' } });
      expectCall('tensorflow.nn.relu(x)', 'relu', { qualified: 'tf.nn.relu', framework: 'tensorflow' });
      expectCall('activations.selu(x)', 'selu', { qualified: 'keras.activations.selu' });
      expectCall('jnn.silu(x)', 'silu', { qualified: 'jax.nn.silu' });
      expectCall('from jax import nn\ny = nn.relu(x)', 'relu(', { qualified: 'jax.nn.relu' });
      expectCall('jax.nn.leaky_relu(x, negative_slope=0.2)', 'leaky', { parameters: { alpha: 0.2 } });
      expectCall('tf.math.sigmoid(z)', 'sigmoid', { framework: 'tensorflow', name: 'sigmoid' });
    });

    it("turns Keras's ReLU arguments into the matching entry", () => {
      expectCall('keras.layers.ReLU(max_value=6)', 'ReLU', { name: 'relu6', expression: 'relu6' });
      expectCall('layers.ReLU(6.0)', 'ReLU', { name: 'relu6' });
      expectCall('keras.activations.relu(x, negative_slope=0.1)', 'relu', { name: 'leaky_relu', parameters: { alpha: 0.1 }, written: ['alpha'] });
      expectCall('tf.keras.activations.relu(x, alpha=0.1)', 'relu', { name: 'leaky_relu', parameters: { alpha: 0.1 } });
      expectCall('keras.activations.relu(x, threshold=0.5)', 'relu', { name: 'threshold', parameters: { threshold: 0.5, value: 0 }, written: ['threshold'], problems: [] });
      const mixed = expectCall('keras.layers.ReLU(max_value=3, negative_slope=0.1)', 'ReLU', { name: 'relu' });
      assert.match(mixed.problems[0], /no catalogue entry/);
    });

    it('renames Keras keywords the registry does not know', () => {
      expectCall('keras.activations.soft_shrink(x, threshold=0.2)', 'soft_shrink', { name: 'softshrink', parameters: { lambd: 0.2 } });
      expectCall('keras.activations.threshold(x, 0.5, default_value=-1)', 'threshold', { parameters: { threshold: 0.5, value: -1 } });
    });

    it('recognises Keras string activations, and only as activations', () => {
      const text = "model.add(layers.Dense(64, activation='relu'))\nx = layers.Dense(1, activation=\"leaky_relu\")(x)";
      const relu = expectCall(text, "'relu'", { spelled: 'relu', qualified: 'keras.activations.relu', framework: 'keras', name: 'relu' });
      assert.equal(text.slice(relu.start, relu.end), "'relu'");
      expectCall(text, 'leaky_relu', { name: 'leaky_relu', parameters: { alpha: 0.2 } });
      expectCall("layers.Activation('gelu')", 'gelu', { name: 'gelu' });
      expectCall("{'units': 8, 'activation': 'swish'}", 'swish', { name: 'silu' });
      assert.equal(hover("name = 'relu'", 'relu'), undefined);
      assert.equal(hover("layers.Dense(4, activation='linear')", 'linear'), undefined);
      assert.equal(hover("# activation='relu'", 'relu', 'python'), undefined);
    });
  });

  describe('TypeScript and JavaScript', () => {
    it('recognises TensorFlow.js ops and layers with object literal arguments', () => {
      expectCall('const y = tf.relu(x);', 'relu', { qualified: 'tf.relu', framework: 'tensorflow.js', name: 'relu' }, 'typescript');
      expectCall('const y = tf.leakyRelu(x);', 'leakyRelu', { parameters: { alpha: 0.2 } }, 'javascript');
      expectCall('const y = tf.leakyRelu(x, 0.1);', 'leakyRelu', { parameters: { alpha: 0.1 } }, 'javascript');
      expectCall('model.add(tf.layers.leakyReLU({alpha: 0.2}));', 'leakyReLU', { qualified: 'tf.layers.leakyReLU', parameters: { alpha: 0.2 }, written: ['alpha'] }, 'typescript');
      expectCall('tf.layers.leakyReLU()', 'leakyReLU', { parameters: { alpha: 0.3 } }, 'typescript');
      expectCall("tf.layers.reLU({ maxValue: 6, name: 'act' })", 'reLU', { name: 'relu6' }, 'typescript');
      expectCall('tf.layers.thresholdedReLU({theta: 0.5})', 'thresholded', { name: 'threshold', parameters: { threshold: 0.5, value: 0 } }, 'javascript');
      expectCall("tf.layers.elu({\n  alpha: 0.5, // softer\n})", 'elu', { parameters: { alpha: 0.5 } }, 'javascript');
      expectCall('tf.sigmoid(z)', 'sigmoid', { name: 'sigmoid' }, 'javascript');
      expectCall("tf.layers.dense({units: 4, activation: 'hardSigmoid'})", 'hardSigmoid', { name: 'hardsigmoid', framework: 'tensorflow.js' }, 'typescript');
    });

    it('ignores JavaScript comments and strings', () => {
      assert.equal(hover('// tf.relu(x)', 'relu', 'typescript'), undefined);
      assert.equal(hover('/* see\n tf.layers.leakyReLU */', 'leaky', 'javascript'), undefined);
      assert.equal(hover('const s = `tf.relu`;', 'relu', 'javascript'), undefined);
      expectCall('/* a */ tf.relu(x) // b', 'relu(', { name: 'relu' }, 'javascript');
    });
  });

  it('always gives an expression that our language evaluates to a function', () => {
    const session = new Session();
    const snippets: [string, string][] = [
      ['nn.LeakyReLU(0.2)', 'Leaky'], ["nn.GELU(approximate='tanh')", 'GELU'], ['nn.Hardtanh(-2, 3)', 'Hardtanh'],
      ['nn.Threshold(0.5, -1)', 'Threshold'], ['keras.activations.relu(x, threshold=0.5)', 'relu'], ['nn.Softplus(0.5, 1e1)', 'Softplus'],
      ['nn.RReLU(0.1, 0.3)', 'RReLU'], ['jax.nn.squareplus(x, b=1.5)', 'squareplus'], ['nn.Threshold(t, v)', 'Threshold'],
    ];
    for (const [text, word] of snippets) {
      const found = hover(text, word)!;
      const result = session.run(found.expression);
      assert.equal(result.display.kind, 'function', `${found.expression}: ${JSON.stringify(result.display)}`);
    }
  });

  it('finds every framework name of the catalogue when written out in full', () => {
    for (const d of catalogue) {
      for (const qualified of Object.values(d.frameworks).flat()) {
        const found = frameworkCallAt(`y = ${qualified}(x)`, 5);
        assert.equal(found?.name, d.name, qualified);
        const result = new Session().run(found.expression);
        assert.equal(result.display.kind, 'function', `${qualified} → ${found.expression}`);
      }
    }
  });
});
