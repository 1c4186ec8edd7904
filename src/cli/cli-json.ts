/**
 * The JSON that `activation-lab eval --json` prints: exactly the shapes of
 * LANGUAGE.md ("The command line"), one object, keys in the order shown there.
 *
 *   {"kind":"number","value":0.5}
 *   {"kind":"tensor","dtype":"float64","shape":[3],"data":[0,0.5,3]}
 *   {"kind":"function","name":"relu","formula":"max(0, x)","derivative":"1 if x > 0 else 0"}
 *   {"kind":"none"}
 *   {"kind":"error","message":"...","line":1,"column":1}
 *
 * Functions lose the renderer-only fields (`curve`, `kinks`). Kinds that
 * LANGUAGE.md does not show (string, boolean, plot, table) are printed as the
 * display JSON of src/shared/output.ts, unchanged. Non-finite numbers are
 * already the strings "NaN", "Infinity", "-Infinity" in a display; `null` is
 * never written.
 */
import type { DisplayValue } from '../shared/output';

export function toCliJson(d: DisplayValue): unknown {
  switch (d.kind) {
    case 'number': return { kind: d.kind, value: d.value };
    case 'tensor': return { kind: d.kind, dtype: d.dtype, shape: d.shape, data: d.data };
    case 'function': return { kind: d.kind, name: d.name, formula: d.formula, derivative: d.derivative };
    case 'none': return { kind: d.kind };
    case 'error': return { kind: d.kind, message: d.message, line: d.line, column: d.column };
    default: return d;
  }
}

/** One line of JSON (no trailing newline). */
export function cliJsonLine(d: DisplayValue): string {
  return JSON.stringify(toCliJson(d));
}
