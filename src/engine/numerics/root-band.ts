/**
 * Derivatives near their roots.
 *
 * GELU', SiLU' and Mish' cross zero at a negative x where their usual formulas
 * subtract two nearly equal terms; there the result's leading digits cancel and
 * the error grows without bound. Instead we evaluate f'(x) = d * P(d) with
 * d = x - root taken in double-double, P fitted offline (tools/fit_numerics.py).
 */
import { evaluatePolynomial } from './polynomial';
import { ROOT_PIECES_PER_UNIT, ROOT_PIECE_SCALE } from './tables';

export interface RootBand {
  readonly rootHi: number;
  readonly rootLo: number;
  /** The band covers [start, end); callers use their ordinary formula outside. */
  readonly start: number;
  readonly end: number;
  readonly centres: readonly number[];
  readonly polys: readonly (readonly number[])[];
}

/** f'(x + xLo) inside the band; xLo is the low part of a double-double argument (often 0). */
export function evaluateNearRoot(band: RootBand, x: number, xLo: number): number {
  const d = (x - band.rootHi) + (xLo - band.rootLo);
  const k = Math.floor((x - band.start) * ROOT_PIECES_PER_UNIT);
  return d * evaluatePolynomial(band.polys[k], (d - band.centres[k]) * ROOT_PIECE_SCALE);
}
