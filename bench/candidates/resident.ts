/**
 * A prototype of the other design issue 16 (point 3) names: tensor storage resident
 * in wasm memory, so a kernel reads x and writes y where they are, with no staging
 * copies. The engine streams instead (src/engine/simd/elementwise-runner.ts); this
 * candidate measures what residency would give, in the same run, so the table can
 * compare the two. The same module and loops as the engine's (buildElementwiseModule),
 * one call over the whole tensor.
 *
 * Only a prototype: x is copied into the memory before timing (a resident tensor
 * would be made there), and nothing frees or grows the memory while tensors live,
 * which the real design would need (growing a non-shared memory detaches every view).
 */
import type { ElementwiseDefinition } from '../../src/engine';
import { loadBundle } from '../engine';
import type { DType, FloatArray, Kind } from './common';

type Entry = typeof import('./resident-entry');
const resident = loadBundle<Entry>('bench/candidates/resident-entry.ts', 'resident.bundle.cjs');

const PAGE = 65536;
/** Room after each array: loops run to a multiple of 4 elements. */
const PAD = 64;

interface WasmInstance { readonly exports: Record<string, unknown> }
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => WasmInstance;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** One instance per activation, its memory grown once to hold x and y of `n` doubles. */
let current: { name: string; exports: Record<string, unknown>; base: number } | undefined;

function instanceOf(def: ElementwiseDefinition, n: number): { exports: Record<string, unknown>; base: number } {
  if (current?.name === def.name) return current;
  const { bytes } = resident.buildElementwiseModule([{ name: def.name, wasm: def.wasm! }]);
  const exports = new wasm.Instance(new wasm.Module(bytes)).exports;
  const memory = exports.memory as { buffer: ArrayBuffer; grow(pages: number): number };
  const base = memory.buffer.byteLength;
  memory.grow(Math.ceil((2 * (n * 8 + PAD)) / PAGE));
  current = { name: def.name, exports, base };
  return current;
}

/**
 * The kernel over x and y resident in wasm memory, or undefined where the entry has no wasm
 * kernel for its default parameters. `output()` reads y back (for the bit check, untimed).
 */
export function residentKernel(name: string, kind: Kind, dtype: DType, x: FloatArray): { loop: () => void; output: () => FloatArray } | undefined {
  const def = resident.getActivation(name);
  if (def.kind !== 'elementwise' || !def.wasm) return undefined;
  const p = resident.defaultParameters(def);
  const form = resident.selectForm(def.name, def.wasm, p);
  if (!form || (def.wasm.accepts && !def.wasm.accepts(p))) return undefined;
  const { exports, base } = instanceOf(def, x.length);
  const run = exports[`${form.name}.${kind}.${dtype}`] as (...args: number[]) => void;
  const buffer = (exports.memory as { buffer: ArrayBuffer }).buffer;
  const size = dtype === 'float32' ? 4 : 8;
  const n = x.length;
  const xAt = base, yAt = base + n * size + PAD;
  const View = dtype === 'float32' ? Float32Array : Float64Array;
  new View(buffer, xAt, n).set(x);
  const count = (n + 3) & ~3;
  const parameters = form.kernels.parameters.map((k) => p[k] as number);
  // as many arguments as the function has (a mismatch sends V8's JS-to-wasm call down a slow path)
  const loop = parameters.length === 0 ? () => run(xAt, xAt, yAt, count)
    : parameters.length === 1 ? () => run(xAt, xAt, yAt, count, parameters[0])
      : () => run(xAt, xAt, yAt, count, ...parameters);
  return { loop, output: () => new View(buffer, yAt, n).slice() };
}
