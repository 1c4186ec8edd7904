/**
 * The sliders of a plot (shared/output.ts PlotSlider) as DOM: one labelled
 * `<input type="range" data-parameter="NAME">` each, its value shown beside it in an
 * <output>, operable by keyboard as every range input is. Moves are coalesced to one
 * redraw per animation frame; the notebook renderer and the exported page both use it.
 */
import type { PlotSlider } from '../shared/output';
import { sliderValueText } from './live-plot';

export const SLIDER_STYLE = `
.al-sliders { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 4px 0; font-size: 13px; }
.al-slider { display: inline-flex; align-items: center; gap: 8px; }
.al-slider-name { font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); }
.al-slider input { width: 180px; }
.al-slider output { font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); min-width: 5ch; }
.al-slider-error { color: var(--vscode-errorForeground, #82071e); font-size: 13px; }
`;

/**
 * The sliders in one element, calling `moved` with every slider's value (in their order)
 * at most once per animation frame while they move.
 */
export function sliderPanel(doc: Document, sliders: readonly PlotSlider[], moved: (values: number[]) => void): HTMLElement {
  const panel = doc.createElement('div');
  panel.className = 'al-sliders';
  const style = doc.createElement('style');
  style.textContent = SLIDER_STYLE;
  panel.append(style);
  const inputs: HTMLInputElement[] = [];
  // the start exactly as the kernel drew it, until a slider moves (an input snaps its value to min + k*step)
  const values = sliders.map((s) => s.value);
  let frame: number | undefined;
  const flush = () => {
    frame = undefined;
    moved([...values]);
  };
  // every name as wide as the longest (a monospace font: ch is one letter), so that the tracks
  // line up when the sliders wrap onto rows of their own, as in a narrow panel
  const nameWidth = `${Math.max(0, ...sliders.map((s) => s.name.length))}ch`;
  sliders.forEach((s, i) => {
    const label = doc.createElement('label');
    label.className = 'al-slider';
    const name = doc.createElement('span');
    name.className = 'al-slider-name';
    name.textContent = s.name;
    name.style.minWidth = nameWidth;
    const input = doc.createElement('input');
    input.type = 'range';
    input.dataset.parameter = s.name;
    input.min = String(s.min);
    input.max = String(s.max);
    input.step = String(s.step);
    input.value = String(s.value);
    const output = doc.createElement('output');
    output.textContent = sliderValueText(s.value);
    input.addEventListener('input', () => {
      values[i] = input.valueAsNumber;
      output.textContent = sliderValueText(values[i]!);
      frame ??= (doc.defaultView ?? window).requestAnimationFrame(flush);
    });
    label.append(name, input, output);
    inputs.push(input);
    panel.append(label);
  });
  return panel;
}

/** Shows (or clears, with undefined) the reason the last position could not be drawn, below the sliders. */
export function showSliderError(panel: HTMLElement, message: string | undefined): void {
  let note = panel.querySelector<HTMLElement>('.al-slider-error');
  if (message === undefined) {
    note?.remove();
    return;
  }
  if (!note) {
    note = panel.ownerDocument.createElement('div');
    note.className = 'al-slider-error';
    panel.append(note);
  }
  note.textContent = message;
}
