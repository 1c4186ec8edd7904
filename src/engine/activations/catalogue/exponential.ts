/**
 * Exponential linear units: identity for positive inputs, a saturating
 * exponential for negative ones, which pulls mean activations towards zero.
 */
import type { ActivationDefinition } from '../definition';
import {
  celu,
  celuGrad,
  celuSecondDerivative,
  elu,
  eluGrad,
  eluSecondDerivative,
  selu,
  seluGrad,
  seluSecondDerivative,
} from '../math/exponential';
// celu has no wasm loop for now: its f and f' take x / alpha as a double-double (math/exponential.ts), which
// CELU_WASM in ../vector/exponential does not yet, and the two paths must give the same bits.
import { ELU_WASM, SELU_WASM } from '../vector/exponential';

const FAMILY = 'Exponential';

export const exponentials: readonly ActivationDefinition[] = [
  {
    kind: 'elementwise',
    name: 'elu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Exponential linear unit: x for x > 0, alpha * (exp(x) - 1) below',
    explanation:
      'ELU is the identity for positive inputs and a smooth exponential curve for negative ones that saturates ' +
      'at -alpha. Clevert, Unterthiner & Hochreiter (2015) introduced it so that negative outputs push mean ' +
      'activations towards zero, which they argued speeds up learning much as batch normalisation does, while ' +
      'the saturation makes units robust to large negative noise. Unlike leaky ReLU, negative inputs still give ' +
      'a non-zero gradient that fades smoothly. With alpha = 1 the slopes from both sides meet at 0 (both are 1), ' +
      'so the function is C¹; for any other alpha the derivative jumps at 0.',
    parameters: [
      { name: 'alpha', symbol: '\\alpha', aliases: [], default: 1, slider: { min: 0, max: 3 }, description: 'Magnitude of the negative saturation: outputs approach -alpha as x → -∞.' },
    ],
    formula: {
      text: 'x if x > 0 else alpha * (exp(x) - 1)',
      latex: '\\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if x > 0 else alpha * exp(x)',
      latex: '\\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}',
    },
    range: { text: '(-alpha, ∞)', latex: '(-\\alpha, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: false,
      smooth: false,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['Clevert et al. 2015 CIFAR and ImageNet CNNs', 'PixelCNN++ (concatenated ELU, Salimans et al. 2017)'],
    problems: [
      'more expensive than ReLU (an exp for every negative input)',
      'C¹ only when alpha = 1; otherwise the derivative jumps at 0',
      'saturates for large negative inputs, so their gradient vanishes',
      'unbounded above',
    ],
    frameworks: {
      pytorch: ['torch.nn.ELU', 'torch.nn.functional.elu'],
      tensorflow: ['tf.nn.elu'],
      keras: ['keras.activations.elu', 'keras.layers.ELU'],
      jax: ['jax.nn.elu'],
      tensorflowjs: ['tf.elu', 'tf.layers.elu'],
    },
    kinks: (p) => (p.alpha === 1 ? [] : [0]),
    scalar: {
      value: (x, p) => elu(x, p.alpha as number),
      derivative: (x, p) => eluGrad(x, p.alpha as number),
      secondDerivative: (x, p) => eluSecondDerivative(x, p.alpha as number),
    },
    kernels: {
      value: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = elu(x[i], a); },
      derivative: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = eluGrad(x[i], a); },
    },
    wasm: ELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'selu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Scaled ELU with fixed constants that make networks self-normalising',
    explanation:
      'SELU is an ELU multiplied by a scale, with two constants (alpha ≈ 1.6733, scale ≈ 1.0507) chosen so that ' +
      'activations with zero mean and unit variance keep that mean and variance from layer to layer. ' +
      'Klambauer et al. (2017, "Self-Normalizing Neural Networks") derived the constants so that deep fully ' +
      'connected networks train stably without batch normalisation. The guarantee only holds under its ' +
      'assumptions: LeCun-normal weight initialisation, plain feed-forward layers, and alpha-dropout instead of ' +
      'ordinary dropout. Use it for deep multilayer perceptrons on tabular data; in CNNs and Transformers with ' +
      'their own normalisation it brings little.',
    parameters: [],
    formula: {
      text: 'scale * (x if x > 0 else alpha * (exp(x) - 1)), alpha ≈ 1.6733, scale ≈ 1.0507',
      latex: '\\lambda \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases},\\quad \\alpha \\approx 1.6733,\\ \\lambda \\approx 1.0507',
    },
    derivativeFormula: {
      text: 'scale if x > 0 else scale * alpha * exp(x)',
      latex: '\\begin{cases} \\lambda & x > 0 \\\\ \\lambda \\alpha e^{x} & x \\le 0 \\end{cases}',
    },
    range: { text: '(-scale * alpha, ∞) ≈ (-1.7581, ∞)', latex: '(-\\lambda\\alpha, \\infty) \\approx (-1.7581, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: false,
      smooth: false,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['self-normalising networks (SNNs) for tabular data', 'deep fully connected networks without batch normalisation'],
    problems: [
      'self-normalisation needs LeCun-normal initialisation and alpha-dropout; it breaks with other layers',
      'kink at 0: the slope jumps from scale * alpha ≈ 1.758 to scale ≈ 1.051',
      'more expensive than ReLU (exp)',
      'saturates for large negative inputs',
    ],
    frameworks: {
      pytorch: ['torch.nn.SELU', 'torch.nn.functional.selu', 'torch.selu'],
      tensorflow: ['tf.nn.selu'],
      keras: ['keras.activations.selu'],
      jax: ['jax.nn.selu'],
      tensorflowjs: ['tf.selu'],
    },
    kinks: () => [0],
    scalar: {
      value: (x) => selu(x),
      derivative: (x) => seluGrad(x),
      secondDerivative: (x) => seluSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = selu(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = seluGrad(x[i]); },
    },
    wasm: SELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'celu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Continuously differentiable ELU: alpha * (exp(x / alpha) - 1) below 0',
    explanation:
      'CELU reparametrises ELU so that the negative branch is alpha * (exp(x / alpha) - 1), whose slope at 0 is ' +
      'always 1. Barron (2017, "Continuously Differentiable Exponential Linear Units") pointed out that ELU is ' +
      'only C¹ when alpha = 1; with this scaling of the input the two sides meet smoothly for every alpha, and ' +
      'alpha only sets how far below zero the output can go. With alpha = 1 it is identical to ELU. Use it when ' +
      'you want ELU behaviour with a tunable saturation level and a continuous derivative.',
    parameters: [
      { name: 'alpha', symbol: '\\alpha', constraint: 'non-zero', aliases: [], default: 1, slider: { min: 0.1, max: 3, step: 0.05 }, description: 'Negative saturation level (outputs approach -alpha) and the scale of the input on the negative side.' },
    ],
    formula: {
      text: 'x if x > 0 else alpha * (exp(x / alpha) - 1)',
      latex: '\\begin{cases} x & x > 0 \\\\ \\alpha (e^{x/\\alpha} - 1) & x \\le 0 \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if x > 0 else exp(x / alpha)',
      latex: '\\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}',
    },
    range: { text: '(-alpha, ∞)', latex: '(-\\alpha, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['drop-in ELU replacement when tuning the saturation level alpha'],
    problems: [
      'more expensive than ReLU (exp)',
      'saturates for large negative inputs',
      'second derivative still jumps at 0',
      'rarely used, so few published baselines',
    ],
    frameworks: {
      pytorch: ['torch.nn.CELU', 'torch.nn.functional.celu'],
      tensorflow: [],
      keras: ['keras.activations.celu'],
      jax: ['jax.nn.celu'],
      tensorflowjs: [],
    },
    kinks: () => [],
    scalar: {
      value: (x, p) => celu(x, p.alpha as number),
      derivative: (x, p) => celuGrad(x, p.alpha as number),
      secondDerivative: (x, p) => celuSecondDerivative(x, p.alpha as number),
    },
    kernels: {
      value: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = celu(x[i], a); },
      derivative: (x, y, p) => { const a = p.alpha as number; for (let i = 0; i < x.length; i++) y[i] = celuGrad(x[i], a); },
    },
  },
];
