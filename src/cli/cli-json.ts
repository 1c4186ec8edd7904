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

/** Tensor elements per piece of a streamed line: a few megabytes of text at most. */
const ELEMENTS_PER_PIECE = 1 << 16;

/**
 * One line of JSON (no trailing newline), in pieces to write one after another: a tensor's
 * `data` goes out a slice at a time, so a result of 50 million elements (about a gigabyte of
 * text, past the longest string JavaScript can build) still prints, as the same JSON.
 */
export function* cliJsonPieces(d: DisplayValue): Generator<string> {
  if (d.kind !== 'tensor' || d.data.length <= ELEMENTS_PER_PIECE) {
    yield JSON.stringify(toCliJson(d));
    return;
  }
  const head = JSON.stringify({ ...(toCliJson(d) as object), data: [] });
  yield head.slice(0, -2); // up to and including `"data":[`
  for (let start = 0; start < d.data.length; start += ELEMENTS_PER_PIECE) {
    const piece = JSON.stringify(d.data.slice(start, start + ELEMENTS_PER_PIECE)).slice(1, -1);
    yield start === 0 ? piece : `,${piece}`;
  }
  yield ']}';
}

/** One line of JSON (no trailing newline), for results small enough to be one string. */
export function cliJsonLine(d: DisplayValue): string {
  return [...cliJsonPieces(d)].join('');
}
