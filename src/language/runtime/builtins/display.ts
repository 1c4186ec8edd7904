/** plot(...) and table(...): values that display as charts and tables. */
import type { PlotSeries } from '../../../shared/output';
import { toJsonNumber } from '../json-number';
import { sliceSpan } from '../../source';
import { runtimeError } from '../call-site';
import { gridPoints, sampleOn, unionRange } from '../sampling';
import { spellNumber, type PlotRange } from '../../../engine';
import { gradflowDisplay } from '../network-display';
import type { FunctionValue } from '../function-value';
import { describeValue, type Value } from '../values';
import { integerArg, numberArg, tensorArg, type CallArguments, type ProcedureSpec } from './procedure';
import { livePlot } from '../live-plot';

/**
 * from= and to=, each defaulting to the functions' own range (sampling.ts): leaky_relu(alpha=0.01)
 * is drawn where its leak shows. Given one end alone, the other keeps the default span from it.
 */
const FAR_OUT = 'to see how a function behaves far out, plot a wide finite range such as from=-1e6, to=1e6';

function plotRangeArgs(call: CallArguments, own: PlotRange): PlotRange {
  const given = (key: 'from' | 'to') => {
    const v = call.named.get(key);
    if (v === undefined) return undefined;
    const n = numberArg(call, v, key);
    // a curve over an infinite range has no points to sample (its x would be inf and nan)
    if (!Number.isFinite(n)) throw runtimeError(call.site, `plot's ${key}= must be a finite number, got ${spellNumber(n)}; ${FAR_OUT}`);
    return n;
  };
  const [givenFrom, givenTo] = [given('from'), given('to')];
  const span = own.to - own.from;
  const from = givenFrom ?? (givenTo !== undefined && givenTo <= own.from ? givenTo - span : own.from);
  const to = givenTo ?? (givenFrom !== undefined && givenFrom >= own.to ? givenFrom + span : own.to);
  if (!(from < to)) throw runtimeError(call.site, `plot needs from < to, got from=${from}, to=${to}`);
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    // given ends are finite (above); one the default span away from a given end can overflow
    throw runtimeError(call.site, `plot needs a finite range, got from=${spellNumber(from)}, to=${spellNumber(to)}; ${FAR_OUT}`);
  }
  return { from, to };
}

/** Longest list of function names that titles a y axis; longer lists read from the legend. */
const MAX_AXIS_LABEL = 40;

/** `f(x)` (`f'(x)`, ...) for one function; the names of several, as the legend shows them. */
function functionsAxisLabel(fns: readonly FunctionValue[]): string {
  if (fns.length === 1) return `f${"'".repeat(fns[0].order)}(x)`;
  const names = fns.map((fn) => fn.label).join(', ');
  return names.length <= MAX_AXIS_LABEL ? names : 'y';
}

export const displayBuiltins: readonly ProcedureSpec[] = [
  {
    name: 'plot', signature: 'plot(f, g, ..., from=-5, to=5, points=401, derivative=true, title="...") or plot(x, y)',
    summary: 'plot functions with their derivatives, or data y against x',
    minArgs: 1, maxArgs: 16, named: ['from', 'to', 'points', 'derivative', 'title'],
    run: (call) => {
      // several gradflow(...) results: one chart of gradient norm against depth
      const flows = call.args.flatMap((a) => (a.kind === 'tensor' && a.gradflow !== undefined ? [{ name: a.gradflow, norms: a.tensor.data }] : []));
      if (flows.length > 0 && flows.length === call.args.length) return { kind: 'plot', display: gradflowDisplay(flows) };
      const titleValue = call.named.get('title');
      if (titleValue !== undefined && titleValue.kind !== 'string') throw runtimeError(call.site, 'title must be a string, e.g. title="ReLU family"');
      // displays are stored in notebooks as JSON, which has no `undefined`: omit the field instead
      const titled = titleValue?.kind === 'string' ? { title: titleValue.value } : {};
      if (call.args.every((a) => a.kind === 'tensor') && call.args.length === 2) {
        const x = tensorArg(call, call.args[0], 'plot x');
        const y = tensorArg(call, call.args[1], 'plot y');
        if (x.size !== y.size) throw runtimeError(call.site, `plot(x, y) needs x and y of the same length, got ${x.size} and ${y.size}`);
        const [xName, name] = call.site.argSpans ? call.site.argSpans.map((s) => sliceSpan(call.site.evaluator.text, s)) : ['x', 'y'];
        const series = [{ name, x: Array.from(x.data, toJsonNumber), y: Array.from(y.data, toJsonNumber) }];
        return { kind: 'plot', display: { kind: 'plot', ...titled, series, xLabel: xName, yLabel: name } };
      }
      const fns = call.args.map((arg) => {
        if (arg.kind !== 'function') throw runtimeError(call.site, `plot draws functions (or plot(x, y) for data), but got ${describeValue(arg)}`);
        return arg.fn;
      });
      const { from, to } = plotRangeArgs(call, unionRange(fns));
      const points = integerArg(call, call.named.get('points') ?? { kind: 'number', value: 401 }, 'points', 2);
      if (points > 100_000) throw runtimeError(call.site, `points=${points} is more than a plot can show; use at most 100000`);
      const derivativeValue = call.named.get('derivative');
      const withDerivative = derivativeValue === undefined || (derivativeValue.kind === 'boolean' ? derivativeValue.value : numberArg(call, derivativeValue, 'derivative') !== 0);
      const xs = gridPoints({ from, to, points });
      const x = Array.from(xs);
      const labels = new Set(fns.map((fn) => fn.label));
      const series: PlotSeries[] = [];
      const kinks: number[] = [];
      for (const fn of fns) {
        series.push({ name: fn.label, x, y: sampleOn(fn, xs, call.site) });
        // f' is drawn with f, but not with f' itself (plot(sigmoid', tanh') shows what it names), nor when f' is asked for too
        if (withDerivative && fn.order === 0 && !labels.has(`${fn.label}'`)) {
          series.push({ name: `${fn.label}'`, x, y: sampleOn(fn.derivative(call.site), xs, call.site), derivative: true });
        }
        kinks.push(...fn.kinks().filter((k) => k >= from && k <= to));
      }
      const live = livePlot({ fns, from, to, points, derivative: withDerivative, title: titleValue?.kind === 'string' ? titleValue.value : undefined });
      const display = {
        kind: 'plot' as const, ...titled, series, kinks: [...new Set(kinks)].sort((a, b) => a - b), xLabel: 'x', yLabel: functionsAxisLabel(fns),
        ...(live ? { live } : {}),
      };
      return { kind: 'plot', display };
    },
  },
  {
    name: 'slider', signature: 'slider(min, max, step=(max-min)/100, value=)',
    summary: "a parameter value that plots turn into a slider (plot(leaky_relu(alpha=slider(0, 1)))); elsewhere its current value: value=, else the parameter's default when in range, else min",
    minArgs: 2, maxArgs: 2, named: ['step', 'value'],
    run: (call) => {
      const min = numberArg(call, call.args[0], 'slider min');
      const max = numberArg(call, call.args[1], 'slider max');
      if (!Number.isFinite(min) || !Number.isFinite(max)) throw runtimeError(call.site, `slider needs finite ends, got slider(${min}, ${max})`);
      if (!(min < max)) throw runtimeError(call.site, `slider needs min < max, got slider(${min}, ${max})`);
      const stepValue = call.named.get('step');
      const step = stepValue === undefined ? hundredth(max - min) : numberArg(call, stepValue, 'slider step');
      if (!(step > 0) || !Number.isFinite(step)) throw runtimeError(call.site, `slider step must be > 0, got step=${step}`);
      const startValue = call.named.get('value');
      const value = startValue === undefined ? undefined : numberArg(call, startValue, 'slider value');
      if (value !== undefined && !(value >= min && value <= max)) throw runtimeError(call.site, `slider value=${value} is outside its range ${min} to ${max}`);
      return { kind: 'number', value: value ?? min, slider: { min, max, step, ...(value === undefined ? {} : { value }) } };
    },
  },
  {
    name: 'table', signature: 'table(x, relu(x), ...)', summary: 'columns side by side, headed by their expressions',
    minArgs: 1, maxArgs: 16,
    run: (call) => {
      const columns = call.args.map((v: Value, i) => {
        const name = call.site.argSpans ? sliceSpan(call.site.evaluator.text, call.site.argSpans[i]) : `column ${i + 1}`;
        if (v.kind === 'number') return { name, data: [toJsonNumber(v.value)] };
        const t = tensorArg(call, v, `table column ${i + 1}`);
        if (t.rank > 1) throw runtimeError(call.site, `table columns are vectors; column ${i + 1} (${name}) has shape [${t.shape.join(', ')}]`);
        return { name, data: Array.from(t.data, toJsonNumber) };
      });
      const length = Math.max(...columns.map((c) => c.data.length));
      for (const c of columns) {
        if (c.data.length === 1 && length > 1) c.data = Array.from({ length }, () => c.data[0]);
        if (c.data.length !== length) throw runtimeError(call.site, `table columns must have equal lengths: ${c.name} has ${c.data.length}, others ${length}`);
      }
      return { kind: 'table', display: { kind: 'table', columns } };
    },
  },
];

/**
 * A slider's default step, a hundredth of its range as a decimal: (3 - 0.1) / 100 is
 * 0.028999999999999998 in doubles, which the slider would show and step by; 0.029 is meant.
 * Fifteen significant digits are all a double's decimal holds, so nothing else changes.
 */
function hundredth(range: number): number {
  return Number((range / 100).toPrecision(15));
}
