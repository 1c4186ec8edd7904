/**
 * dense, mlp, dead, sparsity and gradflow: building networks and looking
 * inside them. Training and data sets are in training.ts.
 */
import {
  checkInitScheme, deadUnits, fromNested, gradflow, inspectUnit, mlp, sparsity, Tensor, type Network,
} from '../../../engine';
import { atSite, runtimeError } from '../call-site';
import { functionOfActivation, toNetworkActivation } from '../network-activation';
import type { DatasetData } from '../network-values';
import { describeValue, type Value } from '../values';
import { dtypeArg, integerArg, numberArg, stringArg, type CallArguments, type ProcedureSpec } from './procedure';

/** Layer widths above this are refused: a typo, not a plan (a 4096 × 4096 layer is already 16M weights). */
export const MAX_WIDTH = 4096;

const named = (call: CallArguments, key: string, fallback: Value): Value => call.named.get(key) ?? fallback;
const lookup = (call: CallArguments, name: string): Value => call.site.evaluator.lookup(name, call.site.span);

function size(call: CallArguments, value: Value | undefined, what: string): number {
  const n = integerArg(call, value, what, 1);
  if (n > MAX_WIDTH) throw runtimeError(call.site, `${what} is ${n}; layers here have at most ${MAX_WIDTH} units`);
  return n;
}

function build(call: CallArguments, sizes: number[], hiddenDefault: string): Value {
  const hidden = toNetworkActivation(named(call, 'act', lookup(call, hiddenDefault)), call.site, 'act');
  const output = call.named.has('out') ? toNetworkActivation(call.named.get('out')!, call.site, 'out') : hidden;
  const init = checkedInit(call);
  const seed = integerArg(call, named(call, 'seed', { kind: 'number', value: 0 }), 'seed');
  const net = atSite(call.site, () => mlp({ sizes, hidden, output, init, seed, dtype: dtypeArg(call) }));
  return { kind: 'network', network: { net } };
}

function checkedInit(call: CallArguments): string {
  const init = stringArg(call, named(call, 'init', { kind: 'string', value: 'he' }), 'init', 'he');
  return atSite(call.site, () => checkInitScheme(init));
}

export function networkArg(call: CallArguments, value: Value | undefined, what: string): Network {
  if (value?.kind === 'network') return value.network.net;
  if (value?.kind === 'training') return value.training.net;
  throw runtimeError(call.site, `${what} must be a network (from mlp or dense), but got ${value ? describeValue(value) : 'nothing'}`);
}

export function datasetArg(call: CallArguments, value: Value | undefined, what: string): DatasetData {
  if (value?.kind === 'dataset') return value.dataset;
  throw runtimeError(call.site, `${what} must be a dataset, e.g. dataset("circle"), but got ${value ? describeValue(value) : 'nothing'}`);
}

/** The rows a network reads from: a dataset's x, or a matrix with one column per input. */
export function inputRows(call: CallArguments, net: Network, value: Value | undefined): { x: ArrayLike<number>; rows: number } {
  const x: Tensor | undefined = value?.kind === 'dataset' ? value.dataset.x : value?.kind === 'tensor' ? value.tensor : undefined;
  if (!x) throw runtimeError(call.site, `expected a dataset or a matrix of inputs, but got ${value ? describeValue(value) : 'nothing'}`);
  const cols = x.rank === 2 ? x.shape[1] : x.rank === 1 ? x.shape[0] : 1;
  if (cols !== net.inputs) {
    throw runtimeError(call.site, `the network takes ${net.inputs} input${net.inputs === 1 ? '' : 's'} per row, but this has ${cols} (shape [${x.shape.join(', ')}])`);
  }
  return { x: x.data, rows: x.rank === 2 ? x.shape[0] : 1 };
}

const perLayer = (values: number[]): Value => ({ kind: 'tensor', tensor: values.length ? fromNested(values) : new Tensor('float64', [0], new Float64Array(0)) });

/** dead(net, data) and sparsity(net, data): one number per hidden layer. */
function perLayerSpec(name: string, summary: string, measure: (net: Network, x: ArrayLike<number>, rows: number) => number[]): ProcedureSpec {
  return {
    name, signature: `${name}(net, data)`, summary, minArgs: 2, maxArgs: 2,
    run: (call) => {
      const net = networkArg(call, call.args[0], `${name}: the first argument`);
      const { x, rows } = inputRows(call, net, call.args[1]);
      return perLayer(atSite(call.site, () => measure(net, x, rows)));
    },
  };
}

export const networkBuiltins: readonly ProcedureSpec[] = [
  {
    name: 'dense', signature: 'dense(inputs, outputs, act=relu, init="he", seed=0)',
    summary: 'one dense layer, as a network of one layer: outputs = act(x W^T + b)',
    minArgs: 2, maxArgs: 2, named: ['act', 'init', 'seed', 'dtype'],
    run: (call) => build(call, [size(call, call.args[0], 'inputs'), size(call, call.args[1], 'outputs')], 'relu'),
  },
  {
    name: 'mlp', signature: 'mlp([2, 8, 8, 1], act=relu, out=sigmoid, init="he", seed=0)',
    summary: 'a multilayer perceptron: layer sizes from inputs to outputs, act in hidden layers, out on the last',
    minArgs: 1, maxArgs: 1, named: ['act', 'out', 'init', 'seed', 'dtype'],
    run: (call) => {
      const v = call.args[0];
      if (v.kind !== 'tensor' || v.tensor.rank !== 1 || v.tensor.size < 2) {
        throw runtimeError(call.site, `mlp takes the layer sizes as a vector, inputs first, e.g. mlp([2, 8, 8, 1]); got ${describeValue(v)}`);
      }
      const sizes = Array.from(v.tensor.data, (n, i) => size(call, { kind: 'number', value: n }, `size ${i}`));
      const withOut: CallArguments = call.named.has('out') ? call : { ...call, named: new Map([...call.named, ['out', lookup(call, 'sigmoid')]]) };
      return build(withOut, sizes, 'relu');
    },
  },
  perLayerSpec('dead', 'per hidden layer: how many units output 0 for every row of data', deadUnits),
  perLayerSpec('sparsity', 'per hidden layer: the fraction of activations that are exactly 0', sparsity),
  {
    name: 'neuron', signature: 'neuron(net, layer, unit, data)',
    summary: 'one unit on the data: weights, bias, active (fraction of points passing a gradient), dead (0/1), pre, out; layers from 1, units from 0',
    minArgs: 4, maxArgs: 4,
    run: (call) => {
      const net = networkArg(call, call.args[0], 'neuron: the first argument');
      const layer = numberArg(call, call.args[1], 'neuron: the layer');
      const unit = numberArg(call, call.args[2], 'neuron: the unit');
      const { x, rows } = inputRows(call, net, call.args[3]);
      const inspection = atSite(call.site, () => inspectUnit(net, x, rows, layer, unit));
      const act = net.layers[layer - 1].activation;
      const kinks = act.catalogue?.definition.kinks(act.catalogue.parameters) ?? functionOfActivation(act)?.kinks() ?? [];
      const l = net.layers[layer - 1];
      const slope = l.slopeIndex >= 0 ? { slope: net.slope(l) } : {};
      return { kind: 'neuron', neuron: { ...inspection, dtype: net.dtype, layers: net.layers.length, kinks, ...slope } };
    },
  },
  {
    name: 'gradflow', signature: 'gradflow(act, depth=20, width=16, seed=0)',
    summary: 'gradient norm reaching each layer of a deep network at initialisation (index 0 next to the input)',
    minArgs: 1, maxArgs: 1, named: ['depth', 'width', 'seed'],
    run: (call) => {
      const act = toNetworkActivation(call.args[0], call.site, 'gradflow: the activation');
      const depth = integerArg(call, named(call, 'depth', { kind: 'number', value: 20 }), 'depth', 1);
      const width = integerArg(call, named(call, 'width', { kind: 'number', value: 16 }), 'width', 1);
      const seed = integerArg(call, named(call, 'seed', { kind: 'number', value: 0 }), 'seed');
      const norms = atSite(call.site, () => gradflow(act, depth, width, seed));
      return { kind: 'tensor', tensor: fromNested(norms), gradflow: act.label };
    },
  },
];

