/**
 * graph(net, x): a small network's computational graph on one input. Each unit is two
 * nodes, its pre-activation z = w·in + b (the edges into it carry the weights, and
 * d(output)/dw) and its output a = f(z); the inputs come first. Values and gradients
 * are the training code's own (engine/network/single-input.ts), d(output k)/d(node).
 * A ReLU that is off at this input (z <= 0) has d(output)/dz = 0: its z node, the
 * weights into it and what only it feeds get no gradient, which the picture greys.
 */
import { singleInputPass, unitName, type Network } from '../../../engine';
import type { GraphDisplay } from '../../../shared/output';
import { atSite, runtimeError, type CallSite } from '../call-site';
import { GraphBuilder } from './graph-builder';

/** Units (hidden and output) a network graph draws at most: about a screen of boxes. */
export const MAX_GRAPH_UNITS = 40;

export function networkGraph(net: Network, x: ArrayLike<number>, output: number, site: CallSite): GraphDisplay {
  const units = net.layers.reduce((n, l) => n + l.outputs, 0);
  if (units > MAX_GRAPH_UNITS) {
    const sizes = [net.inputs, ...net.layers.map((l) => l.outputs)].join(', ');
    throw runtimeError(site, `graph draws networks of up to ${MAX_GRAPH_UNITS} units, and mlp([${sizes}]) has ${units}; try a smaller one, e.g. mlp([${net.inputs}, 4, ${net.outputs}])`);
  }
  const pass = atSite(site, () => singleInputPass(net, x, output));
  const graph = new GraphBuilder(Infinity, () => '');
  const weightOf = new Map<string, { weight: number; grad: number }>();
  let previous = Array.from({ length: net.inputs }, (_, p) => graph.add('input', unitName(0, p), x[p], 'input'));
  const inputs = previous;
  graph.nodes.forEach((n, p) => { n.grad = pass.dx[p]; });
  net.layers.forEach((layer, l) => {
    const number = l + 1;
    const last = l === net.layers.length - 1;
    const rowwise = layer.activation.catalogue?.definition.kind === 'rowwise';
    const zs = Array.from({ length: layer.outputs }, (_, j) => {
      const id = graph.add('dense', `z${number}[${j}] (b ${short(layer.bias[j])})`, pass.z[l][j], 'op', previous, []);
      graph.nodes[id].grad = pass.dz[l][j];
      previous.forEach((from, p) => {
        weightOf.set(`${from}>${id}`, { weight: layer.weights[j * layer.inputs + p], grad: pass.grads[layer.offset + j * layer.inputs + p] });
      });
      return id;
    });
    previous = zs.map((z, j) => {
      const name = last ? `out${net.outputs === 1 ? '' : `_${j}`}` : unitName(number, j);
      // off: the activation passes no gradient back here (relu with z <= 0)
      const off = pass.dz[l][j] === 0 && pass.g[l][j] !== 0 ? ' (off)' : '';
      const id = graph.add(layer.activation.label, `${name}: ${layer.activation.label}${off}`, pass.a[l][j], last && j === output ? 'output' : 'op', rowwise ? zs : [z], []);
      graph.nodes[id].grad = pass.g[l][j];
      return id;
    });
  });
  const outputNode = previous[output];
  const sizes = [net.inputs, ...net.layers.map((l) => l.outputs)].join('-');
  const at = Array.from(x, (v) => short(v)).join(', ');
  const which = net.outputs === 1 ? '' : `, d(output ${output})`;
  return graph.display(`network ${sizes} at x = [${at}]${which}`, outputNode, inputs, (from, to) => weightOf.get(`${from}>${to}`));
}

const short = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3))));
