/**
 * A cell's display as the items of a notebook output, in order of preference:
 * our JSON (drawn by our renderer), then plain text, made from the exact display.
 * No static picture: our renderer draws from the JSON, and a notebook that should
 * show plots without it gets its SVGs when it is saved (static-image.ts).
 * Presentation, so it lives here and not in the language: the kernel and the
 * CLI's `run --inplace` call it with what a cell returned.
 */
import { displayText } from './display-text';
import { errorHeading } from './error-heading';
import { ERROR_MIME, TEXT_MIME, VALUE_MIME, type DisplayValue, type OutputItem } from './output';
import { shareGrid } from './plot-grid';
import { roundSamples } from './sample-precision';
import { summarised } from './summary';

/**
 * A cell's outputs, each a list of items: none, one, or for an error that kept
 * a display (an interrupted training run) that display's output and then the
 * error's, so the charts stay above the line that says what stopped.
 */
export function cellOutputItems(display: DisplayValue): OutputItem[][] {
  if (display.kind === 'error' && display.kept) return [outputItems(display.kept), outputItems(display)];
  if (display.kind === 'check' && display.shown) {
    // the cell's value is an output of its own above the checks, drawn as any value is
    const { shown, ...checks } = display;
    return [outputItems(shown), outputItems(checks)];
  }
  const items = outputItems(display);
  return items.length > 0 ? [items] : [];
}

/**
 * The display back from a cell's outputs, each given as the value of its JSON item (undefined
 * for an output without one): the inverse of cellOutputItems, for what reads a notebook's
 * current outputs without running it (Export Notebook as HTML). Undefined when none is ours.
 */
export function displayOfOutputs(values: readonly (DisplayValue | undefined)[]): DisplayValue | undefined {
  const ours = values.filter((v): v is DisplayValue => v !== undefined && typeof v === 'object' && typeof v.kind === 'string');
  const [first, second] = ours;
  if (first === undefined) return undefined;
  if (second === undefined) return first;
  if (second.kind === 'error' && first.kind === 'training') return { ...second, kept: first };
  if (second.kind === 'check' && first.kind !== 'check' && first.kind !== 'none' && first.kind !== 'error') return { ...second, shown: first };
  return second;
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
  return [
    // this item is what the notebook saves, and a plot is thousands of numbers:
    // its samples at the precision a chart shows, a shared grid once; a large tensor or table as much as is shown
    { mime: VALUE_MIME, data: roundSamples(shareGrid(summarised(display))) },
    { mime: TEXT_MIME, data: displayText(display) },
  ];
}
