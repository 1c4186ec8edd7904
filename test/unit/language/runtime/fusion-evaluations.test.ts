/**
 * Fusion walks an expression once: every leaf is evaluated once per place it
 * appears, whether the expression is fused or not (too few elements, a number
 * where a tensor could be, broadcasting, a function loops cannot call). Counted
 * by an evaluator that counts its name lookups and by a function that counts
 * its calls; an earlier design evaluated subtrees, gave up, and evaluated them
 * again, once per level of the tree.
 */
import { strict as assert } from 'assert';
import type { Expr } from '../../../../src/language/ast';
import { parseExpression, parseProgram } from '../../../../src/language/parser';
import type { Span } from '../../../../src/language/source';
import { Evaluator, type SessionState } from '../../../../src/language/runtime/evaluator';
import type { FunctionValue } from '../../../../src/language/runtime/function-value';
import { fnValue, type Value } from '../../../../src/language/runtime/values';

const N = 5000; // above the fusion threshold

/** Counts every name read: lookupForLoop, which the walk's leaves use and lookup reads through. */
class CountingEvaluator extends Evaluator {
  readonly lookups = new Map<string, number>();
  override lookupForLoop(name: string, span: Span, what?: 'name' | 'function'): Value {
    this.lookups.set(name, (this.lookups.get(name) ?? 0) + 1);
    return super.lookupForLoop(name, span, what);
  }
}

/** counted(t) = t, counting its calls; not a catalogue or math function, so loops never call it. */
class Counted implements FunctionValue {
  calls = 0;
  readonly label = 'counted';
  readonly order = 0;
  readonly name = 'counted';
  call(args: readonly Value[]): Value {
    this.calls++;
    return args[0];
  }
  derivative(): FunctionValue {
    return this;
  }
  formula(): string {
    return 'x';
  }
  latex(): string {
    return 'x';
  }
  kinks(): readonly number[] {
    return [];
  }
}

function session(counted: Counted): SessionState {
  const state: SessionState = { globals: new Map(), defaultDType: 'float64', depth: 0 };
  const setup = [
    `x = linspace(-6, 6, ${N})`, 'small = linspace(-6, 6, 10)', `m = reshape(linspace(0, 1, ${2 * N}), 2, ${N})`,
    's = 0.5', 'f(t) = t - 1',
  ].join('\n');
  const ev = new Evaluator(state, setup);
  for (const statement of parseProgram(setup).statements) ev.execute(statement);
  state.globals.set('counted', fnValue(counted));
  return state;
}

/** How often each name appears in the tree, callees included. */
function occurrences(e: unknown, counts = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(e)) e.forEach((item) => occurrences(item, counts));
  else if (e && typeof e === 'object') {
    const node = e as Expr;
    if (node.type === 'name') counts.set(node.name, (counts.get(node.name) ?? 0) + 1);
    else Object.values(e).forEach((child) => occurrences(child, counts));
  }
  return counts;
}

/** An evaluator for `source` over the session above, counting lookups and calls of counted. */
function counting(source: string): { ev: CountingEvaluator; counted: Counted; expr: Expr } {
  const counted = new Counted();
  return { ev: new CountingEvaluator(session(counted), source), counted, expr: parseExpression(source) };
}

const chain = Array(24).fill('small').join(' + ');

const cases: [string, string][] = [
  ['fused', 'x * sigmoid(1.702 * x)'],
  ['too few elements', 'small * sigmoid(1.702 * small) + 1'],
  ['numbers where tensors could be', 's * sigmoid(1.702 * s) - x'],
  ['broadcasting', 'm * x + sigmoid(x) * 2'],
  ['a user function, which loops cannot call', 'x * f(x) + sigmoid(x) / 2'],
  ['a scalar call inside, then too few elements', 'small * counted(2) + 1'],
  ['a scalar call inside, then broadcasting', 'm * counted(2) * x + 1'],
  ['a tensor call, then fused above it', 'counted(x * 2) * sigmoid(x) + 1'],
  ['fused below a call that is not', 'counted(x * sigmoid(1.702 * x)) - x'],
  ['a long chain of small tensors', chain],
];

describe('language/runtime: fusion evaluates each leaf once', () => {
  for (const [situation, source] of cases) {
    it(`${situation}: ${source.length > 60 ? `${source.slice(0, 40)}…` : source}`, () => {
      const { ev, counted, expr } = counting(source);
      assert.equal(ev.evaluate(expr).kind, 'tensor');
      const want = occurrences(expr);
      assert.equal(counted.calls, want.get('counted') ?? 0, 'calls of counted');
      assert.deepEqual(Object.fromEntries(ev.lookups), Object.fromEntries(want), 'name lookups, by name');
    });
  }

  it('evaluates no leaf after an operation that fails, as without fusion', () => {
    const { ev, counted, expr } = counting('x * "a" + counted(x)');
    assert.throws(() => ev.evaluate(expr), /cannot use a string with \*/);
    assert.deepEqual(Object.fromEntries(ev.lookups), { x: 1 });
    assert.equal(counted.calls, 0);
  });
});
