/**
 * Worst error of every activation's value and derivative against the golden
 * file, in float64 ulps and float32 ulps, through the same kernels users run; then
 * the same for the activation reference (second derivatives, other parameters).
 *
 *     npx tsx tools/accuracy-report.ts
 *
 * The tests assert the bounds (4 ulp float64 for f and f', 8 for f'', 1 ulp float32);
 * this prints how much room is left, for notes and reviews.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { applyResolved, resolveName, resolveParameters, Tensor, type ElementwiseDefinition } from '../src/engine';
import { ulp32, ulpError } from '../test/unit/helpers/ulp';

interface GoldenCase { fn: string; params: Record<string, number | string>; x: number[]; y: number[]; dy: number[] }
const golden: { cases: GoldenCase[] } = JSON.parse(readFileSync(join(__dirname, '../test/fixtures/golden-activations.json'), 'utf8'));

const rows: string[][] = [['activation', 'value f64', 'value f32', "f' f64", "f' f32"]];
let worst64 = 0;
let worst32 = 0;
for (const c of golden.cases) {
  const def = resolveName(c.fn).definition as ElementwiseDefinition;
  const p = resolveParameters(def, c.params);
  const cells = [`${c.fn}(${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(', ')})`];
  for (const [which, want] of [['value', c.y], ['derivative', c.dy]] as const) {
    const y64 = new Float64Array(c.x.length);
    def.kernels[which](Float64Array.from(c.x), y64, p);
    const x32 = Float32Array.from(c.x);
    const y32 = new Float32Array(c.x.length);
    def.kernels[which](x32, y32, p);
    let e64 = 0;
    let e32 = 0;
    c.x.forEach((x, i) => {
      e64 = Math.max(e64, ulpError(y64[i], want[i]));
      // float32 reference at the float32 input (first order, as the golden test does)
      const slope = which === 'value' ? c.dy[i] : (def.scalar.derivative(x + 1e-5, p) - def.scalar.derivative(x - 1e-5, p)) / 2e-5;
      e32 = Math.max(e32, ulpError(y32[i], Math.fround(want[i] + slope * (x32[i] - x)), ulp32));
    });
    worst64 = Math.max(worst64, e64);
    worst32 = Math.max(worst32, e32);
    cells.push(e64.toFixed(2), e32.toFixed(2));
  }
  rows.push([cells[0], cells[1], cells[2], cells[3], cells[4]]);
}
const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
for (const r of rows) console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
console.log(`\nworst: ${worst64.toFixed(2)} float64 ulp (bound 4), ${worst32.toFixed(2)} float32 ulp (bound 1), over ${golden.cases.length} cases x ${golden.cases[0].x.length} points`);

// The activation reference (tools/make_activation_reference.py): f'' everywhere, f and f' at other parameters.
interface ReferenceCase { fn: string; params: Record<string, number | string>; x: number[]; [field: string]: unknown }
const reference: { cases: ReferenceCase[] } = JSON.parse(readFileSync(join(__dirname, '../test/fixtures/activation-reference.json'), 'utf8'));
const fields = [['secondDerivative', 'd2y', "f''", 8], ['value', 'y', 'f', 4], ['derivative', 'dy', "f'", 4]] as const;
const worst = new Map<string, [number, number]>();
const lines: string[][] = [['activation (reference)', ...fields.flatMap(([, , name]) => [`${name} f64`, `${name} f32`])]];
for (const c of reference.cases) {
  const def = resolveName(c.fn).definition as ElementwiseDefinition;
  const p = resolveParameters(def, c.params);
  const cells = [`${c.fn}(${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(', ')})`];
  for (const [which, key, name] of fields) {
    const want = c[key] as number[] | undefined;
    const want32 = c[`${key}32`] as number[] | undefined;
    if (!want || !want32) { cells.push('', ''); continue; }
    const y64 = applyResolved(def, new Tensor('float64', [c.x.length], Float64Array.from(c.x)), p, which).data;
    const y32 = applyResolved(def, new Tensor('float32', [c.x.length], Float32Array.from(c.x)), p, which).data;
    let e64 = 0;
    let e32 = 0;
    c.x.forEach((_, i) => { e64 = Math.max(e64, ulpError(y64[i], want[i])); e32 = Math.max(e32, ulpError(y32[i], want32[i], ulp32)); });
    const [w64, w32] = worst.get(name) ?? [0, 0];
    worst.set(name, [Math.max(w64, e64), Math.max(w32, e32)]);
    cells.push(e64.toFixed(2), e32.toFixed(2));
  }
  lines.push(cells);
}
const refWidths = lines[0].map((_, j) => Math.max(...lines.map((r) => r[j].length)));
console.log('');
for (const r of lines) console.log(r.map((c, j) => (j === 0 ? c.padEnd(refWidths[j]) : c.padStart(refWidths[j]))).join('  '));
for (const [, , name, bound] of fields) {
  const [w64, w32] = worst.get(name) ?? [0, 0];
  console.log(`worst ${name}: ${w64.toFixed(2)} float64 ulp (bound ${bound}), ${w32.toFixed(2)} float32 ulp (bound 1)`);
}
