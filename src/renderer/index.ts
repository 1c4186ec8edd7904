/**
 * The Activation Lab notebook renderer (contribution 'activation-lab.renderer',
 * MIME application/vnd.activation-lab.value+json): draws our DisplayValue JSON
 * in VS Code's output webview. What each kind of output shows is in
 * output-renderers.ts; its charts live in one LiveCharts registry, which
 * redraws them for a new theme or width and purges them when VS Code
 * disposes the output (or, with no id, on Clear All Outputs: every chart).
 */
import type { ActivationFunction, OutputItem } from 'vscode-notebook-renderer';
import type { DisplayValue, JsonNumber, LivePlot, PlotDisplay } from '../shared/output';
import { LiveCharts } from './live-charts';
import { blockElement, chartElement, el, recolourEquations, STYLE } from './output-dom';
import { rendererFor } from './output-renderers';
import { hasDiagram, type DiagramDisplay } from './diagram-display';
import { sameTheme } from './theme';
import { currentTheme, onThemeChange, plotlyInPlaceOf, WEBVIEW_CHART_PAGE } from './webview-page';

export const activate: ActivationFunction = () => {
  // Made when plotly first loads; until then there are no charts.
  let charts: LiveCharts<HTMLElement> | undefined;
  onThemeChange(() => {
    const theme = currentTheme();
    recolourEquations(document, theme.foreground);
    void charts?.retheme(theme);
  });

  return {
    async renderOutputItem(item: OutputItem, element: HTMLElement, signal: AbortSignal): Promise<void> {
      charts?.dispose(item.id);
      const container = el('div', 'al-output');
      element.replaceChildren(el('style', undefined, STYLE), container);
      let display: DisplayValue;
      try {
        display = item.json() as DisplayValue;
      } catch (err) {
        container.append(el('pre', 'al-error', `unreadable output: ${String(err)}`));
        return;
      }
      const renderer = rendererFor(display);
      if (!renderer) {
        container.append(el('pre', 'al-error', `unknown output kind: ${String((display as { kind?: unknown } | null)?.kind)}`));
        return;
      }
      const theme = currentTheme();
      container.append(...renderer.blocks(display).map((b) => blockElement(b, theme.foreground)));
      // the epoch scrubber's weights, for the boundary once the charts are drawn
      let replay: ((weights: ArrayLike<JsonNumber> | undefined) => void) | undefined;
      if (hasDiagram(display)) await showNetwork(container, display, signal, (weights) => replay?.(weights));
      if (signal.aborted || !container.isConnected) return;
      const build = renderer.figures;
      const figures = build?.(display, theme) ?? [];
      if (!build || figures.length === 0) return;

      const loading = el('div', 'al-loading', 'Loading plot…');
      container.append(loading);
      const plotly = await plotlyInPlaceOf(loading, 'al-error');
      if (!plotly || signal.aborted || !container.isConnected) return;
      charts ??= new LiveCharts(plotly, WEBVIEW_CHART_PAGE);
      // The theme may have changed while plotly loaded: build for the one the page has now.
      const now = currentTheme();
      await charts.show(item.id, (figure) => container.appendChild(chartElement(figure)), (t) => build(display, t), now,
        sameTheme(now, theme) ? figures : undefined);
      if (display.kind === 'training' && display.snapshots) {
        const { replayedBoundary } = await import('./replay-boundary');
        replay = (weights) => void charts?.rebuild(item.id, (t) => build(weights ? replayedBoundary(display, weights) : display, t));
      }
      if (display.kind === 'plot' && display.live) await showSliders(container, item.id, display.live, (d) => charts?.rebuild(item.id, (t) => build(d, t)), signal);
    },
    disposeOutputItem(id?: string): void {
      charts?.dispose(id);
    },
  };
};

/**
 * A network's diagram (network-view.ts, loaded only for outputs that have one: it brings the
 * engine), after the output's text and tables, above its charts.
 */
async function showNetwork(container: HTMLElement, display: DiagramDisplay, signal: AbortSignal, replay: (weights: ArrayLike<JsonNumber> | undefined) => void): Promise<void> {
  const { networkView } = await import('./network-view');
  if (signal.aborted || !container.isConnected) return;
  try {
    container.append(networkView(document, display, replay));
  } catch (err) {
    container.append(el('pre', 'al-error', `the network diagram cannot be drawn: ${err instanceof Error ? err.message : String(err)}`));
  }
}

/**
 * A plot's sliders above its chart, redrawing it in this page (live-sliders.ts, loaded only
 * for plots that have sliders: it brings the language).
 */
async function showSliders(container: HTMLElement, id: string, live: LivePlot, redraw: (d: PlotDisplay) => unknown, signal: AbortSignal): Promise<void> {
  const { liveSliders } = await import('./live-sliders');
  if (signal.aborted || !container.isConnected) return;
  try {
    const panel = liveSliders(document, live, redraw);
    panel.dataset.output = id;
    container.insertBefore(panel, container.querySelector('.al-plot'));
  } catch (err) {
    container.append(el('pre', 'al-error', `the sliders cannot redraw this plot: ${err instanceof Error ? err.message : String(err)}`));
  }
}
