/**
 * A cell's display as the items of a notebook output, in order of preference:
 * our JSON (drawn by our renderer), then plain text, made from the exact display.
 * No static picture: our renderer draws from the JSON, and a notebook that should
 * show plots without it gets its SVGs when it is saved (static-image.ts).
 * Presentation, so it lives here and not in the language: the kernel and the
 * CLI's `run --inplace` call it with what a cell returned.
 */
import { displayText } from './display-text';
import { ERROR_MIME, TEXT_MIME, VALUE_MIME, type DisplayValue, type OutputItem } from './output';
import { shareGrid } from './plot-grid';
import { roundSamples } from './sample-precision';

/** The output items of a cell: our rich JSON plus plain text; errors as VS Code error items. */
export function outputItems(display: DisplayValue): OutputItem[] {
  if (display.kind === 'none') return [];
  if (display.kind === 'error') {
    return [
      { mime: ERROR_MIME, data: { name: 'Error', message: displayText(display) } },
      { mime: VALUE_MIME, data: display },
    ];
  }
  return [
    // this item is what the notebook saves, and a plot is thousands of numbers:
    // its samples at the precision a chart shows, a shared grid once
    { mime: VALUE_MIME, data: roundSamples(shareGrid(display)) },
    { mime: TEXT_MIME, data: displayText(display) },
  ];
}
