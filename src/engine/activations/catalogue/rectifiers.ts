/**
 * Rectifiers: the ReLU family, piecewise-linear (or piecewise-polynomial) units
 * that pass positive inputs through and suppress or scale negative ones.
 */
import type { ActivationDefinition } from '../definition';
import {
  leakyRelu,
  leakyReluGrad,
  piecewiseLinearSecondDerivative,
  relu,
  relu6,
  relu6Grad,
  reluGrad,
  squaredRelu,
  squaredReluGrad,
  squaredReluSecondDerivative,
  threshold,
  thresholdGrad,
} from '../math/piecewise';
import { LEAKY_RELU_WASM, RELU6_WASM, RELU_WASM, RRELU_WASM, SQUARED_RELU_WASM, THRESHOLD_WASM } from '../vector/piecewise';

const FAMILY = 'Rectifiers';

export const rectifiers: readonly ActivationDefinition[] = [
  {
    kind: 'elementwise',
    name: 'relu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Rectified linear unit: passes positive inputs, zeroes negative ones',
    explanation:
      'ReLU returns its input when it is positive and 0 otherwise, so a unit is either "off" or acts as a ' +
      'plain linear function. Because the slope is exactly 1 for every positive input, gradients pass through ' +
      'active units without shrinking, which is what made very deep networks trainable where sigmoid and tanh ' +
      'saturated (Nair & Hinton, 2010; Glorot, Bordes & Bengio, 2011; Krizhevsky et al., 2012). It is also ' +
      'the cheapest non-linearity there is and gives sparse activations. It remains the default choice for ' +
      'convolutional networks and a sensible baseline for almost any new model.',
    parameters: [],
    formula: { text: 'max(0, x)', latex: '\\max(0, x)' },
    derivativeFormula: {
      text: '1 if x > 0 else 0',
      latex: '\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
    },
    range: { text: '[0, ∞)', latex: '[0, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: false,
      smooth: false,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['ResNet and most CNNs', 'AlexNet, VGG', 'original Transformer feed-forward layers (Vaswani et al. 2017)'],
    problems: [
      'dying ReLU: a unit whose input stays negative outputs 0 and receives no gradient, so it may never recover',
      'not zero-centred: outputs are never negative, so mean activations drift positive',
      'unbounded above: activations can grow large without normalisation',
      'kink at 0: not differentiable there (autograd uses 0)',
    ],
    frameworks: {
      pytorch: ['torch.nn.ReLU', 'torch.nn.functional.relu', 'torch.relu'],
      tensorflow: ['tf.nn.relu'],
      keras: ['keras.activations.relu', 'keras.layers.ReLU'],
      jax: ['jax.nn.relu'],
      tensorflowjs: ['tf.relu', 'tf.layers.reLU'],
    },
    kinks: () => [0],
    scalar: {
      value: (x) => relu(x),
      derivative: (x) => reluGrad(x),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = relu(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = reluGrad(x[i]); },
      backward: (x, g, dx) => { for (let i = 0; i < x.length; i++) { const v = x[i]; dx[i] = v > 0 ? g[i] : v <= 0 ? 0 : v; } },
    },
    wasmKernel: 'relu',
    wasm: RELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'relu6',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'ReLU capped at 6: min(max(0, x), 6)',
    explanation:
      'ReLU6 is a ReLU whose output is clipped at 6, so activations stay in [0, 6]. The cap was first used by ' +
      'Krizhevsky (2010) and became standard in mobile networks (Howard et al., 2017, MobileNet) because a ' +
      'small fixed range survives low-precision (8-bit fixed-point) arithmetic well. Inside (0, 6) it behaves ' +
      'exactly like ReLU; above 6 it saturates and passes no gradient. Use it when you plan to quantise a ' +
      'model, or to reproduce MobileNet-style architectures.',
    parameters: [],
    formula: { text: 'min(max(0, x), 6)', latex: '\\min(\\max(0, x), 6)' },
    derivativeFormula: {
      text: '1 if 0 < x < 6 else 0',
      latex: '\\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}',
    },
    range: { text: '[0, 6]', latex: '[0, 6]' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: true,
      smooth: false,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['MobileNetV1 and MobileNetV2', 'quantised on-device models'],
    problems: [
      'dying units below 0, as with ReLU',
      'saturates above 6: no gradient for large inputs',
      'not zero-centred',
      'kinks at 0 and 6 (autograd uses 0 at both)',
    ],
    frameworks: {
      pytorch: ['torch.nn.ReLU6', 'torch.nn.functional.relu6'],
      tensorflow: ['tf.nn.relu6'],
      keras: ['keras.activations.relu6'],
      jax: ['jax.nn.relu6'],
      tensorflowjs: ['tf.relu6'],
    },
    kinks: () => [0, 6],
    scalar: {
      value: (x) => relu6(x),
      derivative: (x) => relu6Grad(x),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = relu6(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = relu6Grad(x[i]); },
    },
    wasm: RELU6_WASM,
  },
  {
    kind: 'elementwise',
    name: 'leaky_relu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'ReLU with a small fixed slope alpha for negative inputs',
    explanation:
      'Leaky ReLU keeps the identity for positive inputs but multiplies negative inputs by a small slope alpha ' +
      '(0.01 by default) instead of zeroing them. The negative side therefore always passes a little gradient, ' +
      'which was proposed as a cure for dying ReLUs (Maas, Hannun & Ng, 2013). In practice it performs much ' +
      'like ReLU; it is popular in GAN discriminators, usually with a larger slope such as 0.2. Beware that ' +
      'defaults differ between frameworks: PyTorch and JAX use 0.01, TensorFlow and Keras 3 use 0.2.',
    parameters: [
      {
        name: 'alpha',
        symbol: '\\alpha',
        aliases: ['negative_slope'],
        default: 0.01,
        slider: { min: 0, max: 1 },
        description: 'Slope applied to negative inputs (PyTorch: negative_slope).',
      },
    ],
    formula: {
      text: 'x if x > 0 else alpha * x',
      latex: '\\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if x > 0 else alpha',
      latex: '\\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}',
    },
    range: { text: '(-∞, ∞) for alpha > 0', latex: '(-\\infty, \\infty) \\text{ for } \\alpha > 0' },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: false,
      smooth: false,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['DCGAN discriminators (slope 0.2)', 'YOLOv2 and YOLOv3 (slope 0.1)'],
    problems: [
      'negative outputs are tiny (alpha * x), so in practice mean activations still sit well above zero',
      'alpha is one more hyperparameter, and framework defaults disagree (0.01 vs 0.2)',
      'unbounded in both directions',
      'kink at 0 (autograd uses alpha there)',
    ],
    frameworks: {
      pytorch: ['torch.nn.LeakyReLU', 'torch.nn.functional.leaky_relu'],
      tensorflow: ['tf.nn.leaky_relu'],
      keras: ['keras.activations.leaky_relu', 'keras.layers.LeakyReLU'],
      jax: ['jax.nn.leaky_relu'],
      tensorflowjs: ['tf.leakyRelu', 'tf.layers.leakyReLU'],
    },
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
    scalar: {
      value: (x, p) => leakyRelu(x, p.alpha as number),
      derivative: (x, p) => leakyReluGrad(x, p.alpha as number),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = leakyRelu(x[i], a); },
      derivative: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = leakyReluGrad(x[i], a); },
      backward: (x, g, dx, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) { const v = x[i]; dx[i] = v > 0 ? g[i] : v <= 0 ? a * g[i] : v; } },
    },
    wasm: LEAKY_RELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'prelu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Parametric ReLU: leaky ReLU whose negative slope alpha is learned',
    explanation:
      'PReLU has the same shape as leaky ReLU, x for positive inputs and alpha * x for negative ones, but ' +
      'alpha is a parameter the network learns by gradient descent, either one per layer or one per channel. ' +
      'He et al. (2015, "Delving Deep into Rectifiers") introduced it together with He initialisation and ' +
      'used it in the first ImageNet model reported to surpass human-level accuracy. Letting the data choose ' +
      'the slope costs almost nothing, but it adds parameters that can overfit small data sets. Here alpha is ' +
      'a fixed number (default 0.25, PyTorch\'s initial value) so you can see the shape the network starts from.',
    parameters: [
      {
        name: 'alpha',
        symbol: '\\alpha',
        aliases: ['weight', 'init'],
        default: 0.25,
        slider: { min: 0, max: 1 },
        learnable: true,
        description: 'Slope for negative inputs, learned during training (PyTorch: weight, initialised by init=0.25).',
      },
    ],
    formula: {
      text: 'x if x > 0 else alpha * x',
      latex: '\\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if x > 0 else alpha',
      latex: '\\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}',
    },
    range: { text: '(-∞, ∞) for alpha > 0', latex: '(-\\infty, \\infty) \\text{ for } \\alpha > 0' },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: false,
      smooth: false,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['He et al. 2015 ImageNet models', 'SRResNet / SRGAN generators (super-resolution)'],
    problems: [
      'extra learned parameters that can overfit small data sets',
      'nothing stops the learned alpha from becoming negative (non-monotonic) or larger than 1',
      'weight decay on alpha pulls it towards 0, i.e. towards plain ReLU',
      'kink at 0 (autograd uses alpha there)',
    ],
    frameworks: {
      pytorch: ['torch.nn.PReLU', 'torch.nn.functional.prelu'],
      tensorflow: [],
      keras: ['keras.layers.PReLU'],
      jax: [],
      tensorflowjs: ['tf.prelu', 'tf.layers.prelu'],
    },
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
    scalar: {
      value: (x, p) => leakyRelu(x, p.alpha as number),
      derivative: (x, p) => leakyReluGrad(x, p.alpha as number),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = leakyRelu(x[i], a); },
      derivative: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = leakyReluGrad(x[i], a); },
      backward: (x, g, dx, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) { const v = x[i]; dx[i] = v > 0 ? g[i] : v <= 0 ? a * g[i] : v; } },
      // d/d alpha of alpha * x is x on the negative side; 0 elsewhere (NaN inputs add nothing)
      parameterGradients: { alpha: (x, g) => { let sum = 0; for (let i = 0; i < x.length; i++) { const v = x[i]; if (v < 0) sum += g[i] * v; } return sum; } },
    },
    wasm: LEAKY_RELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'rrelu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Randomised leaky ReLU: random negative slope in training, mean slope at test',
    explanation:
      'Randomised leaky ReLU draws the negative slope uniformly from [lower, upper] for every element during ' +
      'training, which acts as a form of noise regularisation; at evaluation time it uses the fixed mean slope ' +
      '(lower + upper) / 2. Xu et al. (2015, "Empirical Evaluation of Rectified Activations") found it reduced ' +
      'overfitting compared with ReLU and leaky ReLU on small benchmarks. Activation Lab shows the deterministic ' +
      'evaluation-mode function, so rrelu here is a leaky ReLU with slope (1/8 + 1/3) / 2 ≈ 0.229 by default. ' +
      'It is rarely used in modern architectures.',
    parameters: [
      { name: 'lower', aliases: [], default: 1 / 8, slider: { min: 0, max: 0.5 }, description: 'Lower bound of the random negative slope.' },
      { name: 'upper', aliases: [], default: 1 / 3, slider: { min: 0, max: 1 }, description: 'Upper bound of the random negative slope.' },
    ],
    formula: {
      text: 'x if x > 0 else (lower + upper) / 2 * x',
      latex: '\\begin{cases} x & x > 0 \\\\ \\frac{\\mathrm{lower} + \\mathrm{upper}}{2}\\, x & x \\le 0 \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if x > 0 else (lower + upper) / 2',
      latex: '\\begin{cases} 1 & x > 0 \\\\ \\frac{\\mathrm{lower} + \\mathrm{upper}}{2} & x \\le 0 \\end{cases}',
    },
    range: { text: '(-∞, ∞) for lower + upper > 0', latex: '(-\\infty, \\infty) \\text{ for } \\mathrm{lower} + \\mathrm{upper} > 0' },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: false,
      smooth: false,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['Xu et al. 2015 experiments (CIFAR-10/100, Kaggle National Data Science Bowl)'],
    problems: [
      'training and evaluation behave differently (random slope vs mean slope)',
      'the randomness makes results harder to reproduce',
      'little evidence of benefit on large modern models',
      'kink at 0',
    ],
    frameworks: {
      pytorch: ['torch.nn.RReLU', 'torch.nn.functional.rrelu'],
      tensorflow: [],
      keras: [],
      jax: [],
      tensorflowjs: [],
    },
    validate: (p) => ((p.lower as number) <= (p.upper as number) ? undefined : `lower (${p.lower}) must not exceed upper (${p.upper})`),
    kinks: () => [0],
    scalar: {
      value: (x, p) => leakyRelu(x, ((p.lower as number) + (p.upper as number)) / 2),
      derivative: (x, p) => leakyReluGrad(x, ((p.lower as number) + (p.upper as number)) / 2),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y, p) => { const a = ((p.lower as number) + (p.upper as number)) / 2; for (let i = 0; i < x.length; i++) y[i] = leakyRelu(x[i], a); },
      derivative: (x, y, p) => { const a = ((p.lower as number) + (p.upper as number)) / 2; for (let i = 0; i < x.length; i++) y[i] = leakyReluGrad(x[i], a); },
    },
    wasm: RRELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'threshold',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Passes x above a threshold, otherwise outputs a fixed value',
    explanation:
      'Threshold keeps inputs that are strictly greater than threshold and replaces everything else by a ' +
      'constant value. With threshold = 0 and value = 0 it is exactly ReLU, so it is best seen as a ' +
      'generalised rectifier, and it is the closest PyTorch module to a classic step-like "firing threshold". ' +
      'When value differs from threshold the function jumps at the threshold, and its gradient there (and below ' +
      'it) is zero. It is mainly a teaching and utility function rather than a modern hidden-layer activation; ' +
      'both parameters must be given.',
    parameters: [
      { name: 'threshold', aliases: [], slider: { min: -3, max: 3, start: 1 }, description: 'Inputs at or below this level are replaced.' },
      { name: 'value', aliases: [], slider: { min: -3, max: 3, start: 0 }, description: 'The output used for inputs at or below the threshold.' },
    ],
    formula: {
      text: 'x if x > threshold else value',
      latex: '\\begin{cases} x & x > \\mathrm{threshold} \\\\ \\mathrm{value} & x \\le \\mathrm{threshold} \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if x > threshold else 0',
      latex: '\\begin{cases} 1 & x > \\mathrm{threshold} \\\\ 0 & x \\le \\mathrm{threshold} \\end{cases}',
    },
    range: {
      text: '{value} ∪ (threshold, ∞)',
      latex: '\\{\\mathrm{value}\\} \\cup (\\mathrm{threshold}, \\infty)',
    },
    properties: {
      monotonic: false,
      boundedBelow: true,
      boundedAbove: false,
      smooth: false,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['ReLU is the special case threshold = 0, value = 0', 'teaching: the firing threshold of simple neuron models'],
    problems: [
      'discontinuous at the threshold unless value = threshold',
      'monotonic only when value <= threshold',
      'zero gradient for every input at or below the threshold (dying units, as with ReLU)',
      'two parameters with no defaults',
    ],
    frameworks: {
      pytorch: ['torch.nn.Threshold', 'torch.nn.functional.threshold'],
      tensorflow: [],
      keras: ['keras.activations.threshold'],
      jax: [],
      tensorflowjs: ['tf.layers.thresholdedReLU'],
    },
    kinks: (p) => [p.threshold as number],
    scalar: {
      value: (x, p) => threshold(x, p.threshold as number, p.value as number),
      derivative: (x, p) => thresholdGrad(x, p.threshold as number),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y, p) => { const t = p.threshold as number; const v = p.value as number; for (let i = 0; i < x.length; i++) y[i] = threshold(x[i], t, v); },
      derivative: (x, y, p) => { const t = p.threshold as number; for (let i = 0; i < x.length; i++) y[i] = thresholdGrad(x[i], t); },
    },
    wasm: THRESHOLD_WASM,
  },
  {
    kind: 'elementwise',
    name: 'squared_relu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Squared ReLU: max(0, x)^2, found by architecture search for Transformers',
    explanation:
      'Squared ReLU squares the output of a ReLU: zero for negative inputs and x^2 for positive ones. So et al. ' +
      '(2021, "Primer") found it by searching over Transformer modifications and reported that it noticeably ' +
      'speeds up language-model training compared with GELU. Unlike ReLU its derivative, 2 * max(0, x), is ' +
      'continuous, so the function is C¹ (its second derivative still jumps at 0). The quadratic growth gives ' +
      'large activations for large inputs, so it is normally used inside normalised Transformer blocks.',
    parameters: [],
    formula: { text: 'max(0, x)^2', latex: '\\max(0, x)^2' },
    derivativeFormula: { text: '2 * max(0, x)', latex: '2 \\max(0, x)' },
    range: { text: '[0, ∞)', latex: '[0, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['Primer (squared ReLU)', 'Nemotron-4 language models (NVIDIA, 2024)'],
    problems: [
      'quadratic growth can explode activations without normalisation',
      'zero gradient for all negative inputs (dying units, as with ReLU)',
      'not zero-centred',
      'second derivative jumps at 0',
    ],
    frameworks: {
      pytorch: [],
      tensorflow: [],
      keras: [],
      jax: [],
      tensorflowjs: [],
    },
    kinks: () => [],
    scalar: {
      value: (x) => squaredRelu(x),
      derivative: (x) => squaredReluGrad(x),
      secondDerivative: (x) => squaredReluSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = squaredRelu(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = squaredReluGrad(x[i]); },
    },
    wasm: SQUARED_RELU_WASM,
  },
];
