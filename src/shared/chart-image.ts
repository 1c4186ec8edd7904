/**
 * Taking a chart with you (issue 13, point 6): what a webview (a notebook output, the plot
 * panel) sends the extension to save a chart as SVG or PNG, or to put its SVG on the
 * clipboard when the webview may not. Plain JSON: the image travels as SVG text or base64 PNG.
 */
export type ImageFormat = 'svg' | 'png';

/** Webview -> extension: save this image (the extension asks where, with a save dialog). */
export interface SaveImageMessage {
  readonly type: 'save-image';
  readonly format: ImageFormat;
  /** SVG text, or a PNG as base64. */
  readonly data: string;
  /** A file name to offer, without extension: `leaky_relu-alpha-0.37`. */
  readonly name: string;
}

/** Webview -> extension: the webview could not put an image on the clipboard; copy this SVG text instead. */
export interface CopySvgMessage {
  readonly type: 'copy-svg';
  readonly svg: string;
}

export type ChartImageMessage = SaveImageMessage | CopySvgMessage;

export function isChartImageMessage(m: unknown): m is ChartImageMessage {
  const x = m as { type?: unknown; format?: unknown; data?: unknown; name?: unknown; svg?: unknown } | null;
  if (x?.type === 'save-image') return (x.format === 'svg' || x.format === 'png') && typeof x.data === 'string' && typeof x.name === 'string';
  return x?.type === 'copy-svg' && typeof x.svg === 'string';
}

/** A file name from a chart's label: letters, digits, `.`, `_`, `-`; at most 80 characters; `chart` when nothing is left. */
export function imageFileName(label: string): string {
  const name = label
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return name || 'chart';
}

/** The sliders' values as a caption for a saved image: `alpha = 0.37, elu.alpha = 1`. */
export function sliderCaption(sliders: readonly { readonly name: string; readonly value: number }[], format: (v: number) => string): string {
  return sliders.map((s) => `${s.name} = ${format(s.value)}`).join(', ');
}
