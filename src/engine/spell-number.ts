/**
 * A number in a message: the infinities as the language writes them (`inf`, `-inf`, what a
 * student types, never JavaScript's `Infinity`), NaN by its common name, and `-0` with its sign.
 */
export function spellNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return Object.is(n, -0) ? '-0' : String(n);
}
