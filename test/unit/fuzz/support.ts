/**
 * What every fuzz case of this folder asserts, and how many cases run.
 *
 * A clean result is a value, or an error display with line >= 1 and column >= 1 (an
 * interrupt has no place: line 0) whose message reads like ours: no JavaScript internals
 * (RangeError, "Cannot read properties", stack lines, "[object Object]", a `null` or
 * `undefined` where a value was meant). Its text (what the CLI prints), its `eval --json`
 * line and its notebook output items are computable, and the items are JSON a notebook can
 * save. Each case runs under a deadline (a cancellation token that fires after
 * CASE_SECONDS, so a runaway case ends as "interrupted" and fails here instead of hanging the
 * suite) and a memory bound.
 *
 * Runs: a fixed seed and a modest number of cases per property, so the whole folder takes
 * well under a minute in CI. For a long hunt, raise the count or change the seed:
 *
 *   npm run test:fuzz                                   this folder alone, as CI runs it
 *   ACTIVATION_LAB_FUZZ_RUNS=10000 npm run test:fuzz    10,000 cases per property (fewer for heavy ones)
 *   ACTIVATION_LAB_FUZZ_SEED=7 npm run test:fuzz        other cases
 *
 * A failure prints fast-check's seed, path and the shrunk input; put them in
 * `fc.assert(..., { seed, path })` to replay it.
 */
import { strict as assert } from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import fc from 'fast-check';
import { Session } from '../../../src/language';
import type { CancellationToken } from '../../../src/language/runtime/cancellation';
import { cliJsonLine } from '../../../src/cli/cli-json';
import { displayText } from '../../../src/shared/display-text';
import { cellOutputItems } from '../../../src/shared/output-items';
import { VALUE_MIME, type DisplayValue } from '../../../src/shared/output';
import { outputFigures, rendererFor } from '../../../src/renderer/output-renderers';
import type { PlotFigure } from '../../../src/renderer/figure-style';
import type { Theme } from '../../../src/renderer/theme';
import { parseNotebook, serializeNotebook, type CellOutput, type JsonValue } from '../../../src/services/notebook-format/format';
import { staticImage } from '../../../src/shared/static-image';

const RUNS_SCALE = Number(process.env.ACTIVATION_LAB_FUZZ_RUNS ?? '') || 0;
const SEED = Number(process.env.ACTIVATION_LAB_FUZZ_SEED ?? '') || 20240612;

/**
 * fast-check's options for a property: `runs` cases by default, or ACTIVATION_LAB_FUZZ_RUNS
 * (scaled down for properties whose cases are heavy: `runs` is their CI count).
 */
export function fuzzOptions<T>(runs: number, heavy = 1): fc.Parameters<T> {
  const numRuns = RUNS_SCALE > 0 ? Math.max(1, Math.round(RUNS_SCALE / heavy)) : runs;
  return { seed: SEED, numRuns, endOnFailure: false, verbose: fc.VerbosityLevel.None };
}

/** True when more runs than CI's were asked for: tests then lift mocha's timeout. */
export const longHunt = RUNS_SCALE > 0;

/** A case that runs longer than this is a hang. */
export const CASE_SECONDS = 2;
/** Resident memory a case may add (a 50-million-element float64 tensor is 400 MB, and the worst case holds two or three). */
const CASE_RSS_BYTES = 1.5 * 1024 ** 3;

/** A token that asks the cell to stop once its time is up. */
function deadline(seconds: number): CancellationToken & { readonly expired: boolean } {
  const end = Date.now() + seconds * 1000;
  return {
    get isCancellationRequested() {
      return Date.now() > end;
    },
    get expired() {
      return Date.now() > end;
    },
  };
}

/** Runs one cell under the deadline and the memory bound; fails on a hang, a throw or an unclean display. */
export function runClean(session: Session, source: string): DisplayValue {
  const rssBefore = process.memoryUsage.rss();
  const token = deadline(CASE_SECONDS);
  const started = Date.now();
  let display: DisplayValue;
  try {
    display = session.run(source, token).display;
  } catch (e) {
    assert.fail(`Session.run threw for ${show(source)}: ${e instanceof Error ? e.stack : String(e)}`);
  }
  const seconds = (Date.now() - started) / 1000;
  assert.ok(!token.expired, `${show(source)} ran ${seconds.toFixed(1)} s, past the ${CASE_SECONDS} s a case may take (${describeDisplay(display)})`);
  const grown = process.memoryUsage.rss() - rssBefore;
  assert.ok(grown < CASE_RSS_BYTES, `${show(source)} grew the resident memory by ${Math.round(grown / 1024 ** 2)} MB`);
  assertClean(display, source);
  const total = (Date.now() - started) / 1000;
  assert.ok(total < 2 * CASE_SECONDS, `${show(source)} and its presentation (text, JSON, outputs, charts) took ${total.toFixed(1)} s`);
  return display;
}

/** Words of JavaScript's own errors and of values printed by accident; none may reach a student. */
const INTERNALS: readonly RegExp[] = [
  /\b(Range|Type|Reference|Syntax|Eval|URI|Aggregate)Error\b/,
  /Maximum call stack/i,
  /undefined is not/,
  /is not a function(?! of| \(it is)/, // V8's wording; ours goes on: "... is not a function of one variable"
  /is not iterable/,
  /Cannot (read|set) propert/,
  /Cannot access '/,
  /Invalid (array|typed array|string) length/i,
  /\bat (Object|Array|Function|new |Module)\.?/,
  /^\s+at .*(\.ts|\.js|<anonymous>)/m,
  /\[object \w+\]/,
  /internal error/,
];

/**
 * `undefined`/`null` count as internals unless the cell itself wrote the word, or it is
 * the mathematician's word ("the mean of an empty tensor is undefined").
 */
function accidentalWords(text: string, source: string, words: readonly string[]): string[] {
  const prose = text.replace(/\bis undefined\b/g, '');
  return words.filter((w) => new RegExp(`\\b${w}\\b`).test(prose) && !source.includes(w));
}

/** @param words the words that are values printed by accident here (a notebook's JSON has a null of its own) */
export function assertNoInternals(text: string, source: string, what: string, words: readonly string[] = ['undefined', 'null']): void {
  for (const pattern of INTERNALS) {
    if (pattern.test(text) && !pattern.test(source)) assert.fail(`${what} of ${show(source)} shows JavaScript internals (${pattern}): ${text.slice(0, 400)}`);
  }
  const accidental = accidentalWords(text, source, words);
  assert.equal(accidental.length, 0, `${what} of ${show(source)} says ${accidental.join(', ')}: ${text.slice(0, 400)}`);
}

const KINDS = new Set(['number', 'tensor', 'string', 'boolean', 'function', 'plot', 'table', 'none', 'error', 'network', 'dataset', 'gradflow', 'training', 'check']);

/** The display is a value, or an error that names its place in words of ours; its text, JSON and items are computable. */
export function assertClean(d: DisplayValue, source: string): void {
  assert.ok(KINDS.has(d.kind), `${show(source)}: a display of unknown kind ${String(d.kind)}`);
  if (d.kind === 'error') {
    assert.ok(d.message.length > 0, `${show(source)}: an error without a message`);
    if (!d.message.startsWith('interrupted')) {
      assert.ok(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1,
        `${show(source)}: error without a position (line ${d.line}, column ${d.column}): ${d.message}`);
      const lines = source.split('\n').length;
      assert.ok(d.line <= lines, `${show(source)}: error on line ${d.line} of a ${lines}-line cell: ${d.message}`);
      if (d.endLine !== undefined && d.endColumn !== undefined) {
        assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column),
          `${show(source)}: error ends (${d.endLine}:${d.endColumn}) before it starts (${d.line}:${d.column}): ${d.message}`);
      }
    }
    assertNoInternals(d.message, source, 'the error message');
  }
  if (d.kind === 'function') {
    // the language writes inf and nan; JavaScript's spellings in a formula are numbers printed by accident
    const formulas = [d.formula, d.derivative, d.latex?.formula ?? '', d.latex?.derivative ?? ''].join('\n');
    const js = /\b(Infinity|NaN|undefined|null)\b/.exec(formulas);
    assert.ok(js === null || source.includes(js[1]!), `the formulas of ${show(source)} write ${js?.[1]}: ${formulas.slice(0, 300)}`);
  }
  assertPresentable(d, source);
}

/** Text, `--json` line and output items of a display, none throwing; the items survive a save and a reopen. */
export function assertPresentable(d: DisplayValue, source: string): void {
  let text: string;
  let json: string;
  try {
    text = displayText(d);
    json = cliJsonLine(d);
  } catch (e) {
    assert.fail(`the text or --json line of ${show(source)} threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  assertNoInternals(text, source, 'the text');
  assertNoNulls(JSON.parse(json), `the --json line of ${show(source)}`);
  let image: string | undefined;
  let saved: string;
  const outputs = cellOutputItems(d).map((items): CellOutput => ({ items: items.map((it) => ({ mime: it.mime, data: it.data as unknown as JsonValue })) }));
  try {
    image = staticImage(d);
    saved = serializeNotebook({ metadata: {}, cells: [{ kind: 'code', source, outputs }] });
  } catch (e) {
    assert.fail(`the static picture or the saved outputs of ${show(source)} threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  if (image !== undefined) {
    assertNoInternals(image, source, 'the static picture');
    const bad = /\s[\w-]+="[^"]*\b(NaN|Infinity|undefined)\b[^"]*"/.exec(image);
    assert.equal(bad, null, `the static picture of ${show(source)} has an attribute that is not a number: ${bad?.[0].slice(0, 200)}`);
  }
  const reopened = parseNotebook(saved).cells[0]!.outputs;
  assert.equal(reopened.length, outputs.length, `${show(source)}: its outputs survive a save`);
  for (const item of reopened.flatMap((o) => o.items)) if (item.mime === VALUE_MIME) assertRenderable(item.data as unknown as DisplayValue, source);
}

const THEME: Theme = { kind: 'light', foreground: '#333333', background: '#ffffff', border: '#c8c8c8', palette: ['#0000ff', '#ff0000'] };

/** What the notebook renderer makes of a saved output item: its text blocks and charts, with finite layouts. */
function assertRenderable(data: DisplayValue, source: string): void {
  let blocks: unknown;
  let figures: PlotFigure<object>[];
  try {
    blocks = rendererFor(data)?.blocks(data);
    figures = outputFigures(data, THEME);
  } catch (e) {
    assert.fail(`the notebook renderer threw on the output of ${show(source)}: ${e instanceof Error ? e.stack : String(e)}`);
  }
  assertNoInternals(JSON.stringify(blocks ?? []), source, "the renderer's text");
  for (const figure of figures) assertFinite(figure.layout, `the layout of chart ${figure.name} of ${show(source)}`);
}

/** Every number of a chart's layout (ranges, sizes, ticks) finite: plotly draws nothing from NaN. */
function assertFinite(v: unknown, what: string, path = ''): void {
  if (typeof v === 'number') assert.ok(Number.isFinite(v), `${what} holds ${v} at ${path}`);
  else if (Array.isArray(v)) v.forEach((x, i) => assertFinite(x, what, `${path}[${i}]`));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) assertFinite(x, what, `${path}.${k}`);
}

/** JSON of ours never holds `null`: a NaN or infinity is written as a string, a missing field is absent. */
function assertNoNulls(v: unknown, what: string, path = ''): void {
  if (v === null) assert.fail(`${what} holds null at ${path || 'the top'}`);
  if (Array.isArray(v)) v.forEach((x, i) => assertNoNulls(x, what, `${path}[${i}]`));
  else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) assertNoNulls(x, what, `${path}.${k}`);
}

function describeDisplay(d: DisplayValue): string {
  return d.kind === 'error' ? `error: ${d.message}` : d.kind;
}

/** A cell in a failure message: whole when short, its ends when long. */
export function show(source: string): string {
  const s = source.length <= 300 ? source : `${source.slice(0, 150)} ... (${source.length.toLocaleString('en-US')} characters) ... ${source.slice(-100)}`;
  return JSON.stringify(s);
}

/** A full garbage collection, to measure what a session keeps rather than what is not yet collected. */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => undefined;
})();

/** Heap and typed-array bytes in use after a full collection. */
export function liveBytes(): number {
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export { fc };
