/**
 * The JSON that a cell's result becomes: what the notebook kernel stores as
 * output items, what the renderer draws, and what `activation-lab eval --json`
 * prints. Plain data only (no classes), so it crosses the extension host /
 * webview boundary and lands in .actnb files unchanged.
 *
 * Numbers that JSON cannot hold (NaN, ±Infinity) are written as the strings
 * "NaN", "Infinity", "-Infinity" (LANGUAGE.md); `null` is never used.
 */

/** Our rich output; the renderer registers for it. */
export const VALUE_MIME = 'application/vnd.activation-lab.value+json';
/** VS Code's own error output type, so errors look like every other notebook's. */
export const ERROR_MIME = 'application/vnd.code.notebook.error';
export const TEXT_MIME = 'text/plain';

export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** A function sampled for plotting: f and f' on the same grid. */
export interface SampledCurve {
  readonly x: JsonNumber[];
  readonly y: JsonNumber[];
  readonly dy: JsonNumber[];
}

export interface NumberDisplay {
  readonly kind: 'number';
  readonly value: JsonNumber;
}
export interface TensorDisplay {
  readonly kind: 'tensor';
  readonly dtype: 'float32' | 'float64';
  readonly shape: number[];
  /** Row-major elements; for a summarised tensor only those at `summary`'s rows and columns. */
  readonly data: JsonNumber[];
  /**
   * Present when the tensor is too large to carry whole in a notebook output (past 1,000
   * elements, as NumPy prints): the indices kept along the rows and the columns (a vector
   * is one row, [0]), -1 where items were left out. `shape` stays the tensor's own.
   */
  readonly summary?: { readonly rows: number[]; readonly cols: number[] };
}
export interface StringDisplay {
  readonly kind: 'string';
  readonly value: string;
  /**
   * Present when the string is source code in that language (export(net, "pytorch") writes
   * Python): the notebook shows it as a highlighted code block with Copy and Save as…, the
   * CLI prints it as it is. Absent for every other string, and in outputs saved before.
   */
  readonly language?: 'python';
}
export interface BooleanDisplay {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface FunctionDisplay {
  readonly kind: 'function';
  /** As the user wrote it: `relu`, `f'`, `leaky_relu(alpha=0.2)`. */
  readonly name: string;
  readonly formula: string;
  readonly derivative: string;
  /** Where f' jumps, for the plot to mark. */
  readonly kinks?: number[];
  /**
   * `formula` and `derivative` as LaTeX equations (`\\sigma'(x) = ...`), for typesetting;
   * absent when there is nothing to typeset (a procedure) and in outputs saved before.
   */
  readonly latex?: { readonly formula: string; readonly derivative?: string };
  /**
   * The same equations typeset: standalone SVG documents whose glyphs are `currentColor`
   * (the renderer shows them as images in the theme's colour). Made outside the language,
   * in the kernel and the extension host (src/services/hover-content/display-formulas.ts),
   * from `latex`; absent where that did not run (the CLI's eval) or could not typeset.
   */
  readonly images?: { readonly formula?: string; readonly derivative?: string };
  /** Omitted by the CLI's --json, which prints only the fields LANGUAGE.md shows. */
  readonly curve?: SampledCurve;
}
export interface PlotSeries {
  readonly name: string;
  /** Absent when the plot's `x` holds it (read it with plot-traces.ts `displaySeries`). */
  readonly x?: JsonNumber[];
  readonly y: JsonNumber[];
  /** True for the derivative trace of a function (drawn dashed). */
  readonly derivative?: boolean;
}
export interface PlotDisplay {
  readonly kind: 'plot';
  readonly title?: string;
  /**
   * The x of every series that has none of its own. A plot of functions samples
   * them all on one grid: the output item a notebook saves holds it once, not once
   * per series (plot-grid.ts). Absent in what the language returns and in older files.
   */
  readonly x?: JsonNumber[];
  readonly series: PlotSeries[];
  readonly kinks?: number[];
  /**
   * Axis titles: what the axes show. `plot(x, y)` takes the expressions' text;
   * a plot of functions has `f(x)` (or `f'(x)`, ...) for one function, else the
   * functions' names. Absent in outputs saved before axes were titled.
   */
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Present when a plotted function has slider(...) parameters: what the renderer needs to redraw the plot itself. */
  readonly live?: LivePlot;
}
/** One slider(min, max, step=, value=) of a plot: `value` is where it starts. */
export interface PlotSlider {
  /** The parameter it sets (`alpha`); `elu.alpha` when two plotted functions have sliders of one name. */
  readonly name: string;
  /** The variable standing for it in `LivePlot.plot`. */
  readonly variable: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  /**
   * Where the cell's source starts it, present only when `value` is elsewhere: a position the
   * user left it at, kept in the cell's metadata (shared/slider-state.ts) and started from.
   */
  readonly start?: number;
}
/**
 * A plot with sliders as source of the language: the renderer (which bundles the language) runs
 * `definitions` once, then, for each slider position, assigns every slider's variable and
 * evaluates `plot`, a plot(...) call over the same grid; no kernel is involved.
 */
export interface LivePlot {
  /** The user functions the plotted ones depend on, as written, and the numbers they read, one per line. */
  readonly definitions: string;
  readonly plot: string;
  readonly sliders: PlotSlider[];
}
export interface TableDisplay {
  readonly kind: 'table';
  readonly columns: { readonly name: string; readonly data: JsonNumber[] }[];
  /** Present for a table too long to carry whole (past 60 rows): the rows kept, -1 where rows were left out, and how many there are. */
  readonly summary?: { readonly rows: number[]; readonly total: number };
}
export interface NoneDisplay {
  readonly kind: 'none';
}
export interface ErrorDisplay {
  readonly kind: 'error';
  readonly message: string;
  /** 1-based; 0 when the error has no place in the source (e.g. interrupted). */
  readonly line: number;
  readonly column: number;
  /**
   * Where the offending text ends, counted like `line`/`column`: the position
   * just after its last character (exclusive), so `reluu(x)` failing on
   * `reluu` has column 1 and endColumn 6. Absent when the error has no place,
   * and in outputs saved before errors had an end.
   */
  readonly endLine?: number;
  readonly endColumn?: number;
  /**
   * What the cell still has to show despite the error: the training run an
   * interrupt stopped (status 'interrupted', the epochs finished, its charts),
   * shown above the error rather than replaced by it.
   */
  readonly kept?: TrainingDisplay;
}

/** One dense layer of a network. */
export interface LayerSummary {
  readonly inputs: number;
  readonly outputs: number;
  /** As written: `relu`, `leaky_relu(alpha=0.2)`, `f`, `linear`. */
  readonly activation: string;
  readonly parameters: number;
  /** The learnable slope (prelu layers only). */
  readonly slope?: JsonNumber;
  /**
   * The catalogue entry the activation is and its resolved parameters (`linear` for a linear
   * layer, with none), so the renderer can run the layer itself with the bundled engine;
   * absent for a user-defined function and in outputs saved before.
   */
  readonly kernel?: { readonly name: string; readonly parameters: Readonly<Record<string, JsonNumber | string>> };
  /**
   * An activation that is no catalogue entry but can be written in the language (a user
   * function, `relu'`, `f(a=0.5)`): the definitions it reads, one per line, and the activation
   * as an expression, which the renderer runs with the bundled language to draw the layer's
   * units as it draws a catalogue layer's; absent where it cannot be written (a body that reads
   * a tensor) and in outputs saved before.
   */
  readonly program?: ActivationProgram;
}
/** A layer's activation as source of the language (LayerSummary.program). */
export interface ActivationProgram {
  readonly definitions: string;
  readonly activation: string;
}
/** A network: its layers and parameter counts (drawn as a table). */
export interface NetworkDisplay {
  readonly kind: 'network';
  readonly dtype: 'float32' | 'float64';
  readonly layers: LayerSummary[];
  readonly parameters: number;
  /**
   * Every parameter in the engine's order (per layer: weights outputs × inputs row-major,
   * biases, the slope), for the network diagram; absent for large networks (past 20,000
   * parameters) and in outputs saved before.
   */
  readonly weights?: JsonNumber[];
}

/**
 * The weights of a training run at about 50 epochs, nearly evenly spaced over those it trained,
 * epoch 0 (untrained) first and the last epoch trained last: what the epoch scrubber replays. Bounded in number
 * (src/engine/network/snapshots.ts) and packed small: per epoch 16-bit integers times one
 * scale, in base64 (src/engine/packed-numbers.ts), laid out as NetworkDisplay.weights.
 */
export interface WeightSnapshotsDisplay {
  readonly epochs: number[];
  readonly weights: { readonly scale: number; readonly data: string }[];
}
/** 2-D points with labels (classification 0/1) or targets (regression). */
export interface DatasetDisplay {
  readonly kind: 'dataset';
  readonly name: string;
  readonly task: 'classification' | 'regression';
  readonly x1: JsonNumber[];
  readonly x2: JsonNumber[];
  readonly y: JsonNumber[];
  /** Set on the points held out for testing (training runs). */
  readonly test?: boolean[];
}
/** Gradient norm reaching each layer at initialisation, index 0 next to the input; one series per activation. */
export interface GradflowDisplay {
  readonly kind: 'gradflow';
  readonly series: { readonly name: string; readonly norms: JsonNumber[] }[];
}
/** The network's output over a grid covering the data: z[row][col] at (x[col], y[row]). */
export interface DecisionBoundary {
  readonly x: number[];
  readonly y: number[];
  readonly z: JsonNumber[][];
  readonly points: DatasetDisplay;
}
/** A training run, finished, interrupted or (while streaming) still running. */
export interface TrainingDisplay {
  readonly kind: 'training';
  readonly status: 'running' | 'done' | 'interrupted';
  readonly epochs: number;
  readonly plannedEpochs: number;
  /** e.g. `adam, lr=0.01, loss bce, batch 32` */
  readonly settings: string;
  readonly network: NetworkDisplay;
  /** Column names of `history`, as `fit.history` orders them: epoch, loss, test_loss, accuracy, test_accuracy, dead_1.., slope_1.. */
  readonly columns: string[];
  /** One row per completed epoch. */
  readonly history: JsonNumber[][];
  /** For 2-D inputs with one output or classes: Playground's picture. */
  readonly boundary?: DecisionBoundary;
  /** Present when the run finished or was interrupted (not while it streams), for networks small enough. */
  readonly snapshots?: WeightSnapshotsDisplay;
  /**
   * Per hidden layer, the units (from 0) that output 0 on every point of the data with the
   * trained weights: what `dead(fit.net, data)` counts, computed on all the points (the
   * display carries at most 2,000). Absent in outputs saved before.
   */
  readonly dead?: number[][];
}

/**
 * neuron(net, layer, unit, data): one unit of a network on the data. Layers as the diagram
 * numbers them (hidden from 1, the output layer last), units from 0.
 */
export interface NeuronDisplay {
  readonly kind: 'neuron';
  readonly layer: number;
  readonly unit: number;
  /** How many layers of weights the network has: `layer` of `layers`. */
  readonly layers: number;
  /** As written: `relu`, `leaky_relu(alpha=0.2)`, `linear`. */
  readonly activation: string;
  /** What it computes with its numbers in: `relu(0.53·x1 − 1.20·x2 + 0.10)` (engine/network/unit-formula.ts). */
  readonly formula: string;
  readonly weights: JsonNumber[];
  readonly bias: JsonNumber;
  /** The fraction of points where its derivative is nonzero (a gradient passes); for relu where z > 0. */
  readonly active: JsonNumber;
  /** 1 when it outputs 0 on every point (as dead(net, data) counts), else 0. */
  readonly dead: 0 | 1;
  /** The mean output over the points. */
  readonly mean: JsonNumber;
  /** How many points `pre` and `out` cover (they hold fewer when summarised). */
  readonly points: number;
  /** The pre-activation z and the output f(z) on each point. */
  readonly pre: JsonNumber[];
  readonly out: JsonNumber[];
  /** The smallest and largest pre-activation (the text says where z lies). */
  readonly preRange: [JsonNumber, JsonNumber];
  /** Present when `pre` and `out` keep only their first and last points (past 1,000): the indices kept, -1 for the gap. */
  readonly summary?: { readonly points: number[] };
  /**
   * The pre-activations as a histogram (bins from edges[i] to edges[i + 1], counts[i] points in each),
   * over every point even when `pre` is summarised: what the output draws. Absent in outputs saved before.
   */
  readonly histogram?: { readonly edges: number[]; readonly counts: number[] };
  /** Where the activation's derivative jumps (relu's 0), for the histogram to mark. */
  readonly kinks?: number[];
}

/** One node of a computational graph: an input, a constant, a weight or an operation. */
export interface GraphNode {
  /** Unique in the graph; edges name nodes by it. */
  readonly id: string;
  /** `x`, `*`, `+`, `relu`, `sigmoid`, `f` (a user function), `w`, `const`, `dot`... */
  readonly op: string;
  /** What the node shows: `x`, `1.702`, `sigmoid`, `h1[0]: relu`, `z1[0] (b 0.1)`. */
  readonly label: string;
  /** Its value in the forward pass. */
  readonly value: JsonNumber;
  /** d(output)/d(this node), from the backward pass. */
  readonly grad: JsonNumber;
  /** The column it is drawn in, 0 at the inputs (the longest path from an input or leaf). */
  readonly layer: number;
  /** What the node is: an input (the variable), a leaf (constant, weight, bias), an operation, the output. */
  readonly role: 'input' | 'leaf' | 'op' | 'output';
}
/** graph(f, at=x0), graph(net, x): micrograd's picture of forward values and backward gradients. */
export interface GraphDisplay {
  readonly kind: 'graph';
  /** What was drawn: `f at x = 0.5`, `network 2-4-1 at x = [0.5, -1]`. */
  readonly title: string;
  readonly nodes: GraphNode[];
  /**
   * Each edge from an operand into the node that uses it; in a network's graph an edge into a
   * pre-activation carries its weight and d(output)/d(weight).
   */
  readonly edges: { readonly from: string; readonly to: string; readonly weight?: JsonNumber; readonly grad?: JsonNumber }[];
  /** The output's value, and d(output)/d(input) for each input (one for a function, one per input column for a network). */
  readonly value: JsonNumber;
  readonly grad: JsonNumber[];
}

/** One check(...) of an exercise: passed or not, what it looked for and what it found. */
export interface CheckResult {
  readonly passed: boolean;
  /** The hint given, else the checked expression as written. */
  readonly hint: string;
  /** The first argument as written: `relu(-2) == 0`. */
  readonly expression: string;
  /** The value found, as text (`0.5`, `[0, 1, 0]`, `false`). */
  readonly found: string;
  /** check(value, expected, ...): the expected value as text, and the tolerance. */
  readonly expected?: string;
  readonly tol?: number;
  /** Why the value could not be compared, when it could not (a shape or kind that differs). */
  readonly reason?: string;
}
/**
 * The checks a cell made (exercises: LANGUAGE.md's check builtin). `passed` is true when every
 * check passed; `hint`, `found` (and `expected`, `tol`) repeat the headline check: the first that
 * failed, else the last. `shown` is the cell's own value when its last statement was not a check,
 * shown above the checks.
 */
export interface CheckDisplay {
  readonly kind: 'check';
  readonly passed: boolean;
  readonly hint: string;
  readonly found: string;
  readonly expected?: string;
  readonly tol?: number;
  readonly checks: CheckResult[];
  readonly shown?: Exclude<DisplayValue, CheckDisplay | NoneDisplay | ErrorDisplay>;
}

export type DisplayValue =
  | NumberDisplay | TensorDisplay | StringDisplay | BooleanDisplay | FunctionDisplay
  | PlotDisplay | TableDisplay | NoneDisplay | ErrorDisplay
  | NetworkDisplay | DatasetDisplay | GradflowDisplay | TrainingDisplay
  | NeuronDisplay | GraphDisplay | CheckDisplay;

/** One output item of a cell: a MIME type and its data (a string for text types). */
export interface OutputItem {
  readonly mime: string;
  readonly data: DisplayValue | string | { name: string; message: string; stack?: string };
}

/** The language writes these (src/language/runtime/json-number.ts); readers decode them here. */
export function fromJsonNumber(v: JsonNumber): number {
  return typeof v === 'number' ? v : v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : -Infinity;
}

/** A number as the language writes it (nan, inf, -inf, -0), for text outputs and tables. */
export function formatNumber(v: JsonNumber): string {
  if (typeof v === 'string') return v === 'NaN' ? 'nan' : v === 'Infinity' ? 'inf' : '-inf';
  return Object.is(v, -0) ? '-0' : String(v);
}
