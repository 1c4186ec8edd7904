/** A re-run plot starts where its sliders were left (services/plots/recorded-sliders.ts): the kernel's and the CLI's part. */
import { strict as assert } from 'assert';
import { Session } from '../../../../src/language';
import { fromJsonNumber, type DisplayValue, type PlotDisplay } from '../../../../src/shared/output';
import { recordOf } from '../../../../src/shared/slider-state';
import { atRecordedSliders } from '../../../../src/services/plots/recorded-sliders';

function run(...cells: string[]): DisplayValue {
  const session = new Session();
  let d: DisplayValue = { kind: 'none' };
  for (const cell of cells) d = session.run(cell).display;
  return d;
}

describe('services/plots/recorded-sliders: a re-run starts where the sliders were left', () => {
  it('draws the plot at the recorded positions, its sliders standing there', () => {
    const p = run('plot(leaky_relu(alpha=slider(0, 1)), elu(alpha=slider(0.1, 3)))') as PlotDisplay;
    const moved = atRecordedSliders(p, recordOf(p.live!.sliders, [0.42, 1])) as PlotDisplay;
    assert.deepEqual(moved.series.map((s) => s.name), ['leaky_relu(alpha=0.42)', "leaky_relu(alpha=0.42)'", 'elu(alpha=1)', "elu(alpha=1)'"]);
    const x = moved.series[0]!.x!.map(fromJsonNumber);
    moved.series[0]!.y.map(fromJsonNumber).forEach((y, i) => assert.equal(y, x[i]! > 0 ? x[i] : 0.42 * x[i]!));
    assert.deepEqual(moved.live!.sliders.map((s) => [s.name, s.value, s.start]), [['alpha', 0.42, 0.01], ['elu.alpha', 1, undefined]]);
    assert.equal(moved.live!.plot, p.live!.plot);
    // the same numbers as the kernel gives when the source says 0.42 (fused loops there, none in the renderer)
    const direct = run('plot(leaky_relu(alpha=0.42), elu(alpha=1), from=-12, to=5)') as PlotDisplay;
    assert.deepEqual(moved.series.map((s) => s.y), direct.series.map((s) => s.y));
  });

  it('leaves alone what the record does not move: another declaration, another kind, no record', () => {
    const p = run('plot(leaky_relu(alpha=slider(0, 1)))') as PlotDisplay;
    const record = recordOf(p.live!.sliders, [0.42]);
    const edited = run('plot(leaky_relu(alpha=slider(0, 1, value=0.7)))') as PlotDisplay;
    assert.equal(atRecordedSliders(edited, record), edited, 'value= changed since: the source wins');
    assert.equal(atRecordedSliders(p, undefined), p);
    assert.equal(atRecordedSliders(p, {}), p);
    const f = run('elu');
    assert.equal(atRecordedSliders(f, record), f);
  });

  it('keeps the source\'s start when the recorded place cannot be drawn', () => {
    const p = run('plot(hardtanh(min_val=slider(-2, 0.5), max_val=slider(0, 2)))') as PlotDisplay;
    assert.ok(p.live);
    const crossed = recordOf(p.live.sliders, [0.5, 0]);
    assert.equal(atRecordedSliders(p, crossed), p, 'min_val > max_val is refused; the plot stays as run');
  });
});
