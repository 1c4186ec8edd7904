/**
 * sin(x + lo) (numerics/trig.ts's sinOfSum) on two doubles at a time, for the lanes its
 * inline path covers: |x| <= pi/4 as it is, or reduced by Cody-Waite's first piece of pi/2
 * where that leaves r above |x| 2^-15 and |x| < 823549. Transcribed operation for operation
 * from sinOrCos, sinKernel and cosKernel (the quadrant's kernel selected per lane), so a
 * covered lane gets the scalar bits. The others (x near a multiple of pi/2, huge or not
 * finite x), rare in data, come back as a mask: the caller hands them to the scalar
 * JavaScript (VectorBuilder.scalarLanes), which needs BigInt for the huge ones.
 */
import * as T from '../numerics/elementary-tables';
import { CUBIC_HI_HIGH, CUBIC_HI_LOW, PI_OVER_4, SECOND_PIECE, TINY } from '../numerics/trig';
import type { Vec, VectorBuilder } from './vector-builder';
import { nested } from './vector-numerics';

const SPLITTER = 134217729;
const ROUNDING_SHIFT = 6755399441055744;

/** Dekker's split of a into [high, low]. */
function split(v: VectorBuilder, a: Vec): [Vec, Vec] {
  const t = v.mul(v.c(SPLITTER), a);
  const high = v.sub(t, v.sub(t, a));
  return [high, v.sub(a, high)];
}

/** sinKernel (numerics/trig.ts): sin(y + lo) for |y| <= pi/4, its high part. */
function sinKernel(v: VectorBuilder, y: Vec, lo: Vec): Vec {
  const [yH, yL] = split(v, y);
  const z = v.mul(y, y);
  const zErr = v.add(v.add(v.sub(v.mul(yH, yH), z), v.mul(v.mul(v.c(2), yH), yL)), v.mul(yL, yL));
  const w = v.mul(z, y);
  const [zH, zL] = split(v, z);
  const wErr = v.add(v.add(v.add(v.add(v.sub(v.mul(zH, yH), w), v.mul(zH, yL)), v.mul(zL, yH)), v.mul(zL, yL)), v.mul(zErr, y));
  const c = v.mul(w, v.c(T.SIN_CUBIC_HI));
  const [wH, wL] = split(v, w);
  const hh = v.c(CUBIC_HI_HIGH);
  const hl = v.c(CUBIC_HI_LOW);
  const cErr = v.add(
    v.add(v.add(v.add(v.sub(v.mul(wH, hh), c), v.mul(wH, hl)), v.mul(wL, hh)), v.mul(wL, hl)),
    v.add(v.mul(wErr, v.c(T.SIN_CUBIC_HI)), v.mul(w, v.c(T.SIN_CUBIC_LO))),
  );
  const poly = nested(v, T.SIN_POLY.slice(0, 6), z);
  const rest = v.mul(v.mul(w, z), poly);
  const tail = v.add(v.add(cErr, rest), v.mul(lo, v.sub(v.c(1), v.mul(v.c(0.5), z))));
  const s = v.add(y, c);
  const sErr = v.add(v.sub(y, s), c);
  return v.add(s, v.add(sErr, tail));
}

/** cosKernel (numerics/trig.ts): cos(y + lo) for |y| <= pi/4, its high part. */
function cosKernel(v: VectorBuilder, y: Vec, lo: Vec): Vec {
  const [yH, yL] = split(v, y);
  const z = v.mul(y, y);
  const zLo = v.add(v.add(v.add(v.sub(v.mul(yH, yH), z), v.mul(v.mul(v.c(2), yH), yL)), v.mul(yL, yL)), v.mul(v.mul(v.c(2), y), lo));
  const h = v.mul(v.c(0.5), z);
  const w = v.sub(v.c(1), h);
  const wErr = v.sub(v.sub(v.c(1), w), h);
  const poly = nested(v, T.COS_POLY.slice(0, 6), z);
  const tail = v.sub(v.mul(v.mul(z, z), poly), v.mul(v.c(0.5), zLo));
  return v.add(w, v.add(wErr, tail));
}

/** sinOfSum(x, lo) where covered, and the mask of lanes it does not cover (left to the scalar code). */
export function sinOfSum(v: VectorBuilder, x: Vec, lo: Vec): { value: Vec; uncovered: Vec } {
  const a = v.abs(x);
  const reduce = v.gt(a, v.c(PI_OVER_4));
  const s = v.add(v.mul(x, v.c(T.INV_PIO2)), v.c(ROUNDING_SHIFT));
  const n = v.sub(s, v.c(ROUNDING_SHIFT));
  const r = v.sub(x, v.mul(n, v.c(T.PIO2_1)));
  const w = v.mul(n, v.c(T.PIO2_1T));
  const y1 = v.sub(r, w);
  const yLo1 = v.add(v.sub(v.sub(r, y1), w), lo);
  const sum = v.add(y1, yLo1);
  const y = v.select(reduce, sum, x);
  const yLo = v.select(reduce, v.sub(yLo1, v.sub(sum, y1)), lo);
  const inline = v.and(v.lt(a, v.c(T.TRIG_MEDIUM_LIMIT)), v.ge(v.abs(y1), v.mul(a, v.c(SECOND_PIECE))));
  // quadrant n & 3 (0 without reduction): odd takes cos, 2 and 3 negate
  const quadrant = v.select(reduce, v.and(v.shiftedToInt(s), v.ci(3)), v.ci(0));
  const kernel = v.select(v.ieq(v.and(quadrant, v.ci(1)), v.ci(1)), cosKernel(v, y, yLo), sinKernel(v, y, yLo));
  const signed = v.select(v.ieq(v.and(quadrant, v.ci(2)), v.ci(2)), v.neg(kernel), kernel);
  const value = v.select(v.lt(a, v.c(TINY)), v.add(x, lo), signed);
  // not covered: reduced lanes off the inline path, and NaN (for which a > pi/4 is false)
  const uncovered = v.or(v.and(reduce, v.not(inline)), v.isNaN(x));
  return { value, uncovered };
}
