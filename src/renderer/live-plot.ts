/**
 * How a slider's value is shown beside it, for the notebook renderer, the plot panel and the
 * exported page. Pure (no DOM), and free of the language, which the pages load only for plots
 * with sliders (the evaluator is language/runtime/live-plot-evaluator.ts).
 */

/** A slider's value as shown beside it: six significant digits at most, no trailing zeros. */
export function sliderValueText(v: number): string {
  return String(Number(v.toPrecision(6)));
}
