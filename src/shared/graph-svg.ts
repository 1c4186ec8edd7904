/**
 * A computational graph drawn as SVG, micrograd's `draw_dot` left to right: one
 * column per step from the inputs (GraphNode.layer), each node a box with what it
 * is, its value (forward) and its gradient d(output)/d(node) (backward); an edge
 * from each operand into the node that uses it. Nodes and edges no gradient flows
 * through (grad 0: a ReLU that is off at this input, a comparison) are greyed and
 * dashed, so a cut gradient path shows at a glance.
 *
 * Text and lines are `currentColor` and the boxes are filled by opacity only, so one
 * SVG serves every theme: the renderer and the HTML export write their text colour in,
 * as they do for typeset formulas. Edges of a network are coloured by the weight's sign.
 * User text (labels) is XML-escaped.
 */
import { fromJsonNumber, type GraphDisplay, type GraphNode } from './output';
import { graphNumber } from './graph-text';
import { escapeXml } from './svg-plot';

const FONT = 12;
/** Monospace advance at FONT px, for sizing boxes to their text. */
const CHAR = 7.3;
const LINE = 16;
const BOX_HEIGHT = 3 * LINE + 8;
const V_GAP = 14;
const H_GAP = 46;
const PAD = 12;
const TITLE = 24;
const MAX_LABEL = 26;
/** Gradient text: an orange that reads on light and dark backgrounds alike. */
const GRAD_COLOUR = '#d9822b';
const POSITIVE = '#3b82d6';
const NEGATIVE = '#d64545';

const clip = (s: string): string => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);
const noGradient = (n: GraphNode): boolean => fromJsonNumber(n.grad) === 0;

interface Placed {
  readonly node: GraphNode;
  readonly x: number;
  readonly y: number;
}

export function graphToSvg(d: GraphDisplay): string {
  const texts = d.nodes.map((n) => [clip(n.label), `value ${graphNumber(n.value)}`, `grad ${graphNumber(n.grad)}`]);
  const boxWidth = Math.ceil(Math.max(96, ...texts.flat().map((t) => t.length * CHAR)) + 16);
  const columns: GraphNode[][] = [];
  for (const n of d.nodes) (columns[n.layer] ??= []).push(n);
  const tallest = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  const innerHeight = tallest * BOX_HEIGHT + (tallest - 1) * V_GAP;
  const placed = new Map<string, Placed>();
  columns.forEach((column, c) => {
    if (!column) return;
    const height = column.length * BOX_HEIGHT + (column.length - 1) * V_GAP;
    const top = PAD + TITLE + (innerHeight - height) / 2;
    column.forEach((node, i) => placed.set(node.id, { node, x: PAD + c * (boxWidth + H_GAP), y: top + i * (BOX_HEIGHT + V_GAP) }));
  });
  const width = PAD * 2 + columns.length * boxWidth + Math.max(0, columns.length - 1) * H_GAP;
  const height = PAD * 2 + TITLE + innerHeight;

  const edges = d.edges.map((e) => {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b) return '';
    const x1 = a.x + boxWidth, y1 = a.y + BOX_HEIGHT / 2, x2 = b.x, y2 = b.y + BOX_HEIGHT / 2;
    const mid = (x1 + x2) / 2;
    const weight = e.weight === undefined ? undefined : fromJsonNumber(e.weight);
    const colour = weight === undefined ? 'currentColor' : weight >= 0 ? POSITIVE : NEGATIVE;
    const strokeWidth = weight === undefined ? 1.2 : Math.min(4, 0.8 + 1.6 * Math.abs(weight));
    const cut = noGradient(b.node);
    return `<path d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" fill="none" stroke="${colour}" stroke-width="${strokeWidth.toFixed(2)}"${cut ? ' stroke-dasharray="4 3" opacity="0.35"' : ' opacity="0.8"'} marker-end="url(#arrow)"/>`;
  });

  const boxes = [...placed.values()].map(({ node, x, y }) => {
    const [label, value, grad] = texts[d.nodes.indexOf(node)];
    const grey = noGradient(node);
    const fill = node.role === 'output' ? 0.16 : node.role === 'input' ? 0.12 : node.role === 'leaf' ? 0.04 : 0.08;
    const rx = node.role === 'leaf' ? 2 : 8;
    return `<g data-node="${escapeXml(node.id)}" data-op="${escapeXml(node.op)}"${grey ? ' data-grad="0" opacity="0.45"' : ''}>`
      + `<rect x="${x}" y="${y}" width="${boxWidth}" height="${BOX_HEIGHT}" rx="${rx}" fill="currentColor" fill-opacity="${fill}" stroke="currentColor" stroke-opacity="0.6"${grey ? ' stroke-dasharray="4 3"' : ''}/>`
      + `<text x="${x + 8}" y="${y + LINE}" font-weight="600">${escapeXml(label)}</text>`
      + `<text x="${x + 8}" y="${y + 2 * LINE}">${escapeXml(value)}</text>`
      + `<text x="${x + 8}" y="${y + 3 * LINE}" fill="${GRAD_COLOUR}">${escapeXml(grad)}</text>`
      + '</g>';
  });

  const title = `${d.title}. Each box: the node, its value, and in orange d(output)/d(node); greyed where no gradient flows`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="${FONT}" fill="currentColor" color="currentColor">`
    + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor" opacity="0.6"/></marker></defs>'
    + `<text x="${PAD}" y="${PAD + 12}" font-family="system-ui, sans-serif" font-size="13" opacity="0.8">${escapeXml(title)}</text>`
    + edges.join('') + boxes.join('')
    + '</svg>';
}
