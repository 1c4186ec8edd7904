/**
 * Save as SVG, Save as PNG and Copy image under a chart, in a notebook output and in the
 * plot panel (issue 13, point 6). plotly's own download button does nothing in a webview
 * (it clicks a link to a blob the webview may not open), so it is taken off the mode bar
 * (live-charts.ts) and these ask the extension instead: the image goes to it as SVG text or
 * base64 PNG, and it shows a save dialog and writes the file (shared/chart-image.ts).
 *
 * The picture is chart-picture.ts's. Copy image puts a PNG on the clipboard where the webview
 * may; where it may not (no permission for images), the extension copies the SVG text, and the
 * line beside the buttons says so.
 */
import type { ChartImageMessage, ImageFormat } from '../shared/chart-image';
import { chartImage, type ChartImageSource, type ImagePlotly } from './chart-picture';

export const ACTIONS_STYLE = `
.al-chart-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 2px 0 8px; font-size: 12px; }
.al-chart-actions button { font: inherit; color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, #8882);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
/* high-contrast themes define no secondary button colours: the page's own text on a translucent grey, as code blocks' buttons */
.al-chart-actions button:hover { background: var(--vscode-button-secondaryHoverBackground, #8884); }
.al-chart-actions button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: 1px; }
.al-chart-actions [role="status"] { opacity: 0.8; }
`;

function base64Bytes(b64: string): Uint8Array {
  const text = atob(b64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The buttons under a chart; `send` takes the messages for the extension. */
export function chartActions(doc: Document, plotly: ImagePlotly, source: ChartImageSource, send: (m: ChartImageMessage) => void): HTMLElement {
  const bar = doc.createElement('div');
  bar.className = 'al-chart-actions';
  const style = doc.createElement('style');
  style.textContent = ACTIONS_STYLE;
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  const say = (text: string) => {
    status.textContent = text;
  };
  const button = (label: string, action: string, run: () => Promise<void>) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.action = action;
    b.addEventListener('click', () => {
      say('');
      run().catch((err: unknown) => say(`could not make the picture: ${err instanceof Error ? err.message : String(err)}`));
    });
    return b;
  };
  const save = (format: ImageFormat) => async () => {
    const image = await chartImage(plotly, source, format);
    if (image) send({ type: 'save-image', format, data: image.data, name: image.name });
  };
  const copy = async () => {
    const png = await chartImage(plotly, source, 'png');
    if (!png) return;
    try {
      const view = doc.defaultView as (Window & { ClipboardItem?: typeof ClipboardItem }) | null;
      if (!view?.ClipboardItem || !view.navigator.clipboard?.write) throw new Error('no image clipboard here');
      const blob = new Blob([base64Bytes(png.data) as BlobPart], { type: 'image/png' });
      await view.navigator.clipboard.write([new view.ClipboardItem({ 'image/png': blob })]);
      say('Copied the chart as an image.');
    } catch {
      const svg = await chartImage(plotly, source, 'svg');
      if (!svg) return;
      send({ type: 'copy-svg', svg: svg.data });
      say('This view may not put images on the clipboard: copied the chart as SVG text instead.');
    }
  };
  bar.append(style, button('Save as SVG', 'save-svg', save('svg')), button('Save as PNG', 'save-png', save('png')), button('Copy image', 'copy', copy), status);
  return bar;
}

/** Where the sliders under `root` stand, as a picture's caption: `alpha = 0.37, beta = 2`; undefined without sliders. */
export function sliderCaptionIn(root: ParentNode): string | undefined {
  const parts = Array.from(root.querySelectorAll<HTMLInputElement>('.al-sliders input[data-parameter]')).map((input) =>
    `${input.dataset.parameter} = ${input.parentElement?.querySelector('output')?.textContent ?? input.value}`);
  return parts.length ? parts.join(', ') : undefined;
}
