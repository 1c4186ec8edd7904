/**
 * A plot with sliders, redrawn in the page that shows it: the language (bundled with the
 * renderer) runs the plot's source (shared/output.ts LivePlot) for each slider position.
 * No kernel: it works while the notebook's kernel is busy, after a restart, and in an
 * exported page. No fused loop is compiled (`new Function`), which the pages' CSP forbids.
 *
 * Pure (no DOM): unit-tested, and shared by the notebook renderer and the exported page.
 */
import { Session } from '../language';
import type { LivePlot, PlotDisplay } from '../shared/output';

export class LivePlotEvaluator {
  private readonly session = new Session({ compileLoops: false });

  constructor(readonly live: LivePlot) {
    const defined = this.session.run(live.definitions).display;
    if (defined.kind === 'error') throw new Error(`the plot's definitions do not run here: ${defined.message}`);
  }

  /** The sliders' starting values. */
  get startValues(): number[] {
    return this.live.sliders.map((s) => s.value);
  }

  /** The plot with the sliders at `values` (in the order of live.sliders); throws the language's message when it fails. */
  displayAt(values: readonly number[]): PlotDisplay {
    const assignments = this.live.sliders.map((s, i) => `${s.variable} = ${numberText(values[i] ?? s.value)}`);
    const { display } = this.session.run(`${assignments.join('\n')}\n${this.live.plot}`);
    if (display.kind === 'plot') return display;
    throw new Error(display.kind === 'error' ? display.message : `the plot's source gave ${display.kind}`);
  }
}

/** A slider's value as source: finite by construction (an input's value), written to read back exactly. */
function numberText(v: number): string {
  return Number.isFinite(v) ? String(v) : '0';
}

/** A slider's value as shown beside it: six significant digits at most, no trailing zeros. */
export function sliderValueText(v: number): string {
  return String(Number(v.toPrecision(6)));
}
