/** Static SVG pictures in a saved notebook: only when asked for, drawn from the saved JSON, placed after it. */
import { strict as assert } from 'assert';
import { Session } from '../../../../src/language';
import { withStaticImages, type CellOutput, type JsonValue, type Notebook } from '../../../../src/services/notebook-format/format';
import { outputItems } from '../../../../src/shared/output-items';
import { TEXT_MIME, VALUE_MIME, type DisplayValue } from '../../../../src/shared/output';
import { staticImage, SVG_MIME } from '../../../../src/shared/static-image';

const SVG = /^<svg[\s\S]*<\/svg>\s*$/;

/** One output per source, as the kernel makes it (no picture). */
function notebookOf(...sources: string[]): Notebook {
  const session = new Session();
  return {
    metadata: {},
    cells: sources.map((source) => {
      const items = outputItems(session.run(source).display).map((i) => ({ mime: i.mime, data: i.data as unknown as JsonValue }));
      return { kind: 'code' as const, source, outputs: items.length ? [{ items }] : [] };
    }),
  };
}
const mimes = (nb: Notebook): string[][] => nb.cells.map((c) => c.outputs.flatMap((o) => o.items.map((i) => i.mime)));

describe('static images in saved notebooks', () => {
  const sources = ['relu', 'plot(relu, gelu)', '[1, 2]', 'plot(gradflow(sigmoid))', 'train(mlp([2, 4, 1]), dataset("xor"), epochs=2)', 'x = 1', 'rleu(1)'];

  it('the kernel makes none: our JSON and text only', () => {
    assert.deepEqual(mimes(notebookOf('relu', 'plot(relu, gelu)', '[1, 2]')), [[VALUE_MIME, TEXT_MIME], [VALUE_MIME, TEXT_MIME], [VALUE_MIME, TEXT_MIME]]);
  });

  it('asked for: one SVG right after the JSON of every chart, drawn from the saved JSON', () => {
    const nb = notebookOf(...sources);
    const saved = withStaticImages(nb, true);
    const chart = [VALUE_MIME, SVG_MIME, TEXT_MIME];
    assert.deepEqual(mimes(saved), [chart, chart, [VALUE_MIME, TEXT_MIME], chart, chart, [], ['application/vnd.code.notebook.error', VALUE_MIME]]);
    saved.cells.forEach((c, i) => {
      const svg = c.outputs[0]?.items.find((it) => it.mime === SVG_MIME);
      if (!svg) return;
      assert.match(svg.data as string, SVG);
      assert.equal(svg.data, staticImage(nb.cells[i].outputs[0].items[0].data as unknown as DisplayValue), `cell ${i + 1}`);
    });
    assert.deepEqual(mimes(nb), mimes(notebookOf(...sources)), 'the notebook given is not changed');
  });

  it('draws a saved plot (shared grid, rounded samples) as the exact display would be drawn', () => {
    const exact = new Session().run('plot(relu, gelu)').display;
    const saved = withStaticImages(notebookOf('plot(relu, gelu)'), true).cells[0].outputs[0].items[1].data as string;
    const polylines = (svg: string) => (svg.match(/<polyline /g) ?? []).length;
    assert.equal(polylines(saved), polylines(staticImage(exact)!));
    assert.equal(polylines(saved), 4);
  });

  it('not asked for: drops the pictures of older files, leaves everything else', () => {
    const old = withStaticImages(notebookOf(...sources), true);
    const saved = withStaticImages(old, false);
    assert.deepEqual(saved, notebookOf(...sources));
    const plain = notebookOf('[1, 2]');
    assert.equal(withStaticImages(plain, false).cells[0].outputs[0], plain.cells[0].outputs[0], 'no copy where nothing changes');
  });

  it('keeps a picture that is already there, so saving again changes no line', () => {
    const once = withStaticImages(notebookOf('relu'), true);
    const kept: CellOutput = { items: once.cells[0].outputs[0].items.map((i) => (i.mime === SVG_MIME ? { ...i, data: '<svg>older drawing</svg>' } : i)) };
    const again = withStaticImages({ metadata: {}, cells: [{ ...once.cells[0], outputs: [kept] }] }, true);
    assert.equal(again.cells[0].outputs[0].items[1].data, '<svg>older drawing</svg>');
  });

  it('leaves outputs that are not ours alone, and never fails over JSON it cannot draw', () => {
    const foreign: CellOutput = { items: [{ mime: 'text/html', data: '<b>x</b>' }, { mime: SVG_MIME, data: '<svg/>' }] };
    const broken: CellOutput = { items: [{ mime: VALUE_MIME, data: { kind: 'plot', series: 'not an array' } }, { mime: TEXT_MIME, data: 'plot' }] };
    const odd: CellOutput = { items: [{ mime: VALUE_MIME, data: null }] };
    const nb: Notebook = { metadata: {}, cells: [{ kind: 'code', source: '', outputs: [foreign, broken, odd] }] };
    for (const save of [true, false]) assert.deepEqual(withStaticImages(nb, save).cells[0].outputs, [foreign, broken, odd]);
  });

  it('a running training (an interim display) gets none', () => {
    const running = { kind: 'training', status: 'running', epochs: 0, plannedEpochs: 5, settings: '', network: { kind: 'network', dtype: 'float64', layers: [], parameters: 0 }, columns: ['epoch', 'loss'], history: [] } as const;
    assert.equal(staticImage(running as unknown as DisplayValue), undefined);
    assert.match(staticImage({ ...running, status: 'done' } as unknown as DisplayValue)!, SVG);
  });
});
