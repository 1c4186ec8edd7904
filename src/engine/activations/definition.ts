/**
 * The shape of one entry of the activation catalogue.
 *
 * Every activation is described exactly once, by one object of this type; the
 * evaluator, hovers, plots and generated docs all read these objects, so a
 * fact written here shows up everywhere and nowhere else needs a switch on names.
 */

import type { WasmElementwise } from '../simd/kernel-types';

/** Element storage that kernels read and write; float32 storage rounds on write. */
export type FloatArray = Float32Array | Float64Array;

/** Resolved parameter values, keyed by canonical parameter name. */
export type ParameterValues = Readonly<Record<string, number | string>>;

export interface ParameterSpec {
  /** Canonical name, as used in the `activation` language: `alpha`, `beta`, ... */
  readonly name: string;
  /** Other spellings accepted, PyTorch's first (`negative_slope` for leaky_relu's `alpha`). */
  readonly aliases: readonly string[];
  /** Omitted means required (threshold's `threshold` and `value`). */
  readonly default?: number | string;
  /** For string parameters: the allowed values (gelu's `approximate`). */
  readonly choices?: readonly string[];
  /** A condition on the value alone; relations between parameters go in the definition's `validate`. */
  readonly constraint?: 'positive' | 'non-negative' | 'non-zero';
  /** True for parameters a network learns (prelu's slope); the entry's kernels then give its gradient (parameterGradients). */
  readonly learnable?: boolean;
  readonly description: string;
  /**
   * The range a slider explores for a number parameter (the plot panel shows one for each),
   * a step when a hundredth of the range is not a round number, and where it starts when the
   * parameter has no default. Every number parameter has one (test/unit/engine checks).
   */
  readonly slider?: { readonly min: number; readonly max: number; readonly step?: number; readonly start?: number };
  /**
   * How the entry's LaTeX formulas write it (`\\alpha`, `\\lambda`, `b`), so outputs can put the
   * value in its place (formula-parameters.ts); `\\mathrm{name}` when omitted.
   */
  readonly symbol?: string;
}

/**
 * He (std sqrt(2 / fan_in)) for rectifier-like activations, whose slope is 1 on
 * one side and 0 or small on the other, so He keeps the signal's variance;
 * Xavier (std sqrt(2 / (fan_in + fan_out))) for the saturating ones.
 */
export type WeightInit = 'he' | 'xavier';

/** A formula in both spellings: plain text for terminals and hovers, LaTeX for rendering. */
export interface Formula {
  readonly text: string;
  readonly latex: string;
}

export interface Properties {
  readonly monotonic: boolean;
  readonly boundedBelow: boolean;
  readonly boundedAbove: boolean;
  /** Continuously differentiable everywhere (no kinks). */
  readonly smooth: boolean;
  /**
   * Outputs are symmetric about zero (tanh) or the function is designed to keep
   * mean activations near zero (ELU, SELU). Not merely "f(0) = 0": ReLU-like
   * functions pass through 0 yet their outputs are mostly positive.
   */
  readonly zeroCentred: boolean;
  /** Of the form x * gate(x) (SiLU, GELU, Mish, ...). */
  readonly selfGated: boolean;
}

/** Fully qualified names in each framework, as its documentation spells them. */
export interface FrameworkNames {
  readonly pytorch: readonly string[];
  readonly tensorflow: readonly string[];
  readonly keras: readonly string[];
  readonly jax: readonly string[];
  /** TensorFlow.js ops and layer factories (`import * as tf from '@tensorflow/tfjs'`): `tf.leakyRelu`, `tf.layers.leakyReLU`. */
  readonly tensorflowjs: readonly string[];
}

/**
 * Loop kernels over whole arrays. `y` may be `x` (in place). Each activation has
 * its own loop so V8 sees one monomorphic scalar call it can inline; a shared
 * loop taking a callback runs about twice as slow.
 */
export interface ElementwiseKernels {
  /** y[i] = f(x[i]) for i in [0, x.length). */
  readonly value: (x: FloatArray, y: FloatArray, p: ParameterValues) => void;
  /** y[i] = f'(x[i]), with PyTorch autograd's value at kinks. */
  readonly derivative: (x: FloatArray, y: FloatArray, p: ParameterValues) => void;
  /**
   * dx[i] = f'(x[i]) * g[i] in one pass: backpropagation's step through the activation.
   * Optional: without it a network computes f' and multiplies (two passes). The
   * rectifiers have it because their derivative is a mask, and a masked copy of g
   * (0 where the unit is off, as PyTorch's threshold_backward does) is ~5x cheaper.
   */
  readonly backward?: (x: FloatArray, g: FloatArray, dx: FloatArray, p: ParameterValues) => void;
  /**
   * For each learnable parameter, by canonical name: the sum over i of
   * g[i] * d f(x[i]) / d parameter, its gradient over a batch given the upstream
   * gradient g. A network adds it to the parameter's gradient.
   */
  readonly parameterGradients?: Readonly<Record<string, ParameterGradientKernel>>;
}

/** sum_i g[i] * d f(x[i]) / d parameter, for one learnable parameter. */
export type ParameterGradientKernel = (x: FloatArray, g: FloatArray, p: ParameterValues) => number;

/**
 * The activation kernels of the float32 WebAssembly training kernels
 * (src/engine/network/wasm): each computes its entry's `value` and `backward`
 * bit for bit, without parameters.
 */
export type WasmActivationKernel = 'relu';

/**
 * A loss that fuses with an output activation: its gradient through the
 * activation simplifies to dL/dz = a - y, computed from the logits z
 * (binary cross-entropy after sigmoid, cross-entropy after softmax).
 */
export type FusedLoss = 'bce' | 'ce';

/** The one-number form of the same functions, for scalars, hovers and plots. */
export interface ScalarFunctions {
  readonly value: (x: number, p: ParameterValues) => number;
  readonly derivative: (x: number, p: ParameterValues) => number;
  /**
   * f''(x) in closed form, with PyTorch's double backward at kinks: 0 where f' jumps
   * (relu''(0) = 0, elu''(0) = 0). It serves f'' everywhere (the language's `relu''`,
   * symbolic derivatives, plots); tensors run it in one generic loop (apply.ts), as
   * second derivatives are for looking at, not for training.
   */
  readonly secondDerivative: (x: number, p: ParameterValues) => number;
}

/** The formulas an output shows at some parameters (f'' only for elementwise entries). */
export interface FormsAt {
  readonly formula: Formula;
  readonly derivativeFormula: Formula;
  readonly secondDerivativeFormula?: Formula;
}

interface DefinitionCommon {
  readonly name: string;
  /** Other names that resolve to this entry in the language (`swish` for `silu`). */
  readonly aliases: readonly string[];
  /** Names that mean this entry with some parameters fixed (`gelu_tanh`). */
  readonly presets?: readonly { readonly name: string; readonly parameters: ParameterValues }[];
  /** A family heading for grouping in pickers and docs. */
  readonly family: string;
  /** The weight initialisation it is normally paired with (gradient-flow experiments use it). */
  readonly weightInit: WeightInit;
  /** One line: what it is, for pickers and completion lists. */
  readonly summary: string;
  /** One paragraph for hovers and docs. */
  readonly explanation: string;
  readonly parameters: readonly ParameterSpec[];
  readonly formula: Formula;
  readonly derivativeFormula: Formula;
  /** Output range, e.g. "(-0.17, ∞)" or "[0, 6]". */
  readonly range: Formula;
  readonly properties: Properties;
  readonly usedIn: readonly string[];
  readonly problems: readonly string[];
  readonly frameworks: FrameworkNames;
  /**
   * TensorFlow.js's string ids for the `activation` option of its layers where
   * they differ from Keras's (those are the names after `keras.activations.`):
   * `activation: 'hardSigmoid'`.
   */
  readonly tensorflowjsIds?: readonly string[];
  /** A relation between parameters that must hold, as a message when it does not. */
  readonly validate?: (p: ParameterValues) => string | undefined;
  /**
   * The formulas at some parameter values, where a string parameter chooses between forms that
   * `formula` and `derivativeFormula` spell out together (gelu's approximate): a function's
   * output shows the one in use. Omitted: always those two.
   */
  readonly formulasFor?: (p: ParameterValues) => FormsAt;
  /** Points where the derivative jumps, for plots to mark; depends on parameters. */
  readonly kinks: (p: ParameterValues) => readonly number[];
  /**
   * The loss whose gradient through this activation is a - y, for a network
   * ending in it: training then differentiates loss and activation in one step
   * from the logits, which stays finite where the activation saturates.
   */
  readonly fusedLoss?: FusedLoss;
}

/** An activation applied to each element independently. */
export interface ElementwiseDefinition extends DefinitionCommon {
  readonly kind: 'elementwise';
  /** f''(x) written out, as derivativeFormula writes f' (the f'' a function's output shows). */
  readonly secondDerivativeFormula: Formula;
  readonly scalar: ScalarFunctions;
  readonly kernels: ElementwiseKernels;
  /**
   * f'(x) as an expression of the activation language in `x`, written with
   * builtins, for symbolic derivatives to show the textbook form
   * (`sigmoid(x)*(1 - sigmoid(x))`) instead of `sigmoid'(x)`. It stands for f'
   * at the default parameters; with any other the derivative stays `f'(x, ...)`.
   */
  readonly derivativeExpression?: string;
  /** The wasm training kernel that computes this activation, float32 and float64 (training then skips the JavaScript call). */
  readonly wasmKernel?: WasmActivationKernel;
  /** Its value and derivative as f64x2 code, for the elementwise WebAssembly kernels (src/engine/simd). */
  readonly wasm?: WasmElementwise;
}

/**
 * An activation over a whole row (softmax, log_softmax). Rows are the last axis.
 * `derivative` is the diagonal of the Jacobian, d y_i / d x_i, which is what a
 * per-element plot can show; `backward` is the full vector-Jacobian product that
 * backpropagation needs.
 */
export interface RowwiseDefinition extends DefinitionCommon {
  readonly kind: 'rowwise';
  readonly rows: {
    readonly value: (x: FloatArray, y: FloatArray, offset: number, length: number) => void;
    readonly derivative: (x: FloatArray, y: FloatArray, offset: number, length: number) => void;
    /** dx = J^T g for one row, given the row's input x and upstream gradient g. */
    readonly backward: (x: FloatArray, g: FloatArray, dx: FloatArray, offset: number, length: number) => void;
  };
}

export type ActivationDefinition = ElementwiseDefinition | RowwiseDefinition;
