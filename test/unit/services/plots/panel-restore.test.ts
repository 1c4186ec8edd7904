import { strict as assert } from 'assert';
import { planRestore, type RememberedPanel } from '../../../../src/services/plots/panel-restore';
import { computePlot } from '../../../../src/services/plots/plot-request';
import type { ShowPlotMessage } from '../../../../src/shared/panel-messages';

describe('restoring a plot panel after a reload', () => {
  const tanh: RememberedPanel = { title: 'Plot: tanh', request: { expressions: ['tanh'] }, notes: ['from the palette'] };
  const stale: ShowPlotMessage = { type: 'show', title: 'stale', display: { kind: 'plot', series: [] } as unknown as ShowPlotMessage['display'] };

  it('draws from the remembered request, computed again, whatever state VS Code hands back', () => {
    for (const saved of [undefined, null, {}, 'garbage', stale]) {
      const plan = planRestore('Plot: tanh', saved, [tanh], computePlot);
      assert.equal(plan.source, 'remembered request');
      assert.equal(plan.message.type, 'show');
      if (plan.message.type !== 'show') continue;
      assert.equal(plan.message.title, 'tanh');
      assert.deepEqual(plan.message.notes, ['from the palette']);
      const expected = computePlot(tanh.request);
      assert.ok(expected.ok);
      assert.deepEqual(plan.message.display, expected.display, 'the same plot as when the panel opened');
    }
  });

  it('falls back to the state the page saved when nothing was remembered under the title', () => {
    const plan = planRestore('Plot: relu', stale, [tanh], computePlot);
    assert.equal(plan.source, 'saved state');
    assert.equal(plan.message, stale);
  });

  it('says plainly when there is nothing to draw, instead of a blank panel', () => {
    for (const saved of [undefined, { type: 'show' }, { type: 'show', title: 'x', display: null }]) {
      const plan = planRestore('Plot: relu', saved, [tanh], computePlot);
      assert.equal(plan.source, 'nothing');
      assert.equal(plan.message.type, 'lost');
      if (plan.message.type === 'lost') assert.match(plan.message.message, /not saved before the window reloaded.*Plot it again/);
    }
  });

  it('says why when the remembered request no longer computes', () => {
    // The notebook's definition of g is gone: only f is defined now.
    const broken: RememberedPanel = { title: 'Plot: f', request: { expressions: ['g'], prelude: ['f(x) = relu(x)'] } };
    const plan = planRestore('Plot: f', stale, [broken], computePlot);
    assert.equal(plan.source, 'remembered request');
    assert.equal(plan.message.type, 'lost');
    if (plan.message.type === 'lost') {
      assert.match(plan.message.message, /could not be computed again: .*unknown name 'g'/);
      assert.match(plan.message.message, /Plot it again/);
    }
  });
});
