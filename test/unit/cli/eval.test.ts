/**
 * `activation-lab eval`: the shapes and exit statuses of LANGUAGE.md "The
 * command line", checked against the built dist/cli.js.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { cli, ensureCliBuilt, ROOT } from './cli-harness';
import { terminalSafe } from '../../../src/cli/io';

/** Runs `eval --json SOURCE`, checks stdout is ONE line of JSON, returns it. */
function evalJson(source: string, ...extra: string[]): { status: number | null; line: string; value: unknown; stderr: string } {
  const r = cli(['eval', '--json', ...extra, source]);
  assert.ok(r.stdout.endsWith('\n'), `stdout should end with a newline: ${JSON.stringify(r.stdout)}`);
  const lines = r.stdout.slice(0, -1).split('\n');
  assert.equal(lines.length, 1, `one JSON object on one line, got ${JSON.stringify(r.stdout)}`);
  return { status: r.status, line: lines[0], value: JSON.parse(lines[0]), stderr: r.stderr };
}

describe('activation-lab eval', function () {
  this.timeout(60_000);
  before(() => ensureCliBuilt());

  describe('--json: exactly the LANGUAGE.md examples', () => {
    const examples: [string, string][] = [
      ['relu(0.5)', '{"kind":"number","value":0.5}'],
      ['relu([-1, 0.5, 3])', '{"kind":"tensor","dtype":"float64","shape":[3],"data":[0,0.5,3]}'],
      ['relu', '{"kind":"function","name":"relu","formula":"max(0, x)","derivative":"1 if x > 0 else 0"}'],
      ['x = 1', '{"kind":"none"}'],
    ];
    for (const [source, expected] of examples) {
      it(`${source} → ${expected}`, () => {
        const r = evalJson(source);
        assert.equal(r.line, expected);
        assert.equal(r.status, 0);
        assert.equal(r.stderr, '');
      });
    }

    it('neuron, graph and export print their fields as JSON objects', () => {
      const neuron = evalJson('neuron(mlp([2, 3, 1]), 1, 0, dataset("xor", n=8))').value as Record<string, unknown>;
      assert.equal(neuron.kind, 'neuron');
      for (const field of ['weights', 'bias', 'active', 'dead', 'pre', 'out', 'formula']) assert.ok(field in neuron, field);
      assert.equal((neuron.pre as unknown[]).length, 8);
      const graph = evalJson('graph(sigmoid, at=0)').value as { kind: string; nodes: { op: string; value: number; grad: number }[]; edges: unknown[] };
      assert.equal(graph.kind, 'graph');
      assert.deepEqual(graph.nodes.map((n) => [n.op, n.value, n.grad]), [['input', 0, 0.25], ['sigmoid', 0.5, 1]]);
      assert.equal(graph.edges.length, 1);
      const module = evalJson('export(mlp([2, 3, 1]), "pytorch")').value as { kind: string; value: string; language: string };
      assert.equal(module.kind, 'string');
      assert.equal(module.language, 'python');
      assert.match(module.value, /^"""A network exported by Activation Lab/);
      const text = cli(['eval', 'export(mlp([2, 3, 1]), "pytorch")']);
      assert.equal(text.stdout, `${module.value}\n`, 'without --json the source itself, ready to redirect to a file');
    });

    it('rleu(2) → the error object on stdout, exit 1', () => {
      const r = evalJson('rleu(2)');
      assert.equal(r.line, `{"kind":"error","message":"unknown function 'rleu' (did you mean 'relu'?)","line":1,"column":1}`);
      assert.equal(r.status, 1);
    });

    it('a function never carries the renderer-only fields (curve, kinks, latex)', () => {
      const r = evalJson("leaky_relu(alpha=0.2)'");
      assert.deepEqual(Object.keys(r.value as object), ['kind', 'name', 'formula', 'derivative']);
      // with its parameter's value written in
      assert.deepEqual(r.value, { kind: 'function', name: "leaky_relu(alpha=0.2)'", formula: '1 if x > 0 else 0.2', derivative: '0' });
    });

    it('a bare unknown name (not called) still says "unknown name"', () => {
      const r = evalJson('rleu');
      assert.equal(r.status, 1);
      assert.match((r.value as { message: string }).message, /^unknown name 'rleu' \(did you mean 'relu'\?\)$/);
    });

    it('an error on a later line gives that line and column', () => {
      const r = evalJson('x = 1\ny = x + rleu(2)');
      assert.deepEqual(r.value, { kind: 'error', message: "unknown function 'rleu' (did you mean 'relu'?)", line: 2, column: 9 });
    });
  });

  describe('non-finite numbers are strings, never null', () => {
    it('log(0) → "-Infinity"', () => {
      assert.equal(evalJson('log(0)').line, '{"kind":"number","value":"-Infinity"}');
    });
    it('nan and inf as numbers and in tensor data', () => {
      assert.equal(evalJson('nan').line, '{"kind":"number","value":"NaN"}');
      assert.equal(evalJson('inf').line, '{"kind":"number","value":"Infinity"}');
      const r = evalJson('[inf, -inf, nan, 1]');
      assert.equal(r.line, '{"kind":"tensor","dtype":"float64","shape":[4],"data":["Infinity","-Infinity","NaN",1]}');
      assert.ok(!r.line.includes('null'));
    });
  });

  describe('--dtype', () => {
    it('float32 sets the dtype of tensors SOURCE creates', () => {
      assert.equal(evalJson('linspace(0, 1, 3)', '--dtype', 'float32').line, '{"kind":"tensor","dtype":"float32","shape":[3],"data":[0,0.5,1]}');
    });
    it('float64 is the default', () => {
      assert.equal((evalJson('linspace(0, 1, 3)').value as { dtype: string }).dtype, 'float64');
      assert.equal((evalJson('[1, 2]', '--dtype', 'float64').value as { dtype: string }).dtype, 'float64');
    });
    it('a matrix is row-major in data', () => {
      assert.equal(evalJson('[[1, 2], [3, 4]]', '--dtype=float32').line, '{"kind":"tensor","dtype":"float32","shape":[2,2],"data":[1,2,3,4]}');
    });
  });

  describe('kinds LANGUAGE.md does not show: the display JSON as is', () => {
    it('string and boolean', () => {
      assert.equal(evalJson('"tanh"').line, '{"kind":"string","value":"tanh"}');
      assert.equal(evalJson('true').line, '{"kind":"boolean","value":true}');
    });
    it('table', () => {
      assert.equal(evalJson('table([1, 2], relu([-1, 2]))').line, '{"kind":"table","columns":[{"name":"[1, 2]","data":[1,2]},{"name":"relu([-1, 2])","data":[0,2]}]}');
    });
  });

  describe('plain text (no --json)', () => {
    it('prints the displayed value as text', () => {
      const r = cli(['eval', 'relu(0.5)']);
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, '0.5\n', '']);
      const t = cli(['eval', 'relu([-1, 0.5, 3])']);
      assert.equal(t.stdout, 'float64 tensor, shape [3]\n[0, 0.5, 3]\n');
      const f = cli(['eval', 'relu']);
      assert.equal(f.stdout, "relu(x) = max(0, x)\nrelu'(x) = 1 if x > 0 else 0\n");
    });
    it("help(relu) prints relu's catalogue entry as text; --json gives it as a string", () => {
      const r = cli(['eval', 'help(relu)']);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.startsWith('relu(x)\nRectified linear unit'), r.stdout.slice(0, 100));
      assert.ok(r.stdout.includes('\n  f(x)  = max(0, x)\n'));
      assert.ok(r.stdout.includes('  PyTorch        torch.nn.ReLU'));
      const j = evalJson('help(relu)').value as { kind: string; value: string };
      assert.equal(j.kind, 'string');
      assert.equal(j.value + '\n', r.stdout);
    });
    it('prints nothing for an assignment', () => {
      const r = cli(['eval', 'x = 1']);
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
    });
    it('an error goes to stderr as "error at line L, column C: message", exit 1', () => {
      const r = cli(['eval', 'rleu(2)']);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, "error at line 1, column 1: unknown function 'rleu' (did you mean 'relu'?)\n");
    });
    it('a SOURCE starting with - works after --', () => {
      const r = cli(['eval', '--json', '--', '-2^2']);
      assert.deepEqual([r.status, r.stdout], [0, '{"kind":"number","value":-4}\n']);
    });

    it('a SOURCE starting with - works without -- too, with options before or after it', () => {
      assert.deepEqual([cli(['eval', '-3^2']).stdout, cli(['eval', '-3^2']).status], ['-9\n', 0]);
      assert.equal(cli(['eval', '--json', '-3^2']).stdout, '{"kind":"number","value":-9}\n');
      assert.equal(cli(['eval', '-3^2', '--json']).stdout, '{"kind":"number","value":-9}\n');
      assert.equal(cli(['eval', '-(1 + 2)']).stdout, '-3\n');
      assert.equal(cli(['eval', '-relu(-1) - 1']).stdout, '-1\n');
      assert.equal(cli(['eval', '--dtype', 'float32', '-0.5']).stdout, '-0.5\n');
    });
  });

  describe('exit status 2 for bad usage', () => {
    const cases: [string, string[]][] = [
      ['an unknown option', ['eval', '--jsno', 'relu(1)']],
      ['an invalid --dtype', ['eval', '--dtype', 'float16', 'relu(1)']],
      ['--dtype without a value', ['eval', 'relu(1)', '--dtype']],
      ['a missing SOURCE', ['eval', '--json']],
      ['two SOURCE arguments', ['eval', 'relu', 'tanh']],
      ['an unknown command', ['evaluate', 'relu(1)']],
      ['no command at all', []],
      ['run without a notebook', ['run']],
    ];
    for (const [what, args] of cases) {
      it(what, () => {
        const r = cli(args);
        assert.equal(r.status, 2, `exit status for ${JSON.stringify(args)}; stderr: ${r.stderr}`);
        assert.equal(r.stdout, '');
        assert.notEqual(r.stderr, '');
      });
    }
  });

  describe('help and version exit 0', () => {
    it('--help', () => {
      for (const args of [['--help'], ['eval', '--help'], ['run', '--help']]) {
        const r = cli(args);
        assert.equal(r.status, 0);
        assert.match(r.stdout, /^Usage: activation-lab/);
      }
    });
    it('--version prints the package version', () => {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const r = cli(['--version']);
      assert.deepEqual([r.status, r.stdout], [0, `${version}\n`]);
    });
  });
});

describe('activation-lab eval: safe text', () => {
  before(ensureCliBuilt);

  it('writes the control characters of a string as escapes, so a cell cannot drive the terminal', () => {
    const r = cli(['eval', '"a\u001b[2Jb\rc\td"']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'a\\x1b[2Jb\\x0dc\td\n');
    assert.equal(terminalSafe('line\nnext\ttab é ∂ \u0007\u009b'), 'line\nnext\ttab é ∂ \\x07\\x9b');
  });
});
