/**
 * The DOM side of our webviews (the notebook output webview and the plot
 * panel): the theme VS Code gives the page, element sizes for LiveCharts,
 * and plotly, loaded in place of a placeholder.
 */
import { chartLabel } from './chart-label';
import type { ChartPage } from './live-charts';
import { loadPlotly, type PlotlyApi } from './plotly';
import { readTheme, type Theme } from './theme';

export function currentTheme(): Theme {
  const style = getComputedStyle(document.body);
  return readTheme((name) => style.getPropertyValue(name), Array.from(document.body.classList));
}

/** Calls `changed` when VS Code switches the theme: it swaps vscode-light / vscode-dark / ... on <body>. */
export function onThemeChange(changed: () => void): void {
  new MutationObserver(changed).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** Chart elements are `width: 100%` blocks: clientWidth is the width their container gives them. */
export const WEBVIEW_CHART_PAGE: ChartPage<HTMLElement> = {
  widthOf: (root) => root.clientWidth,
  watchSize(root, changed) {
    const observer = new ResizeObserver(changed);
    observer.observe(root);
    return () => observer.disconnect();
  },
  drawing(root, figure) {
    // what the chart shows, over which range, for screen readers (kept current as sliders move)
    root.setAttribute('role', 'figure');
    root.setAttribute('aria-label', chartLabel(figure));
  },
};

/** plotly, removing `placeholder` (a loading note); when it cannot load, the placeholder becomes the reason. */
export async function plotlyInPlaceOf(placeholder: HTMLElement, errorClass: string): Promise<PlotlyApi | undefined> {
  try {
    const plotly = await loadPlotly();
    placeholder.remove();
    return plotly;
  } catch (err) {
    const message = document.createElement('pre');
    message.className = errorClass;
    message.textContent = `could not load the plotting library: ${String(err)}`;
    placeholder.replaceWith(message);
    return undefined;
  }
}
