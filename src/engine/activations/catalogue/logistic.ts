/**
 * The logistic family: sigmoid, tanh and their relatives (log-sigmoid,
 * softplus, softsign, tanhshrink). Smooth, classical, and mostly saturating.
 */
import type { ActivationDefinition } from '../definition';
import {
  logsigmoid,
  logsigmoidGrad,
  logsigmoidSecondDerivative,
  sigmoid,
  sigmoidGrad,
  sigmoidSecondDerivative,
  softplus,
  softplusGrad,
  softplusSecondDerivative,
  softsign,
  softsignGrad,
  softsignSecondDerivative,
  tanh,
  tanhGrad,
  tanhSecondDerivative,
  tanhshrink,
  tanhshrinkGrad,
  tanhshrinkSecondDerivative,
} from '../math/logistic';
// softplus has no wasm loop for now: its JavaScript form (math/logistic.ts) gained accuracy at non-default beta
// that SOFTPLUS_WASM in ../vector/logistic does not follow yet, and the two paths must give the same bits.
import { LOGSIGMOID_WASM, SIGMOID_WASM, SOFTSIGN_WASM, TANH_WASM, TANHSHRINK_WASM } from '../vector/logistic';

const FAMILY = 'Logistic';

export const logistic: readonly ActivationDefinition[] = [
  {
    kind: 'elementwise',
    name: 'sigmoid',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Logistic sigmoid: squashes any input into (0, 1)',
    explanation:
      'The logistic sigmoid maps any real number smoothly into (0, 1), with sigmoid(0) = 0.5, so its output ' +
      'reads naturally as a probability or a firing rate; it descends from the logistic model of population ' +
      'growth and was the classic unit of early backpropagation networks (Rumelhart, Hinton & Williams, 1986). ' +
      'Its derivative is at most 0.25 and vanishes for large |x|, so stacking many sigmoid layers makes ' +
      'gradients shrink geometrically, which is why hidden layers moved to tanh and then ReLU. Today it is used ' +
      'where a value in (0, 1) is wanted: binary-classification outputs and the gates of LSTMs, GRUs and ' +
      'attention-style gating.',
    parameters: [],
    formula: { text: '1 / (1 + exp(-x))', latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}' },
    derivativeFormula: {
      text: 'sigmoid(x) * (1 - sigmoid(x))',
      latex: '\\sigma(x)\\,(1 - \\sigma(x))',
    },
    range: { text: '(0, 1)', latex: '(0, 1)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: true,
      smooth: true,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['LSTM gates (sigmoid, tanh)', 'binary classification and multi-label outputs', 'logistic regression'],
    problems: [
      'saturation → vanishing gradients for |x| large (derivative ≤ 0.25 everywhere)',
      'not zero-centred: outputs are always positive (0.5 at x = 0)',
      'more expensive than ReLU (exp)',
    ],
    frameworks: {
      pytorch: ['torch.nn.Sigmoid', 'torch.nn.functional.sigmoid', 'torch.sigmoid'],
      tensorflow: ['tf.math.sigmoid', 'tf.nn.sigmoid', 'tf.sigmoid'],
      keras: ['keras.activations.sigmoid'],
      jax: ['jax.nn.sigmoid'],
      tensorflowjs: ['tf.sigmoid'],
    },
    kinks: () => [],
    // d/dz of binary cross-entropy of sigmoid(z) is sigmoid(z) - y
    fusedLoss: 'bce',
    scalar: {
      value: (x) => sigmoid(x),
      derivative: (x) => sigmoidGrad(x),
      secondDerivative: (x) => sigmoidSecondDerivative(x),
    },
    // exact, and the form every textbook shows
    derivativeExpression: 'sigmoid(x)*(1 - sigmoid(x))',
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = sigmoid(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = sigmoidGrad(x[i]); },
    },
    wasm: SIGMOID_WASM,
  },
  {
    kind: 'elementwise',
    name: 'logsigmoid',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Log of the sigmoid, computed stably: log(sigmoid(x)) = -softplus(-x)',
    explanation:
      'logsigmoid is the logarithm of the sigmoid, equal to -softplus(-x): about x for very negative inputs and ' +
      'about 0 for large positive ones. Computing log(sigmoid(x)) naively loses all precision (or returns -∞) ' +
      'once sigmoid(x) underflows, so libraries provide this fused, numerically stable form. It is rarely a ' +
      'hidden-layer activation; it appears inside losses, where the log-probability of a binary event is ' +
      'needed: logistic and binary cross-entropy losses, word2vec negative sampling, and preference losses such ' +
      'as DPO. Its derivative, 1 - sigmoid(x), never vanishes for negative inputs.',
    parameters: [],
    formula: {
      text: 'log(sigmoid(x)) = -softplus(-x) = -log(1 + exp(-x))',
      latex: '\\log \\sigma(x) = -\\log\\bigl(1 + e^{-x}\\bigr)',
    },
    derivativeFormula: {
      text: '1 - sigmoid(x) = sigmoid(-x)',
      latex: '1 - \\sigma(x) = \\sigma(-x)',
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
    usedIn: ['binary cross-entropy on logits', 'word2vec negative sampling (Mikolov et al. 2013)', 'DPO preference loss'],
    problems: [
      'naive log(sigmoid(x)) underflows for very negative x; use this fused form',
      'not zero-centred (log(0.5) ≈ -0.693 at x = 0) and unbounded below',
      'saturates for large positive inputs',
    ],
    frameworks: {
      pytorch: ['torch.nn.LogSigmoid', 'torch.nn.functional.logsigmoid'],
      tensorflow: ['tf.math.log_sigmoid'],
      keras: ['keras.activations.log_sigmoid'],
      jax: ['jax.nn.log_sigmoid'],
      tensorflowjs: ['tf.logSigmoid'],
    },
    kinks: () => [],
    scalar: {
      value: (x) => logsigmoid(x),
      derivative: (x) => logsigmoidGrad(x),
      secondDerivative: (x) => logsigmoidSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = logsigmoid(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = logsigmoidGrad(x[i]); },
    },
    wasm: LOGSIGMOID_WASM,
  },
  {
    kind: 'elementwise',
    name: 'tanh',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Hyperbolic tangent: a zero-centred sigmoid with range (-1, 1)',
    explanation:
      'tanh squashes its input smoothly into (-1, 1); it is a rescaled sigmoid, tanh(x) = 2 * sigmoid(2x) - 1. ' +
      'Because it is zero-centred with slope 1 at the origin, it trains faster than the logistic sigmoid in ' +
      'hidden layers, as LeCun et al. ("Efficient BackProp", 1998) recommended. Like the sigmoid it saturates, ' +
      'so deep stacks of tanh layers suffer from vanishing gradients (Glorot & Bengio, 2010). It remains the ' +
      'standard squashing function inside recurrent cells (the LSTM candidate and output, the GRU candidate) and ' +
      'for outputs that must lie in (-1, 1), such as image generators and continuous-control actions.',
    parameters: [],
    formula: {
      text: 'tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x))',
      latex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    },
    derivativeFormula: { text: '1 - tanh(x)^2', latex: '1 - \\tanh^{2}(x)' },
    range: { text: '(-1, 1)', latex: '(-1, 1)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: true,
      smooth: true,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['LSTM gates (sigmoid, tanh)', 'GRU and vanilla RNN cells', 'DCGAN generator output layer'],
    problems: [
      'saturation → vanishing gradients for |x| large',
      'more expensive than ReLU (exp)',
    ],
    frameworks: {
      pytorch: ['torch.nn.Tanh', 'torch.nn.functional.tanh', 'torch.tanh'],
      tensorflow: ['tf.math.tanh', 'tf.tanh'],
      keras: ['keras.activations.tanh'],
      jax: ['jax.nn.tanh', 'jax.numpy.tanh'],
      tensorflowjs: ['tf.tanh'],
    },
    kinks: () => [],
    scalar: {
      value: (x) => tanh(x),
      derivative: (x) => tanhGrad(x),
      secondDerivative: (x) => tanhSecondDerivative(x),
    },
    derivativeExpression: '1 - tanh(x)^2',
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = tanh(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = tanhGrad(x[i]); },
    },
    wasm: TANH_WASM,
  },
  {
    kind: 'elementwise',
    name: 'softplus',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Smooth ReLU: log(1 + exp(beta * x)) / beta, always positive',
    explanation:
      'Softplus is a smooth approximation of ReLU: near x for large positive inputs, near 0 for large negative ' +
      'ones, and log(2) / beta at 0; its derivative is exactly the sigmoid of beta * x. It was studied as a ' +
      'smooth rectifier by Dugas et al. (2001) and compared with ReLU by Glorot, Bordes & Bengio (2011), who ' +
      'found the hard zero of ReLU trained better in hidden layers. Its main use today is to make a quantity ' +
      'strictly positive, such as a standard deviation, rate or step size. Larger beta makes it closer to ReLU; ' +
      'following PyTorch, when beta * x > threshold it simply returns x, which avoids overflow and differs from ' +
      'the exact value by less than exp(-threshold) / beta.',
    parameters: [
      { name: 'beta', symbol: '\\beta', constraint: 'positive', aliases: [], default: 1, slider: { min: 0.1, max: 10, step: 0.1 }, description: 'Sharpness: larger beta is closer to ReLU.' },
      { name: 'threshold', aliases: [], default: 20, slider: { min: 1, max: 40, step: 0.5 }, description: 'Above beta * x > threshold the function returns x (numerical stability).' },
    ],
    formula: {
      text: 'log(1 + exp(beta * x)) / beta, or x when beta * x > threshold',
      latex: '\\begin{cases} \\frac{1}{\\beta} \\log\\bigl(1 + e^{\\beta x}\\bigr) & \\beta x \\le \\mathrm{threshold} \\\\ x & \\beta x > \\mathrm{threshold} \\end{cases}',
    },
    derivativeFormula: {
      text: 'sigmoid(beta * x), or 1 when beta * x > threshold',
      latex: '\\begin{cases} \\sigma(\\beta x) & \\beta x \\le \\mathrm{threshold} \\\\ 1 & \\beta x > \\mathrm{threshold} \\end{cases}',
    },
    range: { text: '(0, ∞)', latex: '(0, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['positive outputs: variances and scales in VAEs and probabilistic models', 'Mamba (softplus for the step size Δ)', 'inside Mish'],
    problems: [
      'not zero-centred: always positive (log 2 ≈ 0.693 at x = 0 for beta = 1)',
      'more expensive than ReLU (exp and log)',
      'gradient vanishes for large negative inputs',
      'TensorFlow, Keras and JAX versions have no beta or threshold parameter',
    ],
    frameworks: {
      pytorch: ['torch.nn.Softplus', 'torch.nn.functional.softplus'],
      tensorflow: ['tf.math.softplus', 'tf.nn.softplus'],
      keras: ['keras.activations.softplus'],
      jax: ['jax.nn.softplus'],
      tensorflowjs: ['tf.softplus'],
    },
    kinks: () => [],
    scalar: {
      value: (x, p) => softplus(x, p.beta as number, p.threshold as number),
      derivative: (x, p) => softplusGrad(x, p.beta as number, p.threshold as number),
      secondDerivative: (x, p) => softplusSecondDerivative(x, p.beta as number, p.threshold as number),
    },
    // With PyTorch's threshold (beta*x > 20 returns x) the kernels' softplus'(x) is
    // exactly 1 there while sigmoid(x) is 1 - 2e-9; the readable formula is worth
    // that difference. With other parameters softplus'(u, ...) keeps full fidelity.
    derivativeExpression: 'sigmoid(x)',
    kernels: {
      value: (x, y, p) => { const b = p.beta as number; const t = p.threshold as number; for (let i = 0; i < x.length; i++) y[i] = softplus(x[i], b, t); },
      derivative: (x, y, p) => { const b = p.beta as number; const t = p.threshold as number; for (let i = 0; i < x.length; i++) y[i] = softplusGrad(x[i], b, t); },
    },
  },
  {
    kind: 'elementwise',
    name: 'softsign',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Softsign: x / (1 + |x|), a tanh-like squashing with polynomial tails',
    explanation:
      'Softsign squashes its input into (-1, 1) like tanh, but approaches the bounds polynomially (as 1 - 1/|x|) ' +
      'rather than exponentially, so it saturates more gently and large inputs keep a small gradient. It was ' +
      'suggested by Turian, Bergstra & Bengio (2009) and studied by Glorot & Bengio (2010), who found that ' +
      'softsign networks saturated less than tanh networks. It needs only an absolute value and a division, no ' +
      'exponential. It is seldom used today, but it is a useful contrast to tanh when teaching saturation.',
    parameters: [],
    formula: { text: 'x / (1 + abs(x))', latex: '\\frac{x}{1 + |x|}' },
    derivativeFormula: { text: '1 / (1 + abs(x))^2', latex: '\\frac{1}{(1 + |x|)^{2}}' },
    range: { text: '(-1, 1)', latex: '(-1, 1)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: true,
      smooth: true,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['Glorot & Bengio 2010 study of deep network training', 'Turian et al. 2009 chunking models'],
    problems: [
      'still saturates, so gradients shrink (as 1/x^2) for |x| large',
      'second derivative jumps at 0',
      'little modern evidence of benefit over tanh',
    ],
    frameworks: {
      pytorch: ['torch.nn.Softsign', 'torch.nn.functional.softsign'],
      tensorflow: ['tf.nn.softsign'],
      keras: ['keras.activations.softsign'],
      jax: ['jax.nn.soft_sign'],
      tensorflowjs: [],
    },
    kinks: () => [],
    scalar: {
      value: (x) => softsign(x),
      derivative: (x) => softsignGrad(x),
      secondDerivative: (x) => softsignSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = softsign(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = softsignGrad(x[i]); },
    },
    wasm: SOFTSIGN_WASM,
  },
  {
    kind: 'elementwise',
    name: 'tanhshrink',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'x - tanh(x): near zero for small inputs, near x - sign(x) for large',
    explanation:
      'tanhshrink subtracts tanh(x) from x, leaving what tanh "cannot explain": it is flat near 0 (it grows like ' +
      'x^3 / 3) and approaches x - 1 or x + 1 for large positive or negative inputs. It is therefore a smooth ' +
      'shrinkage function, a soft cousin of softshrink with lambd = 1, which pushes small values towards zero ' +
      'and keeps large ones. Its derivative, tanh(x)^2, is never negative, so it is monotonic, but it is nearly ' +
      'zero around the origin, which makes small inputs slow to learn. It appears mainly in sparse coding and ' +
      'signal-denoising experiments rather than in mainstream architectures.',
    parameters: [],
    formula: { text: 'x - tanh(x)', latex: 'x - \\tanh(x)' },
    derivativeFormula: { text: 'tanh(x)^2', latex: '\\tanh^{2}(x)' },
    range: { text: '(-∞, ∞)', latex: '(-\\infty, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: false,
      smooth: true,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['sparse coding and denoising experiments (smooth shrinkage)'],
    problems: [
      'gradient ≈ 0 near the origin, so small inputs learn slowly',
      'unbounded in both directions',
      'rarely used, so few reference results',
    ],
    frameworks: {
      pytorch: ['torch.nn.Tanhshrink', 'torch.nn.functional.tanhshrink'],
      tensorflow: [],
      keras: ['keras.activations.tanh_shrink'],
      jax: [],
      tensorflowjs: [],
    },
    kinks: () => [],
    scalar: {
      value: (x) => tanhshrink(x),
      derivative: (x) => tanhshrinkGrad(x),
      secondDerivative: (x) => tanhshrinkSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = tanhshrink(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = tanhshrinkGrad(x[i]); },
    },
    wasm: TANHSHRINK_WASM,
  },
];
