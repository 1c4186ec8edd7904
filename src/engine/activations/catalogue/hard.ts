/**
 * Hard (piecewise-linear) versions of smooth functions, and the shrinkage
 * functions: cheap to compute, exact in low precision, with kinks.
 */
import type { ActivationDefinition } from '../definition';
import {
  hardshrink,
  hardshrinkGrad,
  hardsigmoid,
  hardsigmoidGrad,
  hardswish,
  hardswishGrad,
  hardswishSecondDerivative,
  hardtanh,
  hardtanhGrad,
  piecewiseLinearSecondDerivative,
  softshrink,
  softshrinkGrad,
} from '../math/piecewise';
import { HARDSHRINK_WASM, HARDSIGMOID_WASM, HARDSWISH_WASM, HARDTANH_WASM, SOFTSHRINK_WASM } from '../vector/piecewise';

const FAMILY = 'Hard';

export const hard: readonly ActivationDefinition[] = [
  {
    kind: 'elementwise',
    name: 'hardtanh',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Piecewise-linear tanh: clamps x to [min_val, max_val]',
    explanation:
      'Hardtanh is the identity between min_val and max_val and constant outside, a piecewise-linear stand-in ' +
      'for tanh that needs only two comparisons. With the defaults it clamps to [-1, 1]; with min_val = 0 and ' +
      'max_val = 6 it is exactly ReLU6. Collobert et al. (2011, "Natural Language Processing (Almost) from ' +
      'Scratch") used it for speed, and its gradient (1 inside the band, 0 outside) is the usual straight-through ' +
      'estimator for training binarised networks. Outside the band the gradient is exactly zero, so saturated ' +
      'units stop learning completely.',
    parameters: [
      { name: 'min_val', aliases: ['min'], default: -1, slider: { min: -3, max: 0 }, description: 'Lower clamp value.' },
      { name: 'max_val', aliases: ['max'], default: 1, slider: { min: 0.1, max: 3, step: 0.05 }, description: 'Upper clamp value.' },
    ],
    formula: {
      text: 'clamp(x, min_val, max_val) = min(max(x, min_val), max_val)',
      latex: '\\min\\bigl(\\max(x, \\mathrm{min\\_val}), \\mathrm{max\\_val}\\bigr)',
    },
    derivativeFormula: {
      text: '1 if min_val < x < max_val else 0',
      latex: '\\begin{cases} 1 & \\mathrm{min\\_val} < x < \\mathrm{max\\_val} \\\\ 0 & \\text{otherwise} \\end{cases}',
    },
    range: { text: '[min_val, max_val]', latex: '[\\mathrm{min\\_val}, \\mathrm{max\\_val}]' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: true,
      smooth: false,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['Collobert et al. 2011 NLP networks', 'binarised neural networks (straight-through estimator)', 'ReLU6 as hardtanh(0, 6)'],
    problems: [
      'zero gradient outside [min_val, max_val]: saturated units stop learning',
      'kinks at min_val and max_val (autograd uses 0 on both bounds)',
    ],
    frameworks: {
      pytorch: ['torch.nn.Hardtanh', 'torch.nn.functional.hardtanh'],
      tensorflow: [],
      keras: ['keras.activations.hard_tanh'],
      jax: ['jax.nn.hard_tanh'],
      tensorflowjs: [],
    },
    validate: (p) => ((p.min_val as number) < (p.max_val as number) ? undefined : `min_val (${p.min_val}) must be below max_val (${p.max_val})`),
    kinks: (p) => [p.min_val as number, p.max_val as number],
    scalar: {
      value: (x, p) => hardtanh(x, p.min_val as number, p.max_val as number),
      derivative: (x, p) => hardtanhGrad(x, p.min_val as number, p.max_val as number),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y, p) => { const lo = p.min_val as number; const hi = p.max_val as number; for (let i = 0; i < x.length; i++) y[i] = hardtanh(x[i], lo, hi); },
      derivative: (x, y, p) => { const lo = p.min_val as number; const hi = p.max_val as number; for (let i = 0; i < x.length; i++) y[i] = hardtanhGrad(x[i], lo, hi); },
    },
    wasm: HARDTANH_WASM,
  },
  {
    kind: 'elementwise',
    name: 'hardsigmoid',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Piecewise-linear sigmoid: relu6(x + 3) / 6',
    explanation:
      'Hardsigmoid replaces the logistic curve by a straight line from (-3, 0) to (3, 1), clamped to 0 and 1 ' +
      'outside. It was popularised by MobileNetV3 (Howard et al., 2019), where it drives the squeeze-and-excitation ' +
      'gates and, inside hardswish, the main non-linearity, because it costs a few additions and comparisons and ' +
      'quantises exactly. Its slope is 1/6 in the middle, compared with 1/4 for the true sigmoid at 0, so it is ' +
      'only a rough approximation. Beware that older Keras and TensorFlow versions defined hard_sigmoid as ' +
      'clip(0.2 * x + 0.5, 0, 1), a different slope; Keras 3 and JAX use the relu6(x + 3) / 6 form shown here.',
    parameters: [],
    formula: {
      text: 'relu6(x + 3) / 6 = clamp(x / 6 + 1/2, 0, 1)',
      latex: '\\frac{\\min(\\max(0, x + 3), 6)}{6}',
    },
    derivativeFormula: {
      text: '1/6 if -3 < x < 3 else 0',
      latex: '\\begin{cases} \\tfrac{1}{6} & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}',
    },
    range: { text: '[0, 1]', latex: '[0, 1]' },
    properties: {
      monotonic: true,
      boundedBelow: true,
      boundedAbove: true,
      smooth: false,
      zeroCentred: false,
      selfGated: false,
    },
    usedIn: ['MobileNetV3 squeeze-and-excitation gates', 'quantised on-device models'],
    problems: [
      'zero gradient outside (-3, 3)',
      'kinks at -3 and 3',
      'not zero-centred (0.5 at x = 0)',
      'framework definitions differ (slope 1/6 vs 0.2 in older Keras/TensorFlow)',
    ],
    frameworks: {
      pytorch: ['torch.nn.Hardsigmoid', 'torch.nn.functional.hardsigmoid'],
      tensorflow: [],
      keras: ['keras.activations.hard_sigmoid'],
      jax: ['jax.nn.hard_sigmoid'],
      tensorflowjs: [],
    },
    tensorflowjsIds: ['hardSigmoid'],
    kinks: () => [-3, 3],
    scalar: {
      value: (x) => hardsigmoid(x),
      derivative: (x) => hardsigmoidGrad(x),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = hardsigmoid(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = hardsigmoidGrad(x[i]); },
    },
    wasm: HARDSIGMOID_WASM,
  },
  {
    kind: 'elementwise',
    name: 'hardswish',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Piecewise-polynomial swish: x * relu6(x + 3) / 6',
    explanation:
      'Hardswish is swish (SiLU) with the sigmoid gate replaced by hardsigmoid: 0 for x ≤ -3, x for x ≥ 3, and ' +
      'the parabola x * (x + 3) / 6 in between, with a minimum of -0.375 at x = -1.5. Howard et al. (2019, ' +
      '"Searching for MobileNetV3") introduced it to get most of swish\'s accuracy benefit at a fraction of the ' +
      'cost on mobile hardware, where exponentials are slow and quantisation matters. Like swish it is ' +
      'self-gated and not monotonic. Its derivative jumps at -3 and at 3; this catalogue follows recent ' +
      'PyTorch releases (fixed in 2025), which use 0 at x = -3 and 1 at x = 3; older releases returned -0.5 and 1.5 there.',
    parameters: [],
    formula: {
      text: 'x * relu6(x + 3) / 6',
      latex: 'x\\,\\frac{\\min(\\max(0, x + 3), 6)}{6}',
    },
    derivativeFormula: {
      text: '0 if x <= -3, x / 3 + 1/2 if -3 < x < 3, 1 if x >= 3',
      latex: '\\begin{cases} 0 & x \\le -3 \\\\ \\frac{x}{3} + \\frac{1}{2} & -3 < x < 3 \\\\ 1 & x \\ge 3 \\end{cases}',
    },
    range: { text: '[-0.375, ∞)', latex: '[-0.375, \\infty)' },
    properties: {
      monotonic: false,
      boundedBelow: true,
      boundedAbove: false,
      smooth: false,
      zeroCentred: false,
      selfGated: true,
    },
    usedIn: ['MobileNetV3 (hardswish)', 'EfficientViT and other mobile vision models'],
    problems: [
      'kinks at -3 and 3: the derivative jumps (from 0 to -1/2 at -3, from 3/2 to 1 at 3)',
      'not monotonic: a dip to -0.375 at x = -1.5',
      'zero gradient for x <= -3',
      'unbounded above',
    ],
    frameworks: {
      pytorch: ['torch.nn.Hardswish', 'torch.nn.functional.hardswish'],
      tensorflow: [],
      keras: ['keras.activations.hard_silu', 'keras.activations.hard_swish'],
      jax: ['jax.nn.hard_silu', 'jax.nn.hard_swish'],
      tensorflowjs: [],
    },
    kinks: () => [-3, 3],
    scalar: {
      value: (x) => hardswish(x),
      derivative: (x) => hardswishGrad(x),
      secondDerivative: (x) => hardswishSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = hardswish(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = hardswishGrad(x[i]); },
    },
    wasm: HARDSWISH_WASM,
  },
  {
    kind: 'elementwise',
    name: 'softshrink',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Soft thresholding: zero inside [-lambd, lambd], shifted towards 0 outside',
    explanation:
      'Softshrink sets inputs with |x| ≤ lambd to zero and moves every other input lambd closer to zero, so it ' +
      'is continuous, with slope 1 outside the dead zone. It is the soft-thresholding operator of signal ' +
      'processing: the exact solution of L1-penalised (lasso) denoising, made famous by wavelet shrinkage ' +
      '(Donoho, 1995) and the iterative shrinkage algorithm ISTA. Gregor & LeCun (2010, LISTA) unrolled ISTA ' +
      'into a network whose non-linearity is this function, which is why it appears in learned sparse coding. ' +
      'As a hidden-layer activation it produces exactly sparse outputs.',
    parameters: [
      { name: 'lambd', symbol: '\\lambda', constraint: 'non-negative', aliases: ['lambda'], default: 0.5, slider: { min: 0, max: 3 }, description: 'Half-width of the dead zone, and the amount by which larger inputs are shrunk.' },
    ],
    formula: {
      text: 'x - lambd if x > lambd, x + lambd if x < -lambd, else 0',
      latex: '\\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if abs(x) > lambd else 0',
      latex: '\\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}',
    },
    range: { text: '(-∞, ∞)', latex: '(-\\infty, \\infty)' },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: false,
      smooth: false,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['ISTA / LISTA sparse coding (Gregor & LeCun 2010)', 'wavelet denoising (soft thresholding)'],
    problems: [
      'zero gradient inside the dead zone [-lambd, lambd]',
      'kinks at -lambd and lambd',
      'shrinks large values too, biasing them towards zero',
    ],
    frameworks: {
      pytorch: ['torch.nn.Softshrink', 'torch.nn.functional.softshrink'],
      tensorflow: [],
      keras: ['keras.activations.soft_shrink'],
      jax: [],
      tensorflowjs: [],
    },
    kinks: (p) => (p.lambd === 0 ? [0] : [-(p.lambd as number), p.lambd as number]),
    scalar: {
      value: (x, p) => softshrink(x, p.lambd as number),
      derivative: (x, p) => softshrinkGrad(x, p.lambd as number),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y, p) => { const l = p.lambd as number; for (let i = 0; i < x.length; i++) y[i] = softshrink(x[i], l); },
      derivative: (x, y, p) => { const l = p.lambd as number; for (let i = 0; i < x.length; i++) y[i] = softshrinkGrad(x[i], l); },
    },
    wasm: SOFTSHRINK_WASM,
  },
  {
    kind: 'elementwise',
    name: 'hardshrink',
    aliases: [],
    family: FAMILY,
    weightInit: 'xavier',
    summary: 'Hard thresholding: zero inside [-lambd, lambd], x unchanged outside',
    explanation:
      'Hardshrink keeps every input whose magnitude exceeds lambd unchanged and sets the rest to zero. It is the ' +
      'hard-thresholding operator of sparse signal processing, the exact solution of L0-penalised denoising and ' +
      'the core of iterative hard thresholding. Compared with softshrink it does not bias large values, but it ' +
      'jumps from 0 to ±lambd at the thresholds, so the function itself is discontinuous there. That makes it ' +
      'awkward for gradient training, and it is mainly used for sparse coding, pruning-style masks and denoising.',
    parameters: [
      { name: 'lambd', symbol: '\\lambda', constraint: 'non-negative', aliases: ['lambda'], default: 0.5, slider: { min: 0, max: 3 }, description: 'Threshold: inputs with |x| <= lambd become 0.' },
    ],
    formula: {
      text: 'x if abs(x) > lambd else 0',
      latex: '\\begin{cases} x & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}',
    },
    derivativeFormula: {
      text: '1 if abs(x) > lambd else 0',
      latex: '\\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}',
    },
    range: {
      text: '(-∞, -lambd) ∪ {0} ∪ (lambd, ∞)',
      latex: '(-\\infty, -\\lambda) \\cup \\{0\\} \\cup (\\lambda, \\infty)',
    },
    properties: {
      monotonic: true,
      boundedBelow: false,
      boundedAbove: false,
      smooth: false,
      zeroCentred: true,
      selfGated: false,
    },
    usedIn: ['iterative hard thresholding (sparse recovery)', 'wavelet denoising (hard thresholding)'],
    problems: [
      'discontinuous at ±lambd: the output jumps by lambd',
      'zero gradient inside [-lambd, lambd], and autograd ignores the jumps',
      'not useful as a general hidden-layer activation',
    ],
    frameworks: {
      pytorch: ['torch.nn.Hardshrink', 'torch.nn.functional.hardshrink'],
      tensorflow: [],
      keras: ['keras.activations.hard_shrink'],
      jax: [],
      tensorflowjs: [],
    },
    kinks: (p) => (p.lambd === 0 ? [0] : [-(p.lambd as number), p.lambd as number]),
    scalar: {
      value: (x, p) => hardshrink(x, p.lambd as number),
      derivative: (x, p) => hardshrinkGrad(x, p.lambd as number),
      secondDerivative: (x) => piecewiseLinearSecondDerivative(x),
    },
    kernels: {
      value: (x, y, p) => { const l = p.lambd as number; for (let i = 0; i < x.length; i++) y[i] = hardshrink(x[i], l); },
      derivative: (x, y, p) => { const l = p.lambd as number; for (let i = 0; i < x.length; i++) y[i] = hardshrinkGrad(x[i], l); },
    },
    wasm: HARDSHRINK_WASM,
  },
];
