/** The registry of live charts, with a fake plotly and a fake page (no DOM). */
import { strict as assert } from 'assert';
import type { PlotFigure } from '../../../src/renderer/figure-style';
import { LiveCharts, sizedLayout, type ChartPage, type ChartPlotly } from '../../../src/renderer/live-charts';
import { OUTPUT_RENDERERS } from '../../../src/renderer/output-renderers';
import type { Theme } from '../../../src/renderer/theme';
import { Session } from '../../../src/language/runtime/session';
import type { TrainingDisplay } from '../../../src/shared/output';

/** A chart element: its width, and what was last drawn into it. */
interface FakeRoot {
  readonly name: string;
  width: number;
  drawn?: { data: unknown[]; layout: Record<string, unknown>; config: Record<string, unknown> };
  purged: boolean;
}

interface Call {
  readonly op: 'react' | 'purge';
  readonly root: string;
}

/** Records every plotly call; react() keeps what it was given on the root. */
function fakePlotly(calls: Call[]): ChartPlotly<FakeRoot> {
  return {
    react(root, data, layout, config) {
      calls.push({ op: 'react', root: root.name });
      root.drawn = { data, layout: layout as Record<string, unknown>, config: config as Record<string, unknown> };
      root.purged = false;
      return Promise.resolve(root);
    },
    purge(root) {
      calls.push({ op: 'purge', root: root.name });
      root.purged = true;
      root.drawn = undefined;
    },
  };
}

/** Widths come from the roots; size watchers are kept so a test can fire them (a ResizeObserver). */
class FakePage implements ChartPage<FakeRoot> {
  readonly watchers = new Map<FakeRoot, () => void>();
  drawing?: (root: FakeRoot, figure: PlotFigure<object>) => void;
  widthOf(root: FakeRoot): number {
    return root.width;
  }
  watchSize(root: FakeRoot, changed: () => void): () => void {
    this.watchers.set(root, changed);
    return () => this.watchers.delete(root);
  }
  resize(root: FakeRoot, width: number): void {
    root.width = width;
    this.watchers.get(root)?.();
  }
}

const dark: Theme = { kind: 'dark', foreground: '#cccccc', background: '#1f1f1f', border: '#454545', palette: ['#111111', '#222222'] };
const light: Theme = { kind: 'light', foreground: '#333333', background: '#ffffff', border: '#c8c8c8', palette: ['#0000ff', '#ff0000'] };

/** Two figures of different heights whose trace colour is the theme's first. */
function build(theme: Theme): PlotFigure[] {
  return [360, 288].map((height, i) => ({
    name: `f${i}`,
    data: [{ type: 'scatter', line: { color: theme.palette[0] } }],
    layout: { height, autosize: true, font: { color: theme.foreground } },
    config: { displaylogo: false, responsive: true, typesetMath: false } as const,
  }));
}

function setup() {
  const calls: Call[] = [];
  const page = new FakePage();
  const charts = new LiveCharts(fakePlotly(calls), page);
  const roots: FakeRoot[] = [];
  const mount = (prefix: string) => (figure: PlotFigure<object>): FakeRoot => {
    const root = { name: `${prefix}/${figure.name}`, width: 640, purged: false };
    roots.push(root);
    return root;
  };
  return { calls, page, charts, roots, mount };
}

const color = (root: FakeRoot): unknown => (root.drawn?.data[0] as { line: { color: string } } | undefined)?.line.color;

describe('renderer: live charts', () => {
  it('draws each figure with Plotly.react at its element\'s width and its own height, plotly\'s resizing off', async () => {
    const { calls, charts, roots, mount } = setup();
    await charts.show('a', mount('a'), build, dark);
    assert.deepEqual(calls, [{ op: 'react', root: 'a/f0' }, { op: 'react', root: 'a/f1' }]);
    assert.deepEqual(roots.map((r) => [r.drawn?.layout.width, r.drawn?.layout.height]), [[640, 360], [640, 288]]);
    assert.equal(roots[0].drawn?.config.responsive, false);
    assert.equal(color(roots[0]), '#111111');
    assert.deepEqual(charts.ids, ['a']);
  });

  it('rebuild (a slider moved) redraws the same elements with new figures, keeps them for the next theme, and tells the page each figure drawn', async () => {
    const { calls, page, charts, roots, mount } = setup();
    const told: string[] = [];
    page.drawing = (root: FakeRoot, figure: PlotFigure<object>) => told.push(`${root.name}:${String(figure.layout.height)}`);
    await charts.show('a', mount('a'), build, dark);
    calls.length = 0;
    told.length = 0;
    const taller = (theme: Theme) => build(theme).map((f) => ({ ...f, layout: { ...f.layout, height: (f.layout.height as number) + 10 } }));
    await charts.rebuild('a', taller);
    assert.deepEqual(calls.map((c) => `${c.op} ${c.root}`), ['react a/f0', 'react a/f1'], 'no purge, no new element');
    assert.deepEqual(roots.map((r) => r.drawn?.layout.height), [370, 298]);
    assert.deepEqual(told, ['a/f0:370', 'a/f1:298']);
    await charts.retheme(light);
    assert.deepEqual(roots.map((r) => r.drawn?.layout.height), [370, 298], 'a theme change keeps the slider position');
    assert.equal(color(roots[0]), '#0000ff');
    calls.length = 0;
    await charts.rebuild('gone', taller);
    await charts.rebuild('a', (theme) => build(theme).slice(0, 1));
    assert.deepEqual(calls, [], 'an output that is gone, or figures that no longer match its elements: nothing drawn');
  });

  it('a new theme redraws every chart through the same Plotly.react, with figures built for it, heights unchanged', async () => {
    const { calls, charts, roots, mount } = setup();
    await charts.show('a', mount('a'), build, dark);
    await charts.show('b', mount('b'), build, dark);
    calls.length = 0;
    await charts.retheme(light);
    assert.deepEqual(calls.map((c) => `${c.op} ${c.root}`), ['react a/f0', 'react a/f1', 'react b/f0', 'react b/f1']);
    assert.deepEqual(roots.map(color), ['#0000ff', '#0000ff', '#0000ff', '#0000ff']);
    assert.deepEqual(roots.map((r) => r.drawn?.layout.height), [360, 288, 360, 288]);
    calls.length = 0;
    await charts.retheme({ ...light, palette: [...light.palette] });
    assert.deepEqual(calls, [], 'the same colours again: nothing to redraw');
  });

  it('a new width redraws only that chart, at the new width; a height change alone (its own drawing) does not', async () => {
    const { calls, page, charts, roots, mount } = setup();
    await charts.show('a', mount('a'), build, dark);
    calls.length = 0;
    page.resize(roots[1], 640);
    assert.deepEqual(calls, [], 'same width');
    page.resize(roots[1], 400);
    assert.deepEqual(calls, [{ op: 'react', root: 'a/f1' }]);
    assert.deepEqual([roots[1].drawn?.layout.width, roots[1].drawn?.layout.height], [400, 288]);
    assert.equal(color(roots[1]), '#111111', 'still its theme');
  });

  it('a chart not laid out yet (width 0) gets plotly\'s width, then the real one once it has it', async () => {
    const { page, charts, mount } = setup();
    const roots: FakeRoot[] = [];
    await charts.show('a', (f) => {
      const root = mount('a')(f);
      root.width = 0;
      roots.push(root);
      return root;
    }, build, dark);
    assert.equal('width' in (roots[0].drawn?.layout ?? {}), false);
    page.resize(roots[0], 500);
    assert.equal(roots[0].drawn?.layout.width, 500);
  });

  it('disposeOutputItem(id) purges that output\'s charts and stops following their size', async () => {
    const { calls, page, charts, roots, mount } = setup();
    await charts.show('a', mount('a'), build, dark);
    await charts.show('b', mount('b'), build, dark);
    calls.length = 0;
    charts.dispose('a');
    assert.deepEqual(calls, [{ op: 'purge', root: 'a/f0' }, { op: 'purge', root: 'a/f1' }]);
    assert.deepEqual(charts.ids, ['b']);
    assert.equal(page.watchers.size, 2, 'only b\'s charts are watched');
    charts.dispose('unknown');
    await charts.retheme(light);
    assert.deepEqual(roots.map((r) => r.purged), [true, true, false, false]);
    assert.deepEqual(roots.map(color), [undefined, undefined, '#0000ff', '#0000ff'], 'a purged chart is never drawn again');
  });

  it('disposeOutputItem(undefined) (Clear All Outputs) purges every chart, whatever kind of output drew it', async () => {
    const { calls, page, charts, roots, mount } = setup();
    const session = new Session();
    const fit = session.run('train(mlp([2, 4, 1]), dataset("xor", n=40), epochs=2)').display as TrainingDisplay;
    const relu = session.run('relu').display;
    if (relu.kind !== 'function') throw new Error('relu is a function');
    await charts.show('function', mount('function'), (t) => OUTPUT_RENDERERS.function.figures!(relu, t), dark);
    await charts.show('training', mount('training'), (t) => OUTPUT_RENDERERS.training.figures!(fit, t), dark);
    assert.ok(roots.length >= 4, `${roots.length} charts`);
    calls.length = 0;
    charts.dispose();
    assert.deepEqual(charts.ids, []);
    assert.equal(page.watchers.size, 0);
    assert.deepEqual(calls.map((c) => c.root).sort(), roots.map((r) => r.name).sort());
    assert.ok(calls.every((c) => c.op === 'purge'));
  });

  it('showing an output again replaces its charts: the old ones are purged first', async () => {
    const { calls, charts, mount } = setup();
    await charts.show('a', mount('old'), build, dark);
    calls.length = 0;
    await charts.show('a', mount('new'), build, dark);
    assert.deepEqual(calls.map((c) => `${c.op} ${c.root}`), ['purge old/f0', 'purge old/f1', 'react new/f0', 'react new/f1']);
  });

  it('gives an output\'s elements and its figures for another theme (a saved picture is light), and takes plotly\'s dead download button off', async () => {
    const { charts, roots, mount } = setup();
    await charts.show('a', mount('a'), build, dark);
    assert.deepEqual(charts.rootsOf('a'), roots);
    assert.deepEqual(charts.figuresFor('a', light).map((f) => f.data[0]), [{ type: 'scatter', line: { color: '#0000ff' } }, { type: 'scatter', line: { color: '#0000ff' } }]);
    assert.equal(color(roots[0]), '#111111', 'the chart itself stays in its theme');
    assert.deepEqual(roots[0].drawn?.config.modeBarButtonsToRemove, ['toImage']);
    charts.dispose('a');
    assert.deepEqual(charts.figuresFor('a', light), []);
    assert.deepEqual(charts.rootsOf('a'), []);
  });

  it('sizedLayout adds only the width', () => {
    const layout = { height: 288, margin: { t: 1 } };
    assert.deepEqual(sizedLayout(layout, 500), { height: 288, margin: { t: 1 }, width: 500 });
    assert.equal(sizedLayout(layout, 0), layout);
  });
});
