/** What a cell error's diagnostic underlines: the span the error output carries, from a real Session run. */
import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';
import type { ErrorDisplay } from '../../../../src/shared/output';
import { errorRange, type CellLines, type TextRange } from '../../../../src/services/cells/error-range';

/** A cell's text as a document's lines (VS Code's lines hold no line break). */
function linesOf(text: string): CellLines {
  const lines = text.split(/\r?\n/);
  return { lineCount: lines.length, lineAt: (line) => ({ text: lines[line]! }) };
}

/** The text a range covers, lines joined by "\n". */
function covered(text: string, range: TextRange): string {
  const lines = text.split(/\r?\n/);
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [
    lines[range.start.line]!.slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line]!.slice(0, range.end.character),
  ].join('\n');
}

/** Runs `source` in a fresh session: it must fail. Returns its error output. */
function errorOf(source: string): ErrorDisplay {
  const { display } = new Session().run(source);
  assert.equal(display.kind, 'error', `expected ${JSON.stringify(source)} to fail`);
  return display as ErrorDisplay;
}

/** What the squiggle of `source`'s error covers, as the editor shows `shown` (by default the same text). */
function underlined(source: string, shown = source): string {
  const range = errorRange(errorOf(source), linesOf(shown));
  assert.ok(range, 'no range');
  return covered(shown, range);
}

describe('errorRange (what a cell error underlines)', () => {
  it('covers a whole unknown name, not its first letter or the call', () => {
    assert.equal(underlined('reluu(x)'), 'reluu');
    const e = errorOf('reluu(x)');
    assert.deepEqual([e.line, e.column, e.endLine, e.endColumn], [1, 1, 1, 6]);
  });

  it('covers an unknown name on a later line, after other text', () => {
    assert.equal(underlined('x = 1\ny = 2 * reluu(x)'), 'reluu');
    assert.equal(underlined('f(x) = x +\n  zz * 2\nf(1)'), 'zz');
  });

  it('covers a whole offending expression, which the old guess cut at the first bracket or space', () => {
    assert.equal(underlined('[1, 2] + [1, 2, 3]'), '[1, 2] + [1, 2, 3]');
    assert.equal(underlined('y = relu(1, 2, 3) + 1'), 'relu(1, 2, 3)');
    assert.equal(underlined('sigmoid("a")'), 'sigmoid("a")');
    assert.equal(underlined('leaky_relu(alpha="a")(1)'), 'leaky_relu(alpha="a")');
  });

  it('covers an expression across lines', () => {
    assert.equal(underlined('z = [1, 2] +\n  [1, 2, 3]'), '[1, 2] +\n  [1, 2, 3]');
    assert.equal(underlined('z = [1, 2] +\r\n  [1, 2, 3]'), '[1, 2] +\n  [1, 2, 3]');
  });

  it('marks the whole line for an error at its end, where the span is empty', () => {
    const e = errorOf('relu(x');
    assert.deepEqual([e.column, e.endColumn], [7, 7]);
    assert.equal(underlined('relu(x'), 'relu(x');
  });

  it('marks one character for an error output saved without an end', () => {
    const old: ErrorDisplay = { kind: 'error', message: 'unknown name', line: 2, column: 3 };
    assert.equal(covered('a\nb zz', errorRange(old, linesOf('a\nb zz'))!), 'z');
  });

  it('keeps inside the text when the cell was edited while it ran', () => {
    assert.equal(underlined('x = 1\ny = reluu(x) + 1', 'x = 1\ny = re'), 're');
    assert.equal(underlined('x = 1\ny = reluu(x)', 'x = 1'), 'x = 1');
  });

  it('underlines nothing for an error without a place (an interrupt)', () => {
    const interrupted: ErrorDisplay = { kind: 'error', message: 'interrupted', line: 0, column: 0 };
    assert.equal(errorRange(interrupted, linesOf('train(...)')), undefined);
  });
});
