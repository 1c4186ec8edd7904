/**
 * The language's round: to the nearest whole number, halves away from zero, as
 * students expect (Math.round rounds -2.5 to -2). In the engine so that a fused
 * expression can name it and find its vector form (simd/elementary-vectors.ts).
 */
export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
