/**
 * Fused expressions give the per-operator path's bits whichever way they run:
 * as a WebAssembly function, as the JavaScript loop (the wasm path off), and in
 * a session that compiles no JavaScript (the renderer's pages), against one
 * operator at a time with no fusion at all. Random expressions (fast-check) of
 * the operators, activations (with parameters, f' and f''), math functions and
 * powers fusion accepts, over tensors of random and edge data (NaN, ±0, ±Inf,
 * huge, tiny), in float64, float32 and both mixed.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { Tensor, useWasmElementwise, type DType } from '../../../../src/engine';
import { parseExpression } from '../../../../src/language/parser';
import { Evaluator, type SessionState } from '../../../../src/language/runtime/evaluator';
import { tensorValue, type Value } from '../../../../src/language/runtime/values';
import { mulberry32 } from '../../helpers/prng';
import { bitMismatches, edgeInputs, randomInputs } from '../../engine/simd/bits';

/** Above fusion's threshold (4096), and odd: the wasm loop's last pair has one lane of padding. */
const N = 4099;

function data(seed: number): Float64Array {
  const xs = randomInputs(mulberry32(seed), N);
  const edges = edgeInputs();
  // the edges twice, at an odd and an even offset, so each meets both lanes of a pair
  xs.set(edges, 0);
  xs.set(edges, edges.length * 2 + 1);
  return xs;
}

const X = data(1), Z = data(2).reverse();

interface Mode { readonly name: string; readonly wasm: boolean; readonly compileLoops: boolean }
const FUSED_WASM: Mode = { name: 'fused in wasm', wasm: true, compileLoops: true };
const MODES: readonly Mode[] = [
  FUSED_WASM,
  { name: 'fused in JavaScript', wasm: false, compileLoops: true },
  { name: 'wasm, no JavaScript compiled (the renderer)', wasm: true, compileLoops: false },
];
/** wasm off and no loops compiled: nothing is fused, every operator runs its own pass. */
const UNFUSED: Mode = { name: 'one operator at a time', wasm: false, compileLoops: false };

function evaluate(source: string, dx: DType, dz: DType, mode: Mode): Value {
  const state: SessionState = { globals: new Map(), defaultDType: 'float64', depth: 0, compileLoops: mode.compileLoops };
  state.globals.set('x', tensorValue(new Tensor(dx, [N], dx === 'float32' ? Float32Array.from(X) : Float64Array.from(X))));
  state.globals.set('z', tensorValue(new Tensor(dz, [N], dz === 'float32' ? Float32Array.from(Z) : Float64Array.from(Z))));
  useWasmElementwise(mode.wasm);
  try {
    return new Evaluator(state, source).evaluate(parseExpression(source));
  } finally {
    useWasmElementwise(true);
  }
}

function numbers(v: Value): ArrayLike<number> {
  if (v.kind === 'tensor') return v.tensor.data;
  if (v.kind === 'number') return [v.value];
  throw new Error(`not a number or tensor: ${v.kind}`);
}

const unary = <T>(f: (a: T) => string) => (a: T) => f(a);

/** Calls a fused loop can make: those with a vector form, and some without (they keep the JavaScript loop). */
const CALLS: readonly ((a: string) => string)[] = [
  ...['sigmoid', 'tanh', 'silu', 'mish', 'quick_gelu', 'relu', 'relu6', 'selu', 'logsigmoid', 'softsign', 'tanhshrink',
    'hardsigmoid', 'hardswish', 'squared_relu', 'gelu', 'softshrink', 'hardshrink', 'squareplus', 'rrelu', 'prelu']
    .flatMap((name) => [unary((a: string) => `${name}(${a})`), unary((a: string) => `${name}'(${a})`)]),
  (a) => `leaky_relu(${a}, alpha=0.2)`, (a) => `elu(${a}, alpha=0.7)`, (a) => `elu'(${a}, alpha=0.7)`,
  (a) => `celu(${a}, alpha=0.7)`, (a) => `softplus(${a}, beta=0.7)`, (a) => `softplus'(${a}, beta=2, threshold=5)`,
  (a) => `gelu(${a}, approximate="tanh")`, (a) => `gelu'(${a}, approximate="tanh")`,
  (a) => `hardtanh(${a}, min_val=-2, max_val=0.5)`, (a) => `threshold(${a}, threshold=0.3, value=-1)`,
  (a) => `tanh''(${a})`, (a) => `snake(${a}, a=0.5)`,
  ...['exp', 'expm1', 'log1p', 'erf', 'erfc', 'sqrt', 'abs', 'floor', 'ceil', 'sign', 'round', 'log', 'sin']
    .map((name) => unary((a: string) => `${name}(${a})`)),
];

const NUMBERS = ['0', '1', '2', '0.5', '1.702', '3', '0.1', '1e-3', '1e300', '7', '1e-310'];
/** Exponents: those the vector code has (0, 1, 2, -1, 0.5) and others, which keep the JavaScript loop. */
const EXPONENTS = ['0', '1', '2', '(-1)', '0.5', '3', '1.5', '(-2)'];

const leaf = fc.oneof({ arbitrary: fc.constantFrom('x', 'z'), weight: 3 }, { arbitrary: fc.constantFrom(...NUMBERS), weight: 1 });

/** Expressions up to `depth` operations deep, mostly of tensors, so that most of them fuse. */
const expression: fc.Memo<string> = fc.memo((depth) => {
  if (depth <= 1) return leaf;
  const e = expression(depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 1 },
    { arbitrary: fc.tuple(e, fc.constantFrom('+', '-', '*', '/'), e).map(([a, op, b]) => `(${a} ${op} ${b})`), weight: 4 },
    { arbitrary: e.map((a) => `(-${a})`), weight: 1 },
    { arbitrary: fc.tuple(e, fc.oneof(fc.constantFrom(...EXPONENTS), e)).map(([a, b]) => `(${a})^${b}`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...CALLS), e).map(([call, a]) => call(a)), weight: 3 },
  );
});

function compare(source: string, dx: DType, dz: DType): string[] {
  const want = numbers(evaluate(source, dx, dz, UNFUSED));
  const problems: string[] = [];
  for (const mode of MODES) {
    const got = numbers(evaluate(source, dx, dz, mode));
    if (got.length !== want.length) problems.push(`${mode.name}: ${got.length} elements, not ${want.length}`);
    for (const m of bitMismatches(got, want, X, 3)) problems.push(`${mode.name}: ${m.replace('wasm', 'got').replace('JavaScript', 'want')}`);
  }
  return problems;
}

describe('language/runtime: fused expressions, WebAssembly and JavaScript, bit for bit', () => {
  const combinations: [DType, DType][] = [['float64', 'float64'], ['float32', 'float32'], ['float32', 'float64']];

  for (const [dx, dz] of combinations) {
    it(`the examples with x ${dx}, z ${dz}`, () => {
      for (const source of [
        'x * sigmoid(1.702 * x)', '-x^2 + 3 * z', 'leaky_relu(x - z, alpha=0.2) / 7', "gelu'(x * 0.1) * exp(z / 3)",
        'x^0.5 * sqrt(z) - x^(-1)', 'erf(x) + erfc(z) * sign(x)', 'floor(x / 3) - ceil(z) + abs(x * z)',
        'softplus(x, beta=0.7) * gelu(z, approximate="tanh")', 'x^3 + sin(z) * log(x)',
      ]) {
        assert.deepEqual(compare(source, dx, dz), [], source);
      }
    });

    it(`random expressions with x ${dx}, z ${dz}`, function () {
      this.timeout(60_000);
      fc.assert(fc.property(expression(5), (source) => {
        assert.deepEqual(compare(source, dx, dz), [], source);
      }), { numRuns: 60, seed: 16 });
    });
  }

  it('computes one operator at a time where WebAssembly may not compile and no JavaScript is compiled (a strict CSP)', () => {
    const wasm = (globalThis as unknown as { WebAssembly: { Module: unknown; CompileError: new (message: string) => Error } }).WebAssembly;
    const Module = wasm.Module;
    let refused = 0;
    wasm.Module = function () {
      refused++;
      throw new wasm.CompileError('WebAssembly.Module(): Refused to compile or instantiate WebAssembly module');
    };
    // math functions only: no catalogue entry's module is refused for the tests after this one
    const source = 'floor(ceil(floor(x))) * sign(z) - abs(z) / 7 + sqrt(abs(x))';
    try {
      const got = numbers(evaluate(source, 'float64', 'float64', { name: 'refused', wasm: true, compileLoops: false }));
      assert.ok(refused > 0, 'a module was asked for');
      assert.deepEqual(bitMismatches(got, numbers(evaluate(source, 'float64', 'float64', UNFUSED)), X), []);
    } finally {
      wasm.Module = Module;
    }
  });
});
