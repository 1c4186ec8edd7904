/** Where sliders were left, as a cell's metadata keeps it (shared/slider-state.ts). */
import { strict as assert } from 'assert';
import type { LivePlot, PlotSlider } from '../../../src/shared/output';
import {
  metadataWithRecord, recordedValue, recordInMetadata, recordOf, sameRecord, slidersAt,
} from '../../../src/shared/slider-state';

const alpha: PlotSlider = { name: 'alpha', variable: '__slider_0', min: 0, max: 1, step: 0.01, value: 0.01 };
const beta: PlotSlider = { name: 'elu.alpha', variable: '__slider_1', min: 0.1, max: 3, step: 0.029, value: 1 };
const live: LivePlot = { definitions: '', plot: 'plot(leaky_relu(alpha=__slider_0), elu(alpha=__slider_1))', sliders: [alpha, beta] };

describe('shared/slider-state: sliders kept where they were left', () => {
  it('records every slider with the declaration it was moved under', () => {
    const record = recordOf(live.sliders, [0.42, 1]);
    assert.deepEqual(record, {
      alpha: { value: 0.42, min: 0, max: 1, step: 0.01, start: 0.01 },
      'elu.alpha': { value: 1, min: 0.1, max: 3, step: 0.029, start: 1 },
    });
    // a slider standing at a recorded place records where its source starts it, not where it stands
    assert.equal(recordOf([{ ...alpha, value: 0.42, start: 0.01 }], [0.5]).alpha!.start, 0.01);
  });

  it('moves the sliders the record holds as the cell declares them now, within range', () => {
    const record = recordOf(live.sliders, [0.42, 2.5]);
    assert.deepEqual(slidersAt(live, record), [{ ...alpha, value: 0.42, start: 0.01 }, { ...beta, value: 2.5, start: 1 }]);
    assert.equal(slidersAt(live, recordOf(live.sliders, [0.01, 1])), undefined, 'where they are: nothing moves');
    assert.equal(slidersAt(live, {}), undefined);
    // the source changed: value= (the start), the range or the step; that slider starts from the source again
    for (const changed of [{ ...alpha, value: 0.3 }, { ...alpha, max: 2 }, { ...alpha, step: 0.1 }]) {
      assert.equal(recordedValue(changed, record), undefined, JSON.stringify(changed));
    }
    assert.equal(recordedValue({ ...alpha, name: 'lambd' }, record), undefined, 'another name');
    assert.equal(recordedValue(alpha, { alpha: { ...record.alpha!, value: 7 } }), undefined, 'out of range');
    // back at its start, a slider drops `start`
    const moved = slidersAt(live, record)!;
    assert.deepEqual(slidersAt({ ...live, sliders: moved }, recordOf(moved, [0.01, 2.5]))![0], alpha);
  });

  it('reads only well-formed entries from metadata, which is the user\'s file', () => {
    const good = { value: 0.5, min: 0, max: 1, step: 0.01, start: 0 };
    const metadata = { activationLab: { sliders: { alpha: good, bad: { value: 'x' }, worse: null, nan: { ...good, value: NaN } } } };
    assert.deepEqual(recordInMetadata(metadata), { alpha: good });
    for (const m of [undefined, null, {}, { activationLab: 3 }, { activationLab: { sliders: [good] } }]) assert.deepEqual(recordInMetadata(m), {});
    assert.equal(recordedValue({ ...alpha, name: '__proto__' }, recordInMetadata({ activationLab: { sliders: {} } })), undefined);
  });

  it('writes the record into metadata keeping everything else, and drops it when empty', () => {
    const record = recordOf([alpha], [0.5]);
    const before = { tags: ['x'], __extra: { y: 1 }, activationLab: { other: true } };
    const after = metadataWithRecord(before, record);
    assert.deepEqual(after, { tags: ['x'], __extra: { y: 1 }, activationLab: { other: true, sliders: record } });
    assert.deepEqual(recordInMetadata(after), record);
    assert.deepEqual(metadataWithRecord(after, {}), before);
    assert.deepEqual(metadataWithRecord(undefined, {}), {});
    assert.deepEqual(before, { tags: ['x'], __extra: { y: 1 }, activationLab: { other: true } }, 'not changed in place');
  });

  it('tells an unchanged record (nothing to write) from a changed one', () => {
    const a = recordOf(live.sliders, [0.42, 1]);
    assert.ok(sameRecord(a, recordOf(live.sliders, [0.42, 1])));
    assert.ok(!sameRecord(a, recordOf(live.sliders, [0.43, 1])));
    assert.ok(!sameRecord(a, recordOf([alpha], [0.42])));
    assert.ok(!sameRecord(a, recordOf([{ ...alpha, value: 0.3 }, beta], [0.42, 1])), 'another start');
    assert.ok(sameRecord({}, {}));
  });
});
