/** Builtins that make, reshape, convert and reduce tensors. */
import {
  cast, fromNested, reduceAll, reduceAxis, reshape, transpose, zeros, Tensor, allocate, MAX_ELEMENTS,
  spellNumber, type Reduction,
} from '../../../engine';
import { atSite, runtimeError } from '../call-site';
import { describeValue, num, tensorValue, type Value } from '../values';
import { dtypeArg, integerArg, numberArg, tensorArg, type CallArguments, type ProcedureSpec } from './procedure';
import { Random } from './random';
import { fillEvenlySpaced } from '../sampling';

function shapeArgs(call: CallArguments, name: string): number[] {
  return call.args.map((a, i) => integerArg(call, a, `${name}'s size ${i + 1}`));
}

function filled(name: string, summary: string, fill: (call: CallArguments) => (i: number) => number): ProcedureSpec {
  return {
    name, summary, signature: `${name}(n) or ${name}(rows, cols)`, minArgs: 1, maxArgs: 2,
    named: name.startsWith('rand') ? ['seed', 'dtype'] : ['dtype'],
    run: (call) => {
      const shape = shapeArgs(call, name);
      const t = atSite(call.site, () => zeros(dtypeArg(call), shape));
      const f = fill(call);
      for (let i = 0; i < t.size; i++) t.data[i] = f(i);
      return tensorValue(t);
    },
  };
}

function generator(call: CallArguments): Random {
  const seed = call.named.get('seed');
  return new Random(seed === undefined ? Math.floor(Math.random() * 4294967296) : integerArg(call, seed, 'seed')); // 2^32
}

const reduction = (name: Reduction, summary: string): ProcedureSpec => ({
  name, summary, signature: `${name}(x) or ${name}(x, axis=0|1)`, minArgs: 1, maxArgs: 1, named: ['axis'],
  run: (call) => reduce(call, name),
});

export function reduce(call: CallArguments, name: Reduction): Value {
  const v = call.args[0];
  if (v.kind === 'number' || v.kind === 'boolean') {
    return reduce({ ...call, args: [tensorValue(fromNested([v.kind === 'number' ? v.value : v.value ? 1 : 0]))] }, name);
  }
  const t = tensorArg(call, v, `${name}'s argument`);
  const axis = call.named.get('axis');
  if (axis === undefined) return num(atSite(call.site, () => reduceAll(t, name)));
  const a = integerArg(call, axis, 'axis');
  if (a !== 0 && a !== 1) throw runtimeError(call.site, `axis must be 0 (down columns) or 1 (along rows), got ${spellNumber(a)}`);
  return tensorValue(atSite(call.site, () => reduceAxis(t, name, a)));
}

export const tensorBuiltins: readonly ProcedureSpec[] = [
  {
    name: 'linspace', signature: 'linspace(a, b, n)', summary: 'n evenly spaced numbers from a to b, both included',
    minArgs: 3, maxArgs: 3, named: ['dtype'],
    run: (call) => {
      const a = numberArg(call, call.args[0], 'linspace start');
      const b = numberArg(call, call.args[1], 'linspace end');
      const n = integerArg(call, call.args[2], 'linspace count');
      const t = atSite(call.site, () => zeros(dtypeArg(call), [n]));
      // a + (b - a) * i / (n - 1) hits both ends exactly, unlike repeated addition of a step
      fillEvenlySpaced(t.data, a, b);
      return tensorValue(t);
    },
  },
  {
    name: 'arange', signature: 'arange(a, b, step=1)', summary: 'numbers from a up to (not including) b in steps',
    minArgs: 2, maxArgs: 3, named: ['step', 'dtype'],
    run: (call) => {
      const a = numberArg(call, call.args[0], 'arange start');
      const b = numberArg(call, call.args[1], 'arange end');
      const step = numberArg(call, call.args[2] ?? call.named.get('step') ?? num(1), 'arange step');
      if (step === 0 || !Number.isFinite(step)) throw runtimeError(call.site, 'arange step must be a non-zero finite number');
      const n = Math.max(0, Math.ceil((b - a) / step));
      if (!(n <= MAX_ELEMENTS)) return tensorValue(atSite(call.site, () => zeros('float64', [n])));
      const t = atSite(call.site, () => zeros(dtypeArg(call), [n]));
      for (let i = 0; i < n; i++) t.data[i] = a + i * step;
      return tensorValue(t);
    },
  },
  filled('zeros', 'a tensor of zeros', () => () => 0),
  filled('ones', 'a tensor of ones', () => () => 1),
  filled('rand', 'uniform random numbers in [0, 1); seed= makes them reproducible', (call) => {
    const r = generator(call);
    return () => r.uniform();
  }),
  filled('randn', 'standard normal random numbers; seed= makes them reproducible', (call) => {
    const r = generator(call);
    return () => r.normal();
  }),
  reduction('sum', 'sum of all elements (compensated, so it is accurate)'),
  reduction('mean', 'mean of all elements'),
  reduction('argmax', 'index of the largest element'),
  reduction('norm', 'Euclidean norm'),
  {
    name: 'count', signature: 'count(cond)', summary: 'how many elements are non-zero, e.g. count(x > 0)',
    minArgs: 1, maxArgs: 1, named: ['axis'], run: (call) => reduce(call, 'count'),
  },
  {
    name: 'shape', signature: 'shape(x)', summary: 'the dimensions of a tensor, as a vector',
    minArgs: 1, maxArgs: 1,
    run: (call) => {
      const v = call.args[0];
      // a number is a tensor of no dimensions (NumPy's shape of a scalar is ()); anything else has no shape
      if (v.kind === 'number' || v.kind === 'boolean') return tensorValue(fromNested([]));
      return tensorValue(fromNested([...tensorArg(call, v, "shape's argument").shape]));
    },
  },
  {
    name: 'len', signature: 'len(x)', summary: 'length of the first axis',
    minArgs: 1, maxArgs: 1,
    run: (call) => {
      const t = tensorArg(call, call.args[0], "len's argument");
      if (t.rank === 0) throw runtimeError(call.site, 'a scalar tensor has no length');
      return num(t.shape[0]);
    },
  },
  {
    name: 'reshape', signature: 'reshape(x, n) or reshape(x, rows, cols)', summary: 'the same elements in another shape',
    minArgs: 2, maxArgs: 3,
    run: (call) => {
      const t = tensorArg(call, call.args[0], "reshape's first argument");
      const dims = call.args.slice(1).map((a, i) => integerArg(call, a, `reshape size ${i + 1}`));
      return tensorValue(atSite(call.site, () => reshape(t, dims)));
    },
  },
  {
    name: 'transpose', signature: 'transpose(x)', summary: 'rows become columns (same as x.T)',
    minArgs: 1, maxArgs: 1,
    run: (call) => {
      const t = tensorArg(call, call.args[0], "transpose's argument");
      return tensorValue(atSite(call.site, () => transpose(t, call.site.evaluator.shouldStop)));
    },
  },
  ...(['float32', 'float64'] as const).map((dtype): ProcedureSpec => ({
    name: dtype, signature: `${dtype}(x)`, summary: `the same values as a ${dtype} tensor`,
    minArgs: 1, maxArgs: 1,
    run: (call) => {
      const v = call.args[0];
      if (v.kind === 'number') {
        const t = allocate(dtype, 1);
        t[0] = v.value;
        return tensorValue(new Tensor(dtype, [], t));
      }
      if (v.kind !== 'tensor') throw runtimeError(call.site, `${dtype} converts numbers and tensors, not ${describeValue(v)}`);
      return tensorValue(cast(v.tensor, dtype));
    },
  })),
];

