/**
 * graph(f, at=x0) and graph(net, x): computational graphs with forward values and
 * backward gradients (runtime/graph/).
 */
import { fromNested } from '../../../engine';
import { runtimeError } from '../call-site';
import { functionGraph } from '../graph/function-graph';
import { networkGraph } from '../graph/network-graph';
import { describeValue, type Value } from '../values';
import { integerArg, numberArg, type ProcedureSpec } from './procedure';
import { networkArg } from './networks';

export const graphBuiltin: ProcedureSpec = {
  name: 'graph', signature: 'graph(f, at=0.5) or graph(net, x)',
  summary: 'the computational graph: each node with its value (forward) and its gradient d(output)/d(node) (backward)',
  minArgs: 1, maxArgs: 2, named: ['at', 'output'],
  run: (call) => {
    const [target, second] = call.args;
    if (second && call.named.has('at')) throw runtimeError(call.site, 'graph: give the point once, as the second argument or as at=');
    const point: Value | undefined = second ?? call.named.get('at');
    if (target.kind === 'network' || target.kind === 'training') {
      const net = networkArg(call, target, 'graph: the network');
      if (!point) throw runtimeError(call.site, `graph(net, x) needs the input x, a vector of ${net.inputs} number${net.inputs === 1 ? '' : 's'}, e.g. graph(net, [0.5, -1])`);
      const x = point.kind === 'number' ? fromNested([point.value]) : point.kind === 'tensor' ? point.tensor : undefined;
      if (!x || x.rank > 1 && x.shape[0] !== 1 || x.size !== net.inputs) {
        throw runtimeError(call.site, `graph(net, x) takes one input, a vector of ${net.inputs} number${net.inputs === 1 ? '' : 's'}, but got ${describeValue(point)}`);
      }
      const output = integerArg(call, call.named.get('output') ?? { kind: 'number', value: 0 }, 'graph: output');
      return { kind: 'graph', display: networkGraph(net, x.data, output, call.site) };
    }
    if (target.kind !== 'function') throw runtimeError(call.site, `graph draws a function (graph(f, at=0.5)) or a network (graph(net, x)), but got ${describeValue(target)}`);
    if (call.named.has('output')) throw runtimeError(call.site, 'graph: output= picks an output of a network; a function has one');
    if (!point) throw runtimeError(call.site, `graph(${target.fn.label}, at=0.5) needs the point to evaluate at`);
    const at = numberArg(call, point, 'graph: at');
    return { kind: 'graph', display: functionGraph(target.fn, at, call.site) };
  },
};
