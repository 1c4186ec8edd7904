/**
 * A plot with sliders (shared/output.ts LivePlot) evaluated for given slider values, in a
 * session of its own: the renderer redraws with it as a slider moves (no kernel, no fused
 * loop compiled: the pages' CSP forbids `new Function`), and the kernel and the CLI start a
 * re-run plot from the positions kept in its cell's metadata (shared/slider-state.ts).
 */
import type { LivePlot, PlotDisplay } from '../../shared/output';
import { Session } from './session';

export class LivePlotEvaluator {
  private readonly session: Session;

  /** @param compileLoops false where `new Function` is forbidden (webviews, exported pages). */
  constructor(readonly live: LivePlot, compileLoops = false) {
    this.session = new Session({ compileLoops });
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
