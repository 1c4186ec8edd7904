/**
 * A cell's display back from its outputs (displayOfOutputs), as Export Notebook as HTML reads a
 * notebook without running it: what cellOutputItems wrote, through JSON as VS Code keeps it.
 */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language/runtime/session';
import { VALUE_MIME, type DisplayValue } from '../../../src/shared/output';
import { cellOutputItems, displayOfOutputs } from '../../../src/shared/output-items';

/** The cell's outputs as an editor holds them: each output's JSON item, parsed again (undefined: none). */
const held = (d: DisplayValue): (DisplayValue | undefined)[] =>
  cellOutputItems(d).map((items) => {
    const item = items.find((i) => i.mime === VALUE_MIME);
    return item && (JSON.parse(JSON.stringify(item.data)) as DisplayValue);
  });

describe('shared/output-items: displayOfOutputs', () => {
  it('gives back a plot with sliders, its source and grid as the renderer reads them', () => {
    const d = new Session().run('plot(leaky_relu(alpha=slider(0, 1)))').display;
    assert.equal(d.kind, 'plot');
    const back = displayOfOutputs(held(d));
    assert.equal(back?.kind, 'plot');
    assert.ok(back?.kind === 'plot' && back.live, 'the live source is kept');
    assert.equal(back.series.length, d.kind === 'plot' ? d.series.length : -1);
  });

  it('puts a cell value shown above its checks back into the checks', () => {
    const d = new Session().run('check(relu(2) == 2, "relu keeps 2")\nrelu([-1, 3])').display;
    assert.equal(d.kind, 'check');
    assert.equal(held(d).length, 2, 'two outputs: the value, then the checks');
    const back = displayOfOutputs(held(d));
    assert.ok(back?.kind === 'check' && back.passed && back.shown?.kind === 'tensor', JSON.stringify(back).slice(0, 300));
  });

  it('gives back an error, and nothing for a cell without outputs or with foreign ones', () => {
    const d = new Session().run('reluu(1)').display;
    assert.equal(d.kind, 'error');
    assert.equal(displayOfOutputs(held(d))?.kind, 'error');
    assert.equal(displayOfOutputs([]), undefined);
    assert.equal(displayOfOutputs([undefined]), undefined);
  });
});
