/**
 * How PyTorch and Keras spell what an exported module computes: the activations of the
 * catalogue under their framework names (read from each entry's `frameworks` field) with
 * the framework's keyword names for our parameters, the math functions, and the few
 * operations the language has that Python operators do not (max, min, where, round).
 * A combination a framework cannot spell returns undefined; the caller then writes the
 * catalogue formula as a small function, or says it cannot.
 */
import type { ActivationDefinition, ParameterValues } from '../../../engine';

export type FrameworkName = 'pytorch' | 'keras';

export interface Dialect {
  readonly framework: FrameworkName;
  /** `F.leaky_relu(x, negative_slope=0.2)`; undefined when the framework has no such function with these parameters. */
  activation(definition: ActivationDefinition, parameters: ParameterValues, arg: string): string | undefined;
  /** exp, log, sqrt, ... of a tensor. */
  math(name: string, arg: string): string;
  maximum(a: string, b: string): string;
  minimum(a: string, b: string): string;
  where(condition: string, a: string, b: string): string;
  /** A comparison's boolean tensor as 1/0 numbers, as the language uses them. */
  number(comparison: string): string;
  /** A constant as a tensor of the module's dtype (an argument of a function that takes tensors only). */
  tensor(literal: string): string;
}

/** A number as Python reads it back to the same double. */
export function pythonNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "float('-inf')";
  const s = String(v);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

const pythonValue = (v: number | string | boolean): string => (typeof v === 'number' ? pythonNumber(v) : typeof v === 'boolean' ? (v ? 'True' : 'False') : JSON.stringify(v));

/** The function in a framework's namespace, by the prefix of its catalogue name (`torch.nn.functional.`). */
function frameworkFunction(definition: ActivationDefinition, framework: FrameworkName, prefix: string): string | undefined {
  const full = definition.frameworks[framework].find((n) => n.startsWith(prefix));
  return full?.slice(prefix.length);
}

/** PyTorch's keyword for our parameter where it is not ours (our parameter names are PyTorch's but these). */
const TORCH_KEYWORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  leaky_relu: { alpha: 'negative_slope' },
};

const keywords = (pairs: readonly [string, number | string | boolean][]): string => pairs.map(([k, v]) => `, ${k}=${pythonValue(v)}`).join('');

export const PYTORCH: Dialect = {
  framework: 'pytorch',
  activation(definition, parameters, arg) {
    // a fixed prelu slope is a leaky relu (F.prelu wants the slope as a weight tensor)
    if (definition.name === 'prelu') return `F.leaky_relu(${arg}, negative_slope=${pythonNumber(parameters.alpha as number)})`;
    // torch.sigmoid rather than F.sigmoid, which PyTorch deprecates
    const direct = definition.parameters.length === 0 ? definition.frameworks.pytorch.find((n) => /^torch\.[a-z_0-9]+$/.test(n)) : undefined;
    if (direct) return `${direct}(${arg}${definition.kind === 'rowwise' ? ', dim=-1' : ''})`;
    const name = frameworkFunction(definition, 'pytorch', 'torch.nn.functional.');
    if (!name) return undefined;
    const rename = TORCH_KEYWORDS[definition.name] ?? {};
    const pairs = definition.parameters.map((p): [string, number | string] => [rename[p.name] ?? p.name, parameters[p.name]]);
    const extra: [string, number | string | boolean][] = definition.kind === 'rowwise' ? [['dim', -1]] : definition.name === 'rrelu' ? [['training', false]] : [];
    return `F.${name}(${arg}${keywords([...pairs, ...extra])})`;
  },
  math(name, arg) {
    if (name === 'round') return `(torch.sign(${arg}) * torch.floor(torch.abs(${arg}) + 0.5))`; // halves away from zero, as the language rounds
    return `torch.${name}(${arg})`;
  },
  maximum: (a, b) => `torch.maximum(${a}, ${b})`,
  minimum: (a, b) => `torch.minimum(${a}, ${b})`,
  where: (c, a, b) => `torch.where(${c} != 0, ${a}, ${b})`,
  number: (comparison) => `(${comparison}).to(DTYPE)`,
  tensor: (literal) => `torch.tensor(${literal}, dtype=DTYPE)`,
};

/**
 * Keras 3's keywords and the parameter values its functions can take: functions without
 * keywords (softplus, hard_tanh) only at our defaults, which are theirs.
 */
const KERAS_PARAMETERS: Readonly<Record<string, (p: ParameterValues) => [string, number | string | boolean][] | undefined>> = {
  leaky_relu: (p) => [['negative_slope', p.alpha as number]],
  elu: (p) => [['alpha', p.alpha as number]],
  celu: (p) => [['alpha', p.alpha as number]],
  gelu: (p) => [['approximate', p.approximate === 'tanh']],
  softplus: (p) => (p.beta === 1 && p.threshold === 20 ? [] : undefined),
  hardtanh: (p) => (p.min_val === -1 && p.max_val === 1 ? [] : undefined),
  softshrink: (p) => [['threshold', p.lambd as number]],
  hardshrink: (p) => [['threshold', p.lambd as number]],
  threshold: (p) => [['threshold', p.threshold as number], ['default_value', p.value as number]],
  squareplus: (p) => [['b', p.b as number]],
};

export const KERAS: Dialect = {
  framework: 'keras',
  activation(definition, parameters, arg) {
    const name = frameworkFunction(definition, 'keras', 'keras.activations.');
    if (!name) return undefined;
    const rule = KERAS_PARAMETERS[definition.name];
    const pairs = rule ? rule(parameters) : definition.parameters.length === 0 ? [] : undefined;
    if (!pairs) return undefined;
    return `keras.activations.${name}(${arg}${keywords(definition.kind === 'rowwise' ? [...pairs, ['axis', -1]] : pairs)})`;
  },
  math(name, arg) {
    if (name === 'round') return `(ops.sign(${arg}) * ops.floor(ops.abs(${arg}) + 0.5))`;
    if (name === 'erfc') return `(1.0 - ops.erf(${arg}))`;
    return `ops.${name}(${arg})`;
  },
  maximum: (a, b) => `ops.maximum(${a}, ${b})`,
  minimum: (a, b) => `ops.minimum(${a}, ${b})`,
  where: (c, a, b) => `ops.where(ops.not_equal(${c}, 0), ${a}, ${b})`,
  number: (comparison) => `ops.cast(${comparison}, DTYPE)`,
  tensor: (literal) => `ops.convert_to_tensor(${literal}, dtype=DTYPE)`,
};
