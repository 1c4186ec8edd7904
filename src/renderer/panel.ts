/**
 * The script of the plot panel (a webview opened by "Activation Lab: Plot
 * Activation Function…" and friends): draws what the host sends with the same
 * figure code as the notebook renderer, follows theme changes and the panel's
 * size, and saves what it shows so VS Code can restore the panel after a reload.
 *
 * Loaded as dist/panel.js, an ES module next to dist/renderer.js; plotly comes
 * from the shared lazily loaded chunk. Nothing is fetched from the network.
 */
import { displaySeries } from '../shared/plot-traces';
import { buildFigure, formulaLines, themeRelayout, themeRestyle } from './figures';
import type { HostToPanelMessage, PanelToHostMessage, ShowPlotMessage } from '../shared/panel-messages';
import { loadPlotly, type PlotlyApi } from './plotly';
import { readTheme, sameTheme, type Theme } from './theme';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('plot-root') as HTMLElement;
let shown: { message: ShowPlotMessage; chart: HTMLElement; theme: Theme } | undefined;
let plotly: PlotlyApi | undefined;

const currentTheme = (): Theme => {
  const style = getComputedStyle(document.body);
  return readTheme((name) => style.getPropertyValue(name), Array.from(document.body.classList));
};

function text(tag: string, className: string, content: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = content;
  return node;
}

/** Shows run one after another: the saved state drawn at load and the host's message may overlap. */
let queue: Promise<void> = Promise.resolve();
const enqueue = (message: ShowPlotMessage): void => {
  queue = queue.then(() => show(message)).catch(() => undefined);
};

async function show(message: ShowPlotMessage): Promise<void> {
  // After a reload the page draws its saved state at once and the host then sends the same plot:
  // no second draw, but the host still hears what is shown.
  if (shown && JSON.stringify(shown.message) === JSON.stringify(message)) {
    vscode.postMessage({ type: 'shown', traces: (shown.chart as { data?: unknown[] }).data?.length ?? 0 } satisfies PanelToHostMessage);
    return;
  }
  vscode.setState(message);
  if (shown && plotly) plotly.purge(shown.chart);
  shown = undefined;
  const chart = text('div', 'chart', '');
  const lines = message.display.kind === 'function' ? formulaLines(message.display) : [];
  root.replaceChildren(
    text('h2', 'title', message.title),
    ...(message.notes ?? []).map((n) => text('div', 'note', n)),
    ...(lines.length ? [text('pre', 'formula', lines.join('\n'))] : []),
    chart,
  );
  try {
    plotly = await loadPlotly();
  } catch (err) {
    chart.replaceWith(text('pre', 'error', `could not load the plotting library: ${String(err)}`));
    return;
  }
  const theme = currentTheme();
  const figure = buildFigure(message.display, theme);
  await plotly.newPlot(chart, figure.data, figure.layout, figure.config);
  shown = { message, chart, theme };
  vscode.postMessage({ type: 'shown', traces: figure.data.length } satisfies PanelToHostMessage);
}

function retheme(): void {
  if (!shown || !plotly) return;
  const theme = currentTheme();
  if (sameTheme(theme, shown.theme)) return;
  shown.theme = theme;
  const display = shown.message.display;
  void plotly.relayout(shown.chart, themeRelayout(theme, (display.kinks ?? []).filter(Number.isFinite).length));
  const series = displaySeries(display);
  void plotly.restyle(shown.chart, themeRestyle(series, theme), series.map((_, i) => i));
}

new MutationObserver(retheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });
new ResizeObserver(() => {
  if (shown && plotly) void plotly.Plots.resize(shown.chart);
}).observe(root);

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as HostToPanelMessage | undefined;
  if (message?.type === 'show') enqueue(message);
  if (message?.type === 'lost') queue = queue.then(() => {
    if (shown && plotly) plotly.purge(shown.chart);
    shown = undefined;
    vscode.setState(undefined);
    root.replaceChildren(text('div', 'note', message.message));
  });
});

// After a window reload the page may still have the state saved above: draw it at once. The host
// sends what it computed again from the remembered request anyway (see services/plots/panel-restore.ts).
const saved = vscode.getState() as ShowPlotMessage | undefined;
if (saved?.type === 'show') enqueue(saved);
vscode.postMessage({ type: 'ready', restored: saved?.type === 'show' } satisfies PanelToHostMessage);
