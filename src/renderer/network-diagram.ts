/**
 * The network diagram as SVG text, from a DiagramModel (network-model.ts): a column of
 * nodes per layer (inputs, hidden layers, outputs), each node the small heatmap of its
 * unit's output over the input square, links coloured by the weight's sign (blue
 * positive, orange negative, Playground's colours) and as wide as its magnitude, dead
 * units greyed and crossed with a count per layer, a PReLU layer's learned slope under
 * its name. Each node is `<g data-neuron="L:U">` (`data-dead="true"` when dead) with its
 * formula and numbers as its <title>, so the exported page has them on hover too.
 *
 * A layer with more than `maxPerLayer` units shows that many and a "+k more" node
 * (`data-expand="L"`), which the notebook's view expands on click. Pure string building:
 * the notebook renderer and the CLI's HTML export draw the same picture. Every text
 * that comes from the user (an activation's name) is escaped.
 */
import { heatmapImage } from './heatmap-image';
import { HEAT_GRID, type DiagramModel, type LayerModel, type UnitModel } from './network-model';

export interface DiagramOptions {
  /** Units drawn per layer before "+k more". */
  readonly maxPerLayer?: number;
  /** Layers (by index) drawn in full regardless. */
  readonly expanded?: ReadonlySet<number>;
}

export const MAX_UNITS_SHOWN = 16;
/** Link colours: Playground's blue for positive weights, its orange for negative ones. */
export const POSITIVE_LINK = '#2b8ad6';
export const NEGATIVE_LINK = '#f59322';
const DEAD_MARK = '#d9534f';

const HEADER = 58;
const GAP = 104;
const MARGIN = 28;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const percent = (v: number): string => `${Math.round(v * 100)}%`;
const short = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v));
/** A mean: rounding noise (a tanh unit's 4e-17 over a symmetric square) is 0. */
const mean = (v: number): string => (Math.abs(v) < 1e-9 ? '0' : short(v));

/** The lines a node's hover shows: its formula, where it is active, its mean output. */
export function unitSummary(u: UnitModel, model: DiagramModel): string[] {
  if (u.layer === 0) return [`input ${u.formula}`];
  const over = model.points > 0 ? `the ${model.points} points` : 'the input square';
  const lines = [u.formula];
  if (Number.isFinite(u.active)) lines.push(`active (passes a gradient) on ${percent(u.active)} of ${over}`, `mean output ${mean(u.mean)}`);
  else lines.push('an activation that reads a tensor variable: its numbers are in the kernel (neuron(...))');
  if (u.dead) lines.push(`dead: outputs 0 on every one of ${over}`);
  return lines;
}

/** The layer's column header lines. */
function headerLines(layer: LayerModel, total: number): string[] {
  if (layer.role === 'input') return ['inputs', `${layer.units.length} features`];
  const name = layer.role === 'output' ? 'output' : `hidden ${layer.index}`;
  const activation = layer.activation.length > 18 ? `${layer.activation.slice(0, 17)}…` : layer.activation;
  const lines = [name, activation];
  // short enough for a column: "5 of 16 dead", "0 of 16 dead"
  if (layer.role === 'hidden') lines.push(`${layer.dead} of ${total} dead`);
  if (layer.slope !== undefined) lines.push(`slope ${short(layer.slope)}`);
  return lines;
}

interface Placed {
  readonly unit: UnitModel;
  readonly x: number;
  readonly y: number;
}

export interface DiagramDrawing {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Units drawn per layer (without the "+k more" node). */
  readonly shown: readonly number[];
}

export function diagramSvg(model: DiagramModel, options: DiagramOptions = {}): DiagramDrawing {
  const cap = options.maxPerLayer ?? MAX_UNITS_SHOWN;
  const visible = model.layers.map((l) => (options.expanded?.has(l.index) || l.units.length <= cap ? l.units.length : cap));
  const slots = model.layers.map((l, i) => visible[i]! + (visible[i]! < l.units.length ? 1 : 0));
  const tallest = Math.max(1, ...slots);
  // nodes shrink as columns grow: 40 px up to 12 units, 29 px at 16, never under 18
  const size = Math.max(18, Math.min(40, Math.floor(560 / tallest) - 6));
  const step = size + Math.max(6, Math.round(size * 0.3));
  const columnsHeight = tallest * step;
  const width = MARGIN * 2 + model.layers.length * size + (model.layers.length - 1) * GAP + 40;
  const height = HEADER + columnsHeight + 12;
  const columnX = (i: number) => MARGIN + 20 + i * (size + GAP);

  const placed: Placed[][] = model.layers.map((layer, i) => {
    const top = HEADER + (columnsHeight - slots[i]! * step) / 2;
    return layer.units.slice(0, visible[i]).map((unit, k) => ({ unit, x: columnX(i), y: top + k * step }));
  });

  const parts: string[] = [];
  // links first, under the nodes; per pair of layers the widest is the largest |w|
  for (let i = 1; i < model.layers.length; i++) {
    const to = placed[i]!;
    const from = placed[i - 1]!;
    let largest = 0;
    for (const t of to) for (const f of from) largest = Math.max(largest, Math.abs(t.unit.weights[f.unit.unit] ?? 0));
    for (const t of to) {
      for (const f of from) {
        const w = t.unit.weights[f.unit.unit] ?? 0;
        if (!Number.isFinite(w) || w === 0) continue;
        const share = largest > 0 ? Math.abs(w) / largest : 0;
        const faded = f.unit.dead ? 0.35 : 1;
        parts.push(`<line x1="${f.x + size}" y1="${f.y + size / 2}" x2="${t.x}" y2="${t.y + size / 2}" stroke="${w > 0 ? POSITIVE_LINK : NEGATIVE_LINK}" stroke-width="${(0.4 + 3.4 * share).toFixed(2)}" stroke-opacity="${((0.2 + 0.7 * share) * faded).toFixed(2)}"/>`);
      }
    }
  }

  model.layers.forEach((layer, i) => {
    const cx = columnX(i) + size / 2;
    headerLines(layer, layer.units.length).forEach((line, k) => {
      const dead = layer.role === 'hidden' && layer.dead > 0 && k === 2;
      const style = k === 0 ? ' font-weight="600"' : dead ? ` fill="${DEAD_MARK}"` : ' fill-opacity="0.8"';
      parts.push(`<text x="${cx}" y="${13 + k * 13}" text-anchor="middle"${style}>${escapeXml(line)}</text>`);
    });
    for (const p of placed[i]!) parts.push(nodeSvg(p, layer, model, size));
    const hidden = layer.units.length - visible[i]!;
    if (hidden > 0) {
      const y = HEADER + (columnsHeight - slots[i]! * step) / 2 + visible[i]! * step;
      parts.push(`<g class="al-more-units" data-expand="${layer.index}" role="button" tabindex="0" aria-label="show the other ${hidden} units of this layer"><rect x="${columnX(i) - 8}" y="${y}" width="${size + 16}" height="${size * 0.7}" rx="4" fill="none" stroke="currentColor" stroke-opacity="0.5" stroke-dasharray="3 2"/><text x="${cx}" y="${y + size * 0.45}" text-anchor="middle">+${hidden} more</text><title>click to draw the other ${hidden} units</title></g>`);
    }
  });

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="al-network" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="11" fill="currentColor" role="img" aria-label="${escapeXml(diagramLabel(model))}">${parts.join('')}</svg>`;
  return { svg, width, height, shown: visible };
}

function nodeSvg(p: Placed, layer: LayerModel, model: DiagramModel, size: number): string {
  const u = p.unit;
  const title = escapeXml(unitSummary(u, model).join('\n'));
  const dead = u.dead ? ' data-dead="true"' : '';
  const picture = u.heat
    ? `<image width="${size}" height="${size}" preserveAspectRatio="none" href="${heatmapImage(u.heat, HEAT_GRID, u.scale, u.dead)}"/>`
    : `<rect width="${size}" height="${size}" fill="currentColor" fill-opacity="0.08"/>`;
  const frame = `<rect class="al-neuron-frame" width="${size}" height="${size}" fill="none" stroke="currentColor" stroke-opacity="${u.dead ? 0.4 : 0.6}"/>`;
  const cross = u.dead
    ? `<path d="M3 3L${size - 3} ${size - 3}M${size - 3} 3L3 ${size - 3}" stroke="${DEAD_MARK}" stroke-width="2"/>`
    : '';
  const label = layer.role === 'input'
    ? `<text x="-6" y="${size / 2 + 4}" text-anchor="end">${escapeXml(u.formula)}</text>`
    : layer.role === 'output' && layer.units.length > 1
      ? `<text x="${size + 6}" y="${size / 2 + 4}">${u.unit}</text>`
      : '';
  return `<g class="al-neuron" data-neuron="${u.id}"${dead} transform="translate(${p.x} ${p.y})" tabindex="0" role="button" aria-label="${title}"><title>${title}</title>${picture}${frame}${cross}${label}</g>`;
}

/** What a screen reader says for the whole diagram. */
export function diagramLabel(model: DiagramModel): string {
  const layers = model.layers.map((l) => (l.role === 'input' ? `${l.units.length} inputs` : `${l.units.length} ${l.activation}${l.role === 'hidden' && l.dead ? ` (${l.dead} dead)` : ''}`));
  return `network diagram: ${layers.join(', then ')}`;
}
