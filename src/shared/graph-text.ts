/**
 * A computational graph (graph(f, at=x0), graph(net, x)) as text: one line per node
 * in the order the forward pass computes them, with its value, its gradient and what
 * it reads, micrograd's `draw_dot` as a listing. The CLI prints it; it is the
 * notebook picture's alt text.
 */
import { formatNumber, fromJsonNumber, type GraphDisplay, type JsonNumber } from './output';

/** Six significant digits: what a reader compares against f'(x) by eye. */
export function graphNumber(v: JsonNumber): string {
  const n = fromJsonNumber(v);
  return Number.isFinite(n) && !Number.isInteger(n) ? String(Number(n.toPrecision(6))) : formatNumber(v);
}

export function graphText(d: GraphDisplay): string {
  const label = new Map(d.nodes.map((n) => [n.id, n.label]));
  const inputs = new Map<string, string[]>();
  for (const e of d.edges) inputs.set(e.to, [...(inputs.get(e.to) ?? []), label.get(e.from) ?? e.from]);
  const width = Math.max(0, ...d.nodes.map((n) => n.label.length));
  const lines = d.nodes.map((n) => {
    const from = inputs.get(n.id);
    const reads = from ? `  <- ${from.join(', ')}` : '';
    return `  ${n.label.padEnd(width)}  value ${graphNumber(n.value).padEnd(12)} grad ${graphNumber(n.grad).padEnd(12)}${reads}`.trimEnd();
  });
  const zero = d.nodes.filter((n) => fromJsonNumber(n.grad) === 0).length;
  const cut = zero > 0 ? `; ${zero} node${zero === 1 ? '' : 's'} with gradient 0 (no gradient flows through them)` : '';
  return [
    `computational graph of ${d.title}: ${d.nodes.length} nodes, output ${graphNumber(d.value)}, d(output)/d(input) = ${d.grad.map(graphNumber).join(', ')}${cut}`,
    ...lines,
  ].join('\n');
}
