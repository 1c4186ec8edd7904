/**
 * How each kind of output is drawn, in one table: the text and tables shown
 * first (blocks), then the charts, from a pure `(display, theme) => figures`
 * builder. The notebook renderer (index.ts) turns blocks into DOM and hands
 * the builder to LiveCharts, which redraws it for a new theme or width; the
 * plot panel and the HTML export take the same builders (outputFigures).
 *
 *   function -> f and f' typeset (f'' folded away for a derivative); f (solid) and f' (dashed)
 *   plot     -> all series overlaid, derivatives dashed, title
 *   tensor   -> compact table (dtype, shape, at most 200 elements)
 *   table    -> table with headers;  network -> table of layers and parameter counts
 *   training -> summary line; loss, accuracy, dead units / prelu slopes, decision boundary
 *   gradflow -> gradient norm against layer, log y;  dataset -> the points
 *   neuron   -> its formula with the numbers in, active fraction, mean output, dead or alive; its z histogram
 *   graph    -> the computational graph as a picture (shared/graph-svg.ts), its text as alt text
 *   string with a language (export) -> a code block with Copy and Save as…
 *   number / string / boolean -> text; error -> styled text; none -> nothing
 *
 * Pure (no DOM, no plotly import), so it is unit-tested and the CLI can use it.
 */
import type { DisplayValue, ErrorDisplay, FunctionDisplay } from '../shared/output';
import { derivativeOrder } from '../shared/plot-traces';
import { neuronText, trainingText } from '../shared/network-text';
import { graphText } from '../shared/graph-text';
import { graphToSvg } from '../shared/graph-svg';
import { neuronFigures } from './neuron-figures';
import { errorLine } from '../shared/error-heading';
import { checkLines } from '../shared/check-text';
import type { PlotFigure } from './figure-style';
import { formulaLines, functionFigures, plotFigures } from './figures';
import { datasetFigure, gradflowFigure, trainingFigures } from './network-figures';
import { formatValue, networkView, tableView, tensorView, type TableView } from './tables';
import type { Theme } from './theme';

/** An equation: typeset (an SVG image, glyphs in currentColor) with its text as alt text, or the text alone. */
export interface Equation {
  readonly text: string;
  readonly svg?: string;
}

/** Something shown above an output's charts: a line (or lines) of text, a table, or an equation (folded away under `collapsed`). */
export type OutputBlock =
  | { readonly text: string; readonly style: 'text' | 'formula' | 'error' | 'pass' | 'fail' }
  | { readonly table: TableView }
  | { readonly equation: Equation; readonly collapsed?: string }
  /** A drawing in the text colour (currentColor), shown as an image with its text as alt text. */
  | { readonly picture: Equation }
  /** Source code: highlighted, with Copy and Save as… (`suggestedName` for the save dialog). */
  | { readonly code: string; readonly language: 'python'; readonly suggestedName: string };

/** An output's charts for a theme. A display has as many in every theme; only colours differ. */
export type FigureBuilder<D> = (display: D, theme: Theme) => PlotFigure<object>[];

export interface OutputRenderer<D> {
  readonly blocks: (display: D) => OutputBlock[];
  /** Omitted for kinds that never draw a chart. */
  readonly figures?: FigureBuilder<D>;
}

type Kind = DisplayValue['kind'];
type DisplayOf<K extends Kind> = Extract<DisplayValue, { kind: K }>;

const text = (value: string): OutputBlock => ({ text: value, style: 'text' });
const formula = (value: string): OutputBlock => ({ text: value, style: 'formula' });
const table = (view: TableView): OutputBlock => ({ table: view });

const equation = (text: string, svg: string | undefined): Equation => (svg ? { text, svg } : { text });

/**
 * f(x) = ... and f'(x) = ..., typeset where the kernel made images. The output of a
 * derivative (`sigmoid'`) shows f' and folds f'' away (its formula is a long unsimplified
 * one): one click on its summary shows it.
 */
export function functionBlocks(d: FunctionDisplay): OutputBlock[] {
  const [f, df] = formulaLines(d);
  const first: OutputBlock = { equation: equation(f, d.images?.formula) };
  const second = equation(df, d.images?.derivative);
  return [first, derivativeOrder(d.name) >= 1 ? { equation: second, collapsed: `${d.name}'(x) = …` } : { equation: second }];
}

/** The file an exported module is saved as by default: `keras_model.py` when it is Keras, else `torch_model.py`. */
export function suggestedFileName(source: string): string {
  return /^import keras|^from tensorflow import keras/m.test(source) ? 'keras_model.py' : 'torch_model.py';
}

export const OUTPUT_RENDERERS: { readonly [K in Kind]: OutputRenderer<DisplayOf<K>> } = {
  none: { blocks: () => [] },
  number: { blocks: (d) => [text(formatValue(d.value))] },
  string: { blocks: (d) => [d.language ? { code: d.value, language: d.language, suggestedName: suggestedFileName(d.value) } : text(d.value)] },
  boolean: { blocks: (d) => [text(String(d.value))] },
  error: { blocks: (d) => [{ text: errorLine(d), style: 'error' }] },
  tensor: { blocks: (d) => [table(tensorView(d))] },
  table: { blocks: (d) => [table(tableView(d))] },
  network: { blocks: (d) => [table(networkView(d))] },
  // the cell's value, when it has one, is an output of its own above (shared/output-items.ts)
  check: { blocks: (d) => checkLines(d).map((line) => ({ text: line.text, style: line.passed ? 'pass' : 'fail' })) },
  function: { blocks: functionBlocks, figures: functionFigures },
  plot: { blocks: () => [], figures: plotFigures },
  training: { blocks: (d) => [formula(trainingText(d))], figures: trainingFigures },
  gradflow: { blocks: () => [], figures: (d, theme) => [gradflowFigure(d, theme)] },
  dataset: { blocks: () => [], figures: (d, theme) => [datasetFigure(d, theme)] },
  neuron: { blocks: (d) => [formula(neuronText(d))], figures: neuronFigures },
  graph: { blocks: (d) => [{ picture: { text: graphText(d), svg: graphToSvg(d) } }] },
};

/**
 * The renderer of a display's kind; undefined for a kind this build does not know
 * (outputs saved by a newer version) or JSON that is not a display at all.
 */
export function rendererFor(d: DisplayValue): OutputRenderer<DisplayValue> | undefined {
  const kind = (d as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(OUTPUT_RENDERERS, kind)) return undefined;
  // The table is keyed by kind, so the entry for d.kind takes d; TypeScript cannot see that through the union.
  return OUTPUT_RENDERERS[kind as Kind] as OutputRenderer<DisplayValue>;
}

/** A display's charts for a theme (none for kinds without charts). */
export function outputFigures(d: DisplayValue, theme: Theme): PlotFigure<object>[] {
  return rendererFor(d)?.figures?.(d, theme) ?? [];
}
