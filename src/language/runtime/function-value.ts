/**
 * What every function value offers the evaluator, whatever it is underneath
 * (a catalogue activation, a user-defined function, a math builtin, a derivative
 * of any of these). Functions of one variable apply elementwise to tensors.
 */
import type { ParameterValues, PlotRange } from '../../engine';
import type { Value } from './values';
import type { CallSite } from './call-site';

export interface FunctionValue {
  /** As the user would write it: `relu`, `f'`, `leaky_relu(alpha=0.2)`. */
  readonly label: string;
  /**
   * How many times it was differentiated: 0 for a function, 1 for `f'`, 2 for `f''`.
   * plot() adds a derivative trace only for order 0, so `plot(sigmoid', tanh')` draws what it names.
   */
  readonly order: number;
  /** Call with evaluated arguments; named arguments keep their spelling. */
  call(args: readonly Value[], named: ReadonlyMap<string, Value>, site: CallSite): Value;
  /** The derivative with respect to the first argument, as a function value. */
  derivative(site: CallSite): FunctionValue;
  /** The name alone, without parameters or primes: `leaky_relu`, `f`. */
  readonly name: string;
  /** Formula text of f, with x as the variable (and parameter values written in). */
  formula(): string;
  /** The same formula as LaTeX, for typesetting; undefined when there is none. */
  latex(): string | undefined;
  /** Where the derivative jumps, for plots. */
  kinks(): readonly number[];
  /**
   * The x range that shows its character when a plot is given none (engine/activations/plot-range.ts);
   * absent: DEFAULT_PLOT_RANGE, -5 to 5.
   */
  plotRange?(): PlotRange;
}

export type { ParameterValues };
