/**
 * The charts on a page that are still alive, by output id, and the one way
 * they are drawn: Plotly.react with the figures built for the current theme,
 * at the element's current width and the figure's own height. The first
 * draw, a theme change and a new width all go through draw(); nothing else
 * (no relayout, restyle or Plots.resize) touches a chart.
 *
 * Why every layout carries a width: without one, plotly sizes the chart
 * itself, and its resize (Plots.resize, which its `responsive` config also
 * runs on every size change) drops the layout's height and takes the
 * element's. The elements had a min-height of 360 px, so a 288 px network
 * figure grew to 360 px, and the next Plotly.react (a theme change) drew it at
 * 288 px again inside the 360 px box: a blank band, the legend beside the
 * x-axis title. Now the element has no height of its own, every draw says
 * both sizes, and plotly never sizes anything.
 *
 * Pure: plotly and the page (element widths, size changes) are passed in, so
 * it runs in unit tests with fakes.
 */
import type { FigureLayout, PlotFigure } from './figure-style';
import { sameTheme, type Theme } from './theme';

/** The part of plotly used here. */
export interface ChartPlotly<E> {
  react(root: E, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
  purge(root: E): void;
}

/** The page the charts live in. */
export interface ChartPage<E> {
  /** The width a chart's element gives it (px); 0 when it is not laid out (hidden). */
  widthOf(root: E): number;
  /** Calls `changed` whenever the element's size changes; returns what stops that. */
  watchSize(root: E, changed: () => void): () => void;
  /** Told each figure as it is drawn into its element (to say what it shows, aria-label); optional. */
  drawing?(root: E, figure: PlotFigure<object>): void;
}

type Build = (theme: Theme) => PlotFigure<object>[];

interface ChartSet<E> {
  readonly id: string;
  readonly roots: readonly E[];
  build: Build;
  theme: Theme;
  /** Built for `theme`, one per root. */
  figures: PlotFigure<object>[];
  /** The width each root was last drawn at. */
  readonly widths: number[];
  readonly stopWatching: (() => void)[];
}

/** The layout for one draw: the figure's, at `width` (plotly's own width when the element has none yet). */
export function sizedLayout(layout: FigureLayout, width: number): FigureLayout {
  return width > 0 ? { ...layout, width } : layout;
}

export class LiveCharts<E> {
  private readonly sets = new Map<string, ChartSet<E>>();

  constructor(private readonly plotly: ChartPlotly<E>, private readonly page: ChartPage<E>) {}

  /** The ids of the outputs with live charts. */
  get ids(): string[] {
    return [...this.sets.keys()];
  }

  /**
   * Draws an output's charts, replacing the ones it had: one element per figure
   * from `mount`, redrawn from then on for each new theme and width.
   * @param figures `build(theme)` when the caller has built it already
   */
  async show(id: string, mount: (figure: PlotFigure<object>) => E, build: Build, theme: Theme, figures = build(theme)): Promise<void> {
    this.dispose(id);
    const set: ChartSet<E> = { id, roots: figures.map(mount), build, theme, figures, widths: figures.map(() => 0), stopWatching: [] };
    this.sets.set(id, set);
    const drawn = set.roots.map((_, i) => this.draw(set, i));
    set.roots.forEach((root, i) => set.stopWatching.push(this.page.watchSize(root, () => this.resized(set, i))));
    await Promise.all(drawn);
  }

  /** Redraws every chart that was drawn for another theme. */
  async retheme(theme: Theme): Promise<void> {
    const redrawn: Promise<unknown>[] = [];
    for (const set of this.sets.values()) {
      if (sameTheme(set.theme, theme)) continue;
      set.theme = theme;
      set.figures = set.build(theme);
      redrawn.push(...set.roots.map((_, i) => this.draw(set, i)));
    }
    await Promise.all(redrawn);
  }

  /**
   * Redraws an output's charts from new figures (a slider moved: the same charts, new data),
   * with Plotly.react into the same elements; `build` is kept for later themes and widths.
   * Nothing happens for an output that is gone or that drew another number of charts.
   */
  async rebuild(id: string, build: Build): Promise<void> {
    const set = this.sets.get(id);
    if (!set) return;
    const figures = build(set.theme);
    if (figures.length !== set.roots.length) return;
    set.build = build;
    set.figures = figures;
    await Promise.all(set.roots.map((_, i) => this.draw(set, i)));
  }

  /** An output's figures built for `theme` (a saved picture is drawn for the light one); none for an output that is gone. */
  figuresFor(id: string, theme: Theme): PlotFigure<object>[] {
    return this.sets.get(id)?.build(theme) ?? [];
  }

  /** The elements an output's charts are drawn in. */
  rootsOf(id: string): readonly E[] {
    return this.sets.get(id)?.roots ?? [];
  }

  /** Purges the charts of one output, or of every output (VS Code's Clear All Outputs passes no id). */
  dispose(id?: string): void {
    for (const key of id === undefined ? this.ids : [id]) {
      const set = this.sets.get(key);
      if (!set) continue;
      this.sets.delete(key);
      for (const stop of set.stopWatching) stop();
      for (const root of set.roots) this.plotly.purge(root);
    }
  }

  /** Only a new width redraws: a chart's height is its figure's, and drawing it changes the element's. */
  private resized(set: ChartSet<E>, i: number): void {
    if (this.sets.get(set.id) !== set) return; // disposed, or replaced by a newer draw of the output
    if (Math.abs(this.page.widthOf(set.roots[i]) - set.widths[i]) < 1) return;
    void this.draw(set, i);
  }

  private draw(set: ChartSet<E>, i: number): Promise<unknown> {
    const figure = set.figures[i];
    const width = this.page.widthOf(set.roots[i]);
    set.widths[i] = width;
    this.page.drawing?.(set.roots[i], figure);
    // responsive off: plotly's own resize observer would be a second way of sizing the chart.
    // plotly's download button does nothing in a webview: the chart's own Save buttons replace it (chart-actions.ts)
    return this.plotly.react(set.roots[i], figure.data, sizedLayout(figure.layout, width), { ...figure.config, responsive: false, modeBarButtonsToRemove: ['toImage'] });
  }
}
