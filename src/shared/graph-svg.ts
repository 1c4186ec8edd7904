/**
 * A computational graph drawn as SVG, micrograd's `draw_dot` left to right: one
 * column per step from the inputs (GraphNode.layer), each node a box with what it
 * is, its value (forward) and its gradient d(output)/d(node) (backward); an edge
 * from each operand into the node that uses it. Nodes and edges no gradient flows
 * through (grad 0: a ReLU that is off at this input, a comparison) are greyed and
 * dashed, so a cut gradient path shows at a glance.
 *
 * Text and lines are `currentColor` and boxes are filled with `Canvas` under a tint of
 * currentColor, so one SVG serves every theme: the renderer and the HTML export write their
 * text and background colours in (paintSvg), as they do the text colour of typeset formulas;
 * unpainted, a browser draws Canvas as its page background. Edges of a network are coloured by the weight's sign.
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
/** A line of the title and legend above the boxes, and the advance of their characters. */
const TITLE_LINE = 16;
const TITLE_CHAR = 6.4;
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
  const columns = orderedColumns(d);
  const titles = [
    d.title,
    'Each box: the node, its value, and in orange d(output)/d(node); greyed: no gradient flows there.',
    ...(d.edges.some((e) => e.weight !== undefined) ? ['Edges: blue a positive weight, red a negative one, wider when larger.'] : []),
  ];
  const top = TITLE_LINE * titles.length + 8;
  const tallest = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  const innerHeight = tallest * BOX_HEIGHT + (tallest - 1) * V_GAP;
  const placed = new Map<string, Placed>();
  columns.forEach((column, c) => {
    const height = column.length * BOX_HEIGHT + (column.length - 1) * V_GAP;
    const y0 = PAD + top + (innerHeight - height) / 2;
    column.forEach((node, i) => placed.set(node.id, { node, x: PAD + c * (boxWidth + H_GAP), y: y0 + i * (BOX_HEIGHT + V_GAP) }));
  });
  const drawn = PAD * 2 + columns.length * boxWidth + Math.max(0, columns.length - 1) * H_GAP;
  const width = Math.ceil(Math.max(drawn, PAD * 2 + Math.max(...titles.map((t) => t.length)) * TITLE_CHAR));
  const height = PAD * 2 + top + innerHeight;

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
      // an opaque box first, so edges passing behind it do not cross its text
      + `<rect x="${x}" y="${y}" width="${boxWidth}" height="${BOX_HEIGHT}" rx="${rx}" fill="Canvas"/>`
      + `<rect x="${x}" y="${y}" width="${boxWidth}" height="${BOX_HEIGHT}" rx="${rx}" fill="currentColor" fill-opacity="${fill}" stroke="currentColor" stroke-opacity="0.6"${grey ? ' stroke-dasharray="4 3"' : ''}/>`
      + `<text x="${x + 8}" y="${y + LINE}" font-weight="600">${escapeXml(label)}</text>`
      + `<text x="${x + 8}" y="${y + 2 * LINE}">${escapeXml(value)}</text>`
      + `<text x="${x + 8}" y="${y + 3 * LINE}" fill="${GRAD_COLOUR}">${escapeXml(grad)}</text>`
      + '</g>';
  });


  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="${FONT}" fill="currentColor" color="currentColor">`
    + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor" opacity="0.6"/></marker></defs>'
    + titles.map((t, i) => `<text x="${PAD}" y="${PAD + 12 + i * TITLE_LINE}" font-family="system-ui, sans-serif" font-size="${i === 0 ? 13 : 11.5}" opacity="${i === 0 ? 0.9 : 0.7}">${escapeXml(t)}</text>`).join('')
    + edges.join('') + boxes.join('')
    + '</svg>';
}

/**
 * The nodes column by column, each column ordered by where its operands sit in the columns
 * before (their mean row), so edges run mostly straight and cross less; ties keep the
 * order of the forward pass.
 */
function orderedColumns(d: GraphDisplay): GraphNode[][] {
  const columns: GraphNode[][] = [];
  for (const n of d.nodes) (columns[n.layer] ??= []).push(n);
  const operands = new Map<string, string[]>();
  for (const e of d.edges) operands.set(e.to, [...(operands.get(e.to) ?? []), e.from]);
  const row = new Map<string, number>();
  const filled = Array.from(columns, (c) => c ?? []);
  filled.forEach((column, c) => {
    if (c > 0) {
      const key = (n: GraphNode): number => {
        const rows = (operands.get(n.id) ?? []).map((id) => row.get(id)).filter((r): r is number => r !== undefined);
        return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Infinity;
      };
      const keyed = column.map((n, i) => ({ n, i, k: key(n) }));
      keyed.sort((a, b) => (a.k === b.k ? a.i - b.i : a.k - b.k));
      column.splice(0, column.length, ...keyed.map((x) => x.n));
    }
    // rows centred like the drawing: a column of 2 beside one of 4 sits at rows 1 and 2
    column.forEach((n, i) => row.set(n.id, i - (column.length - 1) / 2));
  });
  return filled;
}

/** An SVG drawn in currentColor and Canvas, painted in a theme's text and background colours. */
export function paintSvg(svg: string, foreground: string, background: string): string {
  return svg.replace(/currentColor/g, foreground).replace(/"Canvas"/g, `"${background}"`);
}
