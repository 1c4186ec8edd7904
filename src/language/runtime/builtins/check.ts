/**
 * check(condition, "hint") and check(value, expected, tol=1e-9, hint="..."): the self-checking
 * exercises of the lessons (LANGUAGE.md). A check never stops the cell: it records a pass or a
 * fail in the session (the cell then shows every check it made, session.ts) and returns it. A
 * failed check is not an error, so a notebook run goes on to its last cell, and
 * `activation-lab run` / `eval` exit 1 at the end.
 *
 * Closeness: |found - expected| <= tol * max(1, |expected|): absolute for expected values up to
 * 1 in size, relative beyond, so tol=1e-9 means "nine digits" for 3 and for 3e12 alike. NaN
 * matches NaN, an infinity only itself.
 */
import { spellNumber, type Tensor } from '../../../engine';
import type { CheckResult } from '../../../shared/output';
import { sliceSpan } from '../../source';
import { runtimeError } from '../call-site';
import { describeValue, type Value } from '../values';
import { numberArg, type CallArguments, type ProcedureSpec } from './procedure';


/** Elements of a tensor written out in a check's message; more are elided. */
const SHOWN_ELEMENTS = 12;

export const DEFAULT_TOLERANCE = 1e-9;

export const checkBuiltins: readonly ProcedureSpec[] = [
  {
    name: 'check', signature: 'check(condition, "hint") or check(value, expected, tol=1e-9, hint="...")',
    summary: 'an exercise\'s test: ✓ when the condition holds (every element of a tensor) or value is within tol of expected, else ✗ with the hint and the value found',
    minArgs: 1, maxArgs: 4, named: ['tol', 'hint'],
    run: (call) => {
      const result = runCheck(call);
      call.site.evaluator.session.checks?.push(result);
      return { kind: 'check', result };
    },
  },
];

function runCheck(call: CallArguments): CheckResult {
  const { args } = call;
  const expression = argumentText(call, 0);
  // check(cond, "hint"): a string second argument is a hint, unless the first is a string too (comparing two strings)
  const conditionForm = args.length === 1 || (args.length === 2 && args[1].kind === 'string' && args[0].kind !== 'string');
  if (conditionForm) {
    if (call.named.has('tol')) throw runtimeError(call.site, 'tol= belongs to check(value, expected, tol=...); check(condition, "hint") has no tolerance');
    if (args.length === 2 && call.named.has('hint')) throw runtimeError(call.site, 'check got its hint twice: as its second argument and as hint=');
    const hint = hintArg(call, args.length === 2 ? args[1] : call.named.get('hint')) ?? expression;
    return { hint, expression, ...conditionOutcome(call, args[0], expression) };
  }
  // check(value, expected, tol, hint), the last two positional or named
  let tolValue = call.named.get('tol');
  let hintValue = call.named.get('hint');
  const extra = args.slice(2);
  if (extra.length === 1 && extra[0].kind === 'string') hintValue = hintValue ?? extra[0];
  else if (extra.length >= 1) {
    if (tolValue !== undefined) throw runtimeError(call.site, 'check got tol twice: as its third argument and as tol=');
    tolValue = extra[0];
    if (extra.length === 2) {
      if (hintValue !== undefined) throw runtimeError(call.site, 'check got its hint twice: as its fourth argument and as hint=');
      hintValue = extra[1];
    }
  }
  const tol = tolValue === undefined ? DEFAULT_TOLERANCE : numberArg(call, tolValue, 'check tol');
  if (!(tol >= 0) || tol === Infinity) throw runtimeError(call.site, `check tol must be a finite number >= 0, got ${spellNumber(tol)}`);
  const hint = hintArg(call, hintValue) ?? `${expression} is ${valueText(args[1])}`;
  return { hint, expression, ...compareOutcome(call, args[0], args[1], tol), expected: valueText(args[1]), tol };
}

type Outcome = Pick<CheckResult, 'passed' | 'found' | 'reason'>;

function conditionOutcome(call: CallArguments, v: Value, expression: string): Outcome {
  const found = valueText(v);
  switch (v.kind) {
    case 'boolean': return { passed: v.value, found };
    case 'number': return { passed: truthy(v.value), found };
    case 'tensor': {
      const data = v.tensor.data;
      if (data.length === 0) return { passed: false, found, reason: `${expression} is empty, so it shows nothing` };
      const failing = countWhere(data.length, (i) => !truthy(data[i]));
      if (failing.count === 0) return { passed: true, found };
      return { passed: false, found, reason: `false at ${failing.count} of ${data.length} elements, first at ${indexText(v.tensor, failing.first)}` };
    }
    default:
      throw runtimeError(call.site, `check's condition must be a comparison, number or tensor (e.g. check(relu(-2) == 0, "relu of a negative")), but got ${describeValue(v)}`);
  }
}

function compareOutcome(call: CallArguments, v: Value, expected: Value, tol: number): Outcome {
  const found = valueText(v);
  if (v.kind === 'string' || expected.kind === 'string') {
    if (v.kind === 'string' && expected.kind === 'string') return { passed: v.value === expected.value, found };
    return { passed: false, found, reason: `found ${describeValue(v)}, expected ${describeValue(expected)}` };
  }
  const a = numbers(call, v, 'value');
  const e = numbers(call, expected, 'expected');
  if (e.data.length !== 1 && !sameShape(a.shape, e.shape)) {
    return { passed: false, found, reason: `the shapes differ: [${a.shape.join(', ')}] and [${e.shape.join(', ')}]` };
  }
  if (a.data.length === 0) return { passed: false, found, reason: 'the value is empty, so it shows nothing' };
  const at = (i: number) => e.data[e.data.length === 1 ? 0 : i];
  const failing = countWhere(a.data.length, (i) => !close(a.data[i], at(i), tol));
  if (failing.count === 0) return { passed: true, found };
  if (a.data.length === 1) return { passed: false, found, reason: `off by ${spellNumber(a.data[0] - at(0))}` };
  const i = failing.first;
  const where = a.tensor ? indexText(a.tensor, i) : `index ${i}`;
  return { passed: false, found, reason: `${failing.count} of ${a.data.length} elements differ, first at ${where}: ${spellNumber(a.data[i])} where ${spellNumber(at(i))} was expected` };
}

interface Numbers {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
  readonly tensor?: Tensor;
}

function numbers(call: CallArguments, v: Value, what: string): Numbers {
  if (v.kind === 'number') return { data: [v.value], shape: [] };
  if (v.kind === 'boolean') return { data: [v.value ? 1 : 0], shape: [] };
  if (v.kind === 'tensor') return v.tensor.rank === 0 ? { data: v.tensor.data, shape: [] } : { data: v.tensor.data, shape: v.tensor.shape, tensor: v.tensor };
  throw runtimeError(call.site, `check compares numbers, tensors or strings, but its ${what} is ${describeValue(v)}`);
}

export function close(found: number, expected: number, tol: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(found);
  if (!Number.isFinite(expected)) return found === expected;
  return Math.abs(found - expected) <= tol * Math.max(1, Math.abs(expected));
}

const truthy = (x: number): boolean => x !== 0 && !Number.isNaN(x);

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

function countWhere(n: number, failing: (i: number) => boolean): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (!failing(i)) continue;
    if (count === 0) first = i;
    count++;
  }
  return { count, first };
}

function indexText(t: Tensor, i: number): string {
  return t.rank === 2 ? `[${Math.floor(i / t.shape[1])}, ${i % t.shape[1]}]` : `index ${i}`;
}

function hintArg(call: CallArguments, v: Value | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v.kind !== 'string') throw runtimeError(call.site, `check's hint must be a string such as "relu(-2) should be 0", but got ${describeValue(v)}`);
  return v.value;
}

/** The i-th argument as written in the cell. */
function argumentText(call: CallArguments, i: number): string {
  const span = call.site.argSpans?.[i];
  return span ? sliceSpan(call.site.evaluator.text, span) : 'the value';
}

/** A value in a check's message: numbers as the language writes them, tensors in brackets (long ones elided). */
export function valueText(v: Value): string {
  switch (v.kind) {
    case 'number': return spellNumber(v.value);
    case 'boolean': return String(v.value);
    case 'string': return JSON.stringify(v.value);
    case 'tensor': return tensorText(v.tensor);
    default: return describeValue(v);
  }
}

function tensorText(t: Tensor): string {
  const row = (start: number, n: number): string => {
    const items = n <= SHOWN_ELEMENTS
      ? Array.from({ length: n }, (_, j) => spellNumber(t.data[start + j]))
      : [...Array.from({ length: 6 }, (_, j) => spellNumber(t.data[start + j])), '...', ...Array.from({ length: 3 }, (_, j) => spellNumber(t.data[start + n - 3 + j]))];
    return `[${items.join(', ')}]`;
  };
  if (t.rank === 0) return spellNumber(t.data[0]);
  if (t.rank === 1) return row(0, t.shape[0]);
  const [rows, cols] = t.shape;
  const shown = rows <= SHOWN_ELEMENTS ? Array.from({ length: rows }, (_, r) => r) : [0, 1, 2, -1, rows - 2, rows - 1];
  return `[${shown.map((r) => (r < 0 ? '...' : row(r * cols, cols))).join(', ')}]`;
}
