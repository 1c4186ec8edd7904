/**
 * A seeded generator of expression trees shaped like the parser's output
 * (non-negative number literals with their spelling, identifiers that are not
 * keywords, unique named arguments, fields other than T), covering every node
 * type and operator, for the formatter's round-trip property.
 */
import type { BinaryOperator, Expr, NamedArgument } from '../../../../src/language/ast';

/** mulberry32: small, seedable, good enough for test inputs. */
export { mulberry32 as rng } from '../../helpers/prng';

const span = { start: 0, end: 0 };
const numberTexts = ['0', '1', '2', '0.5', '.5', '1e-3', '2.5E+4', '10', '1.', '3.14159', '1e5', '007'];
const names = ['x', 'y', 'a', 'relu', 'sigmoid', 'e', 'T', 'leaky_relu', 'f_2'];
const fieldNames = ['name', 'e5', 'E2', 'weight', 'x'];
const strings = ['tanh', '', 'a"b', 'back\\slash', 'two\nlines', 'tab\there'];
const operators: BinaryOperator[] = ['+', '-', '*', '/', '%', '@', '^', '==', '!=', '<', '<=', '>', '>='];
const namedNames = ['alpha', 'beta', 'from', 'to', 'approximate'];

export function randomExpression(random: () => number, depth: number): Expr {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const leaf = depth <= 0 || random() < 0.2;
  if (leaf) {
    const r = random();
    if (r < 0.35) {
      const text = pick(numberTexts);
      return { type: 'number', value: Number(text), text, span };
    }
    if (r < 0.85) return { type: 'name', name: pick(names), span };
    if (r < 0.93) return { type: 'string', value: pick(strings), span };
    return { type: 'boolean', value: random() < 0.5, span };
  }
  const sub = (): Expr => randomExpression(random, depth - 1);
  const r = random();
  if (r < 0.15) return { type: 'unary', op: random() < 0.8 ? '-' : '+', operand: sub(), span };
  if (r < 0.55) return { type: 'binary', op: pick(operators), left: sub(), right: sub(), span };
  if (r < 0.7) {
    const args = Array.from({ length: Math.floor(random() * 3) }, sub);
    const named: NamedArgument[] = [];
    for (const name of namedNames) if (random() < 0.15) named.push({ name, nameSpan: span, value: sub() });
    return { type: 'call', callee: sub(), args, named, span };
  }
  if (r < 0.76) return { type: 'index', target: sub(), indices: Array.from({ length: 1 + Math.floor(random() * 2) }, sub), span };
  if (r < 0.8) return { type: 'transpose', target: sub(), span };
  if (r < 0.85) return { type: 'field', target: sub(), name: pick(fieldNames), span };
  if (r < 0.93) return { type: 'derivative', target: sub(), order: 1 + Math.floor(random() * 3), span };
  return { type: 'vector', elements: Array.from({ length: Math.floor(random() * 4) }, sub), span };
}
