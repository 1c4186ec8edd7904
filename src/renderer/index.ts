/**
 * The Activation Lab notebook renderer (contribution 'activation-lab.renderer',
 * MIME application/vnd.activation-lab.value+json): draws our DisplayValue JSON
 * in VS Code's output webview. What each kind of output shows is in
 * output-renderers.ts; its charts live in one LiveCharts registry, which
 * redraws them for a new theme or width and purges them when VS Code
 * disposes the output (or, with no id, on Clear All Outputs: every chart).
 */
import type { ActivationFunction, OutputItem, RendererContext } from 'vscode-notebook-renderer';
import type { DisplayValue, LivePlot, PlotDisplay } from '../shared/output';
import { isCodeReply, replyText, type CodeReply, type CodeRequest } from '../shared/code-messages';
import { LiveCharts } from './live-charts';
import { blockElement, chartElement, el, recolourEquations, STYLE, type CodeActions } from './output-dom';
import { rendererFor } from './output-renderers';
import { recordOf, slidersAt } from '../shared/slider-state';
import { SliderMemory } from './slider-memory';
import type { ChartImageMessage } from '../shared/chart-image';
import { chartActions, sliderCaptionIn } from './chart-actions';
import { PICTURE_THEME, type ImagePlotly } from './chart-picture';
import { hasDiagram, type DiagramDisplay } from './diagram-display';
import { sameTheme } from './theme';
import { currentTheme, onThemeChange, plotlyInPlaceOf, WEBVIEW_CHART_PAGE } from './webview-page';

export const activate: ActivationFunction = (context) => {
  const actions = codeActions(context);
  // Made when plotly first loads; until then there are no charts.
  let charts: LiveCharts<HTMLElement> | undefined;
  // where sliders were left: told to the extension (the cell's metadata), asked for on a draw
  const memory = new SliderMemory(context);
  onThemeChange(() => {
    const theme = currentTheme();
    recolourEquations(document, theme);
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
      container.append(...renderer.blocks(display).map((b) => blockElement(b, theme, actions)));
      if (hasDiagram(display)) await showNetwork(container, display, signal);
      if (signal.aborted || !container.isConnected) return;
      const build = renderer.figures;
      if (!build || build(display, currentTheme()).length === 0) return;

      const loading = el('div', 'al-loading', 'Loading plot…');
      container.append(loading);
      // a plot with sliders: the language, and where its sliders were left, while plotly loads
      const live = display.kind === 'plot' && display.live ? liveStart({ ...display, live: display.live }, item.id, memory) : undefined;
      const [plotly, started] = await Promise.all([plotlyInPlaceOf(loading, 'al-error'), live]);
      if (!plotly || signal.aborted || !container.isConnected) return;
      if (started) display = started.display;
      const shown = display;
      charts ??= new LiveCharts(plotly, WEBVIEW_CHART_PAGE);
      await charts.show(item.id, (figure) => container.appendChild(chartElement(figure)), (t) => build(shown, t), currentTheme());
      if (context.postMessage) addChartActions(container, item.id, plotly, charts, (m) => context.postMessage?.(m));
      if (!started || signal.aborted || !container.isConnected) return;
      const plot = started.display.live;
      try {
        const panel = started.module.liveSliders(document, plot, (d) => charts?.rebuild(item.id, (t) => build(d, t)), {
          settled: (values) => memory.moved(item.id, plot.plot, recordOf(plot.sliders, values)),
        });
        panel.dataset.output = item.id;
        container.insertBefore(panel, container.querySelector('.al-plot'));
      } catch (err) {
        container.append(el('pre', 'al-error', `the sliders cannot redraw this plot: ${err instanceof Error ? err.message : String(err)}`));
      }
    },
    disposeOutputItem(id?: string): void {
      charts?.dispose(id);
      memory.forget(id);
    },
  };
};

/** Save as SVG / PNG and Copy image under each of an output's charts (chart-actions.ts); the extension saves. */
function addChartActions(container: HTMLElement, id: string, plotly: ImagePlotly, charts: LiveCharts<HTMLElement>, send: (m: ChartImageMessage) => void): void {
  charts.rootsOf(id).forEach((root, i) => {
    root.after(chartActions(document, plotly, {
      figure: () => charts.figuresFor(id, PICTURE_THEME)[i],
      caption: () => sliderCaptionIn(container),
      width: () => root.clientWidth,
    }, send));
  });
}

type LiveDisplay = PlotDisplay & { readonly live: LivePlot };

/**
 * A network's diagram (network-view.ts, loaded only for outputs that have one: it brings the
 * engine), after the output's text and tables, above its charts.
 */
async function showNetwork(container: HTMLElement, display: DiagramDisplay, signal: AbortSignal): Promise<void> {
  const { networkView } = await import('./network-view');
  if (signal.aborted || !container.isConnected) return;
  try {
    container.append(networkView(document, display));
  } catch (err) {
    container.append(el('pre', 'al-error', `the network diagram cannot be drawn: ${err instanceof Error ? err.message : String(err)}`));
  }
}

/**
 * What a plot with sliders starts from: live-sliders.ts (loaded only for such plots: it brings
 * the language), and the plot at the positions its sliders were left at, when they were moved
 * (in this page, or before the notebook was saved: the cell's metadata).
 */
async function liveStart(display: LiveDisplay, id: string, memory: SliderMemory): Promise<{ module: typeof import('./live-sliders'); display: LiveDisplay }> {
  const [module, record] = await Promise.all([import('./live-sliders'), memory.recorded(id, display.live.plot)]);
  const sliders = slidersAt(display.live, record);
  if (!sliders) return { module, display };
  try {
    return { module, display: module.liveDisplay({ ...display.live, sliders }) as LiveDisplay };
  } catch {
    return { module, display }; // a position the plot cannot be drawn at: where the output has them
  }
}

/**
 * Copy and Save as… of code blocks: through the extension host (src/notebook/code-block-messages.ts),
 * which owns the clipboard, the save dialog and the file system. Without messaging (an old host),
 * Copy falls back to the page's clipboard and Save as… is not offered.
 */
function codeActions(context: RendererContext<unknown>): CodeActions {
  const post = context.postMessage?.bind(context);
  const receive = context.onDidReceiveMessage;
  if (!post || !receive) return { copy: async (text) => (await navigator.clipboard.writeText(text), 'Copied to the clipboard') };
  let next = 1;
  const waiting = new Map<number, (reply: CodeReply) => void>();
  receive((m) => {
    if (!isCodeReply(m)) return;
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  const ask = (request: CodeRequest): Promise<string> => new Promise((resolve) => {
    waiting.set(request.id, (reply) => resolve(replyText(reply)));
    post(request);
  });
  return {
    copy: (text) => ask({ type: 'copy-code', id: next++, text }),
    save: (text, suggestedName) => ask({ type: 'save-code', id: next++, text, suggestedName }),
  };
}
