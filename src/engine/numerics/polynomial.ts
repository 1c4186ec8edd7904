/**
 * Evaluates the generated polynomials of tables.ts.
 *
 * Layout: [c0_lo, c0_hi, c1, c2, ...]. The constant term is carried as a
 * double-double because it usually dominates the result; rounding it alone
 * would cost up to a whole ulp of the result.
 */
export function evaluatePolynomial(c: readonly number[], t: number): number {
  let r = c[c.length - 1];
  for (let i = c.length - 2; i >= 2; i--) r = r * t + c[i];
  return c[1] + (c[0] + r * t);
}
