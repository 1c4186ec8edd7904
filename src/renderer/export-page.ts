/**
 * The script of a page exported with `activation-lab run --html` that has plots with
 * sliders (dist/export-page.js, inlined into the page and allowed by its hash): each
 * `<script type="application/json" data-live="plot-N">` holds a plot's LivePlot; its sliders
 * go above the chart, and each move redraws it with Plotly.react from the bundled language,
 * in the page's light theme. Offline: no kernel, no network.
 */
import type { LivePlot } from '../shared/output';
import { chartLabel } from './chart-label';
import { outputFigures } from './output-renderers';
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
