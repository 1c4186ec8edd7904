import { strict as assert } from 'assert';
import { catalogue } from '../../../../src/engine/activations/catalogue';
import { matchFrameworkName, matchStringActivation, type FrameworkName } from '../../../../src/services/frameworks/framework-names';

/**
 * What the hover's own TensorFlow.js table resolved before those names moved
 * into the catalogue entries: each must resolve the same way through them.
 */
const TFJS_BEFORE: readonly FrameworkName[] = [
  ['tf.relu', 'relu'], ['tf.relu6', 'relu6'], ['tf.leakyRelu', 'leaky_relu'], ['tf.prelu', 'prelu'], ['tf.elu', 'elu'],
  ['tf.selu', 'selu'], ['tf.logSigmoid', 'logsigmoid'], ['tf.softplus', 'softplus'], ['tf.softmax', 'softmax'],
  ['tf.logSoftmax', 'log_softmax'], ['tf.layers.reLU', 'relu'], ['tf.layers.leakyReLU', 'leaky_relu'], ['tf.layers.prelu', 'prelu'],
  ['tf.layers.elu', 'elu'], ['tf.layers.softmax', 'softmax'], ['tf.layers.thresholdedReLU', 'threshold'],
].map(([qualified, name]) => ({ qualified, framework: 'tensorflow.js', name }));

describe('framework names from the catalogue', () => {
  it('resolves the TensorFlow.js names as the hover table did', () => {
    for (const expected of TFJS_BEFORE) assert.deepEqual(matchFrameworkName(expected.qualified), expected);
    // the same name in TensorFlow (Python) is claimed by it first
    assert.deepEqual(matchFrameworkName('tf.sigmoid'), { qualified: 'tf.sigmoid', framework: 'tensorflow', name: 'sigmoid' });
    assert.deepEqual(matchFrameworkName('tf.tanh'), { qualified: 'tf.tanh', framework: 'tensorflow', name: 'tanh' });
    assert.deepEqual(matchFrameworkName('tfjs.layers.leakyReLU'), { qualified: 'tf.layers.leakyReLU', framework: 'tensorflow.js', name: 'leaky_relu' });
  });

  it("resolves TensorFlow.js's own string ids, and Keras's where they agree", () => {
    assert.deepEqual(matchStringActivation('hardSigmoid'), { qualified: 'hardSigmoid', framework: 'tensorflow.js', name: 'hardsigmoid' });
    assert.equal(matchStringActivation('swish')?.name, 'silu');
    assert.equal(matchStringActivation('relu')?.framework, 'keras');
    assert.equal(matchStringActivation('hardSigmoidal'), undefined);
  });

  it("every entry's TensorFlow.js names and ids resolve to that entry", () => {
    let names = 0;
    for (const d of catalogue) {
      for (const qualified of d.frameworks.tensorflowjs) {
        assert.equal(matchFrameworkName(qualified)?.name, d.name, qualified);
        names++;
      }
      for (const id of d.tensorflowjsIds ?? []) assert.equal(matchStringActivation(id)?.name, d.name, id);
    }
    assert.ok(names >= TFJS_BEFORE.length, `the catalogue lists ${names} TensorFlow.js names`);
  });
});
