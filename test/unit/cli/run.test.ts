/**
 * `activation-lab run NOTEBOOK.actnb [--inplace [--static-images]] [--html OUT.html]` on
 * temporary notebooks, against the built dist/cli.js.
 */
import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseNotebook } from '../../../src/services/notebook-format/format';
import { Session } from '../../../src/language/runtime/session';
import { buildFigure } from '../../../src/renderer/figures';
import { readTheme } from '../../../src/renderer/theme';
import { ERROR_MIME, TEXT_MIME, VALUE_MIME, type FunctionDisplay, type PlotDisplay } from '../../../src/shared/output';
import { SVG_MIME } from '../../../src/shared/static-image';
import { cli, ensureCliBuilt, ROOT } from './cli-harness';

const notebook = (cells: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ activationNotebook: 1, metadata: { author: 'test' }, ...extra, cells }, null, 2) + '\n';

const md = (source: string) => ({ kind: 'markdown', source });
const code = (source: string, more: Record<string, unknown> = {}) => ({ kind: 'code', source, ...more });

describe('activation-lab run', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'activation-lab-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('runs code cells in order in one session and prints [n] results; markdown is skipped', () => {
    const file = write('ok.actnb', notebook([
      md('# Title\nsome prose'),
      code('x = linspace(-1, 1, 3)'),
      code('relu(x)'),
      md('more prose'),
      code('relu'),
      code('relu(0.5)'),
    ]));
    const r = cli(['run', file]);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(
      r.stdout,
      [
        '[1]',
        '[2] float64 tensor, shape [3]',
        '    [0, 0, 1]',
        '[3] relu(x) = max(0, x)',
        "    relu'(x) = 1 if x > 0 else 0",
        '[4] 0.5',
        '',
      ].join('\n'),
    );
    assert.ok(!r.stdout.includes('prose'));
  });

  it('stops at the first failing cell: its error with cell number, line and column on stderr, exit 1, later cells not run', () => {
    const file = write('fail.actnb', notebook([
      md('intro'),
      code('a = 2'),
      code('b = a\nc = rleu(b)'),
      code('"LATER CELL RAN"'),
    ]));
    const r = cli(['run', file]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '[1]\n');
    assert.equal(r.stderr, "[2] error in cell 3 at line 2, column 5: unknown function 'rleu' (did you mean 'relu'?)\n");
    assert.ok(!r.stdout.includes('LATER CELL RAN'));
  });

  it('an empty notebook runs and prints nothing', () => {
    const r = cli(['run', write('empty.actnb', '')]);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
  });

  it('an unreadable notebook: exit 1 with a message', () => {
    const r = cli(['run', join(dir, 'missing.actnb')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read .*missing\.actnb/);
  });

  describe('--inplace', () => {
    it('keeps where sliders were left (cell metadata) and starts the plot there', () => {
      const sliders = { alpha: { value: 0.42, min: 0, max: 1, step: 0.01, start: 0.01 } };
      const metadata = { tags: ['demo'], activationLab: { sliders } };
      const file = write('sliders.actnb', notebook([code('plot(leaky_relu(alpha=slider(0, 1)))', { metadata })]));
      const r = cli(['run', file, '--inplace']);
      assert.equal(r.status, 0, r.stderr);
      const cell = parseNotebook(readFileSync(file, 'utf8')).cells[0]!;
      assert.deepEqual(cell.metadata, metadata, 'the metadata is kept');
      const d = cell.outputs[0]!.items.find((it) => it.mime === VALUE_MIME)!.data as unknown as PlotDisplay;
      assert.equal(d.series[0]!.name, 'leaky_relu(alpha=0.42)');
      assert.deepEqual(d.live!.sliders.map((s) => [s.value, s.start]), [[0.42, 0.01]]);
    });

    it('saves every kind of output, plots and functions included (the example notebook)', () => {
      const file = write('tour.actnb', readFileSync(join(ROOT, 'examples', 'tour.actnb'), 'utf8'));
      const r = cli(['run', file, '--inplace']);
      assert.equal(r.status, 0, r.stderr);
      const saved = parseNotebook(readFileSync(file, 'utf8'));
      const kinds = saved.cells.filter((c) => c.kind === 'code').map((c) => {
        const item = c.outputs?.[0]?.items.find((it) => it.mime === VALUE_MIME);
        return (item?.data as { kind: string } | undefined)?.kind;
      });
      assert.deepEqual(kinds, ['tensor', 'table', 'function', 'number', 'plot']);
    });

    it('saves no static pictures unless --static-images asks; then every chart has one, old outputs included', () => {
      const stale = { items: [{ mime: VALUE_MIME, data: { kind: 'plot', series: [{ name: 'f', x: [0, 1], y: [0, 1] }] } }, { mime: SVG_MIME, data: '<svg/>' }] };
      const cells = [code('relu'), code('rleu(1)'), code('plot(relu)', { outputs: [stale] })];
      const file = write('nb.actnb', notebook(cells));
      assert.equal(cli(['run', file, '--inplace']).status, 1);
      const plain = parseNotebook(readFileSync(file, 'utf8'));
      assert.deepEqual(plain.cells.map((c) => c.outputs[0].items.map((i) => i.mime)), [[VALUE_MIME, TEXT_MIME], [ERROR_MIME, VALUE_MIME], [VALUE_MIME]], 'the unreached cell loses its old picture too');

      const again = write('again.actnb', notebook(cells));
      assert.equal(cli(['run', again, '--inplace', '--static-images']).status, 1);
      const pictured = parseNotebook(readFileSync(again, 'utf8'));
      assert.deepEqual(pictured.cells.map((c) => c.outputs[0].items.map((i) => i.mime)), [[VALUE_MIME, SVG_MIME, TEXT_MIME], [ERROR_MIME, VALUE_MIME], [VALUE_MIME, SVG_MIME]]);
      assert.match(pictured.cells[0].outputs[0].items[1].data as string, /^<svg[\s\S]*<\/svg>\s*$/);
      assert.equal(pictured.cells[2].outputs[0].items[1].data, '<svg/>', 'a picture already there is kept');
    });

    it('--static-images without --inplace is a usage error (exit 2), and nothing is written', () => {
      const text = notebook([code('relu')]);
      const file = write('nb.actnb', text);
      const r = cli(['run', file, '--static-images']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--static-images needs --inplace/);
      assert.equal(readFileSync(file, 'utf8'), text);
    });

    it('writes outputs and execution orders, keeps unknown fields and metadata; the file still parses', () => {
      const file = write('nb.actnb', notebook(
        [
          md('# Notes'),
          code('x = [-1, 0.5, 3]', { metadata: { tag: 'setup' } }),
          code('relu(x)', { custom: { keep: 'me' }, outputs: [{ items: [{ mime: 'text/plain', data: 'stale' }], metadata: { m: 1 } }] }),
          code('relu'),
        ],
        { futureField: [1, 2, 3] },
      ));
      const r = cli(['run', file, '--inplace']);
      assert.equal(r.status, 0, r.stderr);

      const text = readFileSync(file, 'utf8');
      const nb = parseNotebook(text);
      assert.deepEqual(nb.extra, { futureField: [1, 2, 3] });
      assert.deepEqual(nb.metadata, { author: 'test' });
      const [m, c1, c2, c3] = nb.cells;
      assert.equal(m.kind, 'markdown');
      assert.equal(m.executionOrder, undefined);
      assert.deepEqual(m.outputs, []);

      assert.equal(c1.executionOrder, 1);
      assert.deepEqual(c1.metadata, { tag: 'setup' });
      assert.deepEqual(c1.outputs, [], 'an assignment displays nothing');

      assert.equal(c2.executionOrder, 2);
      assert.deepEqual(c2.extra, { custom: { keep: 'me' } });
      assert.equal(c2.outputs.length, 1);
      assert.equal(c2.outputs[0].metadata, undefined, 'the stale output is replaced whole');
      assert.deepEqual(c2.outputs[0].items.map((i) => i.mime), [VALUE_MIME, TEXT_MIME]);
      assert.deepEqual(c2.outputs[0].items[0].data, { kind: 'tensor', dtype: 'float64', shape: [3], data: [0, 0.5, 3] });
      assert.equal(c2.outputs[0].items[1].data, 'float64 tensor, shape [3]\n[0, 0.5, 3]');

      assert.equal(c3.executionOrder, 3);
      const fn = c3.outputs[0].items[0].data as { kind: string; name: string; curve?: unknown };
      assert.equal(fn.kind, 'function');
      assert.equal(fn.name, 'relu');
      assert.ok(fn.curve, 'the notebook keeps the full display (with the curve) for the renderer');

      // Written via a temp file + rename: nothing else is left in the directory.
      assert.deepEqual(readdirSync(dir), ['nb.actnb']);
      // Running again gives the same bytes (stable output).
      cli(['run', file, '--inplace']);
      assert.equal(readFileSync(file, 'utf8'), text);
    });

    it('on a failure: the failing cell gets its error, later cells keep their old outputs, exit 1', () => {
      const old = { items: [{ mime: 'text/plain', data: 'old output' }] };
      const file = write('nb.actnb', notebook([
        code('1 + 1'),
        code('rleu(2)'),
        code('3', { executionOrder: 7, outputs: [old] }),
      ]));
      const r = cli(['run', file, '--inplace']);
      assert.equal(r.status, 1);
      const nb = parseNotebook(readFileSync(file, 'utf8'));
      assert.equal(nb.cells[0].executionOrder, 1);
      assert.equal(nb.cells[0].outputs[0].items[1].data, '2');
      assert.equal(nb.cells[1].executionOrder, 2);
      assert.deepEqual(nb.cells[1].outputs[0].items.map((i) => i.mime), ['application/vnd.code.notebook.error', VALUE_MIME]);
      assert.deepEqual(nb.cells[1].outputs[0].items[1].data, {
        kind: 'error', message: "unknown function 'rleu' (did you mean 'relu'?)", line: 1, column: 1, endLine: 1, endColumn: 5,
      });
      assert.equal(nb.cells[2].executionOrder, 7);
      assert.deepEqual(nb.cells[2].outputs, [old]);
    });

    for (const [what, text] of [
      ['malformed JSON', '{ "activationNotebook": 1, "cells": [ { "kind": "code", "source": "1" }, ] }'],
      ['an invalid notebook', '{ "activationNotebook": 1, "cells": [ { "kind": "python", "source": "1" } ] }'],
      ['a newer format', '{ "activationNotebook": 99, "cells": [] }'],
    ] as const) {
      it(`leaves ${what} byte-identical and exits 1`, () => {
        const file = write('bad.actnb', text);
        const before = statSync(file).mtimeMs;
        const r = cli(['run', file, '--inplace', '--html', join(dir, 'out.html')]);
        assert.equal(r.status, 1);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /bad\.actnb/);
        assert.equal(readFileSync(file, 'utf8'), text);
        assert.equal(statSync(file).mtimeMs, before);
        assert.deepEqual(readdirSync(dir), ['bad.actnb'], 'no HTML and no temp file written');
      });
    }
  });

  describe('--html', () => {
    const plotlyVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/plotly.js-dist-min/package.json'), 'utf8')) as { version: string }).version;

    function exportHtml(cells: unknown[]): { status: number | null; html: string; stderr: string } {
      const file = write('My Lesson.actnb', notebook(cells));
      const out = join(dir, 'out.html');
      const r = cli(['run', file, '--html', out]);
      assert.ok(existsSync(out), `no HTML written: ${r.stderr}`);
      return { status: r.status, html: readFileSync(out, 'utf8'), stderr: r.stderr };
    }

    const lesson = [
      md('# Activation functions\n\nRaw HTML is shown, not run: <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n![a remote plot](https://example.org/plot.png) ![a dot](data:image/png;base64,iVBORw0KGgo=)'),
      code('x = linspace(-2, 2, 5)\nrelu(x)'),
      code('relu'),
      code('plot(relu, leaky_relu(alpha=0.2), from=-3, to=3, title="</script><script>alert(3)</script>")'),
      code('table(x, relu(x))'),
      code('y = x < 0 # a comparison: <b>not bold</b>\nlog(0)'),
    ];

    it('writes one self-contained page: plotly inlined, markdown rendered, title from the file name', () => {
      const { status, html, stderr } = exportHtml(lesson);
      assert.equal(status, 0, stderr);
      assert.ok(Buffer.byteLength(html) > 1_000_000, 'plotly.min.js is inlined');
      assert.ok(html.includes(`plotly.js v${plotlyVersion}`), 'the plotly bundle banner is present');
      assert.ok(html.includes('<title>My Lesson.actnb</title>'));
      assert.ok(html.includes('<h1>Activation functions</h1>'));
      // scripts only by their hashes: the two the page has, no 'unsafe-inline'
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
      assert.match(csp, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*'; style-src 'unsafe-inline'; img-src data:$/);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => createHash('sha256').update(m[1]!, 'utf8').digest('base64'));
      assert.deepEqual(csp.match(/sha256-([A-Za-z0-9+/]+=*)/g)!.map((h) => h.slice(7)), scripts, 'each hash is of a script on the page');
      // results: a tensor table, a function's formula, a table, a number
      assert.ok(html.includes('<caption>float64 tensor, shape [5]</caption>'));
      assert.ok(html.includes('<th class="corner">index</th>'), 'the header of a vector is its indices, said so');
      // the function's formulas typeset as images, their text the alt text
      assert.ok(html.includes('<img alt="relu(x) = max(0, x)" src="data:image/svg+xml;base64,'));
      assert.ok(html.includes("<img alt=\"relu'(x) = 1 if x &gt; 0 else 0\" src=\"data:image/svg+xml;base64,"));
      assert.ok(html.includes('<th>relu(x)</th>'));
      assert.ok(html.includes('<pre class="text">-inf</pre>'));
    });

    it('loads nothing from the network', () => {
      const { html } = exportHtml(lesson);
      assert.doesNotMatch(html, /<script\b[^>]*\bsrc\s*=/i);
      assert.doesNotMatch(html, /<link\b[^>]*\bhref\s*=\s*["']?(https?:)?\/\//i);
      assert.doesNotMatch(html, /<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?https?:\/\//i);
      assert.doesNotMatch(html, /@import/);
      // a markdown image from the network is named, not loaded; one written into the page as data: is shown
      assert.doesNotMatch(html, /<img[^>]*example\.org/);
      assert.ok(html.includes('[image "a remote plot", not loaded: https://example.org/plot.png]'));
      assert.match(html, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="a dot">/);
    });

    it('escapes user text: raw HTML in markdown and code is never live', () => {
      const { html } = exportHtml(lesson);
      assert.ok(!html.includes('<script>alert(1)</script>'));
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(!html.includes('<img src=x'));
      assert.ok(!html.includes('<b>not bold</b>'));
      assert.ok(html.includes('&lt;b&gt;not bold&lt;/b&gt;'));
      assert.ok(!html.includes('alert(3)</script>'), 'a plot title cannot close its script element');
    });

    it('embeds each plot as JSON in <script type="application/json"> that parses', () => {
      const { html } = exportHtml(lesson);
      const blocks = [...html.matchAll(/<script type="application\/json" data-plot="([^"]+)">([\s\S]*?)<\/script>/g)];
      assert.equal(blocks.length, 2, 'relu and the plot() cell');
      // what each chart shows, over which range, for screen readers
      assert.ok(html.includes(`aria-label="Chart of relu, relu', leaky_relu(alpha=0.2), leaky_relu(alpha=0.2)' over x from -3 to 3"`), 'the plot() cell\'s label');
      for (const [, id, json] of blocks) {
        const element = html.match(new RegExp(`<div class="plot" id="${id}" role="figure" aria-label="([^"]*)"></div>`));
        assert.ok(element, `the chart element of ${id}, labelled`);
        assert.match(element[1]!, /^Chart of relu, relu'.* over x from -?\d/);
        const spec = JSON.parse(json) as { data: { name: string; line: { dash: string } }[]; layout: { title?: { text: string }; shapes: { line: { dash: string } }[]; xaxis: { title: { text: string } }; showlegend: boolean } };
        assert.equal(spec.layout.xaxis.title.text, 'x');
        assert.equal(spec.layout.showlegend, true);
        assert.deepEqual(spec.layout.shapes.map((s) => s.line.dash), ['dot'], 'the kink of relu at 0');
        const points = (spec.data as unknown as { x: unknown[]; y: unknown[] }[]).map((t) => [t.x.length, t.y.length]);
        assert.ok(points.every(([x, y]) => x === 401 && y === 401), `plotly gets every point of each trace: ${JSON.stringify(points)}`);
      }
      const plot = JSON.parse(blocks[1][2]) as { data: { name: string; line: { dash: string } }[]; layout: { title: { text: string } } };
      assert.deepEqual(plot.data.map((d) => [d.name, d.line.dash]), [
        ['relu', 'solid'], ["relu'", 'dash'], ['leaky_relu(alpha=0.2)', 'solid'], ["leaky_relu(alpha=0.2)'", 'dash'],
      ]);
      assert.equal(plot.layout.title.text, '&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    });

    it('draws functions and plots with the notebook renderer\'s figures, in its light theme', () => {
      const { html } = exportHtml([code('relu'), code('plot(relu, gelu, title="t")')]);
      const figures = [...html.matchAll(/<script type="application\/json" data-plot="[^"]+">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]) as unknown);
      const session = new Session();
      const light = readTheme(() => '', ['vscode-light']);
      const expected = ['relu', 'plot(relu, gelu, title="t")'].map((source) => buildFigure(session.run(source).display as FunctionDisplay | PlotDisplay, light));
      // what the page's script hands to Plotly.newPlot is, as JSON, exactly the renderer's figure
      assert.deepEqual(figures, JSON.parse(JSON.stringify(expected)));
      assert.equal(expected[0].data[0].line.color, light.palette[0]);
    });

    it('draws training runs, gradient flow and data sets with the renderer\'s figures', () => {
      const { status, html } = exportHtml([
        code('data = dataset("xor", n=100)\nfit = train(mlp([2, 4, 1]), data, epochs=5)\nfit'),
        code('plot(gradflow(sigmoid), gradflow(relu))'),
        code('data'),
      ]);
      assert.equal(status, 0);
      const specs = [...html.matchAll(/<script type="application\/json" data-plot="[^"]+">([\s\S]*?)<\/script>/g)]
        .map((m) => JSON.parse(m[1]) as { data: { type?: string }[]; layout: { yaxis?: { type?: string } } });
      const kinds = specs.map((s) => s.data.map((t) => t.type ?? 'scatter').join('+'));
      assert.equal(specs.length, 4 + 1 + 1, 'loss, accuracy, dead units, boundary; gradflow; the data set');
      assert.match(kinds[3], /^heatmap\+scatter/, 'the decision boundary is a heatmap under the points');
      assert.equal(specs[4].layout.yaxis?.type, 'log', 'gradient norms on a log axis');
      assert.equal(specs[4].data.length, 2);
      assert.ok(html.includes('training run: 5 of 5 epochs'), 'the text summary stays above the charts');
      // the network diagram, as the notebook draws it: a node per unit (2 inputs, 4 hidden, 1 output), formulas as tooltips
      assert.equal([...html.matchAll(/<g class="al-neuron" data-neuron="(\d+:\d+)"/g)].length, 7);
      assert.match(html, /<title>relu\([−0-9]/, 'a hidden unit\'s formula is its tooltip');
      assert.ok(html.indexOf('data-neuron') < html.indexOf('data-plot='), 'the diagram above the charts');
    });

    it('draws a computational graph as a picture and an exported module as highlighted code with a save link', () => {
      const { status, html } = exportHtml([
        code('graph(mlp([2, 3, 1], seed=0), [0.5, -1])'),
        code('export(mlp([2, 3, 1]), "pytorch")'),
        code('neuron(mlp([2, 3, 1]), 1, 0, dataset("xor", n=20))'),
      ]);
      assert.equal(status, 0);
      const picture = /<div class="picture"><img alt="(computational graph of network 2-3-1[^"]*)" src="data:image\/svg\+xml;base64,([^"]+)"><\/div>/.exec(html);
      assert.ok(picture, 'the graph is an image, its text the alt text');
      const svg = Buffer.from(picture[2]!, 'base64').toString('utf8');
      assert.ok(!svg.includes('currentColor') && svg.includes('fill="#ffffff"'), 'painted for the white page');
      assert.match(html, /<a download="torch_model\.py" href="data:text\/x-python;charset=utf-8;base64,/);
      assert.match(html, /<span class="tok-keyword">class<\/span> Model\(nn\.Module\)/);
      assert.match(html, /<pre class="text">neuron 1:0 \(hidden layer 1, unit 0, relu\)\n  relu\(/);
    });

    it('a failing notebook still gets its page: the error styled as a notebook shows it, later cells marked not run, exit 1', () => {
      const { status, html } = exportHtml([code('rleu(1)'), code('relu(1)')]);
      assert.equal(status, 1);
      assert.ok(html.includes(`<pre class="error">Line 1, column 1: unknown function 'rleu' (did you mean 'relu'?)</pre>`));
      assert.ok(html.includes('not run'));
    });
  });
});
