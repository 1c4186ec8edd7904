/**
 * A re-run plot starts where its sliders were left (shared/slider-state.ts): the kernel's
 * worker and the CLI's `run` hand the cell's display and the record kept in its metadata
 * here, and get the plot drawn at those positions, its sliders standing there.
 */
import { LivePlotEvaluator } from '../../language';
import type { DisplayValue } from '../../shared/output';
import { slidersAt, type SliderRecord } from '../../shared/slider-state';

/** The display with its plot's sliders at `record`; unchanged when the record moves none (or it is not such a plot). */
export function atRecordedSliders(display: DisplayValue, record: SliderRecord | undefined): DisplayValue {
  if (!record || display.kind !== 'plot' || !display.live) return display;
  const sliders = slidersAt(display.live, record);
  if (!sliders) return display;
  try {
    const moved = new LivePlotEvaluator(display.live, true).displayAt(sliders.map((s) => s.value));
    return { ...moved, live: { ...display.live, sliders } };
  } catch {
    // a position the plot cannot be drawn at (parameters that now contradict each other): the source's start
    return display;
  }
}
