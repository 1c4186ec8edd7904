/**
 * A value as the JSON its cell displays (src/shared/output.ts, the output
 * contract). How that JSON is shown — as text, SVG or a chart — is not the
 * language's business: see src/shared/display-text.ts and output-items.ts.
 */
import type { Tensor } from '../../engine';
import type { CheckDisplay, CheckResult, DisplayValue } from '../../shared/output';
import { functionNameLatex } from '../symbolic';
import type { CallSite } from './call-site';
import type { FunctionValue } from './function-value';
import { toJsonNumber } from './json-number';
import { gradflowDisplay, networkDisplay, neuronDisplay, datasetDisplay, trainingDisplay } from './network-display';
import { defaultRange, DEFAULT_POINTS, sampleCurve } from './sampling';
import type { Value } from './values';

/**
 * The checks a cell made, in order, with the cell's own value above them when it ended in
 * something else to show (`shown`). The headline is the first failure, else the last check.
 */
export function checkDisplay(checks: readonly CheckResult[], shown?: DisplayValue): CheckDisplay {
  const headline = checks.find((c) => !c.passed) ?? checks[checks.length - 1];
  const { hint, found, expected, tol } = headline;
  const keep = shown !== undefined && shown.kind !== 'none' && shown.kind !== 'error' && shown.kind !== 'check' ? { shown } : {};
  return {
    kind: 'check', passed: checks.every((c) => c.passed), hint, found,
    ...(expected !== undefined ? { expected } : {}), ...(tol !== undefined ? { tol } : {}),
    checks: [...checks], ...keep,
  };
}

/** `\\sigma'(x) = rhs`: the left-hand side names the function and its order. */
function equation(name: string, order: number, rhs: string): string {
  return `${functionNameLatex(name)}${"'".repeat(order)}(x) = ${rhs}`;
}

/** The `summary` of a tensor display for a shape, undefined for a tensor shown whole. */
export type TensorSummary = (shape: readonly number[]) => { rows: number[]; cols: number[] } | undefined;

/**
 * A tensor's display. With `summary`, a large tensor's carries only the items it shows, read
 * straight from the typed array: Array.from of 16M floats made a JSON array of about 400 MB
 * before the CLI summarised it, six times the tensor.
 */
function tensorDisplay(t: Tensor, summarise: TensorSummary | undefined): DisplayValue {
  const shown = summarise?.(t.shape);
  if (!shown) return { kind: 'tensor', dtype: t.dtype, shape: [...t.shape], data: Array.from(t.data, toJsonNumber) };
  const cols = t.shape.length === 2 ? t.shape[1]! : t.data.length;
  const data = shown.rows.flatMap((r) => (r === GAP ? [] : shown.cols.filter((c) => c !== GAP).map((c) => toJsonNumber(t.data[r * cols + c]!))));
  return { kind: 'tensor', dtype: t.dtype, shape: [...t.shape], data, summary: shown };
}

/** GAP of shared/summary.ts: where a summary leaves items out (the output contract's -1). */
const GAP = -1;

export function toDisplay(value: Value, site: CallSite, summarise?: TensorSummary): DisplayValue {
  switch (value.kind) {
    case 'number': return { kind: 'number', value: toJsonNumber(value.value) };
    case 'tensor': {
      const t = value.tensor;
      if (value.gradflow !== undefined) return gradflowDisplay([{ name: value.gradflow, norms: t.data }]);
      return tensorDisplay(t, summarise);
    }
    case 'string': return { kind: 'string', value: value.value, ...(value.language ? { language: value.language } : {}) };
    case 'boolean': return { kind: 'boolean', value: value.value };
    case 'function': {
      const fn = value.fn;
      let derivative: FunctionValue | undefined;
      try {
        derivative = fn.derivative(site);
      } catch {
        // a procedure, or a builtin's third derivative: shown as such
      }
      const latex = fn.latex();
      const derivativeLatex = derivative?.latex();
      return {
        kind: 'function', name: fn.label, formula: fn.formula(), derivative: derivative?.formula() ?? '(no derivative)',
        ...(latex !== undefined ? { latex: { formula: equation(fn.name, fn.order, latex), ...(derivativeLatex !== undefined ? { derivative: equation(fn.name, fn.order + 1, derivativeLatex) } : {}) } } : {}),
        kinks: [...fn.kinks()], curve: sampleCurve(fn, { ...defaultRange(fn), points: DEFAULT_POINTS }, site),
      };
    }
    case 'plot':
    case 'table':
    case 'graph':
      return value.display;
    case 'neuron': return neuronDisplay(value.neuron, value.neuron.layers);
    case 'network': return networkDisplay(value.network.net);
    case 'dataset': return datasetDisplay(value.dataset);
    case 'training': return trainingDisplay(value.training, value.training.stopped ? 'interrupted' : 'done');
    case 'check': return checkDisplay([value.result]);
    case 'none':
      return { kind: 'none' };
  }
}
