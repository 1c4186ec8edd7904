/**
 * Normalisers: activations over a whole row (the last axis) rather than one
 * element at a time. `derivative` is the diagonal of the Jacobian.
 */
import type { ActivationDefinition } from '../definition';
import {
  logSoftmaxRow,
  logSoftmaxRowBackward,
  logSoftmaxRowDiagonal,
  softmaxRow,
  softmaxRowBackward,
  softmaxRowDiagonal,
} from '../math/softmax';

const FAMILY = 'Normalisers';

export const normalisers: readonly ActivationDefinition[] = [
  {
    kind: 'rowwise',
    name: 'softmax',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Turns a vector of scores into probabilities: exp(x_i) / sum_j exp(x_j)',
    explanation:
      'Softmax exponentiates each entry of a row and divides by the row total, so the outputs are positive and ' +
      'sum to 1: a probability distribution that keeps the order of the inputs and exaggerates their ' +
      'differences. It is a smooth version of argmax and, being the Boltzmann distribution of statistical ' +
      'physics, was named "softmax" by Bridle (1990). Adding the same constant to every input leaves it ' +
      'unchanged, which is why implementations subtract the row maximum before exponentiating. It is the ' +
      'standard output layer for multi-class classification and computes the attention weights in Transformers ' +
      '(Vaswani et al., 2017). Each output depends on the whole row, so the derivative plotted here is only the ' +
      'diagonal of the Jacobian.',
    parameters: [],
    formula: {
      text: 'exp(x_i) / sum_j exp(x_j)',
      latex: '\\frac{e^{x_i}}{\\sum_{j} e^{x_j}}',
    },
    derivativeFormula: {
      text: 'y_i * (1 - y_i), y = softmax(x) (diagonal of the Jacobian; off-diagonal entries are -y_i * y_j)',
      latex: '\\frac{\\partial y_i}{\\partial x_i} = y_i (1 - y_i),\\quad \\frac{\\partial y_i}{\\partial x_j} = -y_i y_j \\ (i \\ne j)',
    },
    range: { text: '(0, 1), each row sums to 1', latex: '(0, 1),\\ \\textstyle\\sum_i y_i = 1' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: true,
      smooth: true,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['multi-class classification output layers', 'Transformer attention weights', 'policy networks over discrete actions'],
    problems: [
      'naive exp overflows for large inputs; subtract the row maximum first',
      'saturates: when one entry dominates, gradients to the others vanish',
      'outputs are coupled across the row, so it is not an elementwise activation',
      'tends to be over-confident; often paired with label smoothing or temperature scaling',
    ],
    frameworks: {
      pytorch: ['torch.nn.Softmax', 'torch.nn.functional.softmax', 'torch.softmax'],
      tensorflow: ['tf.nn.softmax'],
      keras: ['keras.activations.softmax', 'keras.layers.Softmax'],
      jax: ['jax.nn.softmax'],
      tensorflowjs: ['tf.softmax', 'tf.layers.softmax'],
    },
    kinks: () => [],
    // d/dz of cross-entropy of softmax(z) against a one-hot (or any summing-to-1) y is softmax(z) - y
    fusedLoss: 'ce',
    rows: {
      value: softmaxRow,
      derivative: softmaxRowDiagonal,
      backward: softmaxRowBackward,
    },
  },
  {
    kind: 'rowwise',
    name: 'log_softmax',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Log-probabilities of a softmax, computed stably: x_i - logsumexp(x)',
    explanation:
      'log_softmax returns the logarithm of the softmax, x_i - log(sum_j exp(x_j)), in one numerically stable ' +
      'step. Taking log(softmax(x)) separately loses precision: tiny probabilities round to 0 and their log ' +
      'becomes -∞, whereas the fused form stays finite and accurate. Paired with the negative log-likelihood ' +
      'loss it gives cross-entropy, and its gradient, softmax(x) minus the one-hot target, is famously simple. ' +
      'Use it for classification and language-model training whenever you need log-probabilities.',
    parameters: [],
    formula: {
      text: 'x_i - log(sum_j exp(x_j))',
      latex: 'x_i - \\log \\sum_{j} e^{x_j}',
    },
    derivativeFormula: {
      text: '1 - softmax(x)_i (diagonal of the Jacobian; off-diagonal entries are -softmax(x)_j)',
      latex: '\\frac{\\partial y_i}{\\partial x_i} = 1 - \\operatorname{softmax}(x)_i,\\quad \\frac{\\partial y_i}{\\partial x_j} = -\\operatorname{softmax}(x)_j \\ (i \\ne j)',
    },
    range: { text: '(-∞, 0)', latex: '(-\\infty, 0)' },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: true,
      smooth: true,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['cross-entropy / NLL loss for classification', 'language-model training (token log-probabilities)'],
    problems: [
      'outputs are coupled across the row, so it is not an elementwise activation',
      'computing log(softmax(x)) in two steps underflows; use this fused form',
    ],
    frameworks: {
      pytorch: ['torch.nn.LogSoftmax', 'torch.nn.functional.log_softmax', 'torch.log_softmax'],
      tensorflow: ['tf.nn.log_softmax'],
      keras: ['keras.activations.log_softmax'],
      jax: ['jax.nn.log_softmax'],
      tensorflowjs: ['tf.logSoftmax'],
    },
    kinks: () => [],
    rows: {
      value: logSoftmaxRow,
      derivative: logSoftmaxRowDiagonal,
      backward: logSoftmaxRowBackward,
    },
  },
];
