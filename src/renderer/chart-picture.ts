/**
 * A chart's picture for Save as SVG / PNG and Copy image (chart-actions.ts has the buttons):
 * drawn afresh with plotly's toImage from the figure built for the light theme (an image for a
 * document or slides, whatever the editor's theme), opaque white, with the sliders' current
 * values as its title. Pure (plotly passed in, no DOM): unit-tested.
 */
import type { ImageFormat } from '../shared/chart-image';
import { imageFileName } from '../shared/chart-image';
import { unescapePlotText } from './chart-label';
import { captionedLayout, type PlotFigure } from './figure-style';
import { readTheme } from './theme';

/** Saved pictures are drawn in the light theme, as exported pages are. */
export const PICTURE_THEME = readTheme(() => '', ['vscode-light']);

/** The part of plotly that makes pictures. */
export interface ImagePlotly {
  toImage(figure: { data: unknown[]; layout: unknown; config?: unknown }, options: { format: ImageFormat; width: number; height: number; scale?: number }): Promise<string>;
}

export interface ChartImageSource {
  /** The figure to picture (built for the light theme); undefined when the chart is gone. */
  figure(): PlotFigure<object> | undefined;
  /** Where its sliders stand (`alpha = 0.37`), when it has any. */
  caption(): string | undefined;
  /** The width it is drawn at, px. */
  width(): number;
}

/** The picture of `source` as SVG text or a base64 PNG (plotly gives data: URLs). */
export async function chartImage(plotly: ImagePlotly, source: ChartImageSource, format: ImageFormat): Promise<{ data: string; name: string } | undefined> {
  const figure = source.figure();
  if (!figure) return undefined;
  const caption = source.caption();
  const layout = caption ? captionedLayout(figure.layout, caption) : figure.layout;
  // the background white in the picture (the charts are transparent on the editor's background)
  const opaque = { ...layout, paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff' };
  const width = Math.max(320, Math.round(source.width()) || 700);
  const url = await plotly.toImage({ data: figure.data, layout: opaque }, { format, width, height: layout.height, ...(format === 'png' ? { scale: 2 } : {}) });
  const comma = url.indexOf(',');
  const body = url.slice(comma + 1);
  const data = format === 'png' ? body : url.slice(0, comma).endsWith(';base64') ? atob(body) : decodeURIComponent(body);
  const first = (figure.data[0] as { name?: unknown } | undefined)?.name;
  return { data, name: imageFileName(typeof first === 'string' ? unescapePlotText(first) : figure.name) };
}
