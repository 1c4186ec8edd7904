/**
 * Fields, indexing and calls of the values the network builtins return:
 *
 *   net(x)        the forward pass on a matrix of rows (or one row as a vector)
 *   net[l]        layer l as a network of its own
 *   data[i]       point i as [x1, x2, y]
 *   fit[k]        row k of fit.history
 *   n.weights     a neuron's fields: weights, bias, active, dead, pre, out (and mean, formula, layer, unit)
 *   x.name        the fields below; an unknown name gets a "did you mean"
 */
import { didYouMean, fromNested, predict, Tensor, type FloatArray, type Network } from '../../engine';
import { atSite, runtimeError, type CallSite } from './call-site';
import { datasetMatrix, historyMatrix, lastOf, type DatasetData, type NetworkData, type NeuronData, type TrainingData } from './network-values';
import { describeValue, num, type Value } from './values';
import { neuronFormula } from './network-display';

const vector = (values: readonly number[]): Value => ({ kind: 'tensor', tensor: values.length ? fromNested([...values]) : new Tensor('float64', [0], new Float64Array(0)) });

type Fields<T> = Readonly<Record<string, (v: T, site: CallSite) => Value>>;

/** A one-layer network's weights and biases; deeper networks must pick a layer first. */
function layerPart(n: NetworkData, site: CallSite, part: 'weights' | 'bias'): Value {
  const net = n.net;
  if (net.layers.length !== 1) throw runtimeError(site, `.${part} belongs to one layer; pick it first, e.g. net[0].${part} (this network has ${net.layers.length} layers)`);
  const layer = net.layers[0];
  const data = Float64Array.from(part === 'weights' ? layer.weights : layer.bias);
  const shape = part === 'weights' ? [layer.outputs, layer.inputs] : [layer.outputs];
  return { kind: 'tensor', tensor: new Tensor('float64', shape, data) };
}

const networkFields: Fields<NetworkData> = {
  layers: (n) => num(n.net.layers.length),
  parameters: (n) => num(n.net.parameters.length),
  sizes: (n) => vector([n.net.inputs, ...n.net.layers.map((l) => l.outputs)]),
  slopes: (n) => vector(n.net.layers.filter((l) => l.slopeIndex >= 0).map((l) => n.net.slope(l))),
  weights: (n, site) => layerPart(n, site, 'weights'),
  bias: (n, site) => layerPart(n, site, 'bias'),
};

const datasetFields: Fields<DatasetData> = {
  x: (d) => ({ kind: 'tensor', tensor: d.x }),
  y: (d) => ({ kind: 'tensor', tensor: d.y }),
  n: (d) => num(d.y.size),
  name: (d) => ({ kind: 'string', value: d.name }),
};

const trainingFields: Fields<TrainingData> = {
  loss: (t) => num(lastOf(t.history.loss)),
  test_loss: (t) => num(lastOf(t.history.testLoss)),
  accuracy: (t) => num(lastOf(t.history.accuracy)),
  test_accuracy: (t) => num(lastOf(t.history.testAccuracy)),
  history: (t) => ({ kind: 'tensor', tensor: historyMatrix(t) }),
  net: (t) => ({ kind: 'network', network: { net: t.net } }),
  epochs: (t) => num(t.epochs),
  dead: (t) => vector(t.history.dead.map(lastOf)),
  slopes: (t) => vector(t.history.slopes.map(lastOf)),
  data: (t) => ({ kind: 'dataset', dataset: t.data }),
};

const tensorOf = (n: NeuronData, data: FloatArray): Value => ({ kind: 'tensor', tensor: new Tensor(n.dtype, [data.length], data) });

/** neuron(...)'s fields: the six LANGUAGE.md names, and what its display shows besides. */
const neuronFields: Fields<NeuronData> = {
  weights: (n) => tensorOf(n, n.weights),
  bias: (n) => num(n.bias),
  active: (n) => num(n.active),
  dead: (n) => num(n.dead ? 1 : 0),
  pre: (n) => tensorOf(n, n.pre),
  out: (n) => tensorOf(n, n.out),
  mean: (n) => num(n.mean),
  formula: (n) => ({ kind: 'string', value: neuronFormula(n) }),
  layer: (n) => num(n.layer),
  unit: (n) => num(n.unit),
};

export function fieldOf(v: Value, name: string, site: CallSite): Value {
  const pick = <T>(fields: Fields<T>, of: T): Value => {
    if (!Object.prototype.hasOwnProperty.call(fields, name)) {
      const names = Object.keys(fields);
      throw runtimeError(site, `${describeValue(v)} has no field '${name}'${didYouMean(name, names) || `; its fields are ${names.join(', ')}`}`);
    }
    return fields[name](of, site);
  };
  switch (v.kind) {
    case 'network': return pick(networkFields, v.network);
    case 'dataset': return pick(datasetFields, v.dataset);
    case 'training': return pick(trainingFields, v.training);
    case 'neuron': return pick(neuronFields, v.neuron);
    default: throw runtimeError(site, `${describeValue(v)} has no field '${name}'`);
  }
}

/**
 * What indexing a composite value means: datasets and training runs index as
 * their matrix (points, history rows); a network is returned as it is, for
 * the evaluator to pick a layer. Undefined for every other kind.
 */
export function indexComposite(v: Value, indices: number, site: CallSite): Value | undefined {
  switch (v.kind) {
    case 'dataset': return { kind: 'tensor', tensor: datasetMatrix(v.dataset) };
    case 'training': return { kind: 'tensor', tensor: historyMatrix(v.training) };
    case 'network':
      if (indices !== 1) throw runtimeError(site, `a network takes one index, the layer (net[0] is the first), got ${indices}`);
      return v;
    default: return undefined;
  }
}

/** net(x): outputs for each row of x (rows × outputs), or a vector for a single row. */
export function callNetwork(net: Network, args: readonly Value[], namedCount: number, site: CallSite): Value {
  if (args.length !== 1 || namedCount > 0) throw runtimeError(site, `a network takes one argument, a matrix with one row per input (${net.inputs} columns), e.g. net(data.x)`);
  const arg = args[0];
  const x = arg.kind === 'dataset' ? arg.dataset.x : arg.kind === 'tensor' ? arg.tensor : arg.kind === 'number' && net.inputs === 1 ? fromNested([arg.value]) : undefined;
  if (!x) throw runtimeError(site, `a network is applied to a matrix of rows (${net.inputs} columns) or a dataset, but got ${describeValue(arg)}`);
  const single = x.rank <= 1;
  const cols = single ? x.size : x.shape[1];
  if (cols !== net.inputs) throw runtimeError(site, `this network takes ${net.inputs} input${net.inputs === 1 ? '' : 's'} per row, but got rows of ${cols} (shape [${x.shape.join(', ')}])`);
  const rows = single ? 1 : x.shape[0];
  const out = atSite(site, () => predict(net, x.data, rows));
  return { kind: 'tensor', tensor: new Tensor(net.dtype, single ? [net.outputs] : [rows, net.outputs], out) };
}
