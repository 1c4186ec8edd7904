/**
 * The problems a cell shows while it is typed: syntax errors and unknown names,
 * found without running it. The evaluator is the reference: what runs cleanly
 * must show nothing, and an unknown name must be underlined exactly where, and
 * with the suggestion, a run reports it.
 */
import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Session } from '../../../../src/language';
import { parseNotebook } from '../../../../src/services/notebook-format/notebook-reader';
import { cellProblems, notebookProblems, type CellProblem } from '../../../../src/services/cells/cell-problems';
import type { ErrorDisplay } from '../../../../src/shared/output';
import { LANGUAGE_EXAMPLE_CELL } from '../../helpers/language-example';

const root = join(__dirname, '../../../..');

/** The code cells of every notebook in a folder that opens (malformed.actnb does not, by design). */
function notebooksIn(folder: string): { file: string; cells: string[] }[] {
  return readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.actnb'))
    .flatMap((f) => {
      try {
        const nb = parseNotebook(readFileSync(join(root, folder, f), 'utf8'));
        return [{ file: `${folder}/${f}`, cells: nb.cells.filter((c) => c.kind === 'code').map((c) => c.source) }];
      } catch {
        return [];
      }
    });
}

/** The README's code blocks in the language (the fences without a language tag). */
function readmeBlocks(): string[] {
  const blocks: string[] = [];
  let open: { tag: string; lines: string[] } | undefined;
  for (const line of readFileSync(join(root, 'README.md'), 'utf8').split('\n')) {
    if (!line.startsWith('```')) open?.lines.push(line);
    else if (open) {
      if (open.tag === '') blocks.push(open.lines.join('\n'));
      open = undefined;
    } else open = { tag: line.slice(3).trim(), lines: [] };
  }
  return blocks;
}

/** Cells in the style of LANGUAGE.md: every construct of the language, each run by the evaluator below. */
const LANGUAGE_CELLS = [
  LANGUAGE_EXAMPLE_CELL,
  'x = linspace(-3, 3, 7); y = x ** 2; y[0] + y[-1]',
  'm = [[1, 2], [3, 4]]\nm.T @ m\nm[1, 0]',
  'h(x, lo=-1, hi=1) = clamp(x, lo, hi)\nh(2, hi=0.5)',
  "k(t) = t * tanh(softplus(t))\nk'(0.5) + k''(0.5) + (k')'(1)",
  "relu'(0) + leaky_relu'(0) + sigmoid''(0) + gelu_tanh(1) + swish(1) + silu(1)",
  'p = leaky_relu(alpha=0.2)\np(-1) + threshold(0.2, 0.5, -1) + elu(-1, alpha=2)',
  'table(linspace(0, 1, 3), (linspace(0, 1, 3) < 0.5) * 1)',
  'x = linspace(-1, 1, 5)\nz = where(x > 0, x, 0 * x) + abs(min(x)) - max(x, 0) + pi + e\nz[0] == z[0]',
  'plot(\n  relu,\n  gelu,\n  from=-3,\n  to=3,\n)',
  'total = 1 +\n  2 +   # a comment does not end the continued line\n  3\ntotal',
  'q = "a string with \\"escapes\\"\\n" ; flag = true ; [flag, false]',
  'v = [1, 2, 3,]; sum(v) / len(v) + mean(v) + norm(v) + count(v) + argmax(v)',
  'r = randn(3, seed=1); shape(reshape(rand(4, seed=2), 2, 2))',
  'd = dataset("xor", n=40, seed=1)\nnet = mlp([2, 4, 1], act=relu, seed=0)\nrun = train(net, d, epochs=2)\n[run.loss, run.net.layers, d.n, net[0].bias[0], dead(run.net, d)[0], sparsity(run.net, d)[0]]',
  'dense(2, 3, act=tanh).weights',
  'bumpy(x) = x * sigmoid(x)\ngradflow(bumpy, depth=3, width=4)[0] > 0',
  'inf > 1e300; isnan = nan != nan; isnan',
];

function problems(...cells: string[]): CellProblem[][] {
  return notebookProblems(cells);
}

/** Runs the cells in order in one session; the display of each. */
function run(cells: readonly string[]) {
  const session = new Session();
  return cells.map((c) => session.run(c).display);
}

/**
 * Runs the cells in order twice, as a student runs a notebook whose cells use names that later
 * cells define (which counts as defined); the displays of the second pass.
 */
function runTwice(cells: readonly string[]) {
  const session = new Session();
  for (const c of cells) session.run(c);
  return cells.map((c) => session.run(c).display);
}

describe('cell problems (syntax errors and unknown names while typing)', () => {
  describe('no false positives', () => {
    const corpora: { what: string; cells: string[] }[] = [
      ...notebooksIn('examples').map((n) => ({ what: n.file, cells: n.cells })),
      ...notebooksIn('test/integration/fixtures').map((n) => ({ what: n.file, cells: n.cells })),
      ...readmeBlocks().map((b, i) => ({ what: `README block ${i + 1}`, cells: [b] })),
      ...LANGUAGE_CELLS.map((c, i) => ({ what: `LANGUAGE-style cell ${i + 1}`, cells: [c] })),
    ];

    it('reads the corpora it checks (the examples, fixtures and the README)', () => {
      assert.ok(corpora.filter((c) => c.what.startsWith('examples/')).length >= 2);
      assert.ok(corpora.filter((c) => c.what.startsWith('test/integration/fixtures/')).length >= 8);
      assert.ok(corpora.filter((c) => c.what.startsWith('README')).length >= 3);
    });

    for (const { what, cells } of corpora) {
      it(`shows nothing on ${what}, except what a run reports too`, () => {
        const found = notebookProblems(cells);
        // these notebooks take seconds on purpose (to interrupt, or to keep the kernel busy while a slider moves): not run here
        const slow = ['long-training', 'interrupt', 'slider.actnb'].some((name) => what.includes(name));
        const displays = slow ? undefined : runTwice(cells);
        found.forEach((cellProblems, i) => {
          if (what.endsWith('errors.actnb') && i === 1) {
            // its second cell is broken on purpose: the syntax error a run reports, and nothing else
            const error = displays![1] as ErrorDisplay;
            assert.deepEqual(cellProblems.map((p) => [p.kind, p.message, p.line, p.column, p.endLine, p.endColumn]),
              [['syntax', error.message, error.line, error.column, error.endLine, error.endColumn]]);
            return;
          }
          assert.deepEqual(cellProblems, [], `cell ${i + 1} of ${what}:\n${cells[i]}`);
          if (displays) {
            assert.notEqual(displays[i]!.kind, 'error', `the corpus cell itself must run: ${JSON.stringify(displays[i])}`);
          }
        });
      });
    }
  });

  describe('what counts as defined', () => {
    it('a name any cell defines, earlier, later, or later in the same cell', () => {
      assert.deepEqual(problems('relu(w)', 'w = 2'), [[], []]);
      assert.deepEqual(problems('y = z + 1\nz = 2'), [[]]);
      assert.deepEqual(problems('f(3)', 'f(x) = g(x) * 2', 'g(t) = t'), [[], [], []]);
    });

    it('a name defined in a cell that does not parse yet (a cell being typed)', () => {
      const [uses, typing] = problems('soft(1) + k', 'soft(x) = x * sigmoid(x)\nk = 3\nrelu(  # unfinished');
      assert.deepEqual(uses, []);
      assert.deepEqual(typing!.map((p) => p.kind), ['syntax']);
    });

    it('parameters inside their function (body and defaults), and nowhere else', () => {
      assert.deepEqual(problems('g(x, a=0.1, b=a * 2) = max(a * x, b * x)'), [[]]);
      const [cell] = problems('f(t) = t * 2\nf(1) + t');
      assert.deepEqual(cell!.map((p) => [p.kind === 'unknown-name' && p.name, p.line, p.column]), [['t', 2, 8]]);
    });

    it('every builtin: activations, aliases and presets, math functions, procedures, constants', () => {
      assert.deepEqual(problems('[relu(1), swish(1), gelu_tanh(1), quick_gelu(1), log1p(1), erfc(1), pi, e, inf, nan]'), [[]]);
      assert.deepEqual(problems('plot(relu)\ntable([1])\nlinspace(0, 1, 2)\nmlp([2, 1])\ndataset("xor")\ngradflow(relu)'), [[]]);
    });

    it('derivative marks on names that exist, not on names that do not', () => {
      assert.deepEqual(problems("f(x) = x^3\nf'(1) + f''(1) + relu'(1) + (f')'(2)"), [[]]);
      const [cell] = problems("rleu'(0)");
      assert.deepEqual(cell!.map((p) => [p.message, p.column, p.endColumn]), [["unknown name 'rleu' (did you mean 'relu'?)", 1, 5]]);
    });

    it('does not read named-argument names, fields, or the left side of a definition as names', () => {
      assert.deepEqual(problems('leaky_relu(alpha=0.2)(-1)\nfit = train(mlp([2, 1]), dataset("xor"))\nfit.test_accuracy + fit.net.layers'), [[]]);
      assert.deepEqual(problems('brand_new(x, a=1) = x\nbrand_new2 = 3'), [[]]);
    });

    it('checks the values of named arguments, indices, vector elements and operands', () => {
      const [cell] = problems('leaky_relu(1, alpha=aa) + [bb][cc] - -dd.T + ee.name');
      assert.deepEqual(cell!.map((p) => p.kind === 'unknown-name' && p.name), ['aa', 'bb', 'cc', 'dd', 'ee']);
    });
  });

  describe('where and what', () => {
    it('underlines the whole name, every use, in source order', () => {
      const text = 'a = reluu(1)\nb = reluu(2) + foo';
      const [cell] = problems(text);
      assert.deepEqual(cell!.map((p) => text.slice(p.span.start, p.span.end)), ['reluu', 'reluu', 'foo']);
      assert.deepEqual(cell!.map((p) => [p.line, p.column, p.endLine, p.endColumn]), [[1, 5, 1, 10], [2, 5, 2, 10], [2, 16, 2, 19]]);
    });

    it('counts columns in UTF-16 units and lines by "\\n", like a run and VS Code (CRLF, astral characters)', () => {
      const text = 'x = "😀" ; y = reluu(1)\r\nz = tnah(2)';
      const [cell] = problems(text);
      assert.deepEqual(cell!.map((p) => [text.slice(p.span.start, p.span.end), p.line, p.column, p.endColumn]), [['reluu', 1, 16, 21], ['tnah', 2, 5, 9]]);
      const error = run([text])[0] as ErrorDisplay;
      assert.deepEqual([error.line, error.column, error.endColumn], [1, 16, 21]);
    });

    it('names the role as a run does: a called name is a function', () => {
      const [cell] = problems('reluu(1) + reluu');
      assert.deepEqual(cell!.map((p) => p.message), ["unknown function 'reluu' (did you mean 'relu' or 'relu6'?)", "unknown name 'reluu' (did you mean 'relu' or 'relu6'?)"]);
    });

    it('explains a name nothing is close to, and how to define it', () => {
      const [cell] = problems('banana + mango(2)');
      assert.deepEqual(cell!.map((p) => p.message), [
        "unknown name 'banana': no cell of this notebook defines it and it is not a builtin; define it first, as in banana = ...",
        "unknown function 'mango': no cell of this notebook defines it and it is not a builtin; define it first, as in mango(x) = ...",
      ]);
      assert.deepEqual(cell!.map((p) => p.kind === 'unknown-name' && p.suggestions), [[], []]);
    });

    it('suggests only close names: the notebook\'s, the parameters in scope, builtins; never a one-letter stranger', () => {
      const [, cell] = problems('learning_rate = 0.1', 'f(x, alpha=1) = alpah * x * learnin_rate\nq + 1');
      assert.deepEqual(cell!.map((p) => p.kind === 'unknown-name' && [p.name, p.suggestions]), [['alpah', ['alpha']], ['learnin_rate', ['learning_rate']], ['q', []]]);
    });

    it('reports a syntax error alone, exactly where and as a run does', () => {
      for (const text of ['c = b +* 3', 'relu(x', 'y = 2x', 'z = "open', 'reluu(1)\n)', 'f(1) = 2', 'a < b < c']) {
        const [cell] = problems(text);
        const error = run([text])[0] as ErrorDisplay;
        assert.equal(cell!.length, 1, text);
        const [p] = cell!;
        assert.deepEqual([p!.kind, p!.message, p!.line, p!.column, p!.endLine, p!.endColumn],
          ['syntax', error.message, error.line, error.column, error.endLine, error.endColumn], text);
      }
    });

    it('reports an unknown name where a run stops on it, with the same message', () => {
      const typos: [string[], string][] = [
        [['x = linspace(-3, 3, 7)', 'relu(x)'], 'rleu(x)'],
        [['xs = linspace(-3, 3, 7)'], 'table(xs, relu(xs), relu\'(xsx))'],
        [['x = 1', 'f(x) = x * sigmoid(1.702 * x)'], 'max(abs(f(x) - quick_geluu(x)))'],
        [[], 'plot(relu, leaky_relu(alpha=0.2), gleu, from=-4, to=4)'],
        [['data = dataset("circle", n=50)'], 'net = mlp([2, 8, 1], act=rellu)\ntrain(net, dat)'],
        [['fit = 2'], '[fit, fitt]'],
      ];
      for (const [before, cell] of typos) {
        const displays = run([...before, cell]);
        const error = displays[displays.length - 1] as ErrorDisplay;
        assert.equal(error.kind, 'error', cell);
        assert.match(error.message, /^unknown /);
        const [first] = cellProblems(cell, [...before, cell]);
        assert.deepEqual([first!.message, first!.line, first!.column, first!.endLine, first!.endColumn],
          [error.message, error.line, error.column, error.endLine, error.endColumn], cell);
      }
    });

    it('checks one cell against its notebook whether or not the notebook lists it', () => {
      assert.deepEqual(cellProblems('y = 1\ny + w', ['w = 2']), []);
      assert.deepEqual(cellProblems('y = 1\ny + w', ['w = 2', 'y = 1\ny + w']), []);
      assert.deepEqual(cellProblems('y + w', ['y = 1']).map((p) => p.kind === 'unknown-name' && p.name), ['w']);
    });
  });
});
