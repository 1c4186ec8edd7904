/**
 * A fixed set of seeded results as exact bits, to check that a seed gives the same numbers
 * in every JavaScript runtime (VS Code's Node and the CLI's, whose Math.* differ):
 *
 *     npx tsx tools/seeded-results.ts
 *
 * prints one line per result, `name: bits...`, each number as the 16 hex digits of its
 * IEEE 754 float64 encoding (NaN as one canonical NaN, see bits); arrays longer than MAX_LISTED as their length, first values
 * and a SHA-256 of all their bits. Covered: the README's dying-ReLU example, data sets,
 * initialisations, training in float64 and in float32 (WebAssembly), gradflow, every
 * catalogue activation and derivative on awkward inputs in both precisions, the numerics
 * and the language's math builtins, plain and fused. Nothing here reads the clock or
 * Math.random.
 *
 * tools/check-seeded-results.ts runs this under the current Node and under the Node 24
 * the integration harness installs, and compares the outputs byte for byte (`npm test`).
 */
import { createHash } from 'crypto';
import {
  catalogue, cos, erf, erfc, exp, expm1, hypot, log, log1p, makeDataset, pow, resolveParameters, sin, tan, tanh,
} from '../src/engine';
import { Session } from '../src/language';

/** Arrays up to this long are listed in full, so a difference shows where it is. */
const MAX_LISTED = 64;

const view = new DataView(new ArrayBuffer(8));
/**
 * The 16 hex digits of v's float64 encoding; every NaN as the one quiet NaN 7ff8...: a NaN's
 * sign and payload are left to the engine by ECMAScript, vary with V8's compiler tiers even
 * within one run (x86 makes Infinity * 0 a negative NaN, the interpreter may not), and
 * nothing can observe them but a typed-array view like this one.
 */
function bits(v: number): string {
  if (v !== v) return '7ff8000000000000';
  view.setFloat64(0, v);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

function line(name: string, values: ArrayLike<number>): string {
  const hex = Array.from(values, bits);
  if (hex.length <= MAX_LISTED) return `${name}: ${hex.join(' ')}`;
  const digest = createHash('sha256').update(hex.join('')).digest('hex');
  return `${name}: n=${hex.length} first=${hex.slice(0, 4).join(' ')} sha256=${digest}`;
}

/** Runs a cell; a failing cell is an error here. */
function execute(session: Session, source: string) {
  const result = session.run(source);
  if (result.error) throw new Error(`${source}: ${result.error.message}`);
  return result;
}

/** The numbers of a cell's last value, a number or a tensor. */
function run(session: Session, source: string): number[] {
  const v = execute(session, source).value;
  if (v.kind === 'number') return [v.value];
  if (v.kind === 'tensor') return Array.from(v.tensor.data);
  throw new Error(`${source}: expected a number or a tensor, got ${v.kind}`);
}

/** Inputs where activations switch formulas, saturate, underflow or sit on a kink or a root. */
const AWKWARD = [
  -Infinity, -1000, -745.5, -40, -30, -20, -11.5, -10, -5, -3, -1.75, -1.2784645427610738, -1.1924312145154952,
  -0.7517916243229, -0.5, -0.25, -1e-8, -5e-324, -0, 0, 5e-324, 1e-300, 1e-8, 0.25, 0.55, 1, 1.25, 3, 6, 10,
  19.06, 21, 22, 40, 709.7, 1e10, Infinity, NaN,
];

/** The dying-ReLU example of README.md ("Small networks"). */
const DYING_RELU = [
  'data = dataset("circle")',
  'relu_fit = train(mlp([2, 16, 16, 1], act=relu), data, lr=1)',
  'leaky_fit = train(mlp([2, 16, 16, 1], act=leaky_relu), data, lr=1)',
];

function networkLines(session: Session, name: string, net: string, layers: number): string[] {
  const out: string[] = [];
  for (let l = 0; l < layers; l++) {
    out.push(line(`${name}[${l}].weights`, run(session, `${net}[${l}].weights`)));
    out.push(line(`${name}[${l}].bias`, run(session, `${net}[${l}].bias`)));
  }
  return out;
}

export function seededResults(): string[] {
  const out: string[] = [];
  const s = new Session();

  // the README's dying-ReLU example: its figures, the training curves and the trained weights
  execute(s, DYING_RELU.join('\n'));
  out.push(line('dying-relu dead units [relu, leaky]', run(s, '[sum(dead(relu_fit.net, data)), sum(dead(leaky_fit.net, data))]')));
  out.push(line('dying-relu test accuracy [relu, leaky]', run(s, '[relu_fit.test_accuracy, leaky_fit.test_accuracy]')));
  out.push(line('dying-relu relu history', run(s, 'relu_fit.history')));
  out.push(line('dying-relu leaky history', run(s, 'leaky_fit.history')));
  out.push(...networkLines(s, 'dying-relu relu net', 'relu_fit.net', 3));

  // data sets (spiral and circle use sin and cos, moons and gaussians Box-Muller normals)
  for (const name of ['spiral', 'circle', 'moons', 'gaussians', 'xor', 'multigauss']) {
    const d = makeDataset(name, 300, 0.2, 11);
    out.push(line(`dataset ${name} x`, d.x), line(`dataset ${name} y`, d.y));
  }

  // initialisations: He and Xavier normals (Box-Muller: log, sqrt, sin, cos) and uniform
  for (const init of ['he', 'xavier', 'uniform']) {
    execute(s, `net = mlp([2, 16, 16, 1], init="${init}", seed=7)`);
    out.push(...networkLines(s, `init ${init}`, 'net', 3));
  }

  // training: other activations, losses and optimizers; float32 runs the WebAssembly kernels
  const runs: [string, string][] = [
    ['tanh sgd bce', 'train(mlp([2, 8, 8, 1], act=tanh, seed=2), dataset("moons", noise=0.1, seed=3), epochs=30, optimizer="sgd", lr=0.1)'],
    ['gelu momentum mse', 'train(mlp([2, 8, 1], act=gelu, out="linear", seed=4), dataset("multigauss", n=200, seed=5), epochs=20, optimizer="momentum")'],
    ['softmax ce', 'train(mlp([2, 8, 3], act=silu, out=softmax, seed=6), dataset("xor", n=200, seed=7), epochs=20)'],
    ['float32 wasm', 'train(mlp([2, 16, 16, 1], dtype="float32", seed=8), dataset("circle", n=400, seed=9), epochs=40, batch=0)'],
    ['user function', 'train(mlp([2, 6, 1], act=f, seed=10), dataset("spiral", n=200, seed=11), epochs=10)'],
  ];
  execute(s, 'f(x) = x * sigmoid(x)');
  for (const [name, source] of runs) {
    execute(s, `fit = ${source}`);
    out.push(line(`train ${name} history`, run(s, 'fit.history')));
    out.push(...networkLines(s, `train ${name} net`, 'fit.net', 2));
  }

  // gradflow: the gradient norm per layer of deep networks at initialisation
  for (const act of ['sigmoid', 'tanh', 'relu', 'gelu', 'selu', 'leaky_relu(alpha=0.2)']) {
    out.push(line(`gradflow ${act}`, run(s, `gradflow(${act})`)));
  }

  // every catalogue activation and derivative on awkward inputs, float64 and float32
  for (const d of catalogue) {
    // defaults, and 0.5 for what has none (threshold's threshold and value)
    const p = resolveParameters(d, Object.fromEntries(d.parameters.filter((q) => q.default === undefined).map((q) => [q.name, 0.5])));
    for (const dtype of [Float64Array, Float32Array]) {
      const x = dtype.from(AWKWARD);
      const y = new dtype(x.length);
      const dy = new dtype(x.length);
      if (d.kind === 'elementwise') {
        d.kernels.value(x, y, p);
        d.kernels.derivative(x, dy, p);
      } else {
        d.rows.value(x, y, 0, x.length);
        d.rows.derivative(x, dy, 0, x.length);
      }
      out.push(line(`${d.name} ${dtype.name} value`, y), line(`${d.name} ${dtype.name} derivative`, dy));
    }
  }

  // the numerics on their own hard cases
  const one: [string, (x: number) => number, number[]][] = [
    ['exp', exp, [709.78, -745.13, -708.5, 1e-300, 0.0027076061740622863, 88.7]],
    ['expm1', expm1, [1e-10, -0.0027076, 0.35, -37.5, 40]],
    ['log', log, [5e-324, 0.9999999999999999, 1.0000000000000002, 1.4142135623730951, 1.7976931348623157e308]],
    ['log1p', log1p, [-0.999999, 1e-17, 1e-9, 3, 1e300]],
    ['sin', sin, [1e22, 1e300, 5.319372648326541e255 /* 6381956970095103 2^797, nearest a multiple of pi/2 */, 3.141592653589793, 823549.5, 1e-9]],
    ['cos', cos, [1e22, 1e300, 1.5707963267948966, 0.7853981633974483, 52.5]],
    ['tan', tan, [1.5707963267948966, 1e22, 0.7853981633974483, -1.3]],
    ['tanh', tanh, [0.25, 0.2499999, 1e-5, 19.06, -3.7]],
    ['erf', erf, [0.5, 2.3, -5.9]],
    ['erfc', erfc, [0.5, 9.5, 26.5]],
  ];
  for (const [name, f, xs] of one) out.push(line(`numerics ${name}`, xs.map(f)));
  out.push(line('numerics pow', [[0.999, 1000], [0.9, 37], [10, -5], [2, -1074.5], [1.0001, 7e6], [-3, 41], [27, 1 / 3]].map(([a, b]) => pow(a, b))));
  out.push(line('numerics hypot', [[3e-320, 4e-320], [1e300, 1e300], [2.5, 1e-9], [-7, 24]].map(([a, b]) => hypot(a, b))));

  // the language's math builtins, one number at a time and fused over a tensor
  out.push(line('builtins', run(s, '[exp(1), log(10), sin(1e22), cos(1e300), tan(1.5707963267948966), expm1(1e-10), log1p(-0.999999), 2^0.5, 10^-5, pow(0.999, 1000), erf(0.3)]')));
  execute(s, 'x = linspace(-6, 6, 5000)');
  out.push(line('fused x * sigmoid(1.702 * x) + x ^ 3 / 7 + exp(-x * x)', run(s, 'x * sigmoid(1.702 * x) + x ^ 3 / 7 + exp(-x * x)')));
  out.push(line('elementwise sin(x) + cos(3 * x) + tan(x / 5) + log1p(x ^ 2)', run(s, 'sin(x) + cos(3 * x) + tan(x / 5) + log1p(x ^ 2)')));
  return out;
}

if (require.main === module) process.stdout.write(seededResults().join('\n') + '\n');
