/**
 * Algebraic and periodic activations: squareplus (a softplus built from a
 * square root) and snake (a monotonic function with a periodic ripple).
 */
import type { ActivationDefinition } from '../definition';
import {
  snake,
  snakeGrad,
  snakeSecondDerivative,
  squareplus,
  squareplusGrad,
  squareplusSecondDerivative,
} from '../math/algebraic';
import { SNAKE_WASM, SQUAREPLUS_WASM } from '../vector/algebraic';

const FAMILY = 'Algebraic';

export const algebraic: readonly ActivationDefinition[] = [
  {
    kind: 'elementwise',
    name: 'squareplus',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Softplus-like smooth ReLU from a square root: (x + sqrt(x^2 + b)) / 2',
    explanation:
      'Squareplus is a smooth, always-positive approximation of ReLU that uses only multiplication, addition ' +
      'and a square root, with no exp or log. Barron (2021, "Squareplus: A Softplus-Like Algebraic Rectifier") ' +
      'proposed it as a faster drop-in replacement for softplus. The parameter b sets the width of the curved ' +
      'region around 0: f(0) = sqrt(b) / 2, and as b shrinks towards 0 it approaches ReLU. Its tails approach 0 and x ' +
      'polynomially rather than exponentially, so negative inputs keep a small gradient (about b / (4x^2)) ' +
      'for longer than with softplus.',
    parameters: [
      { name: 'b', symbol: 'b', constraint: 'positive', aliases: [], default: 4, slider: { min: 0.1, max: 10, step: 0.1 }, description: 'Curvature near 0, positive: f(0) = sqrt(b) / 2; smaller b is closer to ReLU.' },
    ],
    formula: { text: '(x + sqrt(x^2 + b)) / 2', latex: '\\frac{x + \\sqrt{x^{2} + b}}{2}' },
    derivativeFormula: {
      text: '(1 + x / sqrt(x^2 + b)) / 2',
      latex: '\\frac{1}{2}\\left(1 + \\frac{x}{\\sqrt{x^{2} + b}}\\right)',
    },
    secondDerivativeFormula: { text: 'b / (2 * (x^2 + b)^(3/2))', latex: '\\frac{b}{2\\,(x^{2} + b)^{3/2}}' },
    range: { text: '(0, ∞) for b > 0', latex: '(0, \\infty) \\text{ for } b > 0' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['drop-in replacement for softplus where exp/log are costly (Barron 2021)'],
    problems: [
      'not zero-centred: always positive (1 at x = 0 for b = 4)',
      'unbounded above',
      'the naive formula cancels catastrophically for large negative x (computed stably here)',
      'little adoption yet, so few reference results',
    ],
    frameworks: {
      pytorch: [],
      tensorflow: [],
      keras: ['keras.activations.squareplus'],
      jax: ['jax.nn.squareplus'],
      tensorflowjs: [],
    },
    kinks: (p) => (p.b === 0 ? [0] : []),
    scalar: {
      value: (x, p) => squareplus(x, p.b as number),
      derivative: (x, p) => squareplusGrad(x, p.b as number),
      secondDerivative: (x, p) => squareplusSecondDerivative(x, p.b as number),
    },
    kernels: {
      value: (x, y, p) => { const b = p.b as number; for (let i = 0; i < x.length; i++) y[i] = squareplus(x[i], b); },
      derivative: (x, y, p) => { const b = p.b as number; for (let i = 0; i < x.length; i++) y[i] = squareplusGrad(x[i], b); },
    },
    wasm: SQUAREPLUS_WASM,
  },
  {
    kind: 'elementwise',
    name: 'snake',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Snake: x + sin(a * x)^2 / a, a monotonic line with a periodic ripple',
    explanation:
      'Snake adds a periodic ripple, sin(a * x)^2 / a, to the identity, so the function climbs like x while ' +
      'oscillating with frequency a. Ziyin, Hartwig & Ueda (2020, "Neural Networks Fail to Learn Periodic ' +
      'Functions and How to Fix It") showed that ReLU and tanh networks cannot extrapolate periodic signals and ' +
      'that this built-in periodic bias fixes it. Its derivative, 1 + sin(2ax), lies between 0 and 2, so snake ' +
      'is monotonic (non-decreasing) and smooth. Neural audio vocoders and codecs use it, usually with a learned ' +
      'frequency a per channel; here a is a fixed parameter.',
    parameters: [
      { name: 'a', symbol: 'a', constraint: 'non-zero', aliases: ['alpha'], default: 1, slider: { min: 0.1, max: 5, step: 0.05 }, description: 'Frequency of the periodic component (learned per channel in BigVGAN-style models).' },
    ],
    formula: { text: 'x + sin(a * x)^2 / a', latex: 'x + \\frac{\\sin^{2}(a x)}{a}' },
    derivativeFormula: { text: '1 + sin(2 * a * x)', latex: '1 + \\sin(2 a x)' },
    secondDerivativeFormula: { text: '2 * a * cos(2 * a * x)', latex: '2a\\cos(2 a x)' },
    range: { text: '(-∞, ∞)', latex: '(-\\infty, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['Snake: periodic functions / audio (Ziyin et al. 2020)', 'BigVGAN vocoder', 'Descript Audio Codec (DAC)'],
    problems: [
      'the derivative touches 0 periodically (where sin(2ax) = -1), briefly blocking gradient',
      'a = 0 is undefined (the limit is the identity); small a gives a slow ripple of large amplitude 1/a',
      'unbounded in both directions',
      'not built into the major frameworks',
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
      value: (x, p) => snake(x, p.a as number),
      derivative: (x, p) => snakeGrad(x, p.a as number),
      secondDerivative: (x, p) => snakeSecondDerivative(x, p.a as number),
    },
    kernels: {
      value: (x, y, p) => { const a = p.a as number; for (let i = 0; i < x.length; i++) y[i] = snake(x[i], a); },
      derivative: (x, y, p) => { const a = p.a as number; for (let i = 0; i < x.length; i++) y[i] = snakeGrad(x[i], a); },
    },
    wasm: SNAKE_WASM,
  },
];
