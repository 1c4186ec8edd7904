/**
 * plotly.js, loaded on first use. esbuild (splitting: true) puts the 4.8 MB
 * plotly bundle in a chunk of its own next to dist/renderer.js; the dynamic
 * import below fetches it, relative to the renderer module's URL, only when
 * the first plot is drawn. Nothing comes from the network.
 */

/** The part of plotly's API we use: every draw is Plotly.react (see live-charts.ts). */
export interface PlotlyApi {
  react(root: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<HTMLElement>;
  purge(root: HTMLElement): void;
  /** A picture of a figure as a data: URL (chart-actions.ts). */
  toImage(figure: { data: unknown[]; layout: unknown; config?: unknown }, options: { format: 'svg' | 'png'; width: number; height: number; scale?: number }): Promise<string>;
}

let loading: Promise<PlotlyApi> | undefined;

export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-dist-min').then(
    (module) => ((module as { default?: unknown }).default ?? module) as PlotlyApi,
    (err: unknown) => {
      loading = undefined; // let the next plot try again
      throw err;
    },
  );
  return loading;
}
