/**
 * The Activation Lab notebook renderer (contribution 'activation-lab.renderer',
 * MIME application/vnd.activation-lab.value+json): draws our DisplayValue JSON
 * in VS Code's output webview.
 *
 *   function -> formula text and a plotly chart of f (solid) and f' (dashed)
 *   plot     -> all series overlaid, derivatives dashed, title
 *   tensor   -> compact HTML table (dtype, shape, at most 200 elements)
 *   table    -> HTML table with headers
 *   network  -> table of layers and parameter counts
 *   training -> summary line; loss, accuracy, dead units / prelu slopes, decision boundary charts
 *   gradflow -> gradient norm against layer, log y;  dataset -> the points
 *   number / string / boolean -> text; error -> styled text; none -> nothing
 *
 * Colours come from VS Code's theme variables and follow theme changes; plots
 * follow the editor's width. User text only ever goes through textContent
 * (and plotly text is HTML-escaped by plotText).
 */
import type { ActivationFunction, OutputItem } from 'vscode-notebook-renderer';
import type { DisplayValue, FunctionDisplay, PlotDisplay } from '../shared/output';
import { displaySeries } from '../shared/plot-traces';
import { buildFigure, formulaLines, themeRelayout, themeRestyle } from './figures';
import { loadPlotly, type PlotlyApi } from './plotly';
import { formatValue, networkView, tableView, tensorView, type TableView } from './tables';
import { datasetFigure, gradflowFigure, trainingFigures, type PlotFigure } from './network-figures';
import { trainingText } from '../shared/network-text';
import { errorLine } from '../shared/error-heading';
import { readTheme, sameTheme, type Theme } from './theme';

interface LivePlot {
  readonly root: HTMLElement;
  readonly display: FunctionDisplay | PlotDisplay;
  readonly resize: ResizeObserver;
  theme: Theme;
}

const STYLE = `
.al-output { font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 13px); color: var(--vscode-editor-foreground); }
.al-output pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; }
.al-output .al-error { color: var(--vscode-errorForeground, #f14c4c); border-left: 3px solid var(--vscode-errorForeground, #f14c4c); padding: 2px 8px; }
.al-output .al-formula { padding: 2px 0 4px; }
.al-output .al-plot { width: 100%; min-height: 360px; }
.al-output .al-loading { opacity: 0.7; font-style: italic; }
.al-output table { border-collapse: collapse; }
.al-output caption { text-align: left; white-space: nowrap; opacity: 0.8; padding-bottom: 4px; }
.al-output th, .al-output td { border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 1px 8px; text-align: right; }
.al-output th { font-weight: 600; background: var(--vscode-editorWidget-background, transparent); }
.al-output .al-note { opacity: 0.75; font-style: italic; padding-top: 4px; }
`;

/** Figures drawn from one output item, redrawn (Plotly.react) when the theme changes. */
interface LiveFigures {
  readonly roots: HTMLElement[];
  readonly build: (theme: Theme) => PlotFigure[];
  readonly resize: ResizeObserver;
  theme: Theme;
}

export const activate: ActivationFunction = () => {
  const plots = new Map<string, LivePlot>();
  const figureSets = new Map<string, LiveFigures>();
  let plotly: PlotlyApi | undefined;

  const currentTheme = (): Theme => {
    const style = getComputedStyle(document.body);
    return readTheme((name) => style.getPropertyValue(name), Array.from(document.body.classList));
  };

  const retheme = (): void => {
    if (!plotly) return;
    const theme = currentTheme();
    for (const plot of plots.values()) {
      if (sameTheme(plot.theme, theme)) continue;
      plot.theme = theme;
      void plotly.relayout(plot.root, themeRelayout(theme, (plot.display.kinks ?? []).filter(Number.isFinite).length));
      const series = displaySeries(plot.display);
      void plotly.restyle(plot.root, themeRestyle(series, theme), series.map((_, i) => i));
    }
    for (const set of figureSets.values()) {
      if (sameTheme(set.theme, theme)) continue;
      set.theme = theme;
      set.build(theme).forEach((f, i) => void plotly?.react(set.roots[i], f.data, f.layout, f.config));
    }
  };
  // VS Code swaps the theme classes on <body> (vscode-light / vscode-dark / vscode-high-contrast).
  new MutationObserver(retheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  const dispose = (id: string): void => {
    const set = figureSets.get(id);
    if (set) {
      figureSets.delete(id);
      set.resize.disconnect();
      for (const root of set.roots) plotly?.purge(root);
    }
    const plot = plots.get(id);
    if (!plot) return;
    plots.delete(id);
    plot.resize.disconnect();
    plotly?.purge(plot.root);
  };

  /** plotly, replacing the loading note (or, when it cannot load, showing why). */
  async function plotlyFor(loading: HTMLElement): Promise<PlotlyApi | undefined> {
    try {
      plotly = await loadPlotly();
    } catch (err) {
      loading.replaceWith(el('pre', 'al-error', `could not load the plotting library: ${String(err)}`));
      return undefined;
    }
    loading.remove();
    return plotly;
  }

  async function renderPlot(id: string, display: FunctionDisplay | PlotDisplay, container: HTMLElement, signal: AbortSignal): Promise<void> {
    const root = el('div', 'al-plot');
    const loading = el('div', 'al-loading', 'Loading plot…');
    container.append(loading, root);
    const api = await plotlyFor(loading);
    if (!api) return;
    if (signal.aborted || !root.isConnected) return;
    const theme = currentTheme();
    const figure = buildFigure(display, theme);
    await api.newPlot(root, figure.data, figure.layout, figure.config);
    const resize = new ResizeObserver(() => {
      if (root.isConnected) void api.Plots.resize(root);
    });
    resize.observe(container);
    dispose(id);
    plots.set(id, { root, display, resize, theme });
  }

  /** One plotly chart per figure, stacked (training runs, gradflow, data sets). */
  async function renderFigures(id: string, build: (theme: Theme) => PlotFigure[], container: HTMLElement, signal: AbortSignal): Promise<void> {
    const loading = el('div', 'al-loading', 'Loading plot…');
    container.append(loading);
    const api = await plotlyFor(loading);
    if (!api) return;
    if (signal.aborted || !container.isConnected) return;
    const theme = currentTheme();
    const figures = build(theme);
    const roots = figures.map((f) => {
      const root = el('div', 'al-plot');
      root.dataset.figure = f.name;
      container.append(root);
      return root;
    });
    await Promise.all(figures.map((f, i) => api.newPlot(roots[i], f.data, f.layout, f.config)));
    const resize = new ResizeObserver(() => {
      for (const root of roots) if (root.isConnected) void api.Plots.resize(root);
    });
    resize.observe(container);
    dispose(id);
    figureSets.set(id, { roots, build, resize, theme });
  }

  return {
    async renderOutputItem(item: OutputItem, element: HTMLElement, signal: AbortSignal): Promise<void> {
      dispose(item.id);
      const container = el('div', 'al-output');
      element.replaceChildren(el('style', undefined, STYLE), container);
      let display: DisplayValue;
      try {
        display = item.json() as DisplayValue;
      } catch (err) {
        container.append(el('pre', 'al-error', `unreadable output: ${String(err)}`));
        return;
      }
      switch (display?.kind) {
        case 'none':
          return;
        case 'number':
          container.append(el('pre', 'al-text', formatValue(display.value)));
          return;
        case 'string':
          container.append(el('pre', 'al-text', display.value));
          return;
        case 'boolean':
          container.append(el('pre', 'al-text', String(display.value)));
          return;
        case 'error':
          container.append(el('pre', 'al-error', errorLine(display)));
          return;
        case 'tensor':
          container.append(tableElement(tensorView(display)));
          return;
        case 'table':
          container.append(tableElement(tableView(display)));
          return;
        case 'function':
          container.append(el('pre', 'al-formula', formulaLines(display).join('\n')));
          if (display.curve) await renderPlot(item.id, display, container, signal);
          return;
        case 'plot':
          await renderPlot(item.id, display, container, signal);
          return;
        case 'network':
          container.append(tableElement(networkView(display)));
          return;
        case 'training': {
          const d = display;
          container.append(el('pre', 'al-formula', trainingText(d)));
          await renderFigures(item.id, (theme) => trainingFigures(d, theme), container, signal);
          return;
        }
        case 'gradflow': {
          const d = display;
          await renderFigures(item.id, (theme) => [gradflowFigure(d, theme)], container, signal);
          return;
        }
        case 'dataset': {
          const d = display;
          await renderFigures(item.id, (theme) => [datasetFigure(d, theme)], container, signal);
          return;
        }
        default:
          container.append(el('pre', 'al-error', `unknown output kind: ${String((display as { kind?: unknown } | null)?.kind)}`));
      }
    },
    disposeOutputItem(id?: string): void {
      if (id === undefined) for (const key of [...plots.keys()]) dispose(key);
      else dispose(id);
    },
  };
};

/** An element with an optional class and text (always as textContent). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function tableElement(view: TableView): HTMLElement {
  const wrapper = el('div', 'al-table');
  const table = el('table');
  if (view.caption) table.append(el('caption', undefined, view.caption));
  if (view.header.length > 0) {
    const tr = el('tr');
    if (view.rowLabels) tr.append(el('th'));
    for (const h of view.header) tr.append(el('th', undefined, h));
    const thead = el('thead');
    thead.append(tr);
    table.append(thead);
  }
  const body = el('tbody');
  view.rows.forEach((row, i) => {
    const tr = el('tr');
    if (view.rowLabels) tr.append(el('th', undefined, view.rowLabels[i]));
    for (const cell of row) tr.append(el('td', undefined, cell));
    body.append(tr);
  });
  table.append(body);
  wrapper.append(table);
  if (view.note) wrapper.append(el('div', 'al-note', view.note));
  return wrapper;
}
