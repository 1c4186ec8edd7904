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
import { sameTheme } from './theme';
import { currentTheme, onThemeChange, plotlyInPlaceOf, WEBVIEW_CHART_PAGE } from './webview-page';

export const activate: ActivationFunction = (context) => {
  const actions = codeActions(context);
  // Made when plotly first loads; until then there are no charts.
  let charts: LiveCharts<HTMLElement> | undefined;
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
      if (display.kind === 'plot' && display.live) await showSliders(container, item.id, display.live, (d) => charts?.rebuild(item.id, (t) => build(d, t)), signal);
    },
    disposeOutputItem(id?: string): void {
      charts?.dispose(id);
    },
  };
};

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
