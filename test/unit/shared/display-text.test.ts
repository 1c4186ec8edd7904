/** Large values print the NumPy way: both ends of each axis, the shape stated, at once. */
import { strict as assert } from 'assert';
import { displayText } from '../../../src/shared/display-text';
import type { DisplayValue } from '../../../src/shared/output';
import { EDGE_ITEMS, SUMMARY_THRESHOLD } from '../../../src/shared/summary';

const tensor = (shape: number[], data = Array.from({ length: shape.reduce((n, d) => n * d, 1) }, (_, i) => i)): DisplayValue => ({ kind: 'tensor', dtype: 'float64', shape, data });

describe('shared/display-text: large values', () => {
  it('prints a vector up to the threshold whole, past it its first and last items with ... and the size', () => {
    assert.equal(displayText(tensor([5])), 'float64 tensor, shape [5]\n[0, 1, 2, 3, 4]');
    const whole = displayText(tensor([SUMMARY_THRESHOLD]));
    assert.equal(whole.split('\n')[1]!.split(', ').length, SUMMARY_THRESHOLD);
    const big = displayText(tensor([130_000]));
    assert.match(big, /shape \[130000\] \(130,000 elements; past 1,000, the first and last items are shown, as NumPy does\)/);
    assert.match(big, /\n\[0, 1, 2, \.\.\., 129997, 129998, 129999\]$/);
  });

  it('summarises a matrix by rows and columns, columns lined up', () => {
    const lines = displayText(tensor([40, 100])).split('\n');
    assert.equal(lines.length, 1 + 2 * EDGE_ITEMS + 1);
    assert.match(lines[1]!, /^\[\[\s*0,\s+1,\s+2,\s+\.\.\.,\s+97,\s+98,\s+99\],$/);
    assert.equal(lines[4], ' ...,');
    assert.match(lines[7]!, /3999\]\]$/);
    assert.equal(new Set(lines.slice(1).filter((l) => l !== ' ...,').map((l) => l.length)).size <= 2, true, 'rows line up');
  });

  it('prints an empty tensor with a huge dimension at once', () => {
    const started = Date.now();
    assert.equal(displayText({ kind: 'tensor', dtype: 'float64', shape: [1e15, 0], data: [] }), 'float64 tensor, shape [1000000000000000, 0]\n[]');
    assert.ok(Date.now() - started < 100);
  });

  it('prints a long table as its first and last rows, with the count', () => {
    const data = Array.from({ length: 130_000 }, (_, i) => i);
    const text = displayText({ kind: 'table', columns: [{ name: 'x', data }, { name: 'relu(x)', data }] });
    const lines = text.split('\n');
    assert.equal(lines.length, 1 + 5 + 1 + 5 + 1);
    assert.match(lines[6]!, /^\s*\.\.\.\s+\.\.\.$/);
    assert.equal(lines[12], '[130,000 rows × 2 columns; past 60 rows, the first and last 5 are shown]');
  });
});
