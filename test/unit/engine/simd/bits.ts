/** Comparing two arrays bit for bit (any NaN equals any NaN: WebAssembly leaves NaN payloads open). */
export function bitMismatches(a: ArrayLike<number>, b: ArrayLike<number>, inputs: ArrayLike<number>, limit = 5): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length && out.length < limit; i++) {
    if (!(Object.is(a[i], b[i]) || (a[i] !== a[i] && b[i] !== b[i]))) out.push(`x = ${inputs[i]}: wasm ${a[i]}, JavaScript ${b[i]}`);
  }
  return out;
}

/** Inputs every kernel is run on: the edges of the double format, then seeded random ones at several scales. */
export function edgeInputs(): number[] {
  return [
    0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, -2.2250738585072014e-308,
    Number.MAX_VALUE, -Number.MAX_VALUE, 1e-300, -1e-300, 1e-17, -1e-17, 1e-8, -1e-8, 1, -1, 0.5, -0.5, 2, -2, 3, -3,
    6, -6, 10, -10, 20, -20, 22, -22, 40, -40, 100, -100, 706.99999999999989, 707, 707.00000000000011, -706.99999999999989, -707, -707.00000000000011, 708, -708, -720, -740,
    709.78, 709.8, -745.1, -745.3, 1e10, -1e10, 1e300, -1e300,
  ];
}

/** `count` numbers from `random`, at magnitudes spread over each decade from 1e-6 to 1e3 and uniform in [-8, 8]. */
export function randomInputs(random: () => number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const sign = random() < 0.5 ? -1 : 1;
    out[i] = i % 2 === 0 ? (random() * 16 - 8) : sign * 10 ** (random() * 9 - 6);
  }
  return out;
}
