/**
 * Self-gated activations: x multiplied by a smooth gate of x itself
 * (GELU, SiLU/swish, quick_gelu, Mish). Smooth, slightly negative for
 * moderate negative inputs, and not monotonic.
 */
import type { ActivationDefinition } from '../definition';
import {
  geluErf,
  geluErfGrad,
  geluErfSecondDerivative,
  geluTanh,
  geluTanhGrad,
  geluTanhSecondDerivative,
  mish,
  mishGrad,
  mishSecondDerivative,
  quickGelu,
  quickGeluGrad,
  quickGeluSecondDerivative,
  silu,
  siluGrad,
  siluSecondDerivative,
} from '../math/gated';
import { GELU_WASM, MISH_WASM, QUICK_GELU_WASM, SILU_WASM } from '../vector/gated';

const FAMILY = 'Gated';

/** GELU's two forms; the entry's formula spells out both, an output the one its `approximate` picks. */
const GELU_ERF = {
  formula: {
    text: 'x * Φ(x) = 0.5 * x * (1 + erf(x / sqrt(2)))',
    latex: 'x\\,\\Phi(x) = \\tfrac{1}{2} x \\left(1 + \\operatorname{erf}\\!\\left(\\tfrac{x}{\\sqrt{2}}\\right)\\right)',
  },
  derivativeFormula: {
    text: 'Φ(x) + x * φ(x), φ(x) = exp(-x^2 / 2) / sqrt(2 * pi)',
    latex: '\\Phi(x) + x\\,\\varphi(x),\\ \\varphi(x) = \\tfrac{1}{\\sqrt{2\\pi}} e^{-x^{2}/2}',
  },
};
const GELU_TANH = {
  formula: {
    text: '0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))',
    latex: '\\tfrac{1}{2} x \\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\, x^{3})\\right)\\right)',
  },
  derivativeFormula: {
    text: '0.5 * (1 + t) + 0.5 * x * (1 - t^2) * sqrt(2 / pi) * (1 + 3 * 0.044715 * x^2), t = tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))',
    latex: '\\tfrac{1}{2}(1 + t) + \\tfrac{1}{2} x (1 - t^{2}) \\sqrt{2/\\pi}\\,(1 + 3 \\cdot 0.044715\\, x^{2})',
  },
};
/** What t stands for in the tanh form's derivative (its text says so already). */
const TANH_T_LATEX = 't = \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\, x^{3})\\right)';

export const gated: readonly ActivationDefinition[] = [
  {
    kind: 'elementwise',
    name: 'gelu',
    aliases: [],
    presets: [{ name: 'gelu_tanh', parameters: { approximate: 'tanh' } }],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Gaussian error linear unit: x weighted by the normal CDF Φ(x)',
    explanation:
      'GELU multiplies x by Φ(x), the probability that a standard normal variable is below x, so an input is ' +
      'kept in proportion to how large it is rather than gated by its sign as in ReLU. Hendrycks & Gimpel ' +
      '(2016) motivated it as the expected value of a stochastic regulariser that drops inputs with probability ' +
      '1 - Φ(x). The result is a smooth ReLU-like curve with a small negative dip (minimum ≈ -0.17 near ' +
      'x ≈ -0.75). approximate="tanh" selects the cheaper tanh formula used by the original BERT and GPT-2 code ' +
      '(available as gelu_tanh); note that PyTorch defaults to the exact erf form while jax.nn.gelu defaults to ' +
      'the tanh approximation. It is the standard choice in Transformers.',
    parameters: [
      {
        name: 'approximate',
        aliases: [],
        default: 'none',
        choices: ['none', 'tanh'],
        description: '"none" for the exact erf form, "tanh" for the tanh approximation.',
      },
    ],
    formula: {
      text: `${GELU_ERF.formula.text}; approximate="tanh": ${GELU_TANH.formula.text}`,
      latex: `${GELU_ERF.formula.latex}\\quad \\text{tanh: } ${GELU_TANH.formula.latex}`,
    },
    derivativeFormula: {
      text: `${GELU_ERF.derivativeFormula.text}; approximate="tanh": ${GELU_TANH.derivativeFormula.text}`,
      latex: `${GELU_ERF.derivativeFormula.latex}\\quad \\text{tanh: } ${GELU_TANH.derivativeFormula.latex}`,
    },
    formulasFor: (p) => (p.approximate === 'tanh'
      ? { formula: GELU_TANH.formula, derivativeFormula: { text: GELU_TANH.derivativeFormula.text, latex: `${GELU_TANH.derivativeFormula.latex},\\quad ${TANH_T_LATEX}` } }
      : GELU_ERF),
    range: { text: '≈ [-0.170, ∞)', latex: '\\approx [-0.170, \\infty)' },
    properties: {
      monotonic: false,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: true,
    },
    usedIn: ['BERT, GPT-2 (GELU)', 'Vision Transformer (ViT)', 'most Transformer feed-forward layers'],
    problems: [
      'more expensive than ReLU (erf, or tanh for the approximation)',
      'not monotonic: a small negative dip for x below about -0.75',
      'exact and tanh forms differ slightly (up to about 5e-4), so results depend on which one a framework uses',
      'unbounded above',
    ],
    frameworks: {
      pytorch: ['torch.nn.GELU', 'torch.nn.functional.gelu'],
      tensorflow: ['tf.nn.gelu'],
      keras: ['keras.activations.gelu'],
      jax: ['jax.nn.gelu'],
      tensorflowjs: [],
    },
    kinks: () => [],
    scalar: {
      value: (x, p) => (p.approximate === 'tanh' ? geluTanh(x) : geluErf(x)),
      derivative: (x, p) => (p.approximate === 'tanh' ? geluTanhGrad(x) : geluErfGrad(x)),
      secondDerivative: (x, p) => (p.approximate === 'tanh' ? geluTanhSecondDerivative(x) : geluErfSecondDerivative(x)),
    },
    kernels: {
      value: (x, y, p) => {
        if (p.approximate === 'tanh') { for (let i = 0; i < x.length; i++) y[i] = geluTanh(x[i]); }
        else { for (let i = 0; i < x.length; i++) y[i] = geluErf(x[i]); }
      },
      derivative: (x, y, p) => {
        if (p.approximate === 'tanh') { for (let i = 0; i < x.length; i++) y[i] = geluTanhGrad(x[i]); }
        else { for (let i = 0; i < x.length; i++) y[i] = geluErfGrad(x[i]); }
      },
    },
    wasm: GELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'silu',
    aliases: ['swish'],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Sigmoid linear unit (swish): x * sigmoid(x)',
    explanation:
      'SiLU multiplies x by its own sigmoid, so the input acts as its own soft gate: large positive inputs pass ' +
      'almost unchanged, large negative ones are squashed towards 0, with a small negative dip (minimum ≈ -0.278 ' +
      'near x ≈ -1.28). It appeared in the GELU paper (Hendrycks & Gimpel, 2016), was used for reinforcement ' +
      'learning by Elfwing, Uchibe & Doya (2017), and was rediscovered by automated search as "swish" ' +
      '(Ramachandran, Zoph & Le, 2017), which popularised it. Behaving much like GELU but needing only an ' +
      'exponential, it is a strong default for CNNs and is the gate inside the SwiGLU feed-forward layers of ' +
      'modern language models.',
    parameters: [],
    formula: { text: 'x * sigmoid(x) = x / (1 + exp(-x))', latex: 'x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}' },
    derivativeFormula: {
      text: 'sigmoid(x) * (1 + x * (1 - sigmoid(x)))',
      latex: '\\sigma(x)\\,\\bigl(1 + x (1 - \\sigma(x))\\bigr)',
    },
    range: { text: '≈ [-0.278, ∞)', latex: '\\approx [-0.278, \\infty)' },
    properties: {
      monotonic: false,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: true,
    },
    usedIn: ['EfficientNet (SiLU/swish)', 'YOLOv5 and later YOLO models', 'LLaMA (SwiGLU gate)'],
    problems: [
      'more expensive than ReLU (exp)',
      'not monotonic: a negative dip for x below about -1.28',
      'unbounded above',
    ],
    frameworks: {
      pytorch: ['torch.nn.SiLU', 'torch.nn.functional.silu'],
      tensorflow: ['tf.nn.silu', 'tf.nn.swish'],
      keras: ['keras.activations.silu', 'keras.activations.swish'],
      jax: ['jax.nn.silu', 'jax.nn.swish'],
      tensorflowjs: [],
    },
    tensorflowjsIds: ['swish'],
    kinks: () => [],
    scalar: {
      value: (x) => silu(x),
      derivative: (x) => siluGrad(x),
      secondDerivative: (x) => siluSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = silu(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = siluGrad(x[i]); },
    },
    wasm: SILU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'quick_gelu',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Sigmoid approximation of GELU: x * sigmoid(1.702 * x)',
    explanation:
      'quick_gelu replaces the normal CDF in GELU by a scaled sigmoid, since sigmoid(1.702 * x) is a close ' +
      'match to Φ(x); the approximation was already given by Hendrycks & Gimpel (2016). It is therefore a SiLU ' +
      'with its input scaled by 1.702, cheaper than erf and close to GELU (minimum ≈ -0.164 near x ≈ -0.75). ' +
      'OpenAI used it in CLIP, so it matters mainly for loading and fine-tuning CLIP-family checkpoints: ' +
      'swapping it for exact GELU changes the outputs of a pretrained model. For new models prefer gelu or silu.',
    parameters: [],
    formula: { text: 'x * sigmoid(1.702 * x)', latex: 'x\\,\\sigma(1.702\\, x)' },
    derivativeFormula: {
      text: 's + 1.702 * x * s * (1 - s), s = sigmoid(1.702 * x)',
      latex: 's + 1.702\\, x\\, s (1 - s),\\quad s = \\sigma(1.702\\, x)',
    },
    range: { text: '≈ [-0.164, ∞)', latex: '\\approx [-0.164, \\infty)' },
    properties: {
      monotonic: false,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: true,
    },
    usedIn: ['CLIP (quick_gelu)', 'OpenCLIP "-quickgelu" model variants'],
    problems: [
      'only an approximation of GELU: pretrained weights expect exactly the variant they were trained with',
      'not monotonic: a small negative dip',
      'not a built-in of the major frameworks (defined in CLIP and Hugging Face code)',
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
      value: (x) => quickGelu(x),
      derivative: (x) => quickGeluGrad(x),
      secondDerivative: (x) => quickGeluSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = quickGelu(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = quickGeluGrad(x[i]); },
    },
    wasm: QUICK_GELU_WASM,
  },
  {
    kind: 'elementwise',
    name: 'mish',
    aliases: [],
    family: FAMILY,
    weightInit: 'he',
    summary: 'Mish: x * tanh(softplus(x)), a smooth self-gated ReLU alternative',
    explanation:
      'Mish gates x by tanh(softplus(x)), a smooth gate that runs from 0 for very negative inputs to 1 for ' +
      'large positive ones. Misra (2019, "Mish: A Self Regularized Non-Monotonic Activation Function") proposed ' +
      'it as a refinement of swish with a slightly deeper negative dip (minimum ≈ -0.309 near x ≈ -1.19) and ' +
      'reported small accuracy gains in image classification and detection. Its most prominent use is the ' +
      'YOLOv4 detector. It costs more than SiLU (exp, log and tanh), so it is mostly worth trying where it has ' +
      'a track record.',
    parameters: [],
    formula: {
      text: 'x * tanh(softplus(x)) = x * tanh(log(1 + exp(x)))',
      latex: 'x \\tanh(\\operatorname{softplus}(x)) = x \\tanh\\bigl(\\ln(1 + e^{x})\\bigr)',
    },
    derivativeFormula: {
      text: 'tanh(softplus(x)) + x * sigmoid(x) * (1 - tanh(softplus(x))^2)',
      latex: '\\tanh(\\operatorname{sp}(x)) + x\\,\\sigma(x)\\,\\bigl(1 - \\tanh^{2}(\\operatorname{sp}(x))\\bigr),\\quad \\operatorname{sp} = \\operatorname{softplus}',
    },
    range: { text: '≈ [-0.309, ∞)', latex: '\\approx [-0.309, \\infty)' },
    properties: {
      monotonic: false,
      boundedBelow: true,
      boundedAbove: false,
      smooth: true,
      zeroCentred: false,
      selfGated: true,
    },
    usedIn: ['YOLOv4 (Mish)', 'CSPDarknet backbones'],
    problems: [
      'more expensive than ReLU and SiLU (exp, log and tanh)',
      'not monotonic: a negative dip for x below about -1.19',
      'gains over SiLU/GELU are small and task-dependent',
      'unbounded above',
    ],
    frameworks: {
      pytorch: ['torch.nn.Mish', 'torch.nn.functional.mish'],
      tensorflow: [],
      keras: ['keras.activations.mish'],
      jax: ['jax.nn.mish'],
      tensorflowjs: [],
    },
    kinks: () => [],
    scalar: {
      value: (x) => mish(x),
      derivative: (x) => mishGrad(x),
      secondDerivative: (x) => mishSecondDerivative(x),
    },
    kernels: {
      value: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = mish(x[i]); },
      derivative: (x, y) => { for (let i = 0; i < x.length; i++) y[i] = mishGrad(x[i]); },
    },
    wasm: MISH_WASM,
  },
];
