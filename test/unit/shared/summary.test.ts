/** Large results reach a notebook output as much as is shown of them: the NumPy way, kilobytes. */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language/runtime/session';
import { displayText } from '../../../src/shared/display-text';
import { outputItems } from '../../../src/shared/output-items';
import { VALUE_MIME, type DisplayValue, type TableDisplay, type TensorDisplay } from '../../../src/shared/output';
import { GAP, summarised, tensorSummary } from '../../../src/shared/summary';
import { tableView, tensorView } from '../../../src/renderer/tables';

const run = (source: string): DisplayValue => new Session().run(source).display;

describe('shared/summary: large outputs are carried summarised', () => {
  it('a 5-million-element tensor becomes its 36 shown elements, its shape kept, its text the same', () => {
    const full = run('reshape(arange(0, 5000000), 500, 10000)') as TensorDisplay;
    const small = summarised(full) as TensorDisplay;
    assert.deepEqual(small.shape, [500, 10000]);
    assert.deepEqual(small.summary, { rows: [0, 1, 2, GAP, 497, 498, 499], cols: [0, 1, 2, GAP, 9997, 9998, 9999] });
    assert.equal(small.data.length, 36);
    assert.deepEqual(small.data.slice(0, 4), [0, 1, 2, 9997]);
    assert.equal(small.data[35], 4_999_999);
    assert.equal(displayText(small), displayText(full), 'the text reads the same from either');
    const item = outputItems(full).find((i) => i.mime === VALUE_MIME)!;
    assert.ok(JSON.stringify(item.data).length < 2_000, `the output item is ${JSON.stringify(item.data).length} characters`);
    assert.equal(summarised(small), small, 'summarising twice changes nothing');
  });

  it('a session given tensorSummary displays a large tensor summarised from the start, as summarised() would', () => {
    const sources = [
      'reshape(arange(0, 5000000), 500, 10000)', 'linspace(-1, 1, 5001, dtype="float32")', 'reshape(arange(0, 24000), 20, 30, 40)',
      'log(arange(-2, 2000))', 'linspace(0, 1, 1000)', 'relu',
    ];
    for (const source of sources) {
      const whole = run(source);
      const direct = new Session({ tensorSummary }).run(source).display;
      assert.deepEqual(direct, summarised(whole), source);
      assert.equal(displayText(direct), displayText(whole), source);
    }
  });

  it('a vector past the threshold keeps both ends; small ones stay whole', () => {
    const v = summarised(run('linspace(0, 1, 5001)')) as TensorDisplay;
    assert.deepEqual(v.summary, { rows: [0], cols: [0, 1, 2, GAP, 4998, 4999, 5000] });
    assert.deepEqual(v.data, [0, 0.0002, 0.0004, 0.9996, 0.9998, 1]);
    const small = run('linspace(0, 1, 1000)');
    assert.equal(summarised(small), small);
  });

  it('a long table keeps its first and last rows and its count', () => {
    const t = summarised(run('x = linspace(0, 1, 130000)\ntable(x, relu(x))')) as TableDisplay;
    assert.equal(t.summary?.total, 130_000);
    assert.deepEqual(t.summary?.rows, [0, 1, 2, 3, 4, GAP, 129995, 129996, 129997, 129998, 129999]);
    assert.equal(t.columns[0]!.data.length, 10);
    assert.match(displayText(t), /\[130,000 rows × 2 columns/);
  });

  it('the renderer draws a summarised tensor and table with their real indices and ellipses', () => {
    const view = tensorView(summarised(run('reshape(arange(0, 4000), 40, 100)')) as TensorDisplay);
    assert.deepEqual(view.header, ['0', '1', '2', '…', '97', '98', '99']);
    assert.deepEqual(view.rowLabels, ['0', '1', '2', '…', '37', '38', '39']);
    assert.deepEqual(view.rows[3], ['…', '…', '…', '…', '…', '…', '…']);
    assert.deepEqual(view.rows[6]!.slice(-1), ['3999']);
    assert.match(view.note ?? '', /first and last 3 of each axis of 4,000 elements/);
    const table = tableView(summarised(run('x = linspace(0, 1, 100)\ntable(x)')) as TableDisplay);
    assert.equal(table.rows.length, 11);
    assert.match(table.note ?? '', /first and last 5 of 100 rows/);
  });
});
