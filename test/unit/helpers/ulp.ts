/** Units in the last place, for accuracy assertions in both precisions. */

/** Spacing of float64 values at |v| (the gap above |v| when v is a power of two). */
export function ulp64(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -1022) return 2 ** -1074;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 52);
}

/** Spacing of float32 values at |v|. */
export function ulp32(v: number): number {
  const a = Math.abs(Math.fround(v));
  if (a < 2 ** -126) return 2 ** -149;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 23);
}

/** |got - want| in ulps of want; 0 for equal values (including equal infinities and NaN with NaN). */
export function ulpError(got: number, want: number, ulp: (v: number) => number = ulp64): number {
  if (Object.is(got, want) || got === want) return 0;
  if (Number.isNaN(got) && Number.isNaN(want)) return 0;
  if (!Number.isFinite(got) || !Number.isFinite(want)) return Infinity;
  return Math.abs(got - want) / ulp(want);
}
