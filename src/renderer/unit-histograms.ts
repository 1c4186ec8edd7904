/**
 * Histograms of a network's units over the data, as SVG text: one unit's pre-activations
 * with its activation's kink marked (the inspector: a dead ReLU has all its mass left of
 * 0), and per layer the outputs of all its units together (a ReLU layer's spike at 0,
 * sigmoid and tanh piling up at their limits when they saturate). Pure string building,
 * shared by the notebook's view and the CLI's HTML export.
 */
import { escapeXml } from './network-diagram';
import type { DiagramModel, LayerModel } from './network-model';

export const HISTOGRAM_BINS = 30;

export interface HistogramOptions {
  /** What a screen reader says; the heading drawn above the bars is `heading` (or this). */
  readonly title: string;
  readonly heading?: string;
  readonly width?: number;
  readonly height?: number;
  /** x positions drawn as dashed vertical lines with their label (a kink: "kink at 0"). */
  readonly marks?: readonly { readonly x: number; readonly label: string }[];
  /** Shade the bars left of the first mark (a ReLU's "off" side). */
  readonly shadeLeft?: boolean;
  readonly colour?: string;
}

/** Bin counts of the finite `values` over [lo, hi] (lo and hi widened to hold the marks). */
export function binCounts(values: ArrayLike<number>, lo: number, hi: number, bins = HISTOGRAM_BINS): number[] {
  const counts = new Array<number>(bins).fill(0);
  const span = hi - lo;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const k = span > 0 ? Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / span) * bins))) : Math.floor(bins / 2);
    counts[k]!++;
  }
  return counts;
}

const tick = (v: number): string => String(Number(v.toPrecision(3)));
/** An axis end: 0 when it is 0 but for rounding (a sigmoid's 1e-14). */
const end = (v: number, span: number): string => tick(Math.abs(v) < span * 1e-6 ? 0 : v);

export function histogramSvg(values: ArrayLike<number>, o: HistogramOptions): string {
  const width = o.width ?? 240;
  const height = o.height ?? 110;
  const marks = o.marks ?? [];
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  for (const m of marks) { lo = Math.min(lo, m.x); hi = Math.max(hi, m.x); }
  if (!Number.isFinite(lo)) { lo = -1; hi = 1; }
  if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
  const pad = (hi - lo) * 0.04;
  lo -= pad; hi += pad;
  const counts = binCounts(values, lo, hi);
  const top = Math.max(1, ...counts);
  const left = 8, right = 8, plotTop = 18, plotBottom = height - 18;
  const plotWidth = width - left - right;
  const xOf = (v: number) => left + ((v - lo) / (hi - lo)) * plotWidth;
  const barWidth = plotWidth / counts.length;
  const colour = o.colour ?? '#2b8ad6';
  const firstMark = marks[0]?.x;
  const bars = counts.map((c, k) => {
    if (c === 0) return '';
    const h = ((plotBottom - plotTop) * c) / top;
    const centre = lo + ((k + 0.5) / counts.length) * (hi - lo);
    const off = o.shadeLeft && firstMark !== undefined && centre < firstMark;
    return `<rect x="${(left + k * barWidth).toFixed(1)}" y="${(plotBottom - h).toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${off ? '#f59322' : colour}" fill-opacity="0.85"><title>${escapeXml(`${c} in [${tick(lo + (k / counts.length) * (hi - lo))}, ${tick(lo + ((k + 1) / counts.length) * (hi - lo))})`)}</title></rect>`;
  }).join('');
  const lines = marks.map((m) => {
    const x = xOf(m.x);
    // a label near an edge is anchored to stay inside
    const anchor = x > width - 40 ? 'end' : x < 40 ? 'start' : 'middle';
    return `<line x1="${x.toFixed(1)}" y1="${plotTop - 4}" x2="${x.toFixed(1)}" y2="${plotBottom}" stroke="currentColor" stroke-dasharray="3 2"/><text x="${x.toFixed(1)}" y="${plotTop - 6}" text-anchor="${anchor}" font-size="10">${escapeXml(m.label)}</text>`;
  }).join('');
  const axis = `<line x1="${left}" y1="${plotBottom}" x2="${width - right}" y2="${plotBottom}" stroke="currentColor" stroke-opacity="0.5"/>` +
    `<text x="${left}" y="${height - 4}" font-size="10">${escapeXml(end(lo + pad, hi - lo))}</text>` +
    `<text x="${width - right}" y="${height - 4}" font-size="10" text-anchor="end">${escapeXml(end(hi - pad, hi - lo))}</text>`;
  const title = marks.length ? '' : `<text x="${left}" y="11" font-size="11">${escapeXml(o.heading ?? o.title)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="al-histogram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" fill="currentColor" role="img" aria-label="${escapeXml(o.title)}">${title}${bars}${lines}${axis}</svg>`;
}

/** A layer's outputs, all its units over all the points, in one array. */
function layerOutputs(layer: LayerModel): Float64Array | undefined {
  const outs = layer.units.map((u) => u.out);
  if (outs.length === 0 || outs.some((o) => o === undefined)) return undefined;
  const n = outs[0]!.length;
  const all = new Float64Array(n * outs.length);
  outs.forEach((o, k) => all.set(o!, k * n));
  return all;
}

/** One histogram per hidden and output layer: its activations over the data (nothing without data). */
export function layerHistograms(model: DiagramModel): { readonly layer: number; readonly svg: string }[] {
  const out: { layer: number; svg: string }[] = [];
  for (const layer of model.layers) {
    if (layer.role === 'input') continue;
    const values = layerOutputs(layer);
    if (!values) continue;
    const name = layer.role === 'output' ? 'output' : `hidden ${layer.index}`;
    const units = `${layer.units.length} unit${layer.units.length === 1 ? '' : 's'}`;
    out.push({
      layer: layer.index,
      svg: histogramSvg(values, {
        title: `${name} (${layer.activation}): outputs of ${units} × ${model.points} points`,
        heading: `${name} · ${layer.activation} · outputs`, width: 240,
      }),
    });
  }
  return out;
}

/** The inspector's histogram: one unit's pre-activations, its activation's kinks marked. */
export function preActivationSvg(model: DiagramModel, layer: LayerModel, unit: number): string | undefined {
  const u = layer.units[unit];
  if (!u?.pre) return undefined;
  const marks = layer.kinks.map((x) => ({ x, label: `kink at ${tick(x)}` }));
  return histogramSvg(u.pre, {
    title: `pre-activation of unit ${u.id} over ${model.points} points`, width: 320, height: 130, marks, shadeLeft: marks.length > 0,
  });
}
