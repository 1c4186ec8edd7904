/**
 * A cell's display as the items of a notebook output, in order of preference:
 * our JSON (drawn by our renderer), a static SVG picture for plots and training
 * runs (GitHub, exports, anything without our renderer), and plain text.
 * Presentation, so it lives here and not in the language: the kernel and the
 * CLI's `run --inplace` call it with what a cell returned.
 */
import { displayText } from './display-text';
import { errorHeading } from './error-heading';
import { gradflowToSvg, trainingToSvg } from './network-svg';
import { ERROR_MIME, TEXT_MIME, VALUE_MIME, type DisplayValue, type OutputItem } from './output';
import { plotToSvg, SVG_MIME } from './svg-plot';

/**
 * A cell's outputs, each a list of items: none, one, or for an error that kept
 * a display (an interrupted training run) that display's output and then the
 * error's, so the charts stay above the line that says what stopped.
 */
export function cellOutputItems(display: DisplayValue): OutputItem[][] {
  if (display.kind === 'error' && display.kept) return [outputItems(display.kept), outputItems(display)];
  const items = outputItems(display);
  return items.length > 0 ? [items] : [];
}

/** The items of one output: our rich JSON plus plain text; errors as VS Code error items. */
export function outputItems(display: DisplayValue): OutputItem[] {
  if (display.kind === 'none') return [];
  if (display.kind === 'error') {
    // the kept display is an output of its own (cellOutputItems), not repeated inside the error's
    const { kept, ...error } = display;
    return [
      { mime: ERROR_MIME, data: { ...errorHeading(error) } },
      { mime: VALUE_MIME, data: error },
    ];
  }
  // Plots also carry a static SVG, so they stay visible where our renderer is absent
  // (GitHub, exports); item order is preference order: our renderer, then the picture, then text.
  const svg = display.kind === 'function' || display.kind === 'plot' ? plotToSvg(display)
    // a running training's interim displays skip it: the result that replaces them has it
    : display.kind === 'training' ? (display.status === 'running' ? undefined : trainingToSvg(display))
      : display.kind === 'gradflow' ? gradflowToSvg(display) : undefined;
  const picture = svg !== undefined ? [{ mime: SVG_MIME, data: svg }] : [];
  return [
    { mime: VALUE_MIME, data: display },
    ...picture,
    { mime: TEXT_MIME, data: displayText(display) },
  ];
}
