/**
 * export(net, "pytorch") against real PyTorch: every module is written to a temporary
 * folder and run by Python with torch, and its forward pass must match net(x) within
 * 1e-6 in float64 (every catalogue activation in a hidden layer, a learned prelu slope,
 * softmax outputs, functions of the notebook, a float32 network). Without torch the test
 * is skipped with a message, except under CI (the CI environment variable), where it fails:
 * .ci/run installs Debian's python3-torch. Keras modules are checked to be valid Python
 * (there is no TensorFlow here).
 */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { catalogue } from '../../../../src/engine';
import { fromJsonNumber } from '../../../../src/shared/output';
import { asError, asTensor, display, Session } from './support';

/** Debian's Python first (where python3-torch installs); ACTIVATION_LAB_PYTHON picks another. */
const PYTHONS = process.env.ACTIVATION_LAB_PYTHON ? [process.env.ACTIVATION_LAB_PYTHON] : ['/usr/bin/python3', 'python3'];

/** A python3 that imports torch, or why there is none. */
function findTorchPython(): { python?: string; why: string } {
  const tried: string[] = [];
  for (const python of PYTHONS) {
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, why: '' };
    tried.push(`${python}: ${r.error ? r.error.message : r.stderr.trim().split('\n').pop()}`);
  }
  return { why: tried.join('; ') };
}

/** Runs each module on its inputs in one Python process; returns the outputs, row-major. */
const RUNNER = `
import importlib.util, json, sys, torch
cases = json.load(open(sys.argv[1]))
out = []
for c in cases:
    spec = importlib.util.spec_from_file_location(c["name"], c["file"])
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    model = m.Model()
    with torch.no_grad():
        y = model(torch.tensor(c["x"], dtype=m.DTYPE))
    out.append({"name": c["name"], "y": y.flatten().tolist(), "dtype": str(y.dtype)})
print(json.dumps(out))
`;

interface Case { name: string; setup: string[]; net: string; inputs: number }

const X = (inputs: number) => Array.from({ length: 7 }, (_, i) => Array.from({ length: inputs }, (_, p) => -2.5 + 0.83 * i - 0.6 * p + 0.1 * i * p));

describe('language: export(net, "pytorch") against PyTorch', function () {
  this.timeout(120_000);
  let dir: string;
  let python: string | undefined;

  before(function () {
    const found = findTorchPython();
    python = found.python;
    if (!python) {
      const message = `PyTorch is not available (${found.why}); install Debian's python3-torch (.ci/run does) to check exported modules`;
      if (process.env.CI) throw new Error(`${message}. Under CI this check must run.`);
      console.log(`      skipped: ${message}`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'activation-lab-export-'));
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  function check(cases: readonly Case[], tolerance: number): void {
    const runs = cases.map((c) => {
      const s = new Session();
      display(s, ...c.setup, `net = ${c.net}`);
      const source = display(s, 'export(net, "pytorch")');
      assert.equal(source.kind, 'string', JSON.stringify(source).slice(0, 300));
      const file = join(dir, `${c.name}.py`);
      writeFileSync(file, (source as { value: string }).value);
      const x = X(c.inputs);
      const want = asTensor(display(s, `net(${JSON.stringify(x)})`));
      return { name: c.name, file, x, want };
    });
    const input = join(dir, `cases-${Date.now()}.json`);
    writeFileSync(input, JSON.stringify(runs.map(({ name, file, x }) => ({ name, file, x }))));
    const stdout = execFileSync(python!, ['-c', RUNNER, input], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const results = JSON.parse(stdout.trim().split('\n').pop()!) as { name: string; y: number[] }[];
    for (const [i, r] of results.entries()) {
      const { want, name } = runs[i];
      assert.equal(r.y.length, want.length, `${name}: outputs`);
      const worst = Math.max(...r.y.map((y, k) => Math.abs(y - want[k])));
      assert.ok(worst <= tolerance, `${name}: PyTorch differs from net(x) by ${worst} (tolerance ${tolerance})`);
    }
  }

  it('matches net(x) within 1e-6 in float64 for every catalogue activation in the hidden layers', () => {
    const cases: Case[] = catalogue.filter((d) => d.kind === 'elementwise').map((d) => {
      const act = d.name === 'threshold' ? 'threshold(threshold=0.1, value=-0.5)' : d.name;
      return { name: `act_${d.name}`, setup: [], net: `mlp([2, 5, 3, 1], act=${act}, out="linear", seed=3)`, inputs: 2 };
    });
    cases.push(
      { name: 'params', setup: [], net: 'mlp([2, 4, 1], act=leaky_relu(alpha=0.2), out=elu(alpha=0.7), seed=1)', inputs: 2 },
      { name: 'gelu_tanh', setup: [], net: 'mlp([2, 4, 1], act=gelu(approximate="tanh"), out=softplus(beta=2, threshold=3), seed=1)', inputs: 2 },
      { name: 'hard', setup: [], net: 'mlp([3, 4, 2], act=hardtanh(min_val=-0.5, max_val=2), out=softshrink(lambd=0.3), seed=5)', inputs: 3 },
      { name: 'rrelu', setup: [], net: 'mlp([2, 4, 1], act=rrelu(lower=0.1, upper=0.3), seed=2)', inputs: 2 },
    );
    check(cases, 1e-6);
  });

  it('keeps trained weights, a learned prelu slope and softmax outputs', () => {
    const trained = ['data = dataset("spiral", n=200)', 'fit = train(mlp([2, 8, 8, 1], act=prelu), data, epochs=30, lr=0.05)'];
    check([
      { name: 'trained_prelu', setup: trained, net: 'fit.net', inputs: 2 },
      { name: 'softmax', setup: [], net: 'mlp([2, 6, 3], out=softmax, seed=4)', inputs: 2 },
      { name: 'log_softmax', setup: [], net: 'mlp([4, 6, 3], act=tanh, out=log_softmax, seed=4)', inputs: 4 },
    ], 1e-6);
  });

  it('writes functions of the notebook as small Python functions', () => {
    const setup = [
      'a = 0.3',
      'f(x) = x * sigmoid(1.702 * x)',
      'g(x, s=0.1) = max(s * x, x) + a * tanh(f(x))',
      'h(x) = where(x > 0, x, expm1(x)) + clamp(x, -1, 1)^2 / (1 + abs(x)) - round(x) * 0 + (x >= 1) * 0.5',
    ];
    check([
      { name: 'user_f', setup, net: 'mlp([2, 5, 1], act=f, out="linear", seed=7)', inputs: 2 },
      { name: 'user_g', setup, net: 'mlp([2, 5, 1], act=g(s=0.25), out=h, seed=7)', inputs: 2 },
      { name: 'user_sin', setup, net: 'mlp([1, 6, 1], act=sin, out="linear", seed=2)', inputs: 1 },
    ], 1e-6);
  });

  it('keeps a float32 network in float32', () => {
    check([{ name: 'float32', setup: [], net: 'mlp([2, 8, 1], act=gelu, dtype="float32", seed=3)', inputs: 2 }], 1e-6);
  });

  it('writes Keras modules that are valid Python', () => {
    const s = new Session();
    display(s, 'f(x) = x * sigmoid(1.702 * x)', 'fit = train(mlp([2, 4, 1], act=prelu), dataset("xor", n=50), epochs=2)');
    for (const net of ['fit.net', 'mlp([2, 3, 2], act=f, out=softmax)', 'mlp([2, 3, 1], act=snake, out=leaky_relu(alpha=0.1))']) {
      const d = display(s, `export(${net}, "keras")`);
      assert.equal(d.kind, 'string');
      const file = join(dir, 'keras_model.py');
      writeFileSync(file, (d as { value: string }).value);
      execFileSync(python!, ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', file]);
      assert.match((d as { value: string }).value, /keras\.Model\(inputs, x\)/);
    }
  });

  it('refuses frameworks it does not write, and networks too large to write out', () => {
    const s = new Session();
    asError(display(s, 'export(mlp([2, 3, 1]), "jax")'), /export writes "pytorch" or "keras", not "jax"/);
    asError(display(s, 'export(mlp([2, 3, 1]), "pytorh")'), /did you mean 'pytorch'/);
    asError(display(s, 'export(mlp([2, 1100, 1000, 1]), "pytorch")'), /at most 1,000,000 parameters/);
    asError(display(s, 'export(3, "pytorch")'), /must be a network/);
    void fromJsonNumber;
  });
});
