import { strict as assert } from 'assert';
import { parseExpression, printAst, subexpressions, type Expr } from '../../../src/language';

/** Every node below `expr`, depth first, as the source text it spans. */
function walk(expr: Expr, text: string): string[] {
  return subexpressions(expr).flatMap((e) => [text.slice(e.span.start, e.span.end), ...walk(e, text)]);
}

describe('subexpressions (the operands of a node, in source order)', () => {
  it('reaches every operand of every kind of node', () => {
    const text = "-f(a, b=c)[d, 1].T.w' + [g, \"s\", true] * 2";
    assert.deepEqual(walk(parseExpression(text), text), [
      "-f(a, b=c)[d, 1].T.w'", "f(a, b=c)[d, 1].T.w'", 'f(a, b=c)[d, 1].T.w', 'f(a, b=c)[d, 1].T', 'f(a, b=c)[d, 1]',
      'f(a, b=c)', 'f', 'a', 'c', 'd', '1',
      '[g, "s", true] * 2', '[g, "s", true]', 'g', '"s"', 'true', '2',
    ]);
  });

  it('has none for numbers, strings, booleans and names', () => {
    for (const text of ['1', '"s"', 'false', 'x']) assert.deepEqual(subexpressions(parseExpression(text)), [], printAst(parseExpression(text)));
  });
});
