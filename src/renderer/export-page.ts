/**
 * The script of a page exported with `activation-lab run --html` that has plots with
 * sliders or training runs with weight snapshots (dist/export-page.js, inlined into the page
 * and allowed by its hash), offline: no kernel, no network.
 *
 * - Each `<script type="application/json" data-live="plot-N">` holds a plot's LivePlot; its
 *   sliders go above the chart, and each move redraws it with Plotly.react from the bundled
 *   language, in the page's light theme.
 * - Each `<script type="application/json" data-network="network-N">` holds a training run's
 *   display; the notebook's live diagram (network-view.ts: epoch scrubber, hovers, the
 *   inspector) takes the place of the still one drawn at export, and the scrubber redraws the
 *   decision boundary (`data-boundary`, its chart's id) from the position's weights.
 */
import type { JsonNumber, LivePlot, TrainingDisplay } from '../shared/output';
import { chartLabel } from './chart-label';
import { networkView } from './network-view';
import { outputFigures } from './output-renderers';
import { replayedBoundary } from './replay-boundary';
import { readTheme } from './theme';
import { liveSliders } from './live-sliders';

interface PagePlotly {
  react(root: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
}
declare const Plotly: PagePlotly;

/** The exported page is white, as the static charts were drawn (src/page/html-export.ts). */
const PAGE_THEME = readTheme(() => '', ['vscode-light']);

for (const node of Array.from(document.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-live]'))) {
  const target = document.getElementById(node.dataset.live ?? '');
  if (!target) continue;
  try {
    const live = JSON.parse(node.textContent ?? '') as LivePlot;
    const panel = liveSliders(document, live, (display) => {
      const [figure] = outputFigures(display, PAGE_THEME);
      if (!figure) return;
      target.setAttribute('aria-label', chartLabel(figure));
      void Plotly.react(target, figure.data, figure.layout, figure.config);
    });
    target.before(panel);
  } catch (err) {
    const note = document.createElement('pre');
    note.className = 'error';
    note.textContent = `the sliders cannot redraw this plot: ${err instanceof Error ? err.message : String(err)}`;
    target.before(note);
  }
}

for (const node of Array.from(document.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-network]'))) {
  const still = document.getElementById(node.dataset.network ?? '');
  if (!still) continue;
  try {
    const run = JSON.parse(node.textContent ?? '') as TrainingDisplay;
    const chart = node.dataset.boundary ? document.getElementById(node.dataset.boundary) : null;
    const replay = (weights: ArrayLike<JsonNumber> | undefined): void => {
      if (!chart) return;
      const figure = outputFigures(weights ? replayedBoundary(run, weights) : run, PAGE_THEME).find((f) => f.name === 'boundary');
      if (figure) void Plotly.react(chart, figure.data, figure.layout, figure.config);
    };
    still.replaceChildren(networkView(document, run, replay));
  } catch (err) {
    // the still diagram stays; say why it does not move
    const note = document.createElement('pre');
    note.className = 'error';
    note.textContent = `the epoch scrubber cannot run here: ${err instanceof Error ? err.message : String(err)}`;
    still.after(note);
  }
}
