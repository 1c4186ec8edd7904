/**
 * The script of the plot panel (a webview opened by "Activation Lab: Plot
 * Activation Function…" and friends): draws what the host sends with the same
 * figure builders and chart registry as the notebook renderer (so it follows
 * theme changes and the panel's size the same way), and saves what it shows
 * so VS Code can restore the panel after a reload.
 *
 * Loaded as dist/panel.js, an ES module next to dist/renderer.js; plotly comes
 * from the shared lazily loaded chunk. Nothing is fetched from the network.
 */
import type { HostToPanelMessage, PanelToHostMessage, ShowPlotMessage } from '../shared/panel-messages';
import type { LivePlot } from '../shared/output';
import { blockElement, el, recolourEquations, STYLE } from './output-dom';
import { functionBlocks, outputFigures } from './output-renderers';
import { LiveCharts } from './live-charts';
import { chartActions, sliderCaptionIn } from './chart-actions';
import { PICTURE_THEME } from './chart-picture';
import { currentTheme, onThemeChange, plotlyInPlaceOf, WEBVIEW_CHART_PAGE } from './webview-page';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The panel shows one plot at a time, under this id in its registry. */
const PANEL_PLOT = 'panel';

const vscode = acquireVsCodeApi();
const root = document.getElementById('plot-root') as HTMLElement;
let charts: LiveCharts<HTMLElement> | undefined;
/** Counts show() calls: one that finds a newer one started while plotly loaded draws nothing. */
let shows = 0;
/** The message whose chart is on the page (as JSON), so the same plot sent again is not drawn twice. */
let drawn: { message: string; traces: number } | undefined;

function text(tag: string, className: string, content: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = content;
  return node;
}

async function show(message: ShowPlotMessage): Promise<void> {
  // After a reload the page draws its saved state at once and the host then sends the same plot
  // (computed again from the request it remembered): no second draw, but the host still hears it.
  const json = JSON.stringify(message);
  if (drawn?.message === json) {
    vscode.postMessage({ type: 'shown', traces: drawn.traces } satisfies PanelToHostMessage);
    return;
  }
  drawn = undefined;
  vscode.setState(message);
  const current = ++shows;
  charts?.dispose(PANEL_PLOT);
  const loading = text('div', 'note', 'Loading plot…');
  // a function's formulas as in a notebook output: typeset, f'' of a derivative folded away
  const formulas = el('div', 'al-output');
  const colours = currentTheme();
  const shownFormulas = message.display.kind === 'function' ? message.display : message.formulas;
  if (shownFormulas) formulas.append(...functionBlocks(shownFormulas).map((b) => blockElement(b, colours)));
  root.replaceChildren(
    el('style', undefined, STYLE),
    text('h2', 'title', message.title),
    ...(message.notes ?? []).map((n) => text('div', 'note', n)),
    formulas,
    loading,
  );
  const plotly = await plotlyInPlaceOf(loading, 'error');
  if (!plotly || current !== shows) return;
  charts ??= new LiveCharts(plotly, WEBVIEW_CHART_PAGE);
  const theme = currentTheme();
  const figures = outputFigures(message.display, theme);
  await charts.show(PANEL_PLOT, () => root.appendChild(text('div', 'chart', '')), (t) => outputFigures(message.display, t), theme, figures);
  const chartPlotly = plotly;
  charts.rootsOf(PANEL_PLOT).forEach((chart, i) => {
    chart.after(chartActions(document, chartPlotly, {
      figure: () => charts?.figuresFor(PANEL_PLOT, PICTURE_THEME)[i],
      caption: () => sliderCaptionIn(root),
      width: () => chart.clientWidth,
    }, (m) => vscode.postMessage(m)));
  });
  if (message.display.kind === 'plot' && message.display.live) await showSliders(message.display.live, current);
  if (current !== shows) return;
  drawn = { message: json, traces: figures[0]?.data.length ?? 0 };
  vscode.postMessage({ type: 'shown', traces: drawn.traces } satisfies PanelToHostMessage);
}

/**
 * A slider for each parameter above the chart, redrawing it in this page as the notebook renderer
 * does (live-sliders.ts, loaded only for a plot with sliders: it brings the language).
 */
async function showSliders(live: LivePlot, current: number): Promise<void> {
  const { liveSliders } = await import('./live-sliders');
  if (current !== shows) return;
  try {
    const panel = liveSliders(document, live, (d) => charts?.rebuild(PANEL_PLOT, (t) => outputFigures(d, t)));
    root.insertBefore(panel, root.querySelector('.chart'));
  } catch (err) {
    root.append(text('pre', 'error', `the sliders cannot redraw this plot: ${err instanceof Error ? err.message : String(err)}`));
  }
}

onThemeChange(() => {
  const theme = currentTheme();
  recolourEquations(root, theme);
  void charts?.retheme(theme);
});

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as HostToPanelMessage | undefined;
  if (message?.type === 'show') void show(message);
  if (message?.type === 'lost') {
    shows++;
    drawn = undefined;
    vscode.setState(undefined);
    charts?.dispose(PANEL_PLOT);
    root.replaceChildren(text('div', 'note', message.message));
  }
});

// After a window reload the page may still have the state saved above: draw it at once. The host
// sends what it computed again from the remembered request anyway (see services/plots/panel-restore.ts).
const saved = vscode.getState() as ShowPlotMessage | undefined;
if (saved?.type === 'show') void show(saved);
vscode.postMessage({ type: 'ready', restored: saved?.type === 'show' } satisfies PanelToHostMessage);
