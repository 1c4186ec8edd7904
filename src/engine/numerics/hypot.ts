/**
 * hypot(a, b) = sqrt(a^2 + b^2) of our own: Math.hypot's accuracy is left to the engine.
 *
 * a^2 + b^2 is formed as a double-double (Dekker's products), its square root taken by
 * Math.sqrt (correctly rounded under IEEE 754) and corrected once by Newton's step on
 * the exact residual, so the result is within half an ulp and a hair. Arguments outside
 * [2^-450, 2^500] are scaled by a power of two first, so the squares neither overflow
 * nor lose bits to underflow.
 */
import { twoProductError, twoSumError } from './double-double';
import { powerOfTwo } from './float-bits';

const LARGE = powerOfTwo(500);
const SMALL = powerOfTwo(-450);
const DOWN = powerOfTwo(-600);
const UP = powerOfTwo(600);

export function hypot(x: number, y: number): number {
  let a = Math.abs(x);
  let b = Math.abs(y);
  if (a === Infinity || b === Infinity) return Infinity; // even with a NaN, as Math.hypot
  if (a !== a || b !== b) return NaN;
  if (a < b) {
    const t = a;
    a = b;
    b = t;
  }
  if (b === 0) return a;
  let scale = 1;
  if (a > LARGE) {
    a *= DOWN;
    b *= DOWN; // b may underflow: it is then below a 2^-1000 and cannot matter
    scale = UP;
  } else if (a < SMALL) {
    a *= UP;
    b *= UP;
    scale = DOWN;
  }
  const aa = a * a;
  const bb = b * b;
  const s = aa + bb;
  const sLo = twoSumError(aa, bb, s) + twoProductError(a, a, aa) + twoProductError(b, b, bb);
  const h = Math.sqrt(s);
  const hh = h * h;
  // sqrt(s + sLo) = h + (s + sLo - h^2) / (2h); s - hh is exact (Sterbenz)
  const r = h + (((s - hh) - twoProductError(h, h, hh)) + sLo) / (2 * h);
  return r * scale;
}
