import { strict as assert } from 'assert';
import { formatValue, MAX_TENSOR_ELEMENTS, tableView, tensorView } from '../../../src/renderer/tables';

describe('renderer tables', () => {
  it('formats numbers as LANGUAGE.md does', () => {
    assert.deepEqual(['NaN', 'Infinity', '-Infinity', -0, 0.5, undefined].map((v) => formatValue(v as never)), ['nan', 'inf', '-inf', '-0', '0.5', '']);
  });

  it('a vector is one row with dtype and shape in the caption, its header labelled as indices, its row as values', () => {
    const v = tensorView({ kind: 'tensor', dtype: 'float32', shape: [3], data: [1, 'NaN', 3] });
    assert.equal(v.caption, 'float32 tensor, shape [3]');
    assert.deepEqual([v.corner, ...v.header], ['index', '0', '1', '2']);
    assert.deepEqual(v.rows, [['1', 'nan', '3']]);
    assert.deepEqual(v.rowLabels, ['value']);
    assert.equal(v.note, undefined);
  });

  it('a matrix is one row per row, rows and columns labelled as indices', () => {
    const v = tensorView({ kind: 'tensor', dtype: 'float64', shape: [2, 2], data: [1, 2, 3, 4] });
    assert.deepEqual(v.rows, [['1', '2'], ['3', '4']]);
    assert.deepEqual(v.rowLabels, ['0', '1']);
    assert.equal(v.corner, 'row \\ col');
  });

  it('a scalar tensor and higher ranks', () => {
    assert.deepEqual(tensorView({ kind: 'tensor', dtype: 'float32', shape: [], data: [7] }).rows, [['7']]);
    const v = tensorView({ kind: 'tensor', dtype: 'float32', shape: [2, 2, 2], data: [1, 2, 3, 4, 5, 6, 7, 8] });
    assert.deepEqual(v.rowLabels, ['[0, 0]', '[0, 1]', '[1, 0]', '[1, 1]']);
    assert.deepEqual(v.rows[3], ['7', '8']);
  });

  it(`caps the display at ${MAX_TENSOR_ELEMENTS} elements with a note`, () => {
    const big = tensorView({ kind: 'tensor', dtype: 'float32', shape: [1000], data: Array.from({ length: 1000 }, (_, i) => i) });
    assert.equal(big.rows[0].length, MAX_TENSOR_ELEMENTS);
    assert.match(big.note ?? '', /showing 200 of 1000 elements/);
    const m = tensorView({ kind: 'tensor', dtype: 'float32', shape: [100, 30], data: Array.from({ length: 3000 }, (_, i) => i) });
    assert.ok(m.rows.length * m.rows[0].length <= MAX_TENSOR_ELEMENTS);
    assert.equal(m.rows[1][0], '30', 'rows stay aligned');
    assert.match(m.note ?? '', /6 of 100 rows/);
    const wide = tensorView({ kind: 'tensor', dtype: 'float32', shape: [2, 500], data: Array.from({ length: 1000 }, (_, i) => i) });
    assert.deepEqual([wide.rows.length, wide.rows[0].length], [1, 200]);
    const empty = tensorView({ kind: 'tensor', dtype: 'float32', shape: [0], data: [] });
    assert.deepEqual(empty.rows, []);
    assert.deepEqual(empty.rowLabels, []);
  });

  it('a table has its column names as headers and pads short columns', () => {
    const v = tableView({ kind: 'table', columns: [{ name: '<x>', data: [1, 2] }, { name: 'y', data: ['NaN'] }] });
    assert.deepEqual(v.header, ['<x>', 'y'], 'raw text: the renderer sets it with textContent');
    assert.deepEqual(v.rows, [['1', 'nan'], ['2', '']]);
    assert.equal(tableView({ kind: 'table', columns: [{ name: 'a', data: [1, 2, 3] }] }, 2).note, 'showing 2 of 3 rows');
  });
});
