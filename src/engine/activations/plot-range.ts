/**
 * The x range an activation is plotted over when none is asked for: one rule,
 * computed from the entry's own data (its kinks and its scalar function), so
 * that the picture shows the function's character:
 *
 *  - around its kinks and 0, with room on both sides, at least 10 wide: [-5, 5]
 *    for most, relu6 over [-2, 8], which shows the cap at 6 that [-5, 5] cuts off;
 *  - a side that barely moves next to the other is widened (and the other
 *    narrowed) until it moves by a twentieth of the other's change, when
 *    widening it makes it move more: leaky_relu(alpha=0.01) over [-5, 5]
 *    looks like relu (its left side falls 0.05 against 5 on the right), over
 *    [-12, 3] its leak is visible. A flat side (relu) or a dip that widening
 *    does not deepen (gelu) stays as it is.
 *  - ends rounded outwards to a round step.
 */
import type { ActivationDefinition, ParameterValues } from './definition';

export interface PlotRange {
  readonly from: number;
  readonly to: number;
}

/** The range for functions the catalogue knows nothing about (user functions, exp, ...). */
export const DEFAULT_PLOT_RANGE: PlotRange = { from: -5, to: 5 };

const MIN_SPAN = 10;
/** Room beyond the outermost kink (or 0): at least this, or a quarter of the kinks' spread. */
const MIN_MARGIN = 2;
/** A side that changes less than this fraction of the other side's change is widened... */
const VISIBLE = 0.05;
/** ...by at most this factor in all (split between widening it and narrowing the other). */
const MAX_STRETCH = 25;
const SAMPLES = 64;

export function plotRange(definition: ActivationDefinition, parameters: ParameterValues): PlotRange {
  const kinks = definition.kinks(parameters).filter(Number.isFinite);
  const lo = Math.min(0, ...kinks);
  const hi = Math.max(0, ...kinks);
  // (quartered before subtracting: kinks at -1e308 and 1e308 are 2e308 apart, past the doubles)
  const margin = Math.max(MIN_MARGIN, hi / 4 - lo / 4);
  let from = Math.max(lo - margin, -Number.MAX_VALUE);
  let to = Math.min(hi + margin, Number.MAX_VALUE);
  if (to - from < MIN_SPAN) {
    const grow = (MIN_SPAN - (to - from)) / 2;
    from -= grow;
    to += grow;
  }
  if (definition.kind === 'elementwise') {
    const f = (x: number) => definition.scalar.value(x, parameters);
    // the side's centre: the kink nearest 0, else 0
    const centre = kinks.length > 0 ? kinks.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a)) : 0;
    ({ from, to } = balanced(f, centre, from, to));
  }
  const range = rounded(from, to);
  // a parameter near the largest double (threshold=1e308) puts an end past it: the plot stops at the largest
  return { from: Math.max(range.from, -Number.MAX_VALUE), to: Math.min(range.to, Number.MAX_VALUE) };
}

/** How far f moves from f(centre) going `width` to one side (sign -1 left, +1 right). */
function change(f: (x: number) => number, centre: number, sign: number, width: number): number {
  const at = f(centre);
  let most = 0;
  for (let i = 1; i <= SAMPLES; i++) {
    const d = Math.abs(f(centre + (sign * width * i) / SAMPLES) - at);
    if (Number.isFinite(d)) most = Math.max(most, d);
  }
  return most;
}

function balanced(f: (x: number) => number, centre: number, from: number, to: number): PlotRange {
  const left = centre - from;
  const right = to - centre;
  const l = change(f, centre, -1, left);
  const r = change(f, centre, 1, right);
  const small = l < r ? { side: -1, width: left, moves: l, other: r } : { side: 1, width: right, moves: r, other: l };
  const ratio = small.moves / small.other;
  if (!(ratio > 0 && ratio < VISIBLE)) return { from, to };
  // widening must help: a linear side moves twice as far over twice the width, a dip does not
  if (change(f, centre, small.side, 2 * small.width) < 1.5 * small.moves) return { from, to };
  const k = Math.sqrt(Math.min(MAX_STRETCH, VISIBLE / ratio));
  return small.side < 0 ? { from: centre - left * k, to: centre + right / k } : { from: centre - left / k, to: centre + right * k };
}

/**
 * The largest power of ten at most `x` (x > 0), by multiplying and dividing by ten: exact where
 * it matters, and the same on every JavaScript engine (Math.log10 and ** are not specified to
 * the last bit; the numerics guard keeps them out of the engine).
 */
function powerOfTenBelow(x: number): number {
  let p = 1;
  while (p > x && p > 1e-300) p /= 10;
  while (p * 10 <= x && p < 1e300) p *= 10;
  return p;
}

/** Ends moved outwards to a multiple of a round step (1, 2 or 5 times a power of ten), at least a twentieth of the span. */
function rounded(from: number, to: number): PlotRange {
  const raw = to / 10 - from / 10;
  const power = powerOfTenBelow(raw);
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw / 2) ?? 10 * power;
  const snap = (v: number, round: (x: number) => number) => Number((round(v / step) * step).toPrecision(12));
  return { from: snap(from, Math.floor), to: snap(to, Math.ceil) };
}
