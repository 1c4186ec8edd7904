/**
 * A cell's display as the items of a notebook output, in order of preference:
 * our JSON (drawn by our renderer), a static SVG picture for plots and training
 * runs (GitHub, exports, anything without our renderer), and plain text, made
 * from the exact display.
 * Presentation, so it lives here and not in the language: the kernel and the
 * CLI's `run --inplace` call it with what a cell returned.
 */
import { displayText } from './display-text';
import { gradflowToSvg, trainingToSvg } from './network-svg';
import { ERROR_MIME, TEXT_MIME, VALUE_MIME, type DisplayValue, type OutputItem } from './output';
import { shareGrid } from './plot-grid';
import { roundSamples } from './sample-precision';
import { plotToSvg, SVG_MIME } from './svg-plot';

/** The output items of a cell: our rich JSON plus plain text; errors as VS Code error items. */
export function outputItems(display: DisplayValue): OutputItem[] {
  if (display.kind === 'none') return [];
  if (display.kind === 'error') {
    return [
      { mime: ERROR_MIME, data: { name: 'Error', message: displayText(display) } },
      { mime: VALUE_MIME, data: display },
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
    // this item is what the notebook saves, and a plot is thousands of numbers:
    // its samples at the precision a chart shows, a shared grid once
    { mime: VALUE_MIME, data: roundSamples(shareGrid(display)) },
    ...picture,
    { mime: TEXT_MIME, data: displayText(display) },
  ];
}
